// First-run setup by purpose (one institution picked from the facility master or entered by its codes, a
// prefecture, the nation) and the organisation profile that administrators edit afterwards.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";

class SetupModes : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(db_path());
        // The facility master as `mamori import facilities` leaves it.
        DatabaseSession direct(db_path());
        *direct << "INSERT INTO organisations (kind, name, prefecture_code, municipality_code, facility_id, "
                   "address, created_at) VALUES ('clinic', 'さくら内科クリニック', '13', '131016', "
                   "'9913000000002', "
                   "'東京都千代田区デモ町2-3', '2026-01-01T00:00:00Z') RETURNING id",
            soci::into(clinic_id_);
        *direct << "INSERT INTO organisations (kind, name, prefecture_code, municipality_code, facility_id, "
                   "created_at) VALUES ('pharmacy', 'あおば薬局', '13', '131016', '9913000000004', "
                   "'2026-01-01T00:00:00Z')";
    }

    std::filesystem::path db_path() const { return dir_.path() / "setup.db"; }
    SessionClient client() const { return SessionClient(server_->host(), server_->port()); }
    long long organisations() {
        DatabaseSession direct(db_path());
        long long n = 0;
        *direct << "SELECT COUNT(*) FROM organisations", soci::into(n);
        return n;
    }
    json setup_body(json organisation) const {
        organisation["setup_code"] = server_->setup_code();
        organisation["login"] = "admin@example.jp";
        organisation["display_name"] = "管理 太郎";
        organisation["password"] = kPassword;
        return organisation;
    }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
    long long clinic_id_ = 0;
};

TEST_F(SetupModes, AnInstitutionIsPickedFromTheFacilityMasterWithTheSetupCodeOnly) {
    auto wrong =
        client().post("/api/v1/setup/facilities", {{"setup_code", "WRONG-CODE"}, {"query", "さくら"}});
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(wrong.json()["errors"][0]["field"], "setup_code");

    auto found = client().post("/api/v1/setup/facilities",
                               {{"setup_code", server_->setup_code()}, {"query", "さくら"}});
    ASSERT_EQ(found.status, 200) << found.body;
    ASSERT_EQ(found.json()["facilities"].size(), 1u);
    EXPECT_EQ(found.json()["facilities"][0]["id"], clinic_id_);
    EXPECT_EQ(found.json()["facilities"][0]["facility_id"], "9913000000002");
    EXPECT_EQ(found.json()["more"], false);
    auto by_code = client().post("/api/v1/setup/facilities",
                                 {{"setup_code", server_->setup_code()}, {"query", "991300000000"}});
    ASSERT_EQ(by_code.status, 200) << by_code.body;
    EXPECT_EQ(by_code.json()["facilities"].size(), 2u) << "a facility id's first digits find it";
    auto wildcard =
        client().post("/api/v1/setup/facilities", {{"setup_code", server_->setup_code()}, {"query", "%"}});
    EXPECT_EQ(wildcard.json()["facilities"].size(), 0u) << "LIKE wildcards are plain characters";

    const long long before = organisations();
    SessionClient admin = client();
    auto setup = admin.post("/api/v1/setup",
                            setup_body({{"purpose", "institution"}, {"organisation_id", clinic_id_}}));
    ASSERT_EQ(setup.status, 201) << setup.body;
    EXPECT_EQ(setup.json()["user"]["organisation_id"], clinic_id_);
    EXPECT_EQ(organisations(), before) << "no second clinic";

    auto after = client().post("/api/v1/setup/facilities",
                               {{"setup_code", server_->setup_code()}, {"query", "さくら"}});
    EXPECT_EQ(after.status, 409) << "the search closes with setup";
}

TEST_F(SetupModes, AnEnteredFacilityIdThatExistsIsThatInstitution) {
    const long long before = organisations();
    auto setup = client().post("/api/v1/setup", setup_body({{"purpose", "institution"},
                                                            {"facility_id", "9913000000002"},
                                                            {"organisation_kind", "clinic"},
                                                            {"organisation_name", "さくら内科"},
                                                            {"prefecture_code", "13"},
                                                            {"municipality_code", "131016"}}));
    ASSERT_EQ(setup.status, 201) << setup.body;
    EXPECT_EQ(setup.json()["user"]["organisation_id"], clinic_id_);
    EXPECT_EQ(setup.json()["user"]["organisation_name"], "さくら内科クリニック");
    EXPECT_EQ(organisations(), before);
}

TEST_F(SetupModes, AnEnteredInstitutionIsValidatedThenCreatedWithItsCodes) {
    auto post = [&](json fields) { return client().post("/api/v1/setup", setup_body(std::move(fields))); };
    const json valid = {{"purpose", "institution"},        {"facility_id", "9927000000009"},
                        {"organisation_kind", "hospital"}, {"organisation_name", "なにわ病院"},
                        {"prefecture_code", "27"},         {"municipality_code", "271004"}};
    auto field_of = [](const HttpResult& r) { return r.json()["errors"][0]["field"].get<std::string>(); };
    json bad = valid;
    bad["municipality_code"] = "131016";
    auto outside = post(bad);
    EXPECT_EQ(outside.status, 400);
    EXPECT_EQ(field_of(outside), "municipality_code") << "a municipality of another prefecture";
    bad = valid;
    bad["facility_id"] = "12345";
    EXPECT_EQ(field_of(post(bad)), "facility_id");
    bad = valid;
    bad["prefecture_code"] = "48";
    EXPECT_EQ(field_of(post(bad)), "prefecture_code");
    bad = valid;
    bad["organisation_kind"] = "prefecture";
    EXPECT_EQ(field_of(post(bad)), "organisation_kind");
    bad = valid;
    bad["purpose"] = "everything";
    EXPECT_EQ(field_of(post(bad)), "purpose");

    SessionClient admin = client();
    auto setup = admin.post("/api/v1/setup", setup_body(valid));
    ASSERT_EQ(setup.status, 201) << setup.body;
    admin.enrol_totp();
    const auto org = setup.json()["user"]["organisation_id"].get<long long>();
    auto profile = admin.get("/api/v1/organisations/" + std::to_string(org) + "/profile");
    ASSERT_EQ(profile.status, 200) << profile.body;
    EXPECT_EQ(profile.json()["kind"], "hospital");
    EXPECT_EQ(profile.json()["facility_id"], "9927000000009");
    EXPECT_EQ(profile.json()["prefecture_code"], "27");
    EXPECT_EQ(profile.json()["municipality_code"], "271004");
}

