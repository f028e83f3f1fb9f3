// Vendor links through the API on the demo database: さくら内科クリニック invites a vendor with a one-time
// code; a new vendor joins with it (its administrator must enrol the second factor) or an existing vendor's
// administrator redeems it; the matching refusals (法人番号, name), a bad check digit, reuse, a race, revoking,
// unlinking; the operator registers and links vendors; the audit rows.
#include <gtest/gtest.h>

#include <cctype>

#include <map>
#include <thread>

#include "support/demo_server_test.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"},
    {"sakura@demo.example", "sakura-demo-pass"},
    {"vendor@demo.example", "vendor-demo-pass"},
    {"mhlw-admin@demo.example", "mhlw-admin-demo-pass"},
    {"sakura-viewer@demo.example", "a long enough password"},
    {"vendor-admin@demo.example", "a long enough password"},
};

constexpr const char* kNewPassword = "the new vendor's long password";
constexpr const char* kImagingNumber = "1345678901234";  // デモイメージング株式会社 in the demo

class VendorLinksApi : public DemoServerTest {
  protected:
    VendorLinksApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("さくら内科クリニック", "sakura-viewer@demo.example", "受付 閲覧", "viewer");
        add_demo_user("デモ医療システム株式会社", "vendor-admin@demo.example", "事業者 管理", "administrator");
    }

    SessionClient anonymous() { return SessionClient(server_->host(), server_->port()); }

    // cloud_ehr: さくら's クラウド型電子カルテ.
    long long cloud_ehr() {
        return scalar("SELECT s.id FROM systems s JOIN organisations o ON o.id = s.organisation_id WHERE o.name = "
                      "'さくら内科クリニック' AND s.kind = 'ehr'");
    }

    // invite: さくら invites `vendor_name` for its cloud EHR; returns the created invitation (with its code).
    json invite(SessionClient& clinic, const std::string& vendor_name) {
        const auto made = clinic.post("/api/v1/vendor-invitations",
                                      {{"vendor_name", vendor_name}, {"system_ids", {cloud_ehr()}}});
        EXPECT_EQ(made.status, 201) << made.body;
        return made.json();
    }

    static json join_body(const std::string& code, const std::string& name, const std::string& login) {
        return {{"code", code},
                {"vendor_name", name},
                {"administrator", {{"login", login}, {"display_name", "新規 管理者"}, {"password", kNewPassword}}}};
    }

    static std::string field_of(const json& problem) {
        return problem.contains("errors") ? problem["errors"][0]["field"].get<std::string>() : "";
    }
};

