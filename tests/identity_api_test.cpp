// Identity and access over HTTP against the real server: setup, MFA, sessions, CSRF, lockout, invitations,
// disabling, API tokens and the audit log with `mamori audit verify`.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <thread>

#include "mamori/core/time.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

constexpr const char* kAdminPassword = "correct horse battery staple";

// An installation set up through the API: a clinic and its administrator with TOTP enrolled.
class IdentityApi : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(db_path());
        admin_ = client();
        auto setup = admin_.post("/api/v1/setup", {{"setup_code", server_->setup_code()},
                                                   {"organisation_kind", "clinic"},
                                                   {"organisation_name", "テスト内科クリニック"},
                                                   {"login", "admin@clinic.example"},
                                                   {"display_name", "管理 太郎"},
                                                   {"password", kAdminPassword}});
        ASSERT_EQ(setup.status, 201) << setup.body;
        ASSERT_EQ(setup.json()["mfa"], "enrol");
        organisation_id_ = setup.json()["user"]["organisation_id"];
        admin_secret_ = admin_.enrol_totp();
    }

    std::filesystem::path db_path() const { return dir_.path() / "identity.db"; }
    SessionClient client() const { return SessionClient(server_->host(), server_->port()); }
    std::string org_path(const std::string& rest) const {
        return "/api/v1/organisations/" + std::to_string(organisation_id_) + rest;
    }

    // invite_and_accept: a new user of the clinic with `roles`; returns their logged-in client.
    SessionClient invite_and_accept(const std::string& login, const json& roles) {
        auto inv = admin_.post(org_path("/invitations"),
                               {{"login", login}, {"display_name", "職員"}, {"roles", roles}});
        EXPECT_EQ(inv.status, 201) << inv.body;
        SessionClient user = client();
        auto accepted = user.post("/api/v1/invitations/accept",
                                  {{"code", inv.json()["code"]}, {"password", "a long enough password"}});
        EXPECT_EQ(accepted.status, 201) << accepted.body;
        return user;
    }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
    SessionClient admin_{"127.0.0.1", 0};
    std::string admin_secret_;
    std::int64_t organisation_id_ = 0;
};

TEST_F(IdentityApi, SetupHappensOnceAndRequiresTotpForTheAdministrator) {
    EXPECT_EQ(client().get("/api/v1/setup").json()["needed"], false);
    auto again = client().post("/api/v1/setup", {{"setup_code", "any code"},
                                                 {"organisation_kind", "clinic"},
                                                 {"organisation_name", "x"},
                                                 {"login", "other@x.example"},
                                                 {"display_name", "x"},
                                                 {"password", kAdminPassword}});
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(admin_.last_recovery_codes.size(), 10u);
    auto me = admin_.get("/api/v1/me");
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.json()["roles"], json::array({"administrator"}));
    EXPECT_EQ(me.json()["mfa_enabled"], true);
    EXPECT_EQ(me.json()["mfa_required"], true);
    EXPECT_EQ(me.json()["organisation_id"], organisation_id_);
    EXPECT_EQ(me.json()["organisation_name"], "テスト内科クリニック");
    EXPECT_EQ(me.json()["organisation_kind"], "clinic");
    EXPECT_EQ(me.json()["display_name"], "管理 太郎");
}

