// The systems register (システム台帳) through the API on the demo database: さくら内科クリニック adds, changes
// and retires a system; the refusals (a stale version, broken fields named, a viewer, another institution,
// an inspector and a vendor); the history and the audit rows; the demo's registers.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>

#include "mamori/identity/passwords.hpp"
#include "support/demo_server_test.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"}, {"hokenjo@demo.example", "hokenjo-demo-pass"},
    {"sakura@demo.example", "sakura-demo-pass"},     {"vendor@demo.example", "vendor-demo-pass"},
    {"sakura-viewer@demo.example", "a long enough password"}};

json ehr() {
    return {{"kind", "ehr"},
            {"name", "電子カルテ（診察室）"},
            {"product_name", "テストカルテ"},
            {"product_version", "1.0"},
            {"vendor_name", "テスト医療システム株式会社"},
            {"contract_start", "2025-04-01"},
            {"contract_end", "2030-03-31"},
            {"maintenance_contract", true},
            {"data_location", "on_premises"},
            {"remote_maintenance", true},
            {"remote_method", "vpn"},
            {"remote_device", "VPNルータ"},
            {"connection_point", "受付裏のネットワーク機器"},
            {"backup_responsibility", "shared"}};
}

class SystemsRegisterApi : public DemoServerTest {
  protected:
    SystemsRegisterApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("さくら内科クリニック", "sakura-viewer@demo.example", "受付 閲覧", "viewer");
    }
};

TEST_F(SystemsRegisterApi, TheClinicAddsChangesAndRetiresASystemWithItsHistory) {
    SessionClient clinic = persona("sakura@demo.example");
    const auto before = clinic.get("/api/v1/systems");
    ASSERT_EQ(before.status, 200) << before.body;
    const std::size_t demo_systems = before.json()["systems"].size();
    EXPECT_EQ(demo_systems, 2u) << "the demo clinic has its cloud EHR and its レセコン";
    EXPECT_TRUE(before.json()["can_write"].get<bool>());

    const auto made = clinic.post("/api/v1/systems", ehr());
    ASSERT_EQ(made.status, 201) << made.body;
    const long long id = made.json()["id"];
    const std::string url = "/api/v1/systems/" + std::to_string(id);
    EXPECT_EQ(made.json()["version"], 1);
    EXPECT_EQ(made.json()["status"], "in_use");
    EXPECT_EQ(made.json()["remote_method"], "vpn");
    EXPECT_EQ(made.json()["connection_point"], "受付裏のネットワーク機器");
    ASSERT_EQ(made.json()["history"].size(), 1u);
    EXPECT_EQ(made.json()["history"][0]["action"], "created");
    EXPECT_EQ(made.json()["history"][0]["by"], "山田 花子（院長）");

    // Change: the version moves on, the history keeps the version before.
    json changed = ehr();
    changed["version"] = 1;
    changed["product_version"] = "2.0";
    changed["remote_method"] = "internet";
    const auto put = clinic.put(url, changed);
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(put.json()["version"], 2);
    EXPECT_EQ(put.json()["product_version"], "2.0");
    const auto history = put.json()["history"];
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0]["version"], 2);
    EXPECT_EQ(history[0]["action"], "changed");
    EXPECT_EQ(history[0]["changed_fields"], json::array({"product_version", "remote_method"}));
    EXPECT_EQ(history[1]["record"]["product_version"], "1.0") << "the first version as it was";
    EXPECT_EQ(history[1]["record"]["remote_method"], "vpn");

    // A stale version: 409 naming the current one, nothing changed.
    changed["product_version"] = "3.0";
    const auto stale = clinic.put(url, changed);
    EXPECT_EQ(stale.status, 409) << stale.body;
    EXPECT_NE(stale.body.find("version 2"), std::string::npos) << stale.body;
    EXPECT_EQ(clinic.get(url).json()["product_version"], "2.0");

    // The same again changes nothing: no new version.
    changed["version"] = 2;
    changed["product_version"] = "2.0";
    const auto same = clinic.put(url, changed);
    ASSERT_EQ(same.status, 200) << same.body;
    EXPECT_EQ(same.json()["version"], 2);

    // Retire: shown apart; a retired system is not changed; retiring twice is a conflict.
    EXPECT_EQ(clinic.post(url + "/retire", {{"version", 1}}).status, 409);
    const auto retired = clinic.post(url + "/retire", {{"version", 2}});
    ASSERT_EQ(retired.status, 200) << retired.body;
    EXPECT_EQ(retired.json()["status"], "retired");
    EXPECT_EQ(retired.json()["history"][0]["action"], "retired");
    changed["version"] = 3;
    EXPECT_EQ(clinic.put(url, changed).status, 409);
    EXPECT_EQ(clinic.post(url + "/retire", {{"version", 3}}).status, 409);
    const auto after = clinic.get("/api/v1/systems").json();
    EXPECT_EQ(after["systems"].size(), demo_systems);
    ASSERT_EQ(after["retired"].size(), 1u);
    EXPECT_EQ(after["retired"][0]["id"], id);

    // Every write is audited with before and after; the versions are all kept.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE target = 'system:" + std::to_string(id) +
                    "' AND action IN ('system.created', 'system.changed', 'system.retired')"),
              3);
    {
        DatabaseSession direct(db());
        std::string detail;
        *direct << "SELECT detail FROM audit_log WHERE action = 'system.changed' AND target = 'system:" +
                       std::to_string(id) + "'",
            soci::into(detail);
        const auto d = json::parse(detail);
        EXPECT_EQ(d["before"]["product_version"], "1.0") << detail;
        EXPECT_EQ(d["after"]["product_version"], "2.0") << detail;
        EXPECT_EQ(d["after"]["remote_method"], "internet") << detail;
    }
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM system_versions WHERE system_id = " + std::to_string(id)), 3);

    // The audit page names the system (not just its number).
    const auto audit = clinic.get("/api/v1/organisations/" +
                                  std::to_string(scalar("SELECT organisation_id FROM systems WHERE id = " +
                                                        std::to_string(id))) +
                                  "/audit");
    ASSERT_EQ(audit.status, 200) << audit.body;
    const json names = audit.json()["names"];
    EXPECT_EQ(names["system:" + std::to_string(id)]["name"], "電子カルテ（診察室）") << names.dump();
}

