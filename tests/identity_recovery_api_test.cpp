// Account recovery over HTTP: an administrator resets a user's password and two-factor enrolment, pending
// invitations are listed, renewed and revoked, the operator resets a sole administrator from the CLI, and
// TOTP enrolment keeps its pending secret across a reload.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

constexpr const char* kAdminPassword = "correct horse battery staple";
constexpr const char* kUserPassword = "a long enough password";

class RecoveryApi : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(db_path());
        admin_ = client();
        clinic_ = admin_.set_up_clinic(server_->setup_code(), "admin@clinic.example", kAdminPassword);
    }

    std::filesystem::path db_path() const { return dir_.path() / "recovery.db"; }
    SessionClient client() const { return SessionClient(server_->host(), server_->port()); }
    std::string org_path(const std::string& rest) const {
        return "/api/v1/organisations/" + std::to_string(clinic_.organisation_id) + rest;
    }

    // invite_and_accept: a new user with `roles`; returns their logged-in client and, for roles that
    // require MFA, enrols them (secret in `secret`).
    SessionClient invite_and_accept(const std::string& login, const json& roles,
                                    std::string* secret = nullptr) {
        auto inv = admin_.post(org_path("/invitations"),
                               {{"login", login}, {"display_name", "職員"}, {"roles", roles}});
        EXPECT_EQ(inv.status, 201) << inv.body;
        SessionClient user = client();
        auto accepted = user.post("/api/v1/invitations/accept",
                                  {{"code", inv.json()["code"]}, {"password", kUserPassword}});
        EXPECT_EQ(accepted.status, 201) << accepted.body;
        if (accepted.json()["mfa"] == "enrol") {
            const std::string s = user.enrol_totp();
            if (secret != nullptr) *secret = s;
        }
        return user;
    }
    std::int64_t id_of(SessionClient& user) {
        return user.get("/api/v1/me").json()["id"].get<std::int64_t>();
    }
    std::vector<std::string> audit_actions() {
        auto log = admin_.get(org_path("/audit?limit=200"));
        EXPECT_EQ(log.status, 200) << log.body;
        const json entries = log.json()["entries"];
        std::vector<std::string> out;
        for (const auto& e : entries) out.push_back(e["action"].get<std::string>());
        return out;
    }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
    SessionClient admin_{"127.0.0.1", 0};
    SessionClient::Clinic clinic_;
};

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

TEST_F(RecoveryApi, AnAdministratorResetsPasswordAndMfaAndTheCodeWorksOnce) {
    std::string secret;
    SessionClient manager = invite_and_accept("manager@clinic.example", {"administrator"}, &secret);
    ASSERT_EQ(manager.get("/api/v1/me").json()["mfa_enabled"], true);
    const auto id = id_of(manager);
    auto token = manager.post("/api/v1/me/tokens", {{"name", "script"}, {"scopes", {"read"}}});
    ASSERT_EQ(token.status, 201) << token.body;

    auto reset = admin_.post("/api/v1/users/" + std::to_string(id) + "/reset", json::object());
    ASSERT_EQ(reset.status, 201) << reset.body;
    const std::string code = reset.json()["code"];

    EXPECT_EQ(manager.get("/api/v1/me").status, 401) << "the user's sessions end";
    SessionClient bearer = client();
    auto with_token = bearer.call("GET", "/api/v1/me", std::nullopt,
                                  {{"Authorization", "Bearer " + token.json()["token"].get<std::string>()}});
    EXPECT_EQ(with_token.status, 401) << "the user's API tokens end";
    EXPECT_EQ(client().login("manager@clinic.example", kUserPassword).status, 401)
        << "the old password stops working";
    const json users = admin_.get(org_path("/users")).json()["users"];
    for (const auto& u : users)
        if (u["id"] == id) {
            EXPECT_EQ(u["mfa_enabled"], false) << "TOTP is cleared";
        }

    SessionClient again = client();
    auto accepted =
        again.post("/api/v1/invitations/accept", {{"code", code}, {"password", "a brand new password"}});
    ASSERT_EQ(accepted.status, 201) << accepted.body;
    EXPECT_EQ(accepted.json()["account_reset"], true) << "the page tells the user their account was reset";
    EXPECT_EQ(accepted.json()["mfa"], "enrol") << "a security manager must enrol again";
    EXPECT_EQ(accepted.json()["user"]["id"], id) << "the same user, not a new one";
    const std::string new_secret = again.enrol_totp();
    EXPECT_NE(new_secret, secret);
    EXPECT_EQ(again.get("/api/v1/me").status, 200);
    EXPECT_EQ(client().login("manager@clinic.example", "a brand new password", new_secret).status, 200);
    EXPECT_EQ(client()
                  .post("/api/v1/invitations/accept", {{"code", code}, {"password", "yet another password"}})
                  .status,
              400)
        << "the code works once";

    const auto actions = audit_actions();
    EXPECT_TRUE(has(actions, "user.reset"));
    EXPECT_TRUE(has(actions, "user.reset_completed"));
}

