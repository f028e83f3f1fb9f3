// Findings and the device check through the API on the demo database (issue 17): デモ総合病院 sees its
// FortiGate's KEV finding first and marks it 対応中 (with the history, the audit row and the refusals: a
// stale version, a missing reason, a viewer, another institution); the demo's JVN title and リスク受容; the
// health centre reads, the vendor only the asset of the system it runs; a patched device's findings go and
// come back on the operator's re-match; the ministry's national numbers; the device check by API and CLI.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>

#include "support/demo_server_test.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"},
    {"hokenjo@demo.example", "hokenjo-demo-pass"},
    {"sakura@demo.example", "sakura-demo-pass"},
    {"vendor@demo.example", "vendor-demo-pass"},
    {"mhlw@demo.example", "mhlw-demo-pass"},
    {"mhlw-admin@demo.example", "mhlw-admin-demo-pass"},
    {"hospital-viewer@demo.example", "a long enough password"}};

class FindingsApi : public DemoServerTest {
  protected:
    FindingsApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("デモ総合病院", "hospital-viewer@demo.example", "閲覧 専用", "viewer");
    }
    long long hospital_id() { return scalar("SELECT id FROM organisations WHERE name = 'デモ総合病院'"); }
};

TEST_F(FindingsApi, TheHospitalSeesItsFortiGateKevFindingFirstAndMarksItInProgress) {
    SessionClient hospital = persona("hospital@demo.example");
    const auto list = hospital.get("/api/v1/findings");
    ASSERT_EQ(list.status, 200) << list.body;
    const json page = list.json();
    ASSERT_GE(page["findings"].size(), 3u) << page.dump();
    const json first = page["findings"][0];
    EXPECT_NE(first["asset"]["name"].get<std::string>().find("FortiGate"), std::string::npos) << first.dump();
    EXPECT_TRUE(first["cve_id"] == "CVE-2018-13379" || first["cve_id"] == "CVE-2022-42475") << first.dump();
    EXPECT_EQ(first["kev"]["ransomware_use"], "Known");
    EXPECT_TRUE(first["exposed"].get<bool>());
    EXPECT_EQ(first["state"], "open");
    EXPECT_TRUE(page["can_write"].get<bool>());
    // Ordered by priority: nothing after the first outranks it.
    for (const auto& f : page["findings"]) EXPECT_LE(f["priority"].get<int>(), first["priority"].get<int>());
    // The default list leaves out what is closed (the demo's リスク受容).
    for (const auto& f : page["findings"]) EXPECT_NE(f["state"], "risk_accepted");

    const auto summary = hospital.get("/api/v1/findings/summary");
    ASSERT_EQ(summary.status, 200) << summary.body;
    EXPECT_GE(summary.json()["open_kev"].get<int>(), 4);
    EXPECT_GE(summary.json()["ransomware"].get<int>(), 4);
    EXPECT_GE(summary.json()["exposed_kev"].get<int>(), 2);
    EXPECT_EQ(summary.json()["in_progress"].get<int>(), 1) << "the demo's PACS server";

    const std::string path = "/api/v1/findings/" + std::to_string(first["id"].get<long long>());
    const int version = first["version"].get<int>();
    const auto changed =
        hospital.post(path + "/state",
                      {{"state", "in_progress"}, {"reason", "保守業者に更新を依頼"}, {"version", version}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json()["state"], "in_progress");
    EXPECT_EQ(changed.json()["version"].get<int>(), version + 1);
    const json events = changed.json()["events"];
    ASSERT_GE(events.size(), 2u);
    EXPECT_EQ(events[0]["action"], "found");
    const json last = events[events.size() - 1];
    EXPECT_EQ(last["action"], "state_changed");
    EXPECT_EQ(last["from_state"], "open");
    EXPECT_EQ(last["to_state"], "in_progress");
    EXPECT_EQ(last["reason"], "保守業者に更新を依頼");
    EXPECT_FALSE(last["by"].get<std::string>().empty());
    EXPECT_EQ(
        scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'finding.state_changed' AND target = 'finding:" +
            std::to_string(first["id"].get<long long>()) + "'"),
        1);

    // The refusals change nothing.
    const auto stale = hospital.post(path + "/state", {{"state", "mitigated"}, {"version", version}});
    EXPECT_EQ(stale.status, 409) << stale.body;
    const auto no_reason = hospital.post(
        path + "/state", {{"state", "risk_accepted"}, {"reason", "  "}, {"version", version + 1}});
    EXPECT_EQ(no_reason.status, 400) << no_reason.body;
    EXPECT_NE(no_reason.body.find("reason"), std::string::npos);
    SessionClient viewer = persona("hospital-viewer@demo.example");
    EXPECT_EQ(viewer.get(path).status, 200);
    EXPECT_EQ(viewer.post(path + "/state", {{"state", "mitigated"}, {"version", version + 1}}).status, 403);
    SessionClient clinic = persona("sakura@demo.example");
    EXPECT_EQ(clinic.get(path).status, 404);
    EXPECT_EQ(clinic.post(path + "/state", {{"state", "mitigated"}, {"version", version + 1}}).status, 404);
    EXPECT_EQ(
        scalar("SELECT version FROM findings WHERE id = " + std::to_string(first["id"].get<long long>())),
        version + 1);
}