TEST_F(SystemsRegisterApi, BrokenFieldsAreNamedAndNothingIsStored) {
    SessionClient clinic = persona("sakura@demo.example");
    const long long systems = scalar("SELECT COUNT(*) FROM systems");
    struct Case {
        const char* why;
        json body;
        const char* field;
    };
    auto with = [](const char* name, json value) {
        json b = ehr();
        b[name] = std::move(value);
        return b;
    };
    json no_remote = ehr();
    no_remote["remote_maintenance"] = false;
    no_remote.erase("remote_device");
    no_remote.erase("connection_point");
    const std::vector<Case> cases = {
        {"unknown kind", with("kind", "mainframe"), "kind"},
        {"empty name", with("name", ""), "name"},
        {"name too long", with("name", std::string(101, 'a')), "name"},
        {"end before start", with("contract_end", "2025-03-31"), "contract_end"},
        {"not a date", with("contract_start", "令和7年4月1日"), "contract_start"},
        {"method without remote maintenance", no_remote, "remote_method"},
        {"unknown method", with("remote_method", "modem"), "remote_method"},
        {"unknown data location", with("data_location", "home"), "data_location"},
        {"not a boolean", with("maintenance_contract", "yes"), "maintenance_contract"},
        {"kind missing", [] { json b = ehr(); b.erase("kind"); return b; }(), "kind"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.why);
        const auto r = clinic.post("/api/v1/systems", c.body);
        ASSERT_EQ(r.status, 400) << r.body;
        bool named = false;
        const json problem = r.json();
        for (const auto& e : problem["errors"]) named = named || e["field"] == c.field;
        EXPECT_TRUE(named) << r.body;
    }
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM systems"), systems);
    // A body over the route's limit is refused before it is read.
    json huge = ehr();
    huge["note"] = std::string(40 * 1024, 'x');
    EXPECT_EQ(clinic.post("/api/v1/systems", huge).status, 413);
}