TEST_F(VendorLinksApi, AnInvitedVendorJoinsSeesItsCustomerAndTheInstitutionSeesIt) {
    SessionClient clinic = persona("sakura@demo.example");
    const json made = invite(clinic, "テスト新規ヘルス株式会社");
    const std::string code = made["code"];
    EXPECT_GE(code.size(), 16u);
    EXPECT_EQ(made["status"], "pending");
    ASSERT_EQ(made["systems"].size(), 1u);
    EXPECT_EQ(made["systems"][0]["name"], "クラウド型電子カルテ");

    // The code is shown once: the list never has it, and only its hash is stored.
    const auto list = clinic.get("/api/v1/vendor-invitations");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.body.find(code), std::string::npos);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM vendor_invitations WHERE code_hash = '" + code + "'"), 0);

    // The vendor joins: its organisation (with its 法人番号), its administrator, the link, the system.
    json body = join_body(code, "テスト新規ヘルス株式会社", "admin@new-vendor.example");
    body["corporate_number"] = "7123456789012";
    const auto joined = anonymous().post("/api/v1/vendor-join", body);
    ASSERT_EQ(joined.status, 201) << joined.body;
    EXPECT_EQ(joined.json()["institution"]["name"], "さくら内科クリニック");
    const long long vendor = joined.json()["vendor"]["id"];
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM organisations WHERE kind = 'vendor' AND corporate_number = "
                     "'7123456789012' AND id = " + std::to_string(vendor)),
              1);

    // The administrator must enrol the second factor before anything else.
    SessionClient vendor_admin = anonymous();
    const auto signed_in =
        vendor_admin.post("/api/v1/session", {{"login", "admin@new-vendor.example"}, {"password", kNewPassword}});
    ASSERT_EQ(signed_in.status, 200) << signed_in.body;
    EXPECT_EQ(signed_in.json()["mfa"], "enrol");
    EXPECT_EQ(vendor_admin.get("/api/v1/vendor/customers").status, 401);
    vendor_admin.enrol_totp();
    const auto customers = vendor_admin.get("/api/v1/vendor/customers");
    ASSERT_EQ(customers.status, 200) << customers.body;
    const json list_of_customers = customers.json()["customers"];
    ASSERT_EQ(list_of_customers.size(), 1u) << customers.body;
    EXPECT_EQ(list_of_customers[0]["name"], "さくら内科クリニック");
    ASSERT_EQ(list_of_customers[0]["systems"].size(), 1u);
    EXPECT_EQ(list_of_customers[0]["systems"][0]["name"], "クラウド型電子カルテ");
    EXPECT_FALSE(list_of_customers[0].contains("address")) << "nothing else of the institution";
    // Its administrator invites the vendor's respondents with the organisation invitations.
    const auto respondent = vendor_admin.post(
        "/api/v1/organisations/" + std::to_string(vendor) + "/invitations",
        {{"login", "respondent@new-vendor.example"}, {"display_name", "回答 担当"}, {"roles", {"vendor_respondent"}}});
    EXPECT_EQ(respondent.status, 201) << respondent.body;
    const auto wrong_role = vendor_admin.post(
        "/api/v1/organisations/" + std::to_string(vendor) + "/invitations",
        {{"login", "editor@new-vendor.example"}, {"display_name", "x"}, {"roles", {"editor"}}});
    EXPECT_EQ(wrong_role.status, 400) << "an institution's role is not a vendor's";

    // The institution sees the vendor and the system's new version naming it.
    const json vendors = clinic.get("/api/v1/vendors").json()["vendors"];
    bool seen = false;
    for (const auto& v : vendors)
        if (v["id"] == vendor) {
            seen = true;
            EXPECT_EQ(v["via"], "invitation");
            EXPECT_EQ(v["corporate_number"], "7123456789012");
            ASSERT_EQ(v["systems"].size(), 1u);
            EXPECT_EQ(v["systems"][0]["id"], cloud_ehr());
        }
    EXPECT_TRUE(seen) << vendors.dump();
    const json system = clinic.get("/api/v1/systems/" + std::to_string(cloud_ehr())).json();
    EXPECT_EQ(system["vendor_organisation_id"], vendor);
    EXPECT_EQ(system["vendor_name"], "デモクラウドヘルス株式会社") << "the name the institution typed stays";
    EXPECT_EQ(system["history"][0]["action"], "changed");
    EXPECT_EQ(system["history"][0]["changed_fields"], json::array({"vendor_organisation_id"}));
    EXPECT_EQ(system["history"][0]["by"], "新規 管理者");

    // The invitation is used; the code does not work again.
    const json after = clinic.get("/api/v1/vendor-invitations").json()["invitations"];
    EXPECT_EQ(after[0]["status"], "used");
    EXPECT_EQ(after[0]["used_by_vendor"], "テスト新規ヘルス株式会社");
    const auto again = anonymous().post("/api/v1/vendor-join", join_body(code, "別の事業者", "other@x.example"));
    EXPECT_EQ(again.status, 410) << again.body;

    // Audited on both sides.
    const std::string target = "'vendor_link:" + std::to_string(scalar(
        "SELECT id FROM organisations WHERE name = 'さくら内科クリニック'")) + ":" + std::to_string(vendor) + "'";
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_link.created' AND target = " + target), 2);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_organisation.created' AND target = "
                     "'organisation:" + std::to_string(vendor) + "'"),
              1);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_invitation.created'"), 2)
        << "the demo's invitation and this one";
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'system.changed' AND target = 'system:" +
                     std::to_string(cloud_ehr()) + "'"),
              1);
}