TEST_F(IdentityApi, PasswordStepAloneGivesNoAccessAndTotpRotatesTheSession) {
    SessionClient c = client();
    auto step1 = c.post("/api/v1/session", {{"login", "admin@clinic.example"}, {"password", kAdminPassword}});
    ASSERT_EQ(step1.status, 200);
    EXPECT_EQ(step1.json()["mfa"], "verify");
    const std::string pending = c.cookie();
    EXPECT_EQ(c.get("/api/v1/me").status, 401) << "a password-only session must not reach the API";

    auto wrong = c.post("/api/v1/session/mfa", {{"code", "000000"}});
    EXPECT_EQ(wrong.status, 401);
    auto step2 = c.post("/api/v1/session/mfa", {{"code", next_totp(admin_secret_)}});
    ASSERT_EQ(step2.status, 200) << step2.body;
    EXPECT_NE(c.cookie(), pending) << "the session token must change at login (no fixation)";
    EXPECT_EQ(c.get("/api/v1/me").status, 200);

    SessionClient old = client();
    old.set_cookie(pending);
    EXPECT_EQ(old.get("/api/v1/me").status, 401) << "the pre-login token must be dead";

    // The same TOTP code cannot be used twice; a recovery code works once.
    SessionClient replay = client();
    replay.post("/api/v1/session", {{"login", "admin@clinic.example"}, {"password", kAdminPassword}});
    EXPECT_EQ(replay.post("/api/v1/session/mfa", {{"code", next_totp(admin_secret_)}}).status, 401);
    const std::string recovery = admin_.last_recovery_codes.at(0);
    EXPECT_EQ(replay.post("/api/v1/session/mfa", {{"code", recovery}}).status, 200);
    SessionClient again = client();
    again.post("/api/v1/session", {{"login", "admin@clinic.example"}, {"password", kAdminPassword}});
    EXPECT_EQ(again.post("/api/v1/session/mfa", {{"code", recovery}}).status, 401);
}

TEST_F(IdentityApi, AnInventedCookieIsNeverASession) {
    SessionClient c = client();
    c.set_cookie("attacker-chosen-value");
    EXPECT_EQ(c.get("/api/v1/me").status, 401);
    auto login = c.post("/api/v1/session", {{"login", "admin@clinic.example"}, {"password", kAdminPassword}});
    ASSERT_EQ(login.status, 200);
    EXPECT_NE(c.cookie(), "attacker-chosen-value");
}

TEST_F(IdentityApi, StateChangesNeedTheCsrfTokenAndSameOrigin) {
    const json token = {{"name", "連携"}, {"scopes", {"read"}}};
    admin_.send_csrf = false;
    auto missing = admin_.post("/api/v1/me/tokens", token);
    EXPECT_EQ(missing.status, 403);
    EXPECT_EQ(missing.json()["errors"][0]["field"], "X-CSRF-Token");
    admin_.send_csrf = true;
    const std::string good = admin_.csrf();
    admin_.set_csrf(std::string(good.size(), 'a'));
    EXPECT_EQ(admin_.post("/api/v1/me/tokens", token).status, 403);
    admin_.set_csrf(good);
    auto cross = admin_.call("POST", "/api/v1/me/tokens", token, {{"Origin", "https://evil.example"}});
    EXPECT_EQ(cross.status, 403);
    EXPECT_EQ(admin_.post("/api/v1/me/tokens", token).status, 201);
    EXPECT_EQ(admin_.get("/api/v1/me").status, 200) << "reads need no CSRF token";
}

TEST_F(IdentityApi, RepeatedFailuresLockTheAccountWithAClearMessage) {
    SessionClient c = client();
    for (int i = 0; i < 4; ++i) {
        auto r =
            c.post("/api/v1/session", {{"login", "admin@clinic.example"}, {"password", "wrong password!!"}});
        EXPECT_EQ(r.status, 401);
        EXPECT_EQ(r.json()["detail"], "the login name or password is wrong");
    }
    auto fifth =
        c.post("/api/v1/session", {{"login", "admin@clinic.example"}, {"password", "wrong password!!"}});
    EXPECT_EQ(fifth.status, 429);
    EXPECT_NE(fifth.json()["detail"].get<std::string>().find("locked until"), std::string::npos);
    auto right = c.post("/api/v1/session", {{"login", "admin@clinic.example"}, {"password", kAdminPassword}});
    EXPECT_EQ(right.status, 429) << "the right password does not open a locked account";
    // Unknown accounts answer exactly like wrong passwords.
    auto unknown =
        c.post("/api/v1/session", {{"login", "nobody@clinic.example"}, {"password", kAdminPassword}});
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(unknown.json()["detail"], "the login name or password is wrong");
}

