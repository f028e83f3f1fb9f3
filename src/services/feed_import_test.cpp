// Importing the real feeds into a migrated database: counts, idempotence (a re-import changes no row),
// incremental NVD imports, changed CVEs, a bad file changing nothing, and the timing of the 400 NVD records.
#include "mamori/services/feed_import.hpp"

#include <gtest/gtest.h>

#include <tuple>

#include <chrono>
#include <fstream>
#include <random>

#include "support/shared_data.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

namespace fs = std::filesystem;

fs::path data_dir() {
    return testing::shared_data_dir(MAMORI_SOURCE_DIR);
}

#define REQUIRE_DATA(path) \
    if (!fs::exists(path)) \
        GTEST_SKIP() << "real data not found at " << (path) << " (../shared/data is absent): skipped";

const audit::Context kContext{"local", "feed-import-test"};

long long count(store::Database& db, const std::string& query) {
    auto lease = db.acquire();
    long long n = 0;
    *lease << query, soci::into(n);
    return n;
}

// table_rows: rows of every feed table, to show a run changed nothing.
long long table_rows(store::Database& db) {
    long long total = 0;
    for (const char* t : {"cves", "cve_products", "kev_entries", "jvn_entries", "jvn_cves", "cpe_dictionary"})
        total += count(db, std::string("SELECT COUNT(*) FROM ") + t);
    return total;
}

TEST(FeedImport, KevTwiceWritesOnceThenNothing) {
    const auto path = data_dir() / "kev" / "known_exploited_vulnerabilities.json";
    REQUIRE_DATA(path);
    testing::TempDatabase temp(1);
    auto first = import_kev(temp.db(), path.string(), {}, kContext);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->records_read, 1404u);
    EXPECT_EQ(first->records_written, 1404u);
    EXPECT_EQ(first->changed_cve_ids.size(), 1404u);
    EXPECT_EQ(first->watermark, "2025.08.25");
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM kev_entries"), 1404);
    EXPECT_EQ(count(temp.db(),
                    "SELECT COUNT(*) FROM kev_entries WHERE cve_id = 'CVE-2019-11510' AND "
                    "due_date = '2021-04-23' AND date_added = '2021-11-03' AND ransomware_use = 'Known'"),
              1);

    // The CSV holds the same catalog: nothing to write.
    auto csv = import_kev(temp.db(), (data_dir() / "kev" / "known_exploited_vulnerabilities.csv").string(),
                          {}, kContext);
    ASSERT_TRUE(csv) << csv.error().message;
    EXPECT_EQ(csv->records_read, 1404u);
    EXPECT_EQ(csv->records_written, 0u);
    EXPECT_EQ(csv->records_unchanged, 1404u);
    EXPECT_EQ(csv->rows_changed, 0u);
    EXPECT_TRUE(csv->changed_cve_ids.empty());
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM feed_imports WHERE feed = 'kev' AND status = 'done'"),
              2);
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM audit_log WHERE action = 'feeds.imported'"), 2);
}

