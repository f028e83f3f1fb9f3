// First-run setup needs the one-time code the server prints at start (or `mamori setup-code` prints):
// reaching the port first is not enough to become the administrator. The code is the same for every server on
// one database, outlives a restart, is counted by the guess throttle and is gone once setup is done.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <cctype>
#include <future>
#include <regex>

#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";
constexpr int kAddressGuesses = 30;  // IdentitySettings::address_failures

json setup_body(const std::string& code) {
    return {{"setup_code", code},
            {"organisation_kind", "clinic"},
            {"organisation_name", "テスト内科クリニック"},
            {"login", "admin@clinic.example"},
            {"display_name", "管理 太郎"},
            {"password", kPassword}};
}

// printed_code: the code in a `mamori setup-code` output ("setup code: XXXX-XXXX-XXXX").
std::string printed_code(const std::string& output) {
    std::smatch m;
    const std::regex line(R"(setup code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}))");
    return std::regex_search(output, m, line) ? m[1].str() : std::string();
}

void expect_setup_code_problem(const HttpResult& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    const auto problem = r.json();
    ASSERT_TRUE(problem.contains("errors")) << r.body;
    EXPECT_EQ(problem["errors"][0]["field"], "setup_code") << r.body;
}

class FirstRunSetup : public ::testing::Test {
  protected:
    std::filesystem::path db() const { return dir_.path() / "setup.db"; }
    std::string url() const { return database_url(db()); }
    SessionClient client(const ServerProcess& server) const {
        return SessionClient(server.host(), server.port());
    }

    TempDir dir_;
};

