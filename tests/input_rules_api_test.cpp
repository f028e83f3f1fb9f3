// What hostile or careless input does over HTTP against the real server (issue 12): text every document can
// carry, one login per person whatever its spelling, one first administrator per organisation, plausible
// dates, and which writes are in the audit log.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "mamori/core/time.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";

class InputRulesApi : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(dir_.path() / "input.db");
        admin_ = client();
        organisation_id_ =
            admin_.set_up_clinic(server_->setup_code(), "Admin@Clinic.example", kPassword).organisation_id;
    }

    SessionClient client() const { return SessionClient(server_->host(), server_->port()); }
    std::string org_path(const std::string& rest) const {
        return "/api/v1/organisations/" + std::to_string(organisation_id_) + rest;
    }
    static std::string today() { return to_iso_date(japan_date(std::chrono::system_clock::now())); }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
    SessionClient admin_{"127.0.0.1", 0};
    long long organisation_id_ = 0;
};

TEST_F(InputRulesApi, TextNoDocumentCanCarryIsRefusedAtTheEdgeNamingTheField) {
    const json year = {{"fiscal_year", fiscal_year(japan_date(std::chrono::system_clock::now()))}};
    auto created = admin_.post(org_path("/assessments"), year);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string line = "/api/v1/assessments/" + std::to_string(created.json()["id"].get<long long>()) +
                             "/answers/GOV-01/main";
    for (const std::string& note : std::vector<std::string>{"備考\xEF\xBF\xBE", "\xEF\xBF\xBF",
                                                            std::string("nul\0byte", 8), "esc\x1B[0m"}) {
        auto saved =
            admin_.put(line, {{"version", 0}, {"value", "yes"}, {"confirmed_on", today()}, {"note", note}});
        EXPECT_EQ(saved.status, 400) << saved.body;
        EXPECT_EQ(saved.json()["errors"][0]["field"], "note") << saved.body;
    }
    auto slip = admin_.put(line, {{"version", 0}, {"value", "yes"}, {"confirmed_on", "0000-01-01"}});
    EXPECT_EQ(slip.status, 400) << slip.body;
    EXPECT_EQ(slip.json()["errors"][0]["field"], "confirmed_on") << slip.body;
    EXPECT_EQ(admin_.get(line + "/history").json()["versions"], json::array())
        << "nothing refused was stored";

    auto fine = admin_.put(
        line,
        {{"version", 0}, {"value", "yes"}, {"confirmed_on", today()}, {"note", "一行目\n二行目\t（全角）"}});
    EXPECT_EQ(fine.status, 200) << fine.body;

    auto name = admin_.post(
        org_path("/invitations"),
        {{"login", "x@clinic.example"}, {"display_name", "職員\xEF\xBF\xBE"}, {"roles", {"editor"}}});
    EXPECT_EQ(name.status, 400);
    EXPECT_EQ(name.json()["errors"][0]["field"], "display_name") << name.body;
}

TEST_F(InputRulesApi, EverySpellingOfALoginIsOneAccount) {
    // Set up as "Admin@Clinic.example": stored, shown and signed in with in its normal form.
    EXPECT_EQ(admin_.get("/api/v1/me").json()["login"], "admin@clinic.example");

    auto invited =
        admin_.post(org_path("/invitations"),
                    {{"login", " Editor@Clinic.EXAMPLE "}, {"display_name", "編集"}, {"roles", {"editor"}}});
    ASSERT_EQ(invited.status, 201) << invited.body;
    SessionClient editor = client();
    ASSERT_EQ(
        editor.post("/api/v1/invitations/accept", {{"code", invited.json()["code"]}, {"password", kPassword}})
            .status,
        201);
    EXPECT_EQ(editor.get("/api/v1/me").json()["login"], "editor@clinic.example");

    auto twin =
        admin_.post(org_path("/invitations"), {{"login", "ＥＤＩＴＯＲ＠ｃｌｉｎｉｃ．ｅｘａｍｐｌｅ"},
                                               {"display_name", "二人目"},
                                               {"roles", {"viewer"}}});
    EXPECT_EQ(twin.status, 409) << "a second user beside editor@clinic.example: " << twin.body;

    EXPECT_EQ(client().login("EDITOR@clinic.example", kPassword).status, 200);
    auto nul = client().post(
        "/api/v1/session", {{"login", std::string("editor@clinic.example\0x", 23)}, {"password", kPassword}});
    EXPECT_EQ(nul.status, 400) << nul.body;
    EXPECT_EQ(nul.json()["errors"][0]["field"], "login");

    // Guesses under five spellings are five guesses at one account, which is then locked, right or wrong.
    for (const char* spelling : {"editor@clinic.example", "Editor@clinic.example", "EDITOR@CLINIC.EXAMPLE",
                                 "ｅｄｉｔｏｒ@clinic.example"})
        EXPECT_EQ(client().login(spelling, "wrong password here").status, 401) << spelling;
    EXPECT_EQ(client().login(" editor@clinic.example", "wrong password here").status, 429);
    EXPECT_EQ(client().login("editor@clinic.example", kPassword).status, 429);
}

// The ministry onboards 東京都 (demo organisation 2) by inviting its first administrator; however many such
// invitations were sent, and however many are accepted at once, the prefecture gets one.
TEST(FirstAdministrator, OfManyInvitationsAcceptedAtOnceExactlyOneWins) {
    TempDir dir;
    ServerProcess server(dir.path() / "onboarding.db", {"--demo", "--demo-organisations-only"});
    SessionClient ministry(server.host(), server.port());
    auto setup = ministry.post("/api/v1/setup", {{"setup_code", server.setup_code()},
                                                 {"organisation_id", 1},
                                                 {"login", "admin@mhlw.example"},
                                                 {"display_name", "厚労 太郎"},
                                                 {"password", kPassword}});
    ASSERT_EQ(setup.status, 201) << setup.body;
    ministry.enrol_totp();

    std::vector<std::string> codes;
    for (int i = 0; i < 4; ++i) {
        auto inv = ministry.post("/api/v1/organisations/2/invitations",
                                 {{"login", "admin" + std::to_string(i) + "@metro.tokyo.example"},
                                  {"display_name", "都 担当"},
                                  {"roles", {"administrator"}}});
        ASSERT_EQ(inv.status, 201) << inv.body;
        codes.push_back(inv.json()["code"]);
    }
    std::atomic<int> accepted{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 3; ++i)
        threads.emplace_back([&, i] {
            SessionClient c(server.host(), server.port());
            auto r = c.post("/api/v1/invitations/accept", {{"code", codes[i]}, {"password", kPassword}});
            if (r.status == 201) {
                ++accepted;
            } else {
                EXPECT_TRUE(r.status == 409 || r.status == 400) << r.status << " " << r.body;
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(accepted.load(), 1);
    // The last one, accepted afterwards, was withdrawn when the first was taken.
    auto late = SessionClient(server.host(), server.port())
                    .post("/api/v1/invitations/accept", {{"code", codes[3]}, {"password", kPassword}});
    EXPECT_EQ(late.status, 400) << late.body;
    EXPECT_EQ(late.json()["errors"][0]["field"], "code");
}

}  // namespace
}  // namespace mamori::testing