TEST_F(VendorLinksApi, AnExistingVendorsAdministratorRedeemsTheCode) {
    SessionClient clinic = persona("sakura@demo.example");
    const std::string code = invite(clinic, "デモ医療システム株式会社")["code"];

    // A respondent may not; a wrong code says nothing of any institution.
    SessionClient respondent = persona("vendor@demo.example");
    EXPECT_EQ(respondent.post("/api/v1/vendor/links", {{"code", code}}).status, 403);
    SessionClient admin = persona("vendor-admin@demo.example");
    const auto wrong = admin.post("/api/v1/vendor/links", {{"code", "ABCD-EFGH-JKMN-PQRS"}});
    EXPECT_EQ(wrong.status, 404) << wrong.body;
    EXPECT_EQ(wrong.body.find("さくら"), std::string::npos);

    // Typed as people type it: lower case, spaces instead of dashes.
    std::string typed;
    for (const char c : code) typed.push_back(c == '-' ? ' ' : static_cast<char>(std::tolower(c)));
    const auto redeemed = admin.post("/api/v1/vendor/links", {{"code", typed}});
    ASSERT_EQ(redeemed.status, 201) << redeemed.body;
    EXPECT_EQ(redeemed.json()["institution"]["name"], "さくら内科クリニック");
    const long long demo_vendor = scalar("SELECT id FROM organisations WHERE name = 'デモ医療システム株式会社'");
    EXPECT_EQ(clinic.get("/api/v1/systems/" + std::to_string(cloud_ehr())).json()["vendor_organisation_id"],
              demo_vendor);
    // Its respondent now sees the cloud EHR among さくら's systems.
    const json customers = respondent.get("/api/v1/vendor/customers").json()["customers"];
    ASSERT_EQ(customers.size(), 2u) << customers.dump();
    for (const auto& c : customers)
        if (c["name"] == "さくら内科クリニック") {
            EXPECT_EQ(c["systems"].size(), 2u) << customers.dump();
        }
    const auto reused = admin.post("/api/v1/vendor/links", {{"code", code}});
    EXPECT_EQ(reused.status, 410) << reused.body;
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_link.created' AND detail LIKE "
                     "'%\"already_linked\":true%'"),
              2);
}

TEST_F(VendorLinksApi, AVendorAlreadyInMamoriIsNotRegisteredTwice) {
    SessionClient clinic = persona("sakura@demo.example");
    const std::string code = invite(clinic, "デモイメージング")["code"];
    // The same 法人番号: refused, the code still pending.
    json body = join_body(code, "まったく別の名前株式会社", "x@imaging.example");
    body["corporate_number"] = kImagingNumber;
    const auto same_number = anonymous().post("/api/v1/vendor-join", body);
    EXPECT_EQ(same_number.status, 409) << same_number.body;
    EXPECT_EQ(field_of(same_number.json()), "corporate_number");
    EXPECT_NE(same_number.body.find("この法人番号の事業者は既に登録されています"), std::string::npos);
    // The same name in normal form: confirm first; the matching names are listed.
    body = join_body(code, "デモイメージング（株）", "x@imaging.example");
    const auto same_name = anonymous().post("/api/v1/vendor-join", body);
    EXPECT_EQ(same_name.status, 409) << same_name.body;
    EXPECT_EQ(field_of(same_name.json()), "vendor_name");
    EXPECT_EQ(same_name.json()["errors"][0]["reason"], "same_name");
    EXPECT_EQ(same_name.json()["errors"][0]["value"], "デモイメージング株式会社");
    EXPECT_EQ(clinic.get("/api/v1/vendor-invitations").json()["invitations"][0]["status"], "pending");
    // A bad check digit is refused naming the field.
    body["corporate_number"] = "1234567890123";
    const auto bad = anonymous().post("/api/v1/vendor-join", body);
    EXPECT_EQ(bad.status, 400) << bad.body;
    EXPECT_EQ(field_of(bad.json()), "corporate_number");
    // Confirmed as a new vendor: made.
    body.erase("corporate_number");
    body["confirm_new"] = true;
    const auto confirmed = anonymous().post("/api/v1/vendor-join", body);
    EXPECT_EQ(confirmed.status, 201) << confirmed.body;
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM organisations WHERE kind = 'vendor' AND name = 'デモイメージング（株）'"), 1);
}