// wrong_logins_in_parallel: `per_server` wrong-password logins to the administrator on each server at once.
void wrong_logins_in_parallel(const std::vector<const ServerProcess*>& servers, int per_server) {
    std::vector<std::thread> threads;
    for (const auto* server : servers)
        for (int i = 0; i < per_server; ++i)
            threads.emplace_back([server] {
                SessionClient c(server->host(), server->port());
                auto r = c.post("/api/v1/session",
                                {{"login", "admin@clinic.example"}, {"password", "wrong password!!"}});
                EXPECT_TRUE(r.status == 401 || r.status == 429) << r.status << " " << r.body;
            });
    for (auto& t : threads) t.join();
}

// checked_passwords: how many wrong passwords for the administrator were checked (each writes
// login.failure; a guess refused before its check writes nothing).
int checked_passwords(SessionClient& admin, const std::string& audit_path) {
    auto log = admin.get(audit_path);
    EXPECT_EQ(log.status, 200) << log.body;
    const json entries = log.json()["entries"];
    int n = 0;
    for (const auto& e : entries) n += e["action"] == "login.failure" ? 1 : 0;
    return n;
}

TEST_F(IdentityApi, ParallelWrongLoginsOnEightWorkersCheckAtMostFivePasswords) {
    const ServerProcess eight_workers(db_path(), {"--workers", "8"});
    wrong_logins_in_parallel({&eight_workers}, 32);
    EXPECT_EQ(checked_passwords(admin_, org_path("/audit?limit=200")), 5);
    SessionClient c(eight_workers.host(), eight_workers.port());
    auto right = c.post("/api/v1/session", {{"login", "admin@clinic.example"}, {"password", kAdminPassword}});
    EXPECT_EQ(right.status, 429) << "the right password right after the flood: " << right.body;
}

TEST_F(IdentityApi, TwoServersOnOneDatabaseShareTheFiveGuesses) {
    const ServerProcess second(db_path(), {"--workers", "8"});
    wrong_logins_in_parallel({server_.get(), &second}, 16);
    EXPECT_EQ(checked_passwords(admin_, org_path("/audit?limit=200")), 5);
    auto right =
        client().post("/api/v1/session", {{"login", "admin@clinic.example"}, {"password", kAdminPassword}});
    EXPECT_EQ(right.status, 429) << right.body;
}