TEST(FeedImport, NvdPagesIdempotentIncrementalAndTimed) {
    const auto dir = data_dir() / "nvd" / "api_responses";
    REQUIRE_DATA(dir / "cves-2023.json.gz");
    testing::TempDatabase temp(1);
    const auto started = std::chrono::steady_clock::now();
    auto a = import_nvd_cves(temp.db(), (dir / "cves-1999.json.gz").string(), {}, kContext);
    ASSERT_TRUE(a) << a.error().message;
    auto b = import_nvd_cves(temp.db(), (dir / "cves-2023.json.gz").string(), {}, kContext);
    ASSERT_TRUE(b) << b.error().message;
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    std::cout << "[ measure  ] 400 real NVD records imported in " << elapsed.count() << " ms\n";
    EXPECT_EQ(a->records_written + b->records_written, 400u);
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM cves"), 400);
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM cves WHERE status = 'Rejected'"), 4)
        << "1 in 2023, 3 in 1999";
    EXPECT_GT(count(temp.db(), "SELECT COUNT(*) FROM cve_products"), 400);
    ASSERT_EQ(b->files.size(), 1u);
    EXPECT_EQ(b->files[0].start_index.value_or(0), 200000u);
    EXPECT_EQ(b->files[0].total_results.value_or(0), 220499u);
    EXPECT_FALSE(b->watermark.empty());
    EXPECT_GE(b->watermark, a->watermark);

    const long long rows = table_rows(temp.db());
    for (const char* file : {"cves-1999.json.gz", "cves-2023.json.gz", "cves-CVE-2023-0001.json.gz"}) {
        auto again = import_nvd_cves(temp.db(), (dir / file).string(), {}, kContext);
        ASSERT_TRUE(again) << again.error().message;
        EXPECT_EQ(again->records_written, std::string(file) == "cves-CVE-2023-0001.json.gz" ? 1u : 0u)
            << file;
        if (std::string(file) != "cves-CVE-2023-0001.json.gz") {
            EXPECT_EQ(again->records_unchanged, 200u) << file;
            EXPECT_EQ(again->rows_changed, 0u) << file;
            EXPECT_TRUE(again->changed_cve_ids.empty()) << file;
        }
    }
    const long long with_one = table_rows(temp.db());
    EXPECT_GT(with_one, rows);
    auto once_more = import_nvd_cves(temp.db(), (dir / "cves-CVE-2023-0001.json.gz").string(), {}, kContext);
    ASSERT_TRUE(once_more);
    EXPECT_EQ(once_more->rows_changed, 0u);
    EXPECT_EQ(table_rows(temp.db()), with_one);
}

TEST(FeedImport, DirectoryWithAnotherFeedsFileFailsAndIsMarked) {
    const auto dir = data_dir() / "nvd" / "api_responses";
    REQUIRE_DATA(dir);
    testing::TempDatabase temp(1);
    // cpematch-… sorts first and is not a CVE response: the run fails before writing anything.
    auto run = import_nvd_cves(temp.db(), dir.string(), {}, kContext);
    ASSERT_FALSE(run);
    EXPECT_NE(run.error().message.find("cpematch-CVE-2022-32223.json.gz"), std::string::npos)
        << run.error().message;
    EXPECT_EQ(table_rows(temp.db()), 0);
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM feed_imports WHERE status = 'failed' AND error <> ''"),
              1);
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM audit_log WHERE action = 'feeds.import_failed'"), 1);
}

// Scratch: a temporary folder for hand-made files, removed afterwards.
struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("mamori-feeds-" + std::to_string(std::random_device{}()));
    Scratch() { fs::create_directories(dir); }
    ~Scratch() { fs::remove_all(dir); }
    const fs::path& path() const { return dir; }
};

fs::path write_file(const fs::path& dir, const std::string& name, const std::string& text) {
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
}

std::string one_cve(const std::string& last_modified, const std::string& product,
                    const std::string& status = "Analyzed", const std::string& description = "x",
                    const std::string& score = "") {
    const std::string metrics =
        score.empty() ? "" : R"(,"metrics":{"cvssMetricV31":[{"source":"nvd@nist.gov","type":"Primary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":)" + score + R"(,"baseSeverity":"HIGH"}}]})";
    return R"({"format":"NVD_CVE","startIndex":0,"resultsPerPage":1,"totalResults":1,"vulnerabilities":[{"cve":{"id":"CVE-2024-0001","vulnStatus":")" +
           status + R"(","published":"2024-01-01T00:00:00.000","lastModified":")" + last_modified +
           R"(","descriptions":[{"lang":"en","value":")" + description + R"("}])" + metrics + R"(,"configurations":[{"nodes":[{"operator":"OR","negate":false,"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:acme:)" +
           product + R"(:*:*:*:*:*:*:*:*","matchCriteriaId":"A"}]}]}]}}]})";
}