TEST_F(VendorLinksApi, TheInvitationIsCheckedAndOnlyTheInstitutionsWritersInvite) {
    SessionClient clinic = persona("sakura@demo.example");
    const auto bad_number = clinic.post("/api/v1/vendor-invitations",
                                        {{"vendor_name", "テスト株式会社"}, {"corporate_number", "1234567890123"}});
    EXPECT_EQ(bad_number.status, 400) << bad_number.body;
    EXPECT_EQ(field_of(bad_number.json()), "corporate_number");
    const long long hospital_system = scalar(
        "SELECT MIN(s.id) FROM systems s JOIN organisations o ON o.id = s.organisation_id WHERE o.name = 'デモ総合病院'");
    const auto other_system =
        clinic.post("/api/v1/vendor-invitations", {{"vendor_name", "テスト株式会社"}, {"system_ids", {hospital_system}}});
    EXPECT_EQ(other_system.status, 400) << other_system.body;
    EXPECT_EQ(field_of(other_system.json()), "system_ids[0]");
    EXPECT_EQ(clinic.post("/api/v1/vendor-invitations", {{"vendor_name", ""}}).status, 400);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM vendor_invitations"), 1) << "only the demo's";

    SessionClient viewer = persona("sakura-viewer@demo.example");
    EXPECT_EQ(viewer.post("/api/v1/vendor-invitations", {{"vendor_name", "テスト株式会社"}}).status, 403);
    EXPECT_EQ(viewer.get("/api/v1/vendor-invitations").status, 200);
    SessionClient vendor = persona("vendor@demo.example");
    EXPECT_EQ(vendor.get("/api/v1/vendor-invitations").status, 404);
    EXPECT_EQ(vendor.get("/api/v1/vendors").status, 404);
    // Another institution's invitation is not found.
    SessionClient hospital = persona("hospital@demo.example");
    const long long demo_invitation = scalar("SELECT MIN(id) FROM vendor_invitations");
    EXPECT_EQ(hospital.post("/api/v1/vendor-invitations/" + std::to_string(demo_invitation) + "/revoke", json::object())
                  .status,
              404);
}

TEST_F(VendorLinksApi, OfTwoRedeemsOfOneCodeAtOnceOneWins) {
    SessionClient clinic = persona("sakura@demo.example");
    const std::string code = invite(clinic, "競争株式会社")["code"];
    int statuses[2] = {0, 0};
    std::thread first([&] {
        statuses[0] = anonymous().post("/api/v1/vendor-join", join_body(code, "競争一号株式会社", "one@race.example")).status;
    });
    std::thread second([&] {
        statuses[1] = anonymous().post("/api/v1/vendor-join", join_body(code, "競争二号株式会社", "two@race.example")).status;
    });
    first.join();
    second.join();
    EXPECT_EQ(std::min(statuses[0], statuses[1]), 201);
    EXPECT_EQ(std::max(statuses[0], statuses[1]), 410);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM organisations WHERE name LIKE '競争%号株式会社'"), 1);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM vendor_links l JOIN organisations o ON o.id = l.vendor_organisation_id "
                     "WHERE o.name LIKE '競争%号株式会社'"),
              1);
}

TEST_F(VendorLinksApi, OfARedeemAndAJoinOfOneCodeAtOnceOneWins) {
    SessionClient clinic = persona("sakura@demo.example");
    const std::string code = invite(clinic, "競争株式会社")["code"];
    SessionClient admin = persona("vendor-admin@demo.example");
    int redeemed = 0, joined = 0;
    std::thread redeem([&] { redeemed = admin.post("/api/v1/vendor/links", {{"code", code}}).status; });
    std::thread join([&] {
        joined = anonymous().post("/api/v1/vendor-join", join_body(code, "競争三号株式会社", "three@race.example")).status;
    });
    redeem.join();
    join.join();
    EXPECT_EQ(std::min(redeemed, joined), 201);
    EXPECT_EQ(std::max(redeemed, joined), 410);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM vendor_invitations WHERE used_at IS NOT NULL AND vendor_organisation_id "
                     "IS NOT NULL"),
              1);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM organisations WHERE name = '競争三号株式会社'"), joined == 201 ? 1 : 0)
        << "the loser made nothing";
}

TEST_F(VendorLinksApi, ARevokedCodeIsGone) {
    SessionClient clinic = persona("sakura@demo.example");
    const json made = invite(clinic, "取消株式会社");
    const std::string url = "/api/v1/vendor-invitations/" + std::to_string(made["id"].get<long long>()) + "/revoke";
    SessionClient viewer = persona("sakura-viewer@demo.example");
    EXPECT_EQ(viewer.post(url, json::object()).status, 403);
    const auto revoked = clinic.post(url, json::object());
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    EXPECT_EQ(revoked.json()["status"], "revoked");
    EXPECT_EQ(clinic.post(url, json::object()).status, 409);
    EXPECT_EQ(anonymous().post("/api/v1/vendor-join", join_body(made["code"], "取消株式会社", "r@x.example")).status,
              410);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_invitation.revoked'"), 1);
}

