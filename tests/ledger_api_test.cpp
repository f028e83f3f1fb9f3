// The device ledger (機器台帳) through the API on the demo database: さくら内科クリニック adds, changes,
// retires and restores an asset with its history and audit rows; broken fields are named and change nothing;
// who reads and who writes (a viewer, the health centre's inspector, the vendor that runs the レセコン, the
// second vendor); filters, sorting, paging and the summary on デモ総合病院's ledger; the exports; two changes
// at once.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>
#include <tuple>

#include "mamori/documents/xlsx_table.hpp"
#include "support/demo_server_test.hpp"
#include "support/pdf_text.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"},
    {"hokenjo@demo.example", "hokenjo-demo-pass"},
    {"sakura@demo.example", "sakura-demo-pass"},
    {"vendor@demo.example", "vendor-demo-pass"},
    {"sakura-viewer@demo.example", "a long enough password"}};

json printer() {
    return {{"asset_class", "terminal"},
            {"name", "診察室2 PC"},
            {"location", "診察室2"},
            {"department", "診療"},
            {"manufacturer", "Dell"},
            {"model", "OptiPlex 3000"},
            {"serial", "DL3000-0099"},
            {"os_name", "Windows 10"},
            {"os_version", "Pro"},
            {"ip_addresses", {"192.168.001.023"}},
            {"mac_addresses", {"00-1A-2B-3C-4D-5E"}},
            {"cpes", {{{"cpe", "cpe:2.3:o:microsoft:windows_10:1809:*:*:*:*:*:*:*"}, {"origin", "manual"}}}}};
}

std::string id_text(const json& j) {
    return std::to_string(j["id"].get<long long>());
}

class LedgerApi : public DemoServerTest {
  protected:
    LedgerApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("さくら内科クリニック", "sakura-viewer@demo.example", "受付 閲覧", "viewer");
    }
    std::string org(const std::string& name) {
        return std::to_string(scalar("SELECT id FROM organisations WHERE name = '" + name + "'"));
    }
    std::string asset(const std::string& name) {
        return std::to_string(scalar("SELECT MIN(id) FROM assets WHERE name = '" + name + "'"));
    }
};

TEST_F(LedgerApi, TheClinicAddsChangesRetiresAndRestoresAnAssetWithItsHistory) {
    SessionClient clinic = persona("sakura@demo.example");
    const auto before = clinic.get("/api/v1/ledger/assets");
    ASSERT_EQ(before.status, 200) << before.body;
    EXPECT_EQ(before.json()["total"], 6) << "the demo clinic's ledger";
    EXPECT_TRUE(before.json()["can_write"].get<bool>());

    const auto made = clinic.post("/api/v1/ledger/assets", printer());
    ASSERT_EQ(made.status, 201) << made.body;
    const json first = made.json();
    const std::string url = "/api/v1/ledger/assets/" + id_text(first);
    EXPECT_EQ(first["version"], 1);
    EXPECT_EQ(first["status"], "in_use");
    EXPECT_EQ(first["source"], "manual");
    EXPECT_EQ(first["ip_addresses"], json({"192.168.1.23"})) << "stored in normal form";
    EXPECT_EQ(first["mac_addresses"], json({"00:1a:2b:3c:4d:5e"}));
    ASSERT_EQ(first["versions"].size(), 1u);
    EXPECT_EQ(first["versions"][0]["action"], "created");
    EXPECT_EQ(first["versions"][0]["by"], "山田 花子（院長）");
    EXPECT_EQ(
        scalar("SELECT COUNT(*) FROM asset_cpes WHERE vendor = 'microsoft' AND product = 'windows_10' AND "
               "asset_id = " +
               id_text(first)),
        1);

    json changed = printer();
    changed["version"] = 1;
    changed["os_version"] = "Pro 22H2";
    changed["internet_facing"] = true;
    const auto put = clinic.put(url, changed);
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(put.json()["version"], 2);
    EXPECT_EQ(put.json()["versions"][0]["changed_fields"], json({"os_version", "internet_facing"}));
    EXPECT_EQ(put.json()["versions"][1]["record"]["os_version"], "Pro") << "the version before is kept";

    // Without "software" the stored list stays; with it, it is replaced.
    json with_software = changed;
    with_software["version"] = 2;
    with_software["software"] = {{{"name", "Microsoft Edge"}, {"version", "120.0"}}};
    const auto listed = clinic.put(url, with_software);
    ASSERT_EQ(listed.status, 200) << listed.body;
    json without = changed;
    without["version"] = 3;
    without["note"] = "受付から移設";
    const auto kept = clinic.put(url, without);
    ASSERT_EQ(kept.status, 200) << kept.body;
    EXPECT_EQ(kept.json()["software"].size(), 1u);
    EXPECT_EQ(kept.json()["versions"][0]["changed_fields"], json({"note"}));

    const auto stale = clinic.put(url, changed);
    EXPECT_EQ(stale.status, 409) << stale.body;

    EXPECT_EQ(clinic.post(url + "/retire", {{"version", 4}, {"reason", ""}}).status, 400);
    const auto retired = clinic.post(url + "/retire", {{"version", 4}, {"reason", "故障のため廃棄"}});
    ASSERT_EQ(retired.status, 200) << retired.body;
    EXPECT_EQ(retired.json()["status"], "retired");
    changed["version"] = 5;
    EXPECT_EQ(clinic.put(url, changed).status, 409) << "a retired asset is not changed";
    const auto restored = clinic.post(url + "/restore", {{"version", 5}, {"reason", "修理できた"}});
    ASSERT_EQ(restored.status, 200) << restored.body;
    EXPECT_EQ(restored.json()["status"], "in_use");

    const auto versions = clinic.get(url + "/versions");
    ASSERT_EQ(versions.status, 200);
    const json list = versions.json()["versions"];
    ASSERT_EQ(list.size(), 6u);
    EXPECT_EQ(list[0]["action"], "restored");
    EXPECT_EQ(list[0]["reason"], "修理できた");
    EXPECT_EQ(list[1]["action"], "retired");
    EXPECT_EQ(list[1]["reason"], "故障のため廃棄");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE target = 'asset:" + id_text(first) +
                     "' AND action IN ('asset.created', 'asset.changed', 'asset.retired', 'asset.restored')"),
              6);
}