TEST_F(FirstRunSetup, TheServerPrintsAndLogsACodeAndSetupNeedsIt) {
    ServerProcess server(db());
    const std::string code = server.setup_code();
    ASSERT_FALSE(code.empty()) << server.console();
    EXPECT_TRUE(contains(server.console(), "http://127.0.0.1:" + std::to_string(server.port()) + "/"))
        << server.console();
    EXPECT_TRUE(server.wait_for_log("\"setup_code\":\"" + code + "\"", 5000)) << server.log();

    SessionClient c = client(server);
    json without = setup_body(code);
    without.erase("setup_code");
    expect_setup_code_problem(c.post("/api/v1/setup", without), 400);
    expect_setup_code_problem(c.post("/api/v1/setup", setup_body("ABCD-EFGH-JKMN")), 403);
    expect_setup_code_problem(c.post("/api/v1/setup", setup_body("")), 403);
    EXPECT_EQ(c.get("/api/v1/setup").json()["needed"], true) << "a refused setup created nobody";

    // Typed as people type it: lower case, without the dashes.
    std::string typed;
    for (const char ch : code)
        if (ch != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const auto done = c.post("/api/v1/setup", setup_body(typed));
    ASSERT_EQ(done.status, 201) << done.body;
    EXPECT_EQ(done.json()["mfa"], "enrol");

    // Gone once used: nobody can repeat the setup with it.
    EXPECT_EQ(client(server).post("/api/v1/setup", setup_body(code)).status, 409);
}

TEST_F(FirstRunSetup, WrongCodesAreCountedByTheGuessThrottle) {
    ServerProcess server(db());
    const std::string code = server.setup_code();
    ASSERT_FALSE(code.empty()) << server.console();
    for (int i = 0; i < kAddressGuesses; ++i)
        ASSERT_EQ(
            client(server).post("/api/v1/setup", setup_body("WRNG-CODE-" + std::to_string(1000 + i))).status,
            403);
    // The address has used its guesses: even the right code waits now.
    EXPECT_EQ(client(server).post("/api/v1/setup", setup_body(code)).status, 429);
}

TEST_F(FirstRunSetup, TheCodeOutlivesARestartAndIsNotPrintedAgain) {
    std::string code;
    {
        ServerProcess first(db());
        code = first.setup_code();
        ASSERT_FALSE(code.empty()) << first.console();
        first.signal(SIGTERM);
        ASSERT_EQ(first.wait_exit(15000), 0);
    }
    ServerProcess again(db());
    EXPECT_EQ(again.setup_code(), "") << again.console();
    EXPECT_TRUE(contains(again.console(), "mamori setup-code")) << again.console();
    EXPECT_EQ(client(again).post("/api/v1/setup", setup_body(code)).status, 201);
}

TEST_F(FirstRunSetup, TwoServersStartingAtOnceOnOneDatabaseAgreeOnOneCode) {
    // Both start together (as a scaled install's servers do after a deployment): one of them makes the code.
    // The schema is applied first, as docs/operations.md says to: two servers creating schema_migrations on a
    // PostgreSQL database never migrated can collide (CREATE TABLE IF NOT EXISTS is not safe against a
    // concurrent create), which is not what this test is about.
    ASSERT_EQ(mamori({"migrate", "--database", url()}).code, 0);
    auto started_a = std::async(std::launch::async, [&] { return std::make_unique<ServerProcess>(db()); });
    auto started_b = std::async(std::launch::async, [&] { return std::make_unique<ServerProcess>(db()); });
    auto a = started_a.get();
    auto b = started_b.get();
    const std::string code_a = a->setup_code(), code_b = b->setup_code();
    ASSERT_NE(code_a.empty(), code_b.empty()) << "exactly one server prints a code:\n"
                                              << a->console() << "\n"
                                              << b->console();
    const std::string code = code_a.empty() ? code_b : code_a;
    auto& other = code_a.empty() ? *a : *b;  // setup through the server that did not print it
    EXPECT_TRUE(contains(other.console(), "mamori setup-code")) << other.console();
    expect_setup_code_problem(client(other).post("/api/v1/setup", setup_body("ABCD-EFGH-JKMN")), 403);
    EXPECT_EQ(client(other).post("/api/v1/setup", setup_body(code)).status, 201);
    EXPECT_EQ(client(*a).get("/api/v1/setup").json()["needed"], false);
}

TEST_F(FirstRunSetup, DemoOrganisationsWithoutUsersAskForACodeToo) {
    ServerProcess server(db(), {"--demo", "--demo-organisations-only"});
    EXPECT_FALSE(server.setup_code().empty()) << server.console();
}

// Demo mode proper has its persona users (demo_personas_api_test.cpp): there is nothing to set up.
TEST_F(FirstRunSetup, ADemoDatabaseWithPersonasAsksForNoCode) {
    ServerProcess server(db(), {"--demo"});
    EXPECT_EQ(server.setup_code(), "") << server.console();
    EXPECT_EQ(client(server).get("/api/v1/setup").json()["needed"], false);
}

// `mamori setup-code` for a running installation: a new code that every server accepts from then on; the one
// printed before stops working.
TEST_F(FirstRunSetup, SetupCodeCommandReplacesTheCodeOfARunningServer) {
    ServerProcess server(db());
    const std::string printed = server.setup_code();
    ASSERT_FALSE(printed.empty()) << server.console();

    const auto run = mamori({"setup-code", "--database", url()});
    ASSERT_EQ(run.code, 0) << run.output;
    const std::string fresh = printed_code(run.output);
    ASSERT_FALSE(fresh.empty()) << run.output;
    EXPECT_NE(fresh, printed);

    expect_setup_code_problem(client(server).post("/api/v1/setup", setup_body(printed)), 403);
    ASSERT_EQ(client(server).post("/api/v1/setup", setup_body(fresh)).status, 201);

    const auto after = mamori({"setup-code", "--database", url()});
    EXPECT_EQ(after.code, 1) << after.output;
    EXPECT_TRUE(contains(after.output, "already set up")) << after.output;
    EXPECT_EQ(printed_code(after.output), "") << after.output;
}

TEST_F(FirstRunSetup, SetupCodeCommandWorksBeforeAnyServerStarted) {
    const auto run = mamori({"setup-code", "--database", url()});
    ASSERT_EQ(run.code, 0) << run.output;
    const std::string code = printed_code(run.output);
    ASSERT_FALSE(code.empty()) << run.output;
    ServerProcess server(db());
    EXPECT_EQ(server.setup_code(), "") << "the stored code stands: " << server.console();
    EXPECT_EQ(client(server).post("/api/v1/setup", setup_body(code)).status, 201);
}

}  // namespace
}  // namespace mamori::testing