TEST(FeedImport, NewerRecordsReplaceOlderAreSkippedChangedCvesReported) {
    testing::TempDatabase temp(1);
    Scratch scratch;
    const auto dir = scratch.path() / "in";
    ASSERT_TRUE(import_nvd_cves(
        temp.db(), write_file(dir, "a.json", one_cve("2024-02-01T00:00:00.000", "widget")).string(), {},
        kContext));
    // Older data for the same CVE: skipped, nothing changes.
    auto older = import_nvd_cves(
        temp.db(), write_file(dir, "b.json", one_cve("2024-01-15T00:00:00.000", "gadget")).string(), {},
        kContext);
    ASSERT_TRUE(older);
    EXPECT_EQ(older->records_skipped_older, 1u);
    EXPECT_EQ(older->rows_changed, 0u);
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM cve_products WHERE product = 'widget'"), 1);
    // Newer with other products: the products are replaced and the CVE is reported for re-matching.
    auto newer = import_nvd_cves(
        temp.db(), write_file(dir, "c.json", one_cve("2024-03-01T00:00:00.000", "gadget")).string(), {},
        kContext);
    ASSERT_TRUE(newer);
    EXPECT_EQ(newer->records_written, 1u);
    EXPECT_EQ(newer->changed_cve_ids, std::vector<std::string>{"CVE-2024-0001"});
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM cve_products WHERE cve_id = 'CVE-2024-0001'"), 1);
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM cve_products WHERE product = 'gadget'"), 1);
    // Newer, same configurations, only the status moves to Rejected: re-match (a rejected CVE matches
    // nothing).
    auto rejected = import_nvd_cves(
        temp.db(),
        write_file(dir, "d.json", one_cve("2024-04-01T00:00:00.000", "gadget", "Rejected")).string(), {},
        kContext);
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected->changed_cve_ids, std::vector<std::string>{"CVE-2024-0001"});
    EXPECT_EQ(count(temp.db(),
                    "SELECT COUNT(*) FROM feed_imports WHERE feed = 'nvd_cve' AND watermark = "
                    "'2024-04-01T00:00:00.000'"),
              1);
    // Back from Rejected: re-matched. Then newer with only the description changed: written, nothing to
    // re-match.
    auto restored = import_nvd_cves(
        temp.db(), write_file(dir, "e.json", one_cve("2024-04-15T00:00:00.000", "gadget")).string(), {}, kContext);
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored->changed_cve_ids, std::vector<std::string>{"CVE-2024-0001"});
    auto reworded = import_nvd_cves(
        temp.db(),
        write_file(dir, "e2.json", one_cve("2024-05-01T00:00:00.000", "gadget", "Analyzed", "y")).string(), {},
        kContext);
    ASSERT_TRUE(reworded);
    EXPECT_EQ(reworded->records_written, 1u);
    EXPECT_TRUE(reworded->changed_cve_ids.empty());
    // Newer with a score: re-matched, since the findings' priority follows it; a new score again, too.
    for (const auto& [name, modified, score] :
         {std::tuple{"f.json", "2024-06-01T00:00:00.000", "7.5"}, {"g.json", "2024-07-01T00:00:00.000", "9.8"}}) {
        auto rescored = import_nvd_cves(
            temp.db(), write_file(dir, name, one_cve(modified, "gadget", "Analyzed", "y", score)).string(), {},
            kContext);
        ASSERT_TRUE(rescored);
        EXPECT_EQ(rescored->changed_cve_ids, std::vector<std::string>{"CVE-2024-0001"}) << score;
    }
}

TEST(FeedImport, SmallBatchesWriteTheSameAndAFailedDirectoryKeepsTheFilesBefore) {
    const auto kev = data_dir() / "kev" / "known_exploited_vulnerabilities.csv";
    REQUIRE_DATA(kev);
    testing::TempDatabase temp(1);
    FeedImportOptions options;
    options.batch_size = 100;  // 15 transactions
    auto run = import_kev(temp.db(), kev.string(), options, kContext);
    ASSERT_TRUE(run) << run.error().message;
    EXPECT_EQ(run->records_written, 1404u);
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM kev_entries"), 1404);

    // A directory: a.json is imported, b.json is refused; the run fails naming b.json, a.json's record stays.
    Scratch scratch;
    const auto dir = scratch.path() / "nvd";
    write_file(dir, "a.json", one_cve("2024-02-01T00:00:00.000", "widget"));
    write_file(dir, "b.json", R"({"format":"NVD_CVE","vulnerabilities":[{"cve":{"id":"CVE-2024-0002"}}]})");
    auto partial = import_nvd_cves(temp.db(), dir.string(), {}, kContext);
    ASSERT_FALSE(partial);
    EXPECT_NE(partial.error().message.find("b.json"), std::string::npos) << partial.error().message;
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM cves"), 1);
    EXPECT_EQ(count(temp.db(),
                    "SELECT COUNT(*) FROM feed_imports WHERE feed = 'nvd_cve' AND status = 'failed' "
                    "AND records_written = 1"),
              1);
}