TEST_F(IdentityApi, DeeplyNestedJsonIsRefusedWithoutHarm) {
    const std::string deep = std::string(250'000, '[') + std::string(250'000, ']');
    for (const char* target : {"/api/v1/session", "/api/v1/invitations/accept"}) {
        auto r = client().send("POST", target,
                               R"({"login":"a@b.example","password":"x","code":"x","x":)" + deep + "}",
                               "application/json");
        EXPECT_EQ(r.status, 400) << target << ": " << r.body.substr(0, 200);
        EXPECT_NE(r.body.find("deeper than 64 levels"), std::string::npos) << r.body.substr(0, 200);
    }
    auto write = admin_.send("POST", "/api/v1/me/tokens", "{\"name\":" + deep + "}", "application/json");
    EXPECT_EQ(write.status, 400);
    EXPECT_EQ(client().get("/healthz").status, 200) << "the server survived";
}

TEST_F(IdentityApi, AnOutOfRangeNumberIsA400NamingTheField) {
    auto r = client().send("POST", "/api/v1/session", R"({"login":"a@b.example","password":1e400})",
                           "application/json");
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_NE(r.body.find("\"password\""), std::string::npos) << r.body;
}

TEST_F(IdentityApi, APasswordChangeEndsTheOtherSessionsButNotTheCurrentOne) {
    SessionClient elsewhere = client();
    ASSERT_EQ(elsewhere.login("admin@clinic.example", kAdminPassword, admin_secret_).status, 200);
    ASSERT_EQ(elsewhere.get("/api/v1/me").status, 200);
    auto changed = admin_.post("/api/v1/me/password", {{"current_password", kAdminPassword},
                                                       {"new_password", "a brand new long passphrase"}});
    ASSERT_EQ(changed.status, 204) << changed.body;
    EXPECT_EQ(admin_.get("/api/v1/me").status, 200) << "the session that made the change stays";
    EXPECT_EQ(elsewhere.get("/api/v1/me").status, 401) << "the other session ended";
}

TEST_F(IdentityApi, APromotionThatRequiresMfaEndsSessionsAndSuspendsTokensUntilEnrolment) {
    SessionClient viewer = invite_and_accept("viewer@clinic.example", {"viewer"});
    const auto me = viewer.get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    ASSERT_EQ(me.json()["mfa_enabled"], false);
    auto created = viewer.post("/api/v1/me/tokens", {{"name", "連携"}, {"scopes", {"read"}}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::vector<std::pair<std::string, std::string>> auth = {
        {"Authorization", "Bearer " + created.json()["token"].get<std::string>()}};
    ASSERT_EQ(client().call("GET", "/api/v1/me", std::nullopt, auth).status, 200);

    const std::string user_path = "/api/v1/users/" + std::to_string(me.json()["id"].get<long long>());
    ASSERT_EQ(admin_.patch(user_path, {{"roles", {"administrator"}}}).status, 200);
    EXPECT_EQ(viewer.get("/api/v1/me").status, 401) << "the old session no longer serves an administrator";
    EXPECT_EQ(client().call("GET", "/api/v1/me", std::nullopt, auth).status, 401) << "token suspended";

    SessionClient again = client();
    auto login = again.login("viewer@clinic.example", "a long enough password");
    ASSERT_EQ(login.status, 200) << login.body;
    EXPECT_EQ(login.json()["mfa"], "enrol");
    again.enrol_totp();
    EXPECT_EQ(again.get("/api/v1/me").status, 200);
    EXPECT_EQ(client().call("GET", "/api/v1/me", std::nullopt, auth).status, 200) << "back after enrolment";
}

TEST_F(IdentityApi, WeakPasswordsWithTheRightInvitationCodeAreNotGuesses) {
    auto inv =
        admin_.post(org_path("/invitations"),
                    {{"login", "slow@clinic.example"}, {"display_name", "職員"}, {"roles", {"editor"}}});
    ASSERT_EQ(inv.status, 201) << inv.body;
    SessionClient user = client();
    for (int i = 0; i < 31; ++i)  // one more than the address may guess in 15 minutes
        ASSERT_EQ(
            user.post("/api/v1/invitations/accept", {{"code", inv.json()["code"]}, {"password", "short"}})
                .status,
            400)
            << "attempt " << i;
    auto accepted = user.post("/api/v1/invitations/accept",
                              {{"code", inv.json()["code"]}, {"password", "a long enough password"}});
    EXPECT_EQ(accepted.status, 201) << accepted.body;
}

TEST_F(IdentityApi, InvitationsFollowThePasswordRuleAndWorkOnce) {
    auto inv = admin_.post(
        org_path("/invitations"),
        {{"login", "editor@clinic.example"}, {"display_name", "編集 花子"}, {"roles", {"editor"}}});
    ASSERT_EQ(inv.status, 201) << inv.body;
    const std::string code = inv.json()["code"];
    SessionClient user = client();
    auto short_pw = user.post("/api/v1/invitations/accept", {{"code", code}, {"password", "twelve chars"}});
    EXPECT_EQ(short_pw.status, 400);
    EXPECT_EQ(short_pw.json()["errors"][0]["field"], "password");
    auto ok = user.post("/api/v1/invitations/accept", {{"code", code}, {"password", "thirteen char"}});
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(ok.json()["mfa"], "none") << "editors may choose two-factor authentication";
    EXPECT_EQ(user.get("/api/v1/me").json()["roles"], json::array({"editor"}));
    EXPECT_EQ(
        client().post("/api/v1/invitations/accept", {{"code", code}, {"password", "thirteen char"}}).status,
        400);

    auto bad_role =
        admin_.post(org_path("/invitations"),
                    {{"login", "x@clinic.example"}, {"display_name", "x"}, {"roles", {"inspector"}}});
    EXPECT_EQ(bad_role.status, 400);
    EXPECT_EQ(bad_role.json()["errors"][0]["field"], "roles[0]");
}

// The caller is read in one query that joins the roles (records::find_session_caller): every role counts,
// not only the first row's.
TEST_F(IdentityApi, EveryRoleOfTheCallerCounts) {
    const json start = {{"fiscal_year", mamori::fiscal_year(japan_date(std::chrono::system_clock::now()))}};
    SessionClient viewer = invite_and_accept("viewer@clinic.example", {"viewer"});
    EXPECT_EQ(viewer.post(org_path("/assessments"), start).status, 403);
    // editor alone may edit but not submit; security_manager (a later row) adds submitting.
    SessionClient both =
        invite_and_accept("manager@clinic.example", json::array({"editor", "security_manager"}));
    auto created = both.post(org_path("/assessments"), start);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json()["permissions"]["edit"], true);
    EXPECT_EQ(created.json()["permissions"]["submit"], true);
}

TEST_F(IdentityApi, DisablingAUserEndsTheirSessionsAtOnce) {
    SessionClient editor = invite_and_accept("editor@clinic.example", {"editor"});
    ASSERT_EQ(editor.get("/api/v1/me").status, 200);
    const auto id = editor.get("/api/v1/me").json()["id"].get<std::int64_t>();
    auto disabled = admin_.patch("/api/v1/users/" + std::to_string(id), {{"disabled", true}});
    ASSERT_EQ(disabled.status, 200) << disabled.body;
    EXPECT_EQ(editor.get("/api/v1/me").status, 401);
    EXPECT_EQ(client().login("editor@clinic.example", "a long enough password").status, 401);
    auto self =
        admin_.patch("/api/v1/users/" + std::to_string(admin_.get("/api/v1/me").json()["id"].get<int>()),
                     {{"disabled", true}});
    EXPECT_EQ(self.status, 409) << "an administrator cannot lock themselves out";
}

TEST_F(IdentityApi, ApiTokensAreScopedAndExpire) {
    auto created = admin_.post("/api/v1/me/tokens",
                               {{"name", "読み取り"}, {"scopes", {"read"}}, {"expires_in_days", 1}});
    ASSERT_EQ(created.status, 201);
    const std::string token = created.json()["token"];
    EXPECT_EQ(token.rfind("mmr_", 0), 0u);
    SessionClient bearer = client();
    const std::vector<std::pair<std::string, std::string>> auth = {{"Authorization", "Bearer " + token}};
    EXPECT_EQ(bearer.call("GET", "/api/v1/me", std::nullopt, auth).status, 200);
    EXPECT_EQ(
        bearer.call("POST", "/api/v1/me/tokens", json{{"name", "x"}, {"scopes", {"read"}}}, auth).status,
        403);
    EXPECT_EQ(bearer.call("GET", "/api/v1/me", std::nullopt, {{"Authorization", "Bearer mmr_forged"}}).status,
              401);

    {
        DatabaseSession direct(db_path());
        soci::session& sql = *direct;
        sql << "UPDATE api_tokens SET expires_at = '2000-01-01T00:00:00.000Z'";
    }
    auto expired = bearer.call("GET", "/api/v1/me", std::nullopt, auth);
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(expired.json()["detail"], "the API token has expired");
}

TEST_F(IdentityApi, AuditLogNamesThePeopleAndInvitationsOfItsEntries) {
    invite_and_accept("viewer@clinic.example", {"viewer"});
    auto log = admin_.get(org_path("/audit?limit=100"));
    ASSERT_EQ(log.status, 200) << log.body;
    const json body = log.json();
    const json& names = body["names"];
    std::set<std::string> referenced;
    for (const auto& e : body["entries"])
        for (const char* key : {"actor", "target"}) referenced.insert(e[key].get<std::string>());
    // The administrator, by name and organisation.
    bool admin_named = false;
    for (const auto& [reference, party] : names.items()) {
        EXPECT_TRUE(referenced.contains(reference)) << reference << " is named but in no entry shown";
        if (party["kind"] == "user" && party["name"] == "管理 太郎") {
            admin_named = true;
            EXPECT_EQ(party["organisation"], "テスト内科クリニック");
        }
    }
    EXPECT_TRUE(admin_named) << names.dump();
    // The invitation and the user it created, by the display name they were given.
    bool invitation_named = false;
    bool viewer_named = false;
    for (const auto& [reference, party] : names.items()) {
        if (party["kind"] == "invitation" && party["name"] == "職員") invitation_named = true;
        if (party["kind"] == "user" && party["name"] == "職員") viewer_named = true;
    }
    EXPECT_TRUE(invitation_named) << names.dump();
    EXPECT_TRUE(viewer_named) << names.dump();
    // A page of one entry names at most that entry's actor and target.
    auto older = admin_.get(org_path("/audit?limit=1"));
    ASSERT_EQ(older.status, 200);
    EXPECT_LE(older.json()["names"].size(), 2U);
}

TEST_F(IdentityApi, AuditLogRecordsWritesAndFailuresAndDetectsTampering) {
    client().post("/api/v1/session", {{"login", "admin@clinic.example"}, {"password", "wrong password!!"}});
    invite_and_accept("viewer@clinic.example", {"viewer"});
    auto log = admin_.get(org_path("/audit?limit=100"));
    ASSERT_EQ(log.status, 200) << log.body;
    const json entries = log.json()["entries"];  // a named value: iterating a temporary's member dangles
    std::set<std::string> actions;
    for (const auto& e : entries) actions.insert(e["action"].get<std::string>());
    for (const char* expected :
         {"setup.first_administrator", "mfa.enrolled", "login.failure", "user.invited", "user.created"})
        EXPECT_TRUE(actions.contains(expected)) << expected;
    for (const auto& e : entries) {
        EXPECT_EQ(e["detail"].dump().find(kAdminPassword), std::string::npos)
            << "secrets never reach the log";
        EXPECT_FALSE(e["request_id"].get<std::string>().empty());
    }

    std::string out;
    EXPECT_EQ(run_mamori({"audit", "verify", "--database", database_url(db_path())}, out), 0) << out;
    EXPECT_NE(out.find("intact"), std::string::npos);
    {
        DatabaseSession direct(db_path());
        soci::session& sql = *direct;
        std::string trigger_error;
        try {
            sql << "UPDATE audit_log SET action = 'nothing' WHERE seq = 3";
        } catch (const std::exception& e) {
            trigger_error = e.what();
        }
        EXPECT_NE(trigger_error.find("append-only"), std::string::npos);
        // An attacker with the file drops the guard and edits a row.
        sql << (direct.dialect() == store::Dialect::sqlite ? "DROP TRIGGER audit_log_no_update"
                                                           : "DROP TRIGGER audit_log_no_change ON audit_log");
        sql << "UPDATE audit_log SET detail = '{\"login\":\"someone-else\"}' WHERE seq = 3";
    }
    EXPECT_EQ(run_mamori({"audit", "verify", "--database", database_url(db_path())}, out), 3) << out;
    EXPECT_NE(out.find("row 3 was changed"), std::string::npos) << out;
}

TEST_F(IdentityApi, AuditVerifyNamesARemovedRow) {
    invite_and_accept("viewer@clinic.example", {"viewer"});
    server_.reset();
    {
        DatabaseSession direct(db_path());
        soci::session& sql = *direct;
        sql << (direct.dialect() == store::Dialect::sqlite ? "DROP TRIGGER audit_log_no_delete"
                                                           : "DROP TRIGGER audit_log_no_change ON audit_log");
        sql << "DELETE FROM audit_log WHERE seq = 2";
    }
    std::string out;
    EXPECT_EQ(run_mamori({"audit", "verify", "--database", database_url(db_path())}, out), 3);
    EXPECT_NE(out.find("row 2 is missing"), std::string::npos) << out;
}

}  // namespace
}  // namespace mamori::testing