TEST_F(LedgerApi, BrokenFieldsAreNamedAndChangeNothing) {
    SessionClient clinic = persona("sakura@demo.example");
    const auto count = scalar("SELECT COUNT(*) FROM assets");
    const auto field_of = [&](const json& body) {
        const auto r = clinic.post("/api/v1/ledger/assets", body);
        EXPECT_EQ(r.status, 400) << r.body;
        const json problem = r.json();
        return problem.contains("errors") ? problem["errors"][0]["field"].get<std::string>()
                                          : std::string("(none)");
    };
    auto body = printer();
    body["mac_addresses"] = {"00:1a:2b:3c:4d:5e", "zz"};
    EXPECT_EQ(field_of(body), "mac_addresses[1]");
    body = printer();
    body["internet_facing"] = "yes";
    EXPECT_EQ(field_of(body), "internet_facing");
    body = printer();
    body["cpes"] = {{{"cpe", "windows 10"}}};
    EXPECT_EQ(field_of(body), "cpes[0].cpe");
    body = printer();
    body["asset_class"] = "printer";
    EXPECT_EQ(field_of(body), "asset_class");
    body = printer();
    body["software"] = {{{"name", 5}}};
    EXPECT_EQ(field_of(body), "software[0].name");
    body = printer();
    body["system_id"] = scalar(
        "SELECT MIN(s.id) FROM systems s JOIN organisations o ON o.id = s.organisation_id "
        "WHERE o.name = 'デモ総合病院'");
    EXPECT_EQ(field_of(body), "system_id") << "another institution's system";
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM assets"), count);
    EXPECT_EQ(clinic.get("/api/v1/ledger/assets?class=printer").status, 400);
    EXPECT_EQ(clinic.get("/api/v1/ledger/assets?seen_before=2026-13-01").status, 400);
}