TEST_F(FindingsApi, AFindingShowsItsCveDetailWithTheJvnTitleAndTheDemoTriage) {
    SessionClient hospital = persona("hospital@demo.example");
    const auto accepted = hospital.get("/api/v1/findings?state=risk_accepted");
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    ASSERT_EQ(accepted.json()["findings"].size(), 1u) << accepted.body;
    const json f = accepted.json()["findings"][0];
    EXPECT_EQ(f["cve_id"], "CVE-2021-36745");
    EXPECT_TRUE(f["kev"].is_null());
    EXPECT_EQ(f["jvn"]["jvndb_id"], "JVNDB-2021-002774");
    EXPECT_EQ(f["jvn"]["title"], "トレンドマイクロ製 ServerProtect における認証回避の脆弱性");
    const auto detail = hospital.get("/api/v1/findings/" + std::to_string(f["id"].get<long long>()));
    ASSERT_EQ(detail.status, 200) << detail.body;
    EXPECT_FALSE(detail.json()["state_reason"].get<std::string>().empty());
    EXPECT_FALSE(detail.json()["cve"]["description"].get<std::string>().empty());
    EXPECT_EQ(detail.json()["cve"]["cvss_version"], "3.1");

    const auto kev = hospital.get("/api/v1/findings?kev=true&limit=200");
    ASSERT_EQ(kev.status, 200);
    const json kev_findings = kev.json()["findings"];
    for (const auto& k : kev_findings) EXPECT_FALSE(k["kev"].is_null());
    EXPECT_EQ(hospital.get("/api/v1/findings?state=closed").status, 400);
    EXPECT_EQ(hospital.get("/api/v1/findings?class=printer").status, 400) << "a class the ledger does not have";
    EXPECT_EQ(hospital.get("/api/v1/findings?class=server").status, 200);
    EXPECT_EQ(hospital.get("/api/v1/findings?limit=1000").status, 400);
}

TEST_F(FindingsApi, TheHealthCentreReadsAndTheVendorOnlyTheAssetsOfItsSystems) {
    const std::string hospital = "?organisation_id=" + std::to_string(hospital_id());
    SessionClient hokenjo = persona("hokenjo@demo.example");
    EXPECT_EQ(hokenjo.get("/api/v1/findings").status, 400) << "which institution";
    const auto read = hokenjo.get("/api/v1/findings" + hospital + "&limit=200");
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_GE(read.json()["findings"].size(), 8u);
    EXPECT_FALSE(read.json()["can_write"].get<bool>());
    const json first = read.json()["findings"][0];
    EXPECT_EQ(hokenjo
                  .post("/api/v1/findings/" + std::to_string(first["id"].get<long long>()) + "/state",
                        {{"state", "mitigated"}, {"version", first["version"]}})
                  .status,
              403);

    // The demo vendor runs デモ総合病院's 電子カルテ: the findings of its servers, not the FortiGate's.
    SessionClient vendor = persona("vendor@demo.example");
    const auto seen = vendor.get("/api/v1/findings" + hospital + "&limit=200");
    ASSERT_EQ(seen.status, 200) << seen.body;
    const json vendor_findings = seen.json()["findings"];
    ASSERT_GE(vendor_findings.size(), 1u);
    for (const auto& f : vendor_findings)
        EXPECT_TRUE(f["asset"]["name"].get<std::string>().starts_with("電子カルテ")) << f.dump();
    EXPECT_LT(vendor_findings.size(), read.json()["findings"].size());
    EXPECT_EQ(vendor.get("/api/v1/findings/" + std::to_string(first["id"].get<long long>())).status, 404)
        << "the FortiGate is no system of the vendor's";
}