TEST_F(SetupModes, APrefectureAndTheNationAreFoundOrCreated) {
    SessionClient admin = client();
    auto wrong_code = admin.post("/api/v1/setup", [&] {
        json body = setup_body({{"purpose", "prefecture"}, {"prefecture_code", "27"}});
        body["setup_code"] = "WRONG-CODE";
        return body;
    }());
    EXPECT_EQ(wrong_code.status, 403);
    auto setup =
        admin.post("/api/v1/setup", setup_body({{"purpose", "prefecture"}, {"prefecture_code", "27"}}));
    ASSERT_EQ(setup.status, 201) << setup.body;
    EXPECT_EQ(setup.json()["user"]["organisation_kind"], "prefecture");
    EXPECT_EQ(setup.json()["user"]["organisation_name"], "大阪府");
    DatabaseSession direct(db_path());
    std::string pref;
    const long long organisation = setup.json()["user"]["organisation_id"].get<long long>();
    *direct << "SELECT prefecture_code FROM organisations WHERE id = :i", soci::use(organisation),
        soci::into(pref);
    EXPECT_EQ(pref, "27");
}

TEST_F(SetupModes, TheNationIsTheMinistry) {
    auto setup = client().post("/api/v1/setup", setup_body({{"purpose", "nation"}}));
    ASSERT_EQ(setup.status, 201) << setup.body;
    EXPECT_EQ(setup.json()["user"]["organisation_kind"], "ministry");
    EXPECT_EQ(setup.json()["user"]["organisation_name"], "厚生労働省");
}

TEST_F(SetupModes, AdministratorsEditTheirOrganisationsProfileValidatedAndAudited) {
    SessionClient admin = client();
    auto setup = admin.post("/api/v1/setup",
                            setup_body({{"purpose", "institution"}, {"organisation_id", clinic_id_}}));
    ASSERT_EQ(setup.status, 201) << setup.body;
    admin.enrol_totp();
    const std::string path = "/api/v1/organisations/" + std::to_string(clinic_id_) + "/profile";
    auto field_of = [](const HttpResult& r) { return r.json()["errors"][0]["field"].get<std::string>(); };

    auto bad_city = admin.patch(path, {{"municipality_code", "271004"}});
    EXPECT_EQ(bad_city.status, 400);
    EXPECT_EQ(field_of(bad_city), "municipality_code");
    auto taken = admin.patch(path, {{"facility_id", "9913000000004"}});
    EXPECT_EQ(taken.status, 409) << "the pharmacy has this facility id";
    EXPECT_EQ(field_of(taken), "facility_id");
    auto empty_name = admin.patch(path, {{"name", ""}});
    EXPECT_EQ(field_of(empty_name), "name");

    auto changed =
        admin.patch(path, {{"name", "さくら内科・小児科クリニック"}, {"address", "東京都千代田区デモ町2-4"}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json()["name"], "さくら内科・小児科クリニック");
    EXPECT_EQ(admin.get("/api/v1/me").json()["organisation_name"], "さくら内科・小児科クリニック");
    auto log = admin.get("/api/v1/organisations/" + std::to_string(clinic_id_) + "/audit?limit=50");
    const json entries = log.json()["entries"];
    bool audited = false;
    for (const auto& e : entries)
        if (e["action"] == "organisation.changed") {
            audited = true;
            EXPECT_EQ(e["detail"]["before"]["name"], "さくら内科クリニック");
            EXPECT_EQ(e["detail"]["after"]["address"], "東京都千代田区デモ町2-4");
        }
    EXPECT_TRUE(audited) << log.body;

    long long pharmacy = 0;
    {
        DatabaseSession direct(db_path());
        *direct << "SELECT id FROM organisations WHERE facility_id = '9913000000004'", soci::into(pharmacy);
    }
    const std::string other = "/api/v1/organisations/" + std::to_string(pharmacy) + "/profile";
    EXPECT_EQ(admin.get(other).status, 404);
    EXPECT_EQ(admin.patch(other, {{"name", "x"}}).status, 404) << "only one's own organisation";

    auto inv = admin.post("/api/v1/organisations/" + std::to_string(clinic_id_) + "/invitations",
                          {{"login", "editor@example.jp"}, {"display_name", "編集"}, {"roles", {"editor"}}});
    ASSERT_EQ(inv.status, 201) << inv.body;
    SessionClient editor = client();
    ASSERT_EQ(
        editor.post("/api/v1/invitations/accept", {{"code", inv.json()["code"]}, {"password", kPassword}})
            .status,
        201);
    EXPECT_EQ(editor.patch(path, {{"name", "x"}}).status, 404) << "only administrators";
}

}  // namespace
}  // namespace mamori::testing