TEST(FeedImport, BadKevFileChangesNothing) {
    testing::TempDatabase temp(1);
    Scratch scratch;
    const auto file = write_file(
        scratch.path() / "in", "kev.json",
        R"({"count":2,"vulnerabilities":[)"
        R"({"cveID":"CVE-2021-0001","dateAdded":"2021-01-01","knownRansomwareCampaignUse":"Known"},)"
        R"({"cveID":"CVE-2021-0002","dateAdded":"2021-02-30x","knownRansomwareCampaignUse":"Known"}]})");
    auto run = import_kev(temp.db(), file.string(), {}, kContext);
    ASSERT_FALSE(run);
    ASSERT_FALSE(run.error().fields.empty());
    EXPECT_EQ(run.error().fields[0].field, "$.vulnerabilities[1].dateAdded");
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM kev_entries"), 0);
}

TEST(FeedImport, JvnJoinsCvesAndCpeDictionaryKeepsJapanese) {
    const auto jvn = data_dir() / "jvn" / "examples" / "hnd";
    REQUIRE_DATA(jvn);
    testing::TempDatabase temp(1);
    Scratch scratch;
    const auto dir = scratch.path() / "jvn";
    fs::create_directories(dir);
    for (const char* id :
         {"JVNDB-2017-009608", "JVNDB-2018-009328", "JVNDB-2021-002774", "JVNDB-2022-000097"})
        fs::copy_file(jvn / (std::string("getVulnDetailInfo_hnd_") + id + ".xml"),
                      dir / (std::string(id) + ".xml"));
    fs::copy_file(jvn / "getVulnOverviewList_hnd.xml", dir / "overview.xml");
    auto run = import_jvn(temp.db(), dir.string(), {}, kContext);
    ASSERT_TRUE(run) << run.error().message;
    EXPECT_EQ(run->records_written, 6u);
    EXPECT_EQ(count(temp.db(),
                    "SELECT COUNT(*) FROM jvn_cves WHERE jvndb_id = 'JVNDB-2021-002774' AND cve_id = "
                    "'CVE-2021-36745'"),
              1);
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM jvn_cves WHERE jvndb_id = 'JVNDB-2022-000097'"), 3);
    auto again = import_jvn(temp.db(), dir.string(), {}, kContext);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->rows_changed, 0u);
    {
        auto lease = temp.db().acquire();
        std::string title;
        *lease << "SELECT title FROM jvn_entries WHERE jvndb_id = 'JVNDB-2021-002774'", soci::into(title);
        EXPECT_EQ(title, "トレンドマイクロ製 ServerProtect における認証回避の脆弱性");
    }

    const auto cpes = data_dir() / "nvd" / "api_responses" / "cpes-2023.json.gz";
    auto dictionary = import_cpe_dictionary(temp.db(), cpes.string(), {}, kContext);
    ASSERT_TRUE(dictionary) << dictionary.error().message;
    EXPECT_EQ(dictionary->records_written, 10000u);
    EXPECT_EQ(count(temp.db(), "SELECT COUNT(*) FROM cpe_dictionary WHERE deprecated = 1"), 1128);
    auto lease = temp.db().acquire();
    std::string title_ja, id;
    *lease << "SELECT title_ja, cpe_name_id FROM cpe_dictionary WHERE cpe = "
              "'cpe:2.3:a:3com:3cdaemon:-:*:*:*:*:*:*:*'",
        soci::into(title_ja), soci::into(id);
    EXPECT_EQ(title_ja, "スリーコム 3CDaemon");
    EXPECT_EQ(id, "BAE41D20-D4AF-4AF0-AA7D-3BD04DA402A7");
}

}  // namespace
}  // namespace mamori::services
