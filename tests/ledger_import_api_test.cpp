// Imports into the device ledger through the API on the demo database (docs/ledger-import-api.md), with the
// real nmap, GLPI, FusionInventory and CycloneDX files read in place from ../shared/data (or
// $MAMORI_SHARED_DATA): preview writes nothing to the ledger, confirm writes the plan, the same file again
// changes nothing; broken files are refused and leave the ledger as it was; two confirms at once, one wins;
// a plan whose asset changed meanwhile is refused; who may import. Then the real clients: Debian's nmap
// against this test's own server and fusioninventory-agent on this machine, their output imported.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/demo_server_test.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"},
    {"sakura@demo.example", "sakura-demo-pass"},
    {"hokenjo@demo.example", "hokenjo-demo-pass"},
    {"sakura-viewer@demo.example", "a long enough password"}};

std::filesystem::path shared_data() {
    if (const char* configured = std::getenv("MAMORI_SHARED_DATA"); configured && *configured)
        return configured;
    return std::filesystem::path(MAMORI_SOURCE_DIR).parent_path() / "shared" / "data";
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

#define SHARED_FILE(var, relative)                                                                    \
    const auto var##_path = shared_data() / (relative);                                               \
    if (!std::filesystem::exists(var##_path))                                                         \
        GTEST_SKIP() << "real data not found at " << var##_path << " (../shared/data is absent; set " \
                     << "MAMORI_SHARED_DATA): skipped";                                               \
    const std::string var = read_file(var##_path)

class LedgerImportApi : public DemoServerTest {
  protected:
    LedgerImportApi() : DemoServerTest(kPasswords) {}

    HttpResult upload(SessionClient& client, const std::string& format, const std::string& name,
                      const std::string& bytes) {
        return client.send("POST", "/api/v1/ledger/imports?format=" + format + "&file_name=" + name, bytes,
                           "application/octet-stream");
    }
    long long hospital_assets() {
        return scalar(
            "SELECT COUNT(*) FROM assets a JOIN organisations o ON o.id = a.organisation_id WHERE o.name = "
            "'デモ総合病院'");
    }
    long long ledger_rows() {
        return scalar(
            "SELECT (SELECT COUNT(*) FROM assets) + (SELECT COUNT(*) FROM asset_versions) + (SELECT "
            "COUNT(*) FROM asset_cpes) + (SELECT COUNT(*) FROM asset_addresses) + (SELECT COUNT(*) FROM "
            "asset_software)");
    }
};

TEST_F(LedgerImportApi, NmapPreviewWritesNothingConfirmWritesAndTheSameFileAgainChangesNothing) {
    SHARED_FILE(scan, "nmap/python-libnmap_full_sudo6.xml");
    auto hospital = persona("hospital@demo.example");
    const long long before = ledger_rows();
    auto preview = upload(hospital, "auto", "full_sudo6.xml", scan);
    ASSERT_EQ(preview.status, 201) << preview.body;
    const json made = preview.json();
    EXPECT_EQ(made["format"], "nmap");
    EXPECT_EQ(made["status"], "preview");
    const int created = made["plan"]["counts"]["create"].get<int>();
    EXPECT_GE(created, 3);
    EXPECT_EQ(ledger_rows(), before) << "a preview writes nothing to the ledger";

    const long long assets_before = hospital_assets();
    const std::string id = std::to_string(made["id"].get<long long>());
    auto confirmed = hospital.post("/api/v1/ledger/imports/" + id + "/confirm", json::object());
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    EXPECT_EQ(confirmed.json()["status"], "confirmed");
    EXPECT_EQ(hospital_assets(), assets_before + created);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM asset_versions WHERE import_id = " + id), created);
    EXPECT_EQ(
        scalar("SELECT COUNT(*) FROM asset_cpes c JOIN assets a ON a.id = c.asset_id WHERE a.source = 'nmap' "
               "AND c.cpe = 'cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*' AND c.vendor = 'microsoft' AND "
               "c.product = 'windows_7' AND c.origin = 'import'"),
        1);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'asset_import.confirmed'"), 1);

    const long long after = ledger_rows();
    auto again = upload(hospital, "nmap", "full_sudo6.xml", scan);
    ASSERT_EQ(again.status, 201) << again.body;
    const json counts = again.json()["plan"]["counts"];
    EXPECT_EQ(counts["create"], 0) << counts.dump();
    EXPECT_EQ(counts["update"], 0) << counts.dump();
    EXPECT_EQ(counts["unchanged"].get<int>(), made["plan"]["counts"]["create"].get<int>() +
                                                  made["plan"]["counts"]["update"].get<int>() +
                                                  made["plan"]["counts"]["unchanged"].get<int>());
    auto reconfirmed = hospital.post(
        "/api/v1/ledger/imports/" + std::to_string(again.json()["id"].get<long long>()) + "/confirm",
        json::object());
    ASSERT_EQ(reconfirmed.status, 200) << reconfirmed.body;
    EXPECT_EQ(ledger_rows(), after) << "confirming the same file again writes no version";

    auto history = hospital.get("/api/v1/ledger/imports");
    ASSERT_EQ(history.status, 200);
    EXPECT_EQ(history.json()["imports"].size(), 2u);
}

TEST_F(LedgerImportApi, GlpiComputerWithItsPackagesThenTheTemplateUpdatesItBySerial) {
    SHARED_FILE(inventory, "inventory/glpi/examples_computer_3.json");
    auto hospital = persona("hospital@demo.example");
    auto preview = upload(hospital, "glpi", "computer_3.json", inventory);
    ASSERT_EQ(preview.status, 201) << preview.body;
    const json plan = preview.json()["plan"];
    ASSERT_EQ(plan["devices"].size(), 1u);
    EXPECT_EQ(plan["devices"][0]["action"], "create");
    EXPECT_EQ(plan["devices"][0]["name"], "LF014");
    auto confirmed = hospital.post(
        "/api/v1/ledger/imports/" + std::to_string(preview.json()["id"].get<long long>()) + "/confirm",
        json::object());
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM asset_software s JOIN assets a ON a.id = s.asset_id WHERE a.name "
                     "= 'LF014'"),
              3033);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM assets WHERE serial = '8C554721F' AND source = 'glpi'"), 1);

    // A template row with the same serial (another case) and a new name: matched by serial, changes listed.
    const std::string csv = "名称,シリアル番号,設置場所\nLF014-renamed,8c554721f,3階 医局\n";
    auto update = upload(hospital, "template_csv", "rename.csv", csv);
    ASSERT_EQ(update.status, 201) << update.body;
    const json device = update.json()["plan"]["devices"][0];
    EXPECT_EQ(device["action"], "update");
    EXPECT_EQ(device["match"], "serial");
    EXPECT_EQ(device["changed_fields"], json::array({"name", "location", "serial"}));
    EXPECT_EQ(device["changes"][0]["before"], "LF014");
    EXPECT_EQ(device["changes"][0]["after"], "LF014-renamed");
}

TEST_F(LedgerImportApi, FusionInventoryAndCycloneDxFiles) {
    SHARED_FILE(agent, "inventory/glpi/tests_data_2.xml");
    SHARED_FILE(sbom, "sbom/medical-device-casestudy_narrow.sbom.cdx.json");
    auto hospital = persona("hospital@demo.example");
    auto fi = upload(hospital, "auto", "tests_data_2.xml", agent);
    ASSERT_EQ(fi.status, 201) << fi.body;
    EXPECT_EQ(fi.json()["format"], "fusioninventory");
    EXPECT_EQ(fi.json()["plan"]["devices"][0]["name"], "pc-arg-23");
    auto device = upload(hospital, "auto", "narrow.cdx.json", sbom);
    ASSERT_EQ(device.status, 201) << device.body;
    EXPECT_EQ(device.json()["format"], "cyclonedx");
    const json planned = device.json()["plan"]["devices"][0];
    EXPECT_EQ(planned["action"], "create") << planned["errors"].dump();
    EXPECT_EQ(planned["record"]["asset_class"], "medical_device");
    EXPECT_EQ(planned["record"]["cpes"].size(), 55u);
    auto confirmed = hospital.post(
        "/api/v1/ledger/imports/" + std::to_string(device.json()["id"].get<long long>()) + "/confirm",
        json::object());
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM asset_cpes WHERE origin = 'sbom'"), 55);
    auto again = upload(hospital, "auto", "narrow.cdx.json", sbom);
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(again.json()["plan"]["devices"][0]["action"], "unchanged")
        << "matched by name: it has no address";
}

TEST_F(LedgerImportApi, BrokenFilesAreRefusedAndLeaveTheLedgerUnchanged) {
    SHARED_FILE(agent, "inventory/glpi/tests_data_1.xml");
    SHARED_FILE(scan, "nmap/python-libnmap_dionaea_scan.xml");
    auto hospital = persona("hospital@demo.example");
    const long long ledger_before = ledger_rows();
    const long long imports_before = scalar("SELECT COUNT(*) FROM asset_imports");
    struct Broken {
        std::string title, format, bytes, says;
    };
    const std::vector<Broken> cases = {
        {"truncated XML", "nmap", scan.substr(0, scan.size() / 2), "line"},
        {"a GLPI agent file given as nmap", "nmap", agent, "not an nmap XML file"},
        {"billion laughs", "nmap",
         "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
         "\"&a;&a;&a;&a;&a;&a;\">]>\n"
         "<nmaprun>&b;</nmaprun>",
         "DTD"},
        {"invalid JSON", "glpi", "{\"content\": {\"hardware\": ", "not valid JSON"},
        {"empty", "auto", "", "empty"},
        {"not the template", "template_csv", "a,b\n1,2\n", "名称"},
        {"unknown format", "auto", "just some text", "could not be recognised"},
    };
    for (const auto& c : cases) {
        auto r = upload(hospital, c.format, "broken", c.bytes);
        EXPECT_EQ(r.status, 400) << c.title << ": " << r.body;
        EXPECT_NE(r.body.find(c.says), std::string::npos) << c.title << ": " << r.body;
    }
    const std::string huge(100u * 1024 * 1024, 'x');
    auto too_large = upload(hospital, "nmap", "huge.xml", huge);
    EXPECT_EQ(too_large.status, 413) << too_large.body.substr(0, 200);
    EXPECT_EQ(ledger_rows(), ledger_before);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM asset_imports"), imports_before);
}

TEST_F(LedgerImportApi, BadValuesAreDeviceErrorsAndOnlyTheGoodDevicesAreApplied) {
    auto hospital = persona("hospital@demo.example");
    const std::string csv =
        "区分,名称,IPアドレス,CPE\n"
        "サーバ,良いサーバ,192.0.2.10,cpe:2.3:o:microsoft:windows_server_2019:-:*:*:*:*:*:*:*\n"
        "プリンタ,悪い区分,192.0.2.11,\n"
        "サーバ,悪いCPE,192.0.2.12,cpe:2.3:a:vendor:pro?duct:1:*:*:*:*:*:*:*\n";
    auto preview = upload(hospital, "template_csv", "mixed.csv", csv);
    ASSERT_EQ(preview.status, 201) << preview.body;
    const json devices = preview.json()["plan"]["devices"];
    EXPECT_EQ(devices[0]["action"], "create");
    EXPECT_EQ(devices[1]["action"], "error");
    EXPECT_EQ(devices[1]["errors"][0]["where"], "mixed.csv line 3 column 区分");
    EXPECT_EQ(devices[1]["errors"][0]["field"], "asset_class");
    EXPECT_EQ(devices[2]["action"], "error");
    EXPECT_EQ(devices[2]["errors"][0]["where"], "mixed.csv line 4 column CPE");
    EXPECT_EQ(devices[2]["errors"][0]["field"], "cpes");
    const long long assets_before = hospital_assets();
    auto confirmed = hospital.post(
        "/api/v1/ledger/imports/" + std::to_string(preview.json()["id"].get<long long>()) + "/confirm",
        json::object());
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    EXPECT_EQ(hospital_assets(), assets_before + 1);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM assets WHERE name IN ('悪い区分', '悪いCPE')"), 0);
}

TEST_F(LedgerImportApi, TwoConfirmsAtOnceOneWinsAndAStalePlanIsRefused) {
    auto first = persona("hospital@demo.example");
    auto second = persona("hospital@demo.example");
    const std::string csv = "名称,シリアル番号\n競合テスト,RACE-1\n";
    auto preview = upload(first, "template_csv", "race.csv", csv);
    ASSERT_EQ(preview.status, 201) << preview.body;
    const std::string path =
        "/api/v1/ledger/imports/" + std::to_string(preview.json()["id"].get<long long>()) + "/confirm";
    int a = 0, b = 0;
    std::thread one([&] { a = first.post(path, json::object()).status; });
    std::thread two([&] { b = second.post(path, json::object()).status; });
    one.join();
    two.join();
    EXPECT_EQ(std::min(a, b), 200);
    EXPECT_EQ(std::max(a, b), 409);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM assets WHERE serial = 'RACE-1'"), 1);

    // Two previews of changes to the same asset: the first confirmed, the second saw an older version.
    auto left = upload(first, "template_csv", "a.csv", "名称,シリアル番号,設置場所\n競合テスト,RACE-1,1階\n");
    auto right =
        upload(first, "template_csv", "b.csv", "名称,シリアル番号,設置場所\n競合テスト,RACE-1,2階\n");
    ASSERT_EQ(left.status, 201);
    ASSERT_EQ(right.status, 201);
    ASSERT_EQ(
        first
            .post("/api/v1/ledger/imports/" + std::to_string(left.json()["id"].get<long long>()) + "/confirm",
                  json::object())
            .status,
        200);
    const long long rows = ledger_rows();
    auto stale = first.post(
        "/api/v1/ledger/imports/" + std::to_string(right.json()["id"].get<long long>()) + "/confirm",
        json::object());
    EXPECT_EQ(stale.status, 409) << stale.body;
    EXPECT_NE(stale.body.find("preview again"), std::string::npos) << stale.body;
    EXPECT_EQ(ledger_rows(), rows);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM asset_imports WHERE status = 'preview'"), 1) << "still a preview";
    auto discarded = first.post(
        "/api/v1/ledger/imports/" + std::to_string(right.json()["id"].get<long long>()) + "/discard",
        json::object());
    EXPECT_EQ(discarded.status, 200);
    EXPECT_EQ(discarded.json()["status"], "discarded");
}

TEST_F(LedgerImportApi, WhoMayImport) {
    add_demo_user("さくら内科クリニック", "sakura-viewer@demo.example", "閲覧者", "viewer");
    auto hospital = persona("hospital@demo.example");
    auto made = upload(hospital, "template_csv", "one.csv", "名称\n権限テスト\n");
    ASSERT_EQ(made.status, 201) << made.body;
    const std::string id = std::to_string(made.json()["id"].get<long long>());
    auto viewer = persona("sakura-viewer@demo.example");
    EXPECT_EQ(upload(viewer, "template_csv", "one.csv", "名称\nx\n").status, 403);
    auto inspector = persona("hokenjo@demo.example");
    EXPECT_EQ(upload(inspector, "template_csv", "one.csv", "名称\nx\n").status, 404);
    auto sakura = persona("sakura@demo.example");
    EXPECT_EQ(sakura.get("/api/v1/ledger/imports/" + id).status, 404) << "another institution's import";
    EXPECT_EQ(sakura.post("/api/v1/ledger/imports/" + id + "/confirm", json::object()).status, 404);
    auto template_csv = sakura.get("/api/v1/ledger/imports/template.csv");
    ASSERT_EQ(template_csv.status, 200);
    EXPECT_EQ(template_csv.body.rfind("\xEF\xBB\xBF\"区分\",\"名称\"", 0), 0u)
        << template_csv.body.substr(0, 60);
    auto template_xlsx = sakura.get("/api/v1/ledger/imports/template.xlsx");
    ASSERT_EQ(template_xlsx.status, 200);
    EXPECT_EQ(template_xlsx.body.rfind("PK", 0), 0u);
    auto back = upload(sakura, "auto", "template.xlsx", template_xlsx.body);
    ASSERT_EQ(back.status, 201) << back.body;
    EXPECT_EQ(back.json()["plan"]["devices"][0]["name"], "電子カルテサーバ1");
}

// ---- Real clients: Debian's nmap and fusioninventory-agent, scanning only this machine ----

std::string run(const std::string& command) {
    std::string output;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
        pclose(pipe);
    }
    return output;
}

bool installed(const std::string& program) {
    return std::filesystem::exists("/usr/bin/" + program);
}

TEST_F(LedgerImportApi, RealNmapAgainstThisTestsServer) {
    if (!installed("nmap")) GTEST_SKIP() << "nmap is not installed (/usr/bin/nmap): skipped";
    const auto out = dir_.path() / "scan.xml";
    // No root here, so no -O (OS detection needs raw sockets): a connect scan with version detection.
    run("timeout 90 nmap -sV -Pn -oX " + out.string() + " -p " + std::to_string(server_->port()) +
        " 127.0.0.1 >/dev/null 2>&1");
    ASSERT_TRUE(std::filesystem::exists(out)) << "nmap wrote nothing";
    auto hospital = persona("hospital@demo.example");
    auto preview = upload(hospital, "auto", "scan.xml", read_file(out));
    ASSERT_EQ(preview.status, 201) << preview.body;
    EXPECT_EQ(preview.json()["format"], "nmap");
    const json device = preview.json()["plan"]["devices"][0];
    EXPECT_EQ(device["record"]["ip_addresses"], json::array({"127.0.0.1"}));
    const json software = device["record"]["software"];
    ASSERT_EQ(software.size(), 1u) << software.dump();
    EXPECT_EQ(software[0]["port"], std::to_string(server_->port()) + "/tcp");
    EXPECT_EQ(device["action"], "create");
}

TEST_F(LedgerImportApi, RealFusionInventoryAgentOnThisMachine) {
    if (!installed("fusioninventory-agent"))
        GTEST_SKIP() << "fusioninventory-agent is not installed (/usr/bin/fusioninventory-agent): skipped";
    const auto out = dir_.path() / "agent";
    std::filesystem::create_directories(out);
    run("timeout 120 fusioninventory-agent --local " + out.string() +
        " --tasks=inventory --no-category=process,environment,user,local_user,local_group,printer,usb "
        "--backend-collect-timeout=30 >/dev/null 2>&1");
    std::filesystem::path written;
    for (const auto& entry : std::filesystem::directory_iterator(out)) written = entry.path();
    ASSERT_FALSE(written.empty()) << "the agent wrote nothing in " << out;
    char host[256] = {};
    ASSERT_EQ(gethostname(host, sizeof host - 1), 0);
    std::string short_host(host);
    short_host = short_host.substr(0, short_host.find('.'));
    auto hospital = persona("hospital@demo.example");
    auto preview = upload(hospital, "auto", written.filename().string(), read_file(written));
    ASSERT_EQ(preview.status, 201) << preview.body;
    EXPECT_EQ(preview.json()["format"], "fusioninventory");
    const json device = preview.json()["plan"]["devices"][0];
    EXPECT_EQ(device["name"], short_host);
    const std::string os_release = read_file("/etc/os-release");
    const auto pretty = os_release.find("PRETTY_NAME=\"");
    ASSERT_NE(pretty, std::string::npos);
    const std::string os = os_release.substr(pretty + 13, os_release.find('"', pretty + 13) - pretty - 13);
    EXPECT_EQ(device["record"]["os_name"], os);
    EXPECT_FALSE(device["record"]["software"].empty()) << "the installed packages";
}

}  // namespace
}  // namespace mamori::testing