TEST_F(RecoveryApi, NobodyResetsThemselvesOrSomeoneOutsideTheirScope) {
    const auto admin_id = admin_.get("/api/v1/me").json()["id"].get<std::int64_t>();
    auto self = admin_.post("/api/v1/users/" + std::to_string(admin_id) + "/reset", json::object());
    EXPECT_EQ(self.status, 409) << self.body;

    SessionClient editor = invite_and_accept("editor@clinic.example", {"editor"});
    auto by_editor = editor.post("/api/v1/users/" + std::to_string(admin_id) + "/reset", json::object());
    EXPECT_EQ(by_editor.status, 404) << "only administrators reset";
    EXPECT_EQ(client().login("admin@clinic.example", kAdminPassword, clinic_.totp_secret).status, 200)
        << "a refused reset changes nothing";

    long long other_user = 0;
    {
        DatabaseSession direct(db_path());
        soci::session& sql = *direct;
        long long other_org = 0;
        sql << "INSERT INTO organisations (kind, name, created_at) VALUES ('clinic', '別の診療所', "
               "'2026-01-01T00:00:00Z') RETURNING id",
            soci::into(other_org);
        sql << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, "
               "updated_at, "
               "password_changed_at) VALUES (:o, 'other@else.example', '他院', 'x', '2026-01-01T00:00:00Z', "
               "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
            soci::use(other_org), soci::into(other_user);
    }
    auto outside = admin_.post("/api/v1/users/" + std::to_string(other_user) + "/reset", json::object());
    EXPECT_EQ(outside.status, 404) << outside.body;
    EXPECT_FALSE(has(audit_actions(), "user.reset"));
}

TEST_F(RecoveryApi, PendingInvitationsAreListedRenewedAndRevoked) {
    auto inv =
        admin_.post(org_path("/invitations"),
                    {{"login", "late@clinic.example"}, {"display_name", "遅 太郎"}, {"roles", {"viewer"}}});
    ASSERT_EQ(inv.status, 201) << inv.body;
    const std::string old_code = inv.json()["code"];
    auto list = admin_.get(org_path("/invitations"));
    ASSERT_EQ(list.status, 200) << list.body;
    ASSERT_EQ(list.json()["invitations"].size(), 1u);
    EXPECT_EQ(list.json()["invitations"][0]["login"], "late@clinic.example");
    EXPECT_EQ(list.json()["invitations"][0]["account_reset"], false);
    EXPECT_EQ(list.body.find("code\""), std::string::npos) << "codes are never listed";

    auto renewed =
        admin_.post("/api/v1/invitations/" + std::to_string(inv.json()["id"].get<long long>()) + "/renewal",
                    json::object());
    ASSERT_EQ(renewed.status, 201) << renewed.body;
    const std::string new_code = renewed.json()["code"];
    EXPECT_NE(new_code, old_code);
    EXPECT_EQ(
        client().post("/api/v1/invitations/accept", {{"code", old_code}, {"password", kUserPassword}}).status,
        400)
        << "the old code stops working";
    ASSERT_EQ(admin_.get(org_path("/invitations")).json()["invitations"].size(), 1u);

    const auto new_id = renewed.json()["id"].get<long long>();
    EXPECT_EQ(admin_.del("/api/v1/invitations/" + std::to_string(new_id)).status, 204);
    EXPECT_EQ(admin_.get(org_path("/invitations")).json()["invitations"].size(), 0u);
    EXPECT_EQ(
        client().post("/api/v1/invitations/accept", {{"code", new_code}, {"password", kUserPassword}}).status,
        400)
        << "a revoked code does not work";
    EXPECT_EQ(admin_.del("/api/v1/invitations/" + std::to_string(new_id)).status, 404);

    SessionClient viewer = invite_and_accept("viewer@clinic.example", {"viewer"});
    EXPECT_EQ(viewer.get(org_path("/invitations")).status, 404) << "only administrators see invitations";

    const auto actions = audit_actions();
    EXPECT_TRUE(has(actions, "invitation.renewed"));
    EXPECT_TRUE(has(actions, "invitation.revoked"));
}