TEST_F(LedgerApi, EachReadsWhatItMayAndOnlyTheInstitutionWrites) {
    const std::string sakura = org("さくら内科クリニック");
    const std::string receipt_server = asset("レセコンサーバ"), reception = asset("受付PC");

    SessionClient viewer = persona("sakura-viewer@demo.example");
    const auto list = viewer.get("/api/v1/ledger/assets");
    ASSERT_EQ(list.status, 200);
    EXPECT_FALSE(list.json()["can_write"].get<bool>());
    EXPECT_EQ(viewer.post("/api/v1/ledger/assets", printer()).status, 403);

    SessionClient inspector = persona("hokenjo@demo.example");
    EXPECT_EQ(inspector.get("/api/v1/ledger/assets").status, 404) << "an inspector names the institution";
    const auto inspected = inspector.get("/api/v1/ledger/assets?organisation=" + sakura);
    ASSERT_EQ(inspected.status, 200) << inspected.body;
    EXPECT_EQ(inspected.json()["total"], 6);
    EXPECT_FALSE(inspected.json()["can_write"].get<bool>());
    json stale = printer();
    stale["version"] = 1;
    EXPECT_EQ(inspector.put("/api/v1/ledger/assets/" + reception, stale).status, 403);
    EXPECT_EQ(inspector.post("/api/v1/ledger/assets", printer()).status, 404);

    // The demo vendor runs さくら's レセコン: it sees the assets of that system only.
    SessionClient vendor = persona("vendor@demo.example");
    const auto seen = vendor.get("/api/v1/ledger/assets?organisation=" + sakura);
    ASSERT_EQ(seen.status, 200) << seen.body;
    std::set<std::string> names;
    const json assets = seen.json()["assets"];
    for (const auto& a : assets) names.insert(a["name"].get<std::string>());
    EXPECT_EQ(names, (std::set<std::string>{"レセコンサーバ", "保守用VPN装置", "バックアップNAS"}));
    EXPECT_EQ(vendor.get("/api/v1/ledger/assets/" + receipt_server).status, 200);
    EXPECT_EQ(vendor.get("/api/v1/ledger/assets/" + reception).status, 404);
    EXPECT_EQ(vendor.put("/api/v1/ledger/assets/" + receipt_server, stale).status, 403);
    const auto systems = vendor.get("/api/v1/ledger/systems?organisation=" + org("さくら内科クリニック"));
    ASSERT_EQ(systems.status, 200) << systems.body;
    const json its_systems = systems.json()["systems"];
    ASSERT_EQ(its_systems.size(), 1u) << "only the system it runs: " << its_systems.dump();

    // Another institution's assets are not found.
    SessionClient clinic = persona("sakura@demo.example");
    EXPECT_EQ(clinic.get("/api/v1/ledger/assets/" + asset("PACS画像サーバ")).status, 404);
    EXPECT_EQ(clinic.get("/api/v1/ledger/assets?organisation=" + org("デモ総合病院")).status, 404);
}

TEST_F(LedgerApi, TheHospitalFiltersSortsAndCountsItsLedger) {
    SessionClient hospital = persona("hospital@demo.example");
    const auto all = hospital.get("/api/v1/ledger/assets");
    ASSERT_EQ(all.status, 200) << all.body;
    const long total = all.json()["total"];
    EXPECT_GE(total, 25);
    EXPECT_EQ(all.json()["page_size"], 50);

    const auto names_of = [&](const std::string& query) {
        const auto r = hospital.get("/api/v1/ledger/assets?" + query);
        EXPECT_EQ(r.status, 200) << query << ": " << r.body;
        std::vector<std::string> out;
        const json assets = r.json()["assets"];
        for (const auto& a : assets) out.push_back(a["name"].get<std::string>());
        return out;
    };
    EXPECT_EQ(names_of("internet_facing=true&status=in_use"),
              (std::vector<std::string>{"VPN装置（FortiGate）", "負荷分散装置（Citrix ADC）"}));
    const auto media = names_of("class=media&sort=name&order=desc");
    ASSERT_EQ(media.size(), 3u);
    EXPECT_EQ(media.front(), "外付けHDD（オフライン保管用）");
    EXPECT_EQ(names_of("q=192.168.20.1"), (std::vector<std::string>{"PACS画像サーバ"}));
    EXPECT_EQ(names_of("q=fg100e"), (std::vector<std::string>{"VPN装置（FortiGate）"}));
    EXPECT_EQ(names_of("place=読影室"), (std::vector<std::string>{"PACS読影ワークステーション"}));
    for (const auto& name : names_of("has_cpe=false"))
        EXPECT_EQ(name.find("電子カルテ端末"), std::string::npos);
    const auto stale = names_of("seen_before=" + std::string("2026-01-01") + "&status=in_use");
    EXPECT_NE(std::find(stale.begin(), stale.end(), "検査部 旧端末"), stale.end());
    EXPECT_TRUE(names_of("page=2").empty());

    const auto summary = hospital.get("/api/v1/ledger/summary");
    ASSERT_EQ(summary.status, 200) << summary.body;
    const json s = summary.json();
    EXPECT_EQ(s["in_use"].get<long>() + s["retired"].get<long>(), total);
    EXPECT_EQ(s["retired"], 1);
    EXPECT_EQ(s["internet_facing"], 2);
    EXPECT_EQ(s["in_use_by_class"]["connection_point"], 2);
    EXPECT_EQ(s["in_use_by_class"]["media"], 3);
    EXPECT_EQ(s["stale"], 1) << "検査部 旧端末 was last seen 420 days ago";
    EXPECT_GE(s["without_cpe"].get<long>(), 5);
}