TEST_F(VendorLinksApi, UnlinkingEndsWhatTheVendorSeesAndKeepsTheHistory) {
    SessionClient respondent = persona("vendor@demo.example");
    const json before = respondent.get("/api/v1/vendor/customers").json()["customers"];
    ASSERT_EQ(before.size(), 2u) << before.dump();
    EXPECT_EQ(before[0]["name"], "さくら内科クリニック");
    EXPECT_EQ(before[1]["name"], "デモ総合病院");

    SessionClient clinic = persona("sakura@demo.example");
    const long long demo_vendor = scalar("SELECT id FROM organisations WHERE name = 'デモ医療システム株式会社'");
    const std::string url = "/api/v1/vendors/" + std::to_string(demo_vendor) + "/unlink";
    EXPECT_EQ(persona("sakura-viewer@demo.example").post(url, json::object()).status, 403);
    const auto unlinked = clinic.post(url, json::object());
    ASSERT_EQ(unlinked.status, 200) << unlinked.body;
    EXPECT_EQ(clinic.post(url, json::object()).status, 409) << "already unlinked";

    const json after = respondent.get("/api/v1/vendor/customers").json()["customers"];
    ASSERT_EQ(after.size(), 1u) << after.dump();
    EXPECT_EQ(after[0]["name"], "デモ総合病院");
    const json vendors_left = clinic.get("/api/v1/vendors").json()["vendors"];  // a local: the loop outlives it
    for (const auto& v : vendors_left) EXPECT_NE(v["id"], demo_vendor);
    // The system keeps its vendor's name; the link row stays, ended.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM systems s JOIN organisations o ON o.id = s.organisation_id WHERE o.name = "
                     "'さくら内科クリニック' AND s.vendor_name = 'デモ医療システム株式会社'"),
              1);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM vendor_links WHERE vendor_organisation_id = " + std::to_string(demo_vendor) +
                     " AND ended_at IS NOT NULL"),
              1);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_link.ended'"), 2);
}

TEST_F(VendorLinksApi, EachVendorSeesOnlyItsOwnCustomers) {
    // デモイメージング (the operator's vendor) runs デモ総合病院's PACS; the demo vendor never lists it.
    SessionClient respondent = persona("vendor@demo.example");
    const auto customers = respondent.get("/api/v1/vendor/customers");
    ASSERT_EQ(customers.status, 200);
    EXPECT_EQ(customers.body.find("PACS"), std::string::npos) << customers.body;
    EXPECT_EQ(customers.body.find("なにわ"), std::string::npos);
    EXPECT_EQ(persona("sakura@demo.example").get("/api/v1/vendor/customers").status, 404);
    const json hospital_vendors = persona("hospital@demo.example").get("/api/v1/vendors").json()["vendors"];
    ASSERT_EQ(hospital_vendors.size(), 2u) << hospital_vendors.dump();
    EXPECT_EQ(hospital_vendors[0]["name"], "デモイメージング株式会社");
    EXPECT_EQ(hospital_vendors[0]["via"], "operator");
    EXPECT_EQ(hospital_vendors[0]["corporate_number"], kImagingNumber);
    ASSERT_EQ(hospital_vendors[0]["systems"].size(), 1u);
    EXPECT_EQ(hospital_vendors[0]["systems"][0]["name"], "医用画像管理システム（PACS）");
}

