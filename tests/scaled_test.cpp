// Stateless app servers: two `mamori serve` on one database behind nginx serve one user as if they were one.
// A session made on one server works on the other and through nginx, survives a server killed with SIGKILL,
// and ends everywhere at logout; failed logins on both servers add up to one lockout.
#include <gtest/gtest.h>
#include <signal.h>

#include "mamori/core/time.hpp"
#include "support/nginx_process.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

constexpr const char* kLogin = "admin@clinic.example";
constexpr const char* kPassword = "correct horse battery staple";
// What the test's client claims to nginx; nginx appends the loopback address it saw.
constexpr const char* kClientAddress = "198.51.100.7";

std::string today() {
    return to_iso_date(japan_date(std::chrono::system_clock::now()));
}

int this_fiscal_year() {
    return fiscal_year(japan_date(std::chrono::system_clock::now()));
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

class ScaledServers : public ::testing::Test {
  protected:
    void SetUp() override {
        // Both trust nginx on loopback, so its X-Forwarded-For names the client, and answer the public name
        // nginx passes on.
        const std::vector<std::string> behind_nginx = {"--trusted-proxies", "127.0.0.1", "--allowed-hosts",
                                                       kNginxPublicName};
        a_ = std::make_unique<ServerProcess>(db_path(), behind_nginx);
        b_ = std::make_unique<ServerProcess>(db_path(), behind_nginx);
        SessionClient setup_client = direct(*a_);
        const auto clinic = setup_client.set_up_clinic(a_->setup_code(), kLogin, kPassword);
        organisation_id_ = clinic.organisation_id;
        secret_ = clinic.totp_secret;
        nginx_ = std::make_unique<NginxProcess>(
            dir_.path() / "nginx",
            std::vector<std::pair<std::string, int>>{{a_->host(), a_->port()}, {b_->host(), b_->port()}});
    }

    std::filesystem::path db_path() const { return dir_.path() / "scaled.db"; }
    static SessionClient direct(const ServerProcess& server) {
        return SessionClient(server.host(), server.port());
    }
    SessionClient through_nginx() const { return SessionClient(nginx_->host(), nginx_->port()); }
    // same_session: a client of `other` holding `session`'s cookie and CSRF token, as a browser would after
    // the load balancer sent its next request elsewhere.
    static SessionClient same_session(const SessionClient& session, SessionClient other) {
        other.set_cookie(session.cookie());
        other.set_csrf(session.csrf());
        return other;
    }
    static HttpResult via_proxy(SessionClient& client, const std::string& method, const std::string& target,
                                const std::optional<json>& body = std::nullopt) {
        return client.call(method, target, body, {{"X-Forwarded-For", kClientAddress}});
    }
    static std::string answer_value(SessionClient& client, const std::string& assessment) {
        const json current = client.get(assessment).json();
        for (const auto& item : current["items"])
            for (const auto& row : item["rows"])
                if (item["canonical_id"] == "GOV-01" && row["key"] == "main" && row["answer"].is_object())
                    return row["answer"]["value"];
        return "";
    }

    TempDir dir_;
    std::unique_ptr<ServerProcess> a_;
    std::unique_ptr<ServerProcess> b_;
    std::unique_ptr<NginxProcess> nginx_;
    std::int64_t organisation_id_ = 0;
    std::string secret_;
};

// nginx passes the public name as Host: a server not told it (--allowed-hosts) refuses everything but the
// operational endpoints, as it would a DNS-rebinding page.
TEST(BehindNginx, AServerNotToldThePublicNameAnswersOnlyTheOperationalEndpoints) {
    TempDir dir;
    ServerProcess server(dir.path() / "alone.db");
    NginxProcess nginx(dir.path() / "nginx", {{server.host(), server.port()}});
    EXPECT_EQ(request(nginx.host(), nginx.port(), "GET", "/api/v1/setup").status, 421);
    EXPECT_EQ(request(nginx.host(), nginx.port(), "GET", "/healthz").status, 200);
}

TEST_F(ScaledServers, OneSessionServesOnEveryServerThroughNginxAndSurvivesAKilledServer) {
    SessionClient on_a = direct(*a_);
    auto login = on_a.login(kLogin, kPassword, secret_);
    ASSERT_EQ(login.status, 200) << login.body;

    // The session made on A works on B, for writes too (the CSRF token is derived, nothing is per server).
    SessionClient on_b = same_session(on_a, direct(*b_));
    EXPECT_EQ(on_b.get("/api/v1/me").json()["login"], kLogin);
    auto created = on_b.post("/api/v1/organisations/" + std::to_string(organisation_id_) + "/assessments",
                             {{"fiscal_year", this_fiscal_year()}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string assessment =
        "/api/v1/assessments/" + std::to_string(created.json()["id"].get<long long>());
    auto saved = on_b.put(assessment + "/answers/GOV-01/main",
                          {{"version", 0}, {"value", "yes"}, {"confirmed_on", today()}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(answer_value(on_a, assessment), "yes") << "A reads what B wrote";

    // Through nginx, requests go to both servers, and each logs the client nginx named.
    SessionClient proxied = same_session(on_a, through_nginx());
    for (int i = 0; i < 20; ++i) {
        auto me = via_proxy(proxied, "GET", "/api/v1/me");
        ASSERT_EQ(me.status, 200) << i << ": " << me.body << nginx_->error_log();
    }
    const std::string client_in_log = std::string("\"remote\":\"") + kClientAddress + "\"";
    const auto on_a_count = count(a_->settled_log(), client_in_log);
    const auto b_requests_before = count(b_->settled_log(), client_in_log);
    EXPECT_EQ(on_a_count + b_requests_before, 20u);
    EXPECT_GE(on_a_count, 5u) << "nginx shares the requests out";
    EXPECT_GE(b_requests_before, 5u) << "nginx shares the requests out";

    // A dies mid-run; nginx sends everything to B, the session and its writes carry on.
    a_->signal(SIGKILL);
    ASSERT_EQ(a_->wait_exit(5000), 128 + SIGKILL);
    for (int i = 0; i < 10; ++i) {
        auto me = via_proxy(proxied, "GET", "/api/v1/me");
        ASSERT_EQ(me.status, 200) << i << ": " << me.body << nginx_->error_log();
    }
    auto rewritten = via_proxy(proxied, "PUT", assessment + "/answers/GOV-01/main",
                               json{{"version", 1},
                                    {"value", "no"},
                                    {"confirmed_on", today()},
                                    {"target_date", std::to_string(this_fiscal_year() + 1) + "-03-31"}});
    ASSERT_EQ(rewritten.status, 200) << rewritten.body << nginx_->error_log();
    EXPECT_EQ(count(b_->settled_log(), client_in_log), b_requests_before + 11) << "B answered all of them";
    EXPECT_EQ(answer_value(proxied, assessment), "no");

    // Logging out on B ends the session on B and through nginx.
    auto logout = on_b.del("/api/v1/session");
    ASSERT_LT(logout.status, 300) << logout.body;
    EXPECT_EQ(on_b.get("/api/v1/me").status, 401);
    EXPECT_EQ(via_proxy(proxied, "GET", "/api/v1/me").status, 401);
}

// Prepared statements kept per database connection and the checklist's catalog text kept per server must
// never serve an old answer: every save, on either server, is read at once on both, on whichever pooled
// connection each read lands, with its value and version.
TEST_F(ScaledServers, EverySaveOnEitherServerIsReadAtOnceOnBoth) {
    SessionClient on_a = direct(*a_);
    auto login = on_a.login(kLogin, kPassword, secret_);
    ASSERT_EQ(login.status, 200) << login.body;
    SessionClient on_b = same_session(on_a, direct(*b_));
    auto created = on_a.post("/api/v1/organisations/" + std::to_string(organisation_id_) + "/assessments",
                             {{"fiscal_year", this_fiscal_year()}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string assessment =
        "/api/v1/assessments/" + std::to_string(created.json()["id"].get<long long>());
    const auto line_on = [&](SessionClient& client) {
        const json page = client.get(assessment).json();
        for (const auto& item : page["items"])
            for (const auto& row : item["rows"])
                if (item["canonical_id"] == "GOV-01" && row["key"] == "main") return row["answer"];
        return json();
    };
    for (int version = 0; version < 8; ++version) {
        json body = {{"version", version}, {"value", "yes"}, {"confirmed_on", today()}};
        if (version % 2 == 1)
            body = {{"version", version},
                    {"value", "no"},
                    {"confirmed_on", today()},
                    {"target_date", std::to_string(this_fiscal_year() + 1) + "-03-31"}};
        auto saved = (version % 3 == 0 ? on_b : on_a).put(assessment + "/answers/GOV-01/main", body);
        ASSERT_EQ(saved.status, 200) << saved.body;
        EXPECT_EQ(saved.json()["answer"]["version"], version + 1);
        for (int read = 0; read < 3; ++read) {
            for (SessionClient* client : {&on_a, &on_b}) {
                const json line = line_on(*client);
                ASSERT_TRUE(line.is_object()) << version;
                EXPECT_EQ(line["value"], body["value"]) << "version " << version << ", read " << read;
                EXPECT_EQ(line["version"], version + 1) << "read " << read;
            }
        }
    }
}

TEST_F(ScaledServers, FailedLoginsOnEitherServerAddUpToOneLockout) {
    // 5 failures per account lock it (IdentitySettings::account_failures): 3 on A and 2 on B.
    SessionClient on_a = direct(*a_);
    SessionClient on_b = direct(*b_);
    const json wrong = {{"login", kLogin}, {"password", "wrong password!!"}};
    for (int i = 0; i < 3; ++i) EXPECT_EQ(on_a.post("/api/v1/session", wrong).status, 401) << i;
    EXPECT_EQ(on_b.post("/api/v1/session", wrong).status, 401);
    auto fifth = on_b.post("/api/v1/session", wrong);
    EXPECT_EQ(fifth.status, 429) << fifth.body;
    auto right_on_a = on_a.post("/api/v1/session", {{"login", kLogin}, {"password", kPassword}});
    EXPECT_EQ(right_on_a.status, 429) << "the lockout made on B holds on A";
    EXPECT_EQ(through_nginx().post("/api/v1/session", {{"login", kLogin}, {"password", kPassword}}).status,
              429);
}

}  // namespace
}  // namespace mamori::testing