TEST_F(LedgerApi, TheLedgerIsExportedAsCsvWorkbookAndPdf) {
    SessionClient hospital = persona("hospital@demo.example");
    const auto csv = hospital.get("/api/v1/ledger/export.csv?status=in_use");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF名称,区分,設置場所", 0), 0u);
    EXPECT_NE(csv.body.find("VPN装置（FortiGate）,外部接続点,"), std::string::npos);
    EXPECT_NE(csv.body.find("cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*"), std::string::npos);
    EXPECT_EQ(csv.body.find("旧 電子カルテ端末 07"), std::string::npos) << "the retired one is filtered out";

    const auto xlsx = hospital.get("/api/v1/ledger/export.xlsx");
    ASSERT_EQ(xlsx.status, 200);
    const auto sheet =
        documents::read_table_xlsx(xlsx.body, {.max_rows = 100, .max_columns = 20, .max_cell_bytes = 4096});
    ASSERT_TRUE(sheet) << sheet.error().message;
    ASSERT_GE(sheet->rows.size(), 27u);
    EXPECT_NE(sheet->rows[0].cells[0].text.find("デモ総合病院"), std::string::npos) << "the title row";
    EXPECT_EQ(sheet->rows[1].cells[0].text, "名称");
    EXPECT_EQ(sheet->rows[1].cells[17].text, "最終確認日");
    bool found = false;
    for (const auto& row : sheet->rows)
        if (row.cells.size() > 13 && row.cells[0].text == "PACS画像サーバ") {
            found = true;
            EXPECT_EQ(row.cells[1].text, "サーバ");
            EXPECT_EQ(row.cells[13].text, "医用画像管理システム（PACS）");
        }
    EXPECT_TRUE(found);

    const auto pdf = hospital.get("/api/v1/ledger/export.pdf");
    ASSERT_EQ(pdf.status, 200);
    ASSERT_EQ(pdf.body.rfind("%PDF", 0), 0u);
    const auto text = pdf_text(pdf.body, dir_.path());
    EXPECT_NE(text.find("機器台帳"), std::string::npos);
    EXPECT_NE(text.find("デモ総合病院"), std::string::npos);
    EXPECT_NE(text.find("印刷日"), std::string::npos);
    EXPECT_NE(text.find("1 / "), std::string::npos);
    EXPECT_NE(text.find("MRI装置"), std::string::npos);

    SessionClient clinic = persona("sakura@demo.example");
    const auto theirs = clinic.get("/api/v1/ledger/export.csv");
    ASSERT_EQ(theirs.status, 200);
    EXPECT_EQ(theirs.body.find("FortiGate"), std::string::npos) << "only the clinic's own assets";
}