TEST_F(FindingsApi, APatchedDeviceLosesItsFindingsAndTheyComeBackOnTheOperatorsRematch) {
    const std::string fortigate =
        std::to_string(scalar("SELECT id FROM assets WHERE name LIKE 'VPN装置（FortiGate%'"));
    SessionClient admin = persona("mhlw-admin@demo.example");
    SessionClient hospital = persona("hospital@demo.example");
    EXPECT_EQ(hospital.post("/api/v1/exposure/rematch", json::object()).status, 404);
    {
        DatabaseSession direct(db());
        *direct << "UPDATE asset_cpes SET cpe = 'cpe:2.3:o:fortinet:fortios:7.2.5:*:*:*:*:*:*:*' WHERE "
                   "asset_id = " +
                       fortigate + " AND product = 'fortios'";
    }
    const auto patched = admin.post("/api/v1/exposure/rematch", json::object());
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(patched.json()["gone"].get<int>(), 2);
    const auto asset = hospital.get("/api/v1/ledger/assets/" + fortigate + "/findings");
    ASSERT_EQ(asset.status, 200) << asset.body;
    const json asset_findings = asset.json()["findings"];
    for (const auto& f : asset_findings) EXPECT_FALSE(f["active"].get<bool>()) << f.dump();
    {
        DatabaseSession direct(db());
        *direct << "UPDATE asset_cpes SET cpe = 'cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*' WHERE "
                   "asset_id = " +
                       fortigate + " AND product = 'fortios'";
    }
    const auto back = admin.post("/api/v1/exposure/rematch", json::object());
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(back.json()["returned"].get<int>(), 2);
    EXPECT_EQ(back.json()["found"].get<int>(), 0);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM finding_events e JOIN findings f ON f.id = e.finding_id WHERE "
                     "f.asset_id = " +
                     fortigate + " AND e.action IN ('gone', 'returned')"),
              4);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'exposure.rematched'"), 2);
}

TEST_F(FindingsApi, TheMinistrySeesNationalNumbersOnlyWithSmallCellsHidden) {
    SessionClient analyst = persona("mhlw@demo.example");
    const auto national = analyst.get("/api/v1/exposure/national");
    ASSERT_EQ(national.status, 200) << national.body;
    EXPECT_EQ(national.json()["institutions_with_open_kev"], "<10");
    EXPECT_GE(national.json()["open_kev_findings"].get<int>(), 5);
    ASSERT_FALSE(national.json()["top_cves"].empty());
    const json top = national.json()["top_cves"];
    for (const auto& c : top) EXPECT_EQ(c["institutions"], "<10");
    EXPECT_EQ(national.body.find("デモ総合病院"), std::string::npos);
    EXPECT_EQ(analyst.get("/api/v1/findings").status, 404);
    SessionClient hospital = persona("hospital@demo.example");
    EXPECT_EQ(hospital.get("/api/v1/exposure/national").status, 404);
}

TEST_F(FindingsApi, TheDeviceCheckListsTheCvesOfOneDevice) {
    SessionClient clinic = persona("sakura@demo.example");
    const auto fortios = clinic.post("/api/v1/exposure/check", {{"cpes", {"cpe:/o:fortinet:fortios:6.0.4"}}});
    ASSERT_EQ(fortios.status, 200) << fortios.body;
    EXPECT_EQ(fortios.json()["cpes"][0], "cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*");
    std::vector<std::string> ids;
    const json cves = fortios.json()["cves"];
    for (const auto& c : cves) {
        ids.push_back(c["cve_id"]);
        EXPECT_TRUE(c["kev"].get<bool>());
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"CVE-2018-13379", "CVE-2022-42475"}));
    const auto bad =
        clinic.post("/api/v1/exposure/check",
                    {{"cpes", {"cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*", "fortios 6.0.4"}}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("cpes[1]"), std::string::npos) << bad.body;
    EXPECT_EQ(clinic.post("/api/v1/exposure/check", {{"cpes", json::array()}}).status, 400);
}

TEST(ExposureCheckCommand, PrintsOneLinePerCveWithKevAndRefusesABadCpe) {
    TempDir dir;
    const std::string url = database_url(dir.path() / "demo.db");
    std::string out;
    ASSERT_EQ(run_mamori({"demo", "--database", url}, out), 0) << out;
    ASSERT_EQ(run_mamori({"exposure", "check", "--database", url, "--cpe",
                          "cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*"},
                         out),
              0)
        << out;
    EXPECT_NE(out.find("CVE-2019-0708 KEV\n"), std::string::npos) << out;
    EXPECT_NE(out.find("CVE-2017-0144 KEV\n"), std::string::npos) << out;
    EXPECT_EQ(out.find("CVE-2020-1472"), std::string::npos) << out;
    ASSERT_EQ(run_mamori({"exposure", "check", "--database", url, "--cpe",
                          "cpe:2.3:a:trendmicro:serverprotect:5.8:*:*:*:*:windows:*:*"},
                         out),
              0);
    EXPECT_NE(out.find("CVE-2021-36745\n"), std::string::npos) << out;
    EXPECT_EQ(out.find("CVE-2021-36745 KEV"), std::string::npos) << out;
    EXPECT_EQ(run_mamori({"exposure", "check", "--database", url, "--cpe", "fortios 6.0.4"}, out), 2);
    EXPECT_NE(out.find("--cpe fortios 6.0.4"), std::string::npos) << out;
}

}  // namespace
}  // namespace mamori::testing