TEST_F(RecoveryApi, InvitingAnExistingLoginSaysToResetInstead) {
    invite_and_accept("editor@clinic.example", {"editor"});
    auto again =
        admin_.post(org_path("/invitations"),
                    {{"login", "editor@clinic.example"}, {"display_name", "x"}, {"roles", {"editor"}}});
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json()["errors"][0]["field"], "login");
    EXPECT_NE(again.body.find("テスト内科クリニック"), std::string::npos) << again.body;
    EXPECT_NE(again.body.find("reset"), std::string::npos) << again.body;
}

TEST_F(RecoveryApi, TheOperatorResetsASoleAdministratorFromTheCli) {
    std::string out;
    ASSERT_EQ(
        run_mamori({"user", "reset-mfa", "--database", database_url(db_path()), "admin@clinic.example"}, out),
        0)
        << out;
    const auto at = out.find("one-time code: ");
    ASSERT_NE(at, std::string::npos) << out;
    const std::string code = out.substr(at + 15, out.find('\n', at) - at - 15);
    EXPECT_EQ(admin_.get("/api/v1/me").status, 401);
    EXPECT_EQ(client().login("admin@clinic.example", kAdminPassword).status, 401);

    SessionClient back = client();
    auto accepted =
        back.post("/api/v1/invitations/accept", {{"code", code}, {"password", "a brand new password"}});
    ASSERT_EQ(accepted.status, 201) << accepted.body;
    EXPECT_EQ(accepted.json()["mfa"], "enrol");
    back.enrol_totp();
    admin_ = back;
    auto log = admin_.get(org_path("/audit?limit=200"));
    const json entries = log.json()["entries"];
    bool found = false;
    for (const auto& e : entries)
        if (e["action"] == "user.reset" && e["actor"] == "cli") found = true;
    EXPECT_TRUE(found) << log.body;

    EXPECT_EQ(run_mamori(
                  {"user", "reset-password", "--database", database_url(db_path()), "nobody@x.example"}, out),
              1);
    EXPECT_NE(out.find("nobody@x.example"), std::string::npos) << out;
}

TEST_F(RecoveryApi, TotpEnrolmentShowsTheSamePendingSecretUntilConfirmed) {
    auto inv = admin_.post(
        org_path("/invitations"),
        {{"login", "manager@clinic.example"}, {"display_name", "x"}, {"roles", {"security_manager"}}});
    ASSERT_EQ(inv.status, 201) << inv.body;
    SessionClient user = client();
    ASSERT_EQ(
        user.post("/api/v1/invitations/accept", {{"code", inv.json()["code"]}, {"password", kUserPassword}})
            .status,
        201);
    auto first = user.post("/api/v1/me/mfa/enrolment", json::object());
    ASSERT_EQ(first.status, 201) << first.body;
    auto second = user.post("/api/v1/me/mfa/enrolment", json::object());
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(first.json()["secret"], second.json()["secret"]) << "a reload keeps the phone's entry valid";
    EXPECT_EQ(first.json()["otpauth_uri"], second.json()["otpauth_uri"]);
    auto wrong = user.post("/api/v1/me/mfa/confirmation", {{"code", "000000"}});
    EXPECT_EQ(wrong.status, 400);
    EXPECT_EQ(wrong.json()["errors"][0]["field"], "code");
    auto ok = user.post("/api/v1/me/mfa/confirmation", {{"code", current_totp(first.json()["secret"].get<std::string>())}});
    EXPECT_EQ(ok.status, 200) << ok.body;
}

}  // namespace
}  // namespace mamori::testing