TEST_F(LedgerApi, TheDemoLedgersAreThoseOfARealHospitalAndClinic) {
    const std::string hospital = "(SELECT id FROM organisations WHERE name = 'デモ総合病院')";
    const std::string clinic = "(SELECT id FROM organisations WHERE name = 'さくら内科クリニック')";
    EXPECT_GE(scalar("SELECT COUNT(*) FROM assets WHERE organisation_id = " + hospital), 25);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM assets WHERE organisation_id = " + clinic), 6);
    // The FortiGate at the external connection point: both CPE names keyed by vendor and product, exposed,
    // remote maintenance by its vendor, linked to the hospital's network system.
    const std::string fortigate = asset("VPN装置（FortiGate）");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM asset_cpes WHERE asset_id = " + fortigate +
                     " AND vendor = 'fortinet' AND ((part = 'o' AND product = 'fortios' AND cpe = "
                     "'cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*') OR (part = 'h' AND product = "
                     "'fortigate-100e'))"),
              2);
    EXPECT_EQ(
        scalar(
            "SELECT COUNT(*) FROM assets a JOIN systems s ON s.id = a.system_id WHERE a.id = " + fortigate +
            " AND a.asset_class = 'connection_point' AND a.internet_facing = 1 AND a.remote_maintenance = 1 "
            "AND a.vendor_managed = 1 AND s.name = '院内ネットワーク（UTM・VPN装置）'"),
        1);
    for (const std::string product : {"application_delivery_controller_firmware", "windows_server_2012",
                                      "windows_server_2019", "windows_7", "windows_10", "ios_xe"})
        EXPECT_GE(scalar("SELECT COUNT(*) FROM asset_cpes c JOIN assets a ON a.id = c.asset_id WHERE "
                         "a.organisation_id = " +
                         hospital + " AND c.product = '" + product + "'"),
                  1)
            << product;
    for (const std::string cls :
         {"server", "terminal", "network", "media", "medical_device", "connection_point"})
        EXPECT_GE(scalar("SELECT COUNT(*) FROM assets WHERE status = 'in_use' AND asset_class = '" + cls +
                         "' AND organisation_id = " + hospital),
                  1)
            << cls;
    EXPECT_EQ(
        scalar("SELECT COUNT(*) FROM assets WHERE status = 'retired' AND organisation_id = " + hospital), 1);
    EXPECT_EQ(
        scalar("SELECT COUNT(*) FROM asset_versions v JOIN assets a ON a.id = v.asset_id WHERE a.status = "
               "'retired' AND v.action = 'retired' AND a.organisation_id = " +
               hospital),
        1);
    EXPECT_EQ(scalar("SELECT COUNT(DISTINCT asset_class) FROM assets WHERE organisation_id = " + clinic), 4);
    EXPECT_EQ(
        scalar("SELECT COUNT(*) FROM assets a JOIN systems s ON s.id = a.system_id WHERE s.name = 'レセコン' "
               "AND a.organisation_id = " +
               clinic),
        3);
}

TEST_F(LedgerApi, OfTwoChangesAtTheSameVersionOneWins) {
    SessionClient first = persona("sakura@demo.example");
    SessionClient second = persona("sakura@demo.example");
    const auto made = first.post("/api/v1/ledger/assets", printer());
    ASSERT_EQ(made.status, 201);
    const std::string url = "/api/v1/ledger/assets/" + id_text(made.json());
    json a = printer(), b = printer();
    a["version"] = b["version"] = 1;
    a["note"] = "一人目の変更";
    b["note"] = "二人目の変更";
    int statuses[2] = {0, 0};
    std::thread one([&] { statuses[0] = first.put(url, a).status; });
    std::thread two([&] { statuses[1] = second.put(url, b).status; });
    one.join();
    two.join();
    EXPECT_EQ(std::min(statuses[0], statuses[1]), 200);
    EXPECT_EQ(std::max(statuses[0], statuses[1]), 409);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM asset_versions WHERE asset_id = " + id_text(made.json())), 2);
}

// The demo's printer has no CPE name; the demo's slice of the dictionary (real NVD entries) suggests its model
// first, so a newcomer sees suggestions without importing the dictionary.
TEST_F(LedgerApi, TheDemoPrinterWithoutACpeIsSuggestedItsModelFromTheDemoDictionary) {
    SessionClient hospital = persona("hospital@demo.example");
    const auto asked = hospital.get("/api/v1/ledger/assets/" + asset("複合機（放射線科）") + "/cpe-suggestions");
    ASSERT_EQ(asked.status, 200) << asked.body;
    const json suggestions = asked.json()["suggestions"];
    ASSERT_FALSE(suggestions.empty()) << asked.body;
    EXPECT_EQ(suggestions[0]["cpe"], "cpe:2.3:a:canon:imagerunner_c3220:-:*:*:*:*:*:*:*") << suggestions.dump();
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM cpe_dictionary WHERE vendor = 'canon'"), 10);
}