TEST_F(SystemsRegisterApi, OnlyTheInstitutionsOwnUsersSeeItAndViewersOnlyRead) {
    SessionClient hospital = persona("hospital@demo.example");
    const auto register_ = hospital.get("/api/v1/systems");
    ASSERT_EQ(register_.status, 200) << register_.body;
    const auto systems = register_.json()["systems"];
    ASSERT_EQ(systems.size(), 5u) << "the demo hospital's register";
    bool vpn = false, internet = false, ended = false;
    for (const auto& s : systems) {
        vpn = vpn || (s["kind"] == "ehr" && s["remote_method"] == "vpn");
        internet = internet || (s["kind"] == "pacs" && s["remote_method"] == "internet");
        ended = ended || s["contract_ended"].get<bool>();
    }
    EXPECT_TRUE(vpn && internet) << register_.body;
    EXPECT_TRUE(ended) << "the PACS contract has ended: a warning";
    const long long hospital_system = systems[0]["id"];
    const std::string url = "/api/v1/systems/" + std::to_string(hospital_system);
    ASSERT_EQ(hospital.get(url).json()["history"].size(), 2u) << "the demo's upgrade is in the history";

    // Another institution, the health centre's inspector and the vendor: not found, not even by id.
    for (const std::string login : {"sakura@demo.example", "hokenjo@demo.example", "vendor@demo.example"}) {
        SCOPED_TRACE(login);
        SessionClient other = persona(login);
        EXPECT_EQ(other.get(url).status, 404);
        json body = ehr();
        body["version"] = 2;
        EXPECT_EQ(other.put(url, body).status, 404);
        EXPECT_EQ(other.post(url + "/retire", {{"version", 2}}).status, 404);
        if (login != "sakura@demo.example") {
            EXPECT_EQ(other.get("/api/v1/systems").status, 404);
            EXPECT_EQ(other.post("/api/v1/systems", ehr()).status, 404);
        }
    }
    EXPECT_EQ(hospital.get(url).json()["version"], 2);

    // A viewer reads the clinic's register but changes nothing.
    SessionClient viewer = persona("sakura-viewer@demo.example");
    const auto seen = viewer.get("/api/v1/systems");
    ASSERT_EQ(seen.status, 200) << seen.body;
    EXPECT_FALSE(seen.json()["can_write"].get<bool>());
    const long long clinic_system = seen.json()["systems"][0]["id"];
    const std::string clinic_url = "/api/v1/systems/" + std::to_string(clinic_system);
    EXPECT_EQ(viewer.get(clinic_url).status, 200);
    EXPECT_EQ(viewer.post("/api/v1/systems", ehr()).status, 403);
    json body = ehr();
    body["version"] = 1;
    EXPECT_EQ(viewer.put(clinic_url, body).status, 403);
    EXPECT_EQ(viewer.post(clinic_url + "/retire", {{"version", 1}}).status, 403);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM system_versions WHERE system_id = " + std::to_string(clinic_system)), 1);

    // The kinds, for the form.
    const auto kinds = viewer.get("/api/v1/systems/kinds");
    ASSERT_EQ(kinds.status, 200);
    ASSERT_EQ(kinds.json()["kinds"].size(), 8u);
    EXPECT_EQ(kinds.json()["kinds"][0]["label_ja"], "電子カルテ");
}

TEST_F(SystemsRegisterApi, ASystemNamesOnlyAVendorTheInstitutionHasLinked) {
    const long long demo_vendor = scalar("SELECT id FROM organisations WHERE name = 'デモ医療システム株式会社'");
    SessionClient clinic = persona("sakura@demo.example");
    const auto listed = clinic.get("/api/v1/systems");
    ASSERT_EQ(listed.status, 200) << listed.body;
    int linked = 0;
    const json systems = listed.json()["systems"];
    for (const auto& s : systems)
        if (s["vendor_organisation_id"] == demo_vendor) ++linked;
    EXPECT_EQ(linked, 1) << "the demo clinic's レセコン is run by the linked demo vendor";

    // A vendor organisation the clinic has not linked is refused, naming the field; nothing is stored.
    DatabaseSession direct(db());
    long long other_vendor = 0;
    *direct << "INSERT INTO organisations (kind, name, created_at) VALUES ('vendor', '未連携の事業者株式会社', "
                 "'2026-12-01T00:00:00Z') RETURNING id",
        soci::into(other_vendor);
    const long long systems_before = scalar("SELECT COUNT(*) FROM systems");
    auto body = ehr();
    body["vendor_organisation_id"] = other_vendor;
    const auto refused = clinic.post("/api/v1/systems", body);
    EXPECT_EQ(refused.status, 400) << refused.body;
    EXPECT_NE(refused.body.find("vendor_organisation_id"), std::string::npos) << refused.body;
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM systems"), systems_before);

    // The linked one is accepted and kept in the system's history.
    body["vendor_organisation_id"] = demo_vendor;
    const auto made = clinic.post("/api/v1/systems", body);
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(made.json()["vendor_organisation_id"], demo_vendor);
    EXPECT_EQ(made.json()["history"][0]["record"]["vendor_organisation_id"], demo_vendor);
}

TEST_F(SystemsRegisterApi, TheHistoryCannotBeRewritten) {
    DatabaseSession direct(db());
    bool refused_update = false, refused_delete = false;
    try {
        *direct << "UPDATE system_versions SET action = 'changed'";
    } catch (const std::exception&) {
        refused_update = true;
    }
    try {
        *direct << "DELETE FROM system_versions";
    } catch (const std::exception&) {
        refused_delete = true;
    }
    EXPECT_TRUE(refused_update);
    EXPECT_TRUE(refused_delete);
}

}  // namespace
}  // namespace mamori::testing
