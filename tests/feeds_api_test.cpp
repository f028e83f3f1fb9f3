// The feeds API on the demo server: the operator uploads the real KEV catalog (JSON, then the CSV: nothing
// new), a gzipped NVD page and a JVN detail; status and history; a bad file is refused naming its record and
// field with nothing stored; others cannot import; everyone signed in reads a CVE with KEV and JVN.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "support/demo_server_test.hpp"
#include "support/session_client.hpp"
#include "support/shared_data.hpp"

namespace mamori::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {{"mhlw-admin@demo.example", "mhlw-admin-demo-pass"},
                                                       {"sakura@demo.example", "sakura-demo-pass"}};

fs::path data_dir() {
    return shared_data_dir(MAMORI_SOURCE_DIR);
}

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class FeedsApi : public DemoServerTest {
  protected:
    FeedsApi() : DemoServerTest(kPasswords) {}

    HttpResult upload(SessionClient& c, const std::string& feed, const std::string& name,
                      const std::string& bytes) {
        return c.send("POST", "/api/v1/feeds/" + feed + "/imports?file_name=" + name, bytes,
                      "application/octet-stream");
    }
};

TEST_F(FeedsApi, OperatorImportsRealFeedsAndEveryoneReadsACve) {
    const auto kev = data_dir() / "kev" / "known_exploited_vulnerabilities.json";
    if (!fs::exists(kev))
        GTEST_SKIP() << "real data not found at " << kev << " (../shared/data is absent): skipped";
    auto admin = persona("mhlw-admin@demo.example");
    const long long demo_cves = scalar("SELECT COUNT(*) FROM cves");  // the demo's hand-written feed

    auto first = upload(admin, "kev", "known_exploited_vulnerabilities.json", file_bytes(kev));
    ASSERT_EQ(first.status, 201) << first.body;
    const json imported = first.json();
    EXPECT_EQ(imported["records_read"], 1404);
    EXPECT_EQ(imported["records_written"], 1404);
    EXPECT_EQ(imported["watermark"], "2025.08.25");
    auto csv = upload(admin, "kev", "known_exploited_vulnerabilities.csv",
                      file_bytes(data_dir() / "kev" / "known_exploited_vulnerabilities.csv"));
    ASSERT_EQ(csv.status, 201) << csv.body;
    EXPECT_EQ(csv.json()["records_written"], 0);
    EXPECT_EQ(csv.json()["rows_changed"], 0);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM kev_entries"), 1404);

    auto nvd = upload(admin, "nvd_cve", "cves-2023.json.gz",
                      file_bytes(data_dir() / "nvd/api_responses/cves-2023.json.gz"));
    ASSERT_EQ(nvd.status, 201) << nvd.body;
    const json page = nvd.json();
    EXPECT_EQ(page["records_written"], 200);
    EXPECT_EQ(page["files"][0]["start_index"], 200000);
    EXPECT_EQ(page["files"][0]["total_results"], 220499);
    EXPECT_EQ(page["changed_cve_ids"].size(), 200u);

    auto jvn =
        upload(admin, "jvn", "JVNDB-2021-002774.xml",
               file_bytes(data_dir() / "jvn/examples/hnd/getVulnDetailInfo_hnd_JVNDB-2021-002774.xml"));
    ASSERT_EQ(jvn.status, 201) << jvn.body;
    EXPECT_EQ(jvn.json()["changed_cve_ids"], json::array({"CVE-2021-36745"}));

    // A bad file: 400 naming the record and field, nothing stored, the failure in the history.
    const std::string bad =
        R"({"vulnerabilities":[{"cveID":"CVE-2099-0001","dateAdded":"2099-01-01","knownRansomwareCampaignUse":"Known"},)"
        R"({"cveID":"CVE-2099-0002","dateAdded":"soon","knownRansomwareCampaignUse":"Known"}]})";
    auto refused = upload(admin, "kev", "bad.json", bad);
    ASSERT_EQ(refused.status, 400) << refused.body;
    const json problem = refused.json();
    EXPECT_EQ(problem["errors"][0]["field"], "$.vulnerabilities[1].dateAdded") << refused.body;
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM kev_entries WHERE cve_id = 'CVE-2099-0001'"), 0);

    auto status = admin.get("/api/v1/feeds");
    ASSERT_EQ(status.status, 200) << status.body;
    const json feeds = status.json()["feeds"];
    ASSERT_EQ(feeds.size(), 4u);
    EXPECT_EQ(feeds[0]["feed"], "kev");
    EXPECT_EQ(feeds[0]["records"], 1404);
    EXPECT_EQ(feeds[0]["last_import"]["status"], "failed");
    EXPECT_EQ(feeds[0]["last_success"]["records_unchanged"], 1404);
    EXPECT_EQ(feeds[0]["watermark"], "2025.08.25");
    EXPECT_EQ(feeds[1]["records"], 200 + demo_cves);
    EXPECT_EQ(feeds[1]["rejected"], 1);
    EXPECT_EQ(feeds[3]["cve_links"], 1);
    auto history = admin.get("/api/v1/feeds/imports?limit=10");
    ASSERT_EQ(history.status, 200);
    const json runs = history.json()["imports"];
    ASSERT_EQ(runs.size(), 5u);
    EXPECT_EQ(runs[0]["status"], "failed");
    EXPECT_NE(runs[0]["error"].get<std::string>().find("bad.json"), std::string::npos);
    EXPECT_EQ(runs[1]["feed"], "jvn");
    EXPECT_EQ(runs[1]["user_login"], "mhlw-admin@demo.example");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'feeds.imported'"), 4);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'feeds.import_failed'"), 1);

    // The clinic cannot import or read the status, but reads CVEs.
    auto clinic = persona("sakura@demo.example");
    EXPECT_EQ(upload(clinic, "kev", "kev.json", file_bytes(kev)).status, 403);
    EXPECT_EQ(clinic.get("/api/v1/feeds").status, 403);
    EXPECT_EQ(clinic.get("/api/v1/feeds/imports").status, 403);
    auto fortios = clinic.get("/api/v1/cves/CVE-2023-27997");  // in KEV, in no NVD page imported here
    ASSERT_EQ(fortios.status, 200) << fortios.body;
    EXPECT_EQ(fortios.json()["kev"]["ransomware_use"], "Known");
    EXPECT_TRUE(fortios.json()["nvd"].is_null());
    auto trend = clinic.get("/api/v1/cves/CVE-2021-36745");
    ASSERT_EQ(trend.status, 200) << trend.body;
    const json trend_json = trend.json();
    ASSERT_EQ(trend_json["jvn"].size(), 1u);
    EXPECT_EQ(trend_json["jvn"][0]["title"], "トレンドマイクロ製 ServerProtect における認証回避の脆弱性");
    auto nvd_record = clinic.get("/api/v1/cves/CVE-2022-26076");
    EXPECT_TRUE(nvd_record.status == 200 || nvd_record.status == 404);
    EXPECT_EQ(clinic.get("/api/v1/cves/CVE-1990-0001").status, 404);
    EXPECT_EQ(clinic.get("/api/v1/cves/not-a-cve").status, 400);
    EXPECT_EQ(admin.post("/api/v1/feeds/nope/imports", json::object()).status, 404);
}

TEST_F(FeedsApi, CveFromNvdCarriesProductsAndCvss) {
    const auto one = data_dir() / "nvd" / "api_responses" / "cves-CVE-2023-0001.json.gz";
    if (!fs::exists(one))
        GTEST_SKIP() << "real data not found at " << one << " (../shared/data is absent): skipped";
    auto admin = persona("mhlw-admin@demo.example");
    ASSERT_EQ(upload(admin, "nvd_cve", "cves-CVE-2023-0001.json.gz", file_bytes(one)).status, 201);
    auto cve = admin.get("/api/v1/cves/CVE-2023-0001");
    ASSERT_EQ(cve.status, 200) << cve.body;
    const json body = cve.json();
    EXPECT_EQ(body["nvd"]["cvss_version"], "3.1");
    EXPECT_DOUBLE_EQ(body["nvd"]["cvss_score"].get<double>(), 6.7);
    EXPECT_TRUE(body["nvd"]["configurations"].is_array());
    bool cortex = false;
    for (const auto& p : body["products"]) cortex = cortex || p["product"] == "cortex_xdr_agent";
    EXPECT_TRUE(cortex);
    EXPECT_TRUE(body["kev"].is_null());
}

}  // namespace
}  // namespace mamori::testing