// CPE names suggested from the NVD CPE dictionary for a device entered without one: the clinic adds the
// best one, which then matches the (demo) feeds; an unrelated maker's names are never suggested.
TEST_F(LedgerApi, ADeviceWithoutACpeGetsSuggestionsFromTheDictionaryAndAPersonAddsOne) {
    {
        DatabaseSession direct(db());
        for (const auto& [cpe, vendor, product, title] :
             std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
                 {"cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*", "fortinet", "fortios", "Fortinet FortiOS 6.0.4"},
                 {"cpe:2.3:h:fortinet:fortigate-100e:-:*:*:*:*:*:*:*", "fortinet", "fortigate-100e",
                  "Fortinet FortiGate-100E"},
                 {"cpe:2.3:o:microsoft:windows_10:1809:*:*:*:*:*:*:*", "microsoft", "windows_10",
                  "Microsoft Windows 10 1809"}})
        {
            const std::string part = cpe.substr(8, 1);  // bound by reference: it must outlive the statement
            *direct << "INSERT INTO cpe_dictionary (cpe, part, vendor, product, title_en, content_hash) VALUES "
                       "(:c, :p, :v, :r, :t, 'x')",
                soci::use(cpe), soci::use(part), soci::use(vendor), soci::use(product), soci::use(title);
        }
    }
    SessionClient clinic = persona("sakura@demo.example");
    json vpn = {{"asset_class", "connection_point"}, {"name", "新しいVPN装置"},     {"manufacturer", "Fortinet"},
                {"model", "FortiGate-100E"},          {"os_name", "FortiOS"},         {"os_version", "6.0.4"},
                {"internet_facing", true}};
    const auto made = clinic.post("/api/v1/ledger/assets", vpn);
    ASSERT_EQ(made.status, 201) << made.body;
    const std::string url = "/api/v1/ledger/assets/" + id_text(made.json());

    const auto asked = clinic.get(url + "/cpe-suggestions");
    ASSERT_EQ(asked.status, 200) << asked.body;
    const json suggestions = asked.json()["suggestions"];
    ASSERT_GE(suggestions.size(), 2u) << suggestions.dump();
    std::map<std::string, json> by_cpe;
    for (const auto& s : suggestions) by_cpe[s["cpe"].get<std::string>()] = s;
    ASSERT_TRUE(by_cpe.count("cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*")) << suggestions.dump();
    const json os = by_cpe["cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*"];
    EXPECT_GE(os["confidence"].get<int>(), 50) << os.dump();
    EXPECT_NE(std::find(os["reasons"].begin(), os["reasons"].end(), "vendor_matched"), os["reasons"].end());
    EXPECT_TRUE(by_cpe.count("cpe:2.3:h:fortinet:fortigate-100e:-:*:*:*:*:*:*:*")) << suggestions.dump();
    for (const auto& s : suggestions) EXPECT_EQ(s["cpe"].get<std::string>().find("microsoft"), std::string::npos);

    vpn["version"] = 1;
    vpn["cpes"] = {{{"cpe", "cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*"}, {"origin", "suggestion"}}};
    const auto added = clinic.put(url, vpn);
    ASSERT_EQ(added.status, 200) << added.body;
    EXPECT_EQ(added.json()["cpes"][0]["origin"], "suggestion");
    const auto again = clinic.get(url + "/cpe-suggestions");
    ASSERT_EQ(again.status, 200);
    const json later = again.json()["suggestions"];
    for (const auto& s : later)
        EXPECT_NE(s["cpe"], "cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*") << "what the asset names is no suggestion";
    // The demo's feeds hold FortiOS 6.0.4's SSL-VPN flaw: the device now has that finding.
    const auto findings = clinic.get(url + "/findings");
    ASSERT_EQ(findings.status, 200) << findings.body;
    const json list = findings.json()["findings"];
    EXPECT_TRUE(std::any_of(list.begin(), list.end(), [](const json& f) { return f["cve_id"] == "CVE-2018-13379"; }))
        << list.dump();
}

}  // namespace
}  // namespace mamori::testing