TEST_F(VendorLinksApi, TheOperatorRegistersAndLinksVendors) {
    SessionClient ministry = persona("mhlw-admin@demo.example");
    const auto made = ministry.post("/api/v1/vendor-organisations",
                                    {{"name", "運営登録株式会社"}, {"corporate_number", "9234567890123"}});
    ASSERT_EQ(made.status, 201) << made.body;
    const long long id = made.json()["id"];
    const auto same_number = ministry.post("/api/v1/vendor-organisations",
                                           {{"name", "別名株式会社"}, {"corporate_number", "9234567890123"}});
    EXPECT_EQ(same_number.status, 409);
    EXPECT_EQ(field_of(same_number.json()), "corporate_number");
    const auto same_name = ministry.post("/api/v1/vendor-organisations", {{"name", "運営登録(株)"}});
    EXPECT_EQ(same_name.status, 409);
    EXPECT_EQ(field_of(same_name.json()), "name");
    EXPECT_EQ(ministry.post("/api/v1/vendor-organisations", {{"name", "運営登録(株)"}, {"confirm_new", true}}).status,
              201);
    EXPECT_EQ(ministry.post("/api/v1/vendor-organisations", {{"name", "x"}, {"corporate_number", "123"}}).status, 400);

    const auto found = ministry.get("/api/v1/vendor-organisations?q=%E9%81%8B%E5%96%B6%E7%99%BB%E9%8C%B2");
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_EQ(found.json()["vendor_organisations"].size(), 2u) << found.body;

    const long long naniwa = scalar("SELECT id FROM organisations WHERE name = 'なにわ診療所'");
    const std::string url = "/api/v1/vendor-organisations/" + std::to_string(id) + "/links";
    const auto linked = ministry.post(url, {{"institution_id", naniwa}});
    ASSERT_EQ(linked.status, 201) << linked.body;
    EXPECT_EQ(linked.json()["via"], "operator");
    EXPECT_EQ(ministry.post(url, {{"institution_id", naniwa}}).status, 409);
    const long long tokyo = scalar("SELECT id FROM organisations WHERE name = '東京都'");
    EXPECT_EQ(ministry.post(url, {{"institution_id", tokyo}}).status, 400);

    SessionClient clinic = persona("sakura@demo.example");
    EXPECT_EQ(clinic.get("/api/v1/vendor-organisations").status, 404);
    EXPECT_EQ(clinic.post("/api/v1/vendor-organisations", {{"name", "勝手株式会社"}}).status, 404);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_organisation.created' AND actor LIKE "
                     "'user:%'"),
              3);
}

TEST_F(VendorLinksApi, GuessingCodesIsLimitedLikeLogins) {
    // Each wrong code counts against the address (30 within 15 minutes), then even a right one waits.
    SessionClient clinic = persona("sakura@demo.example");
    const std::string code = invite(clinic, "推測株式会社")["code"];
    SessionClient guesser = anonymous();
    for (int i = 0; i < 30; ++i)
        ASSERT_EQ(guesser.post("/api/v1/vendor-join", join_body("WRNG-CODE-" + std::to_string(1000 + i), "推測株式会社",
                                                                "g@x.example"))
                      .status,
                  404);
    EXPECT_EQ(guesser.post("/api/v1/vendor-join", join_body(code, "推測株式会社", "g@x.example")).status, 429);
    EXPECT_EQ(clinic.get("/api/v1/vendor-invitations").json()["invitations"][0]["status"], "pending");
    EXPECT_GE(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_invitation.refused'"), 30);
}

TEST_F(VendorLinksApi, TheOperatorRegistersAVendorFromTheConsole) {
    std::string out;
    ASSERT_EQ(run_mamori({"vendors", "register", "--database", database_url(db()), "--name", "コンソール登録株式会社",
                          "--corporate-number", "9234567890123"},
                         out),
              0)
        << out;
    EXPECT_NE(out.find("コンソール登録株式会社"), std::string::npos) << out;
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM organisations WHERE kind = 'vendor' AND corporate_number = '9234567890123'"),
              1);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_organisation.created' AND actor = 'cli'"), 1);
    // The same 法人番号 again, and a bad check digit: refused, naming the field.
    EXPECT_EQ(run_mamori({"vendors", "register", "--database", database_url(db()), "--name", "別名株式会社",
                          "--corporate-number", "9234567890123"},
                         out),
              1);
    EXPECT_NE(out.find("この法人番号の事業者は既に登録されています"), std::string::npos) << out;
    EXPECT_EQ(run_mamori({"vendors", "register", "--database", database_url(db()), "--name", "桁違い株式会社",
                          "--corporate-number", "1234567890123"},
                         out),
              1);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM organisations WHERE name IN ('別名株式会社', '桁違い株式会社')"), 0);
}

}  // namespace
}  // namespace mamori::testing
