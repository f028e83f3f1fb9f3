// `mamori feeds import`: the real KEV and JVN files, counts printed, a re-import writing nothing, and a bad
// file refused with a non-zero exit, the error naming the record and field, the database unchanged.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <fstream>

#include "support/server_process.hpp"
#include "support/shared_data.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

namespace fs = std::filesystem;

long long count_rows(const fs::path& db, const std::string& query) {
    DatabaseSession direct(db);
    long long n = 0;
    *direct << query, soci::into(n);
    return n;
}

TEST(CliFeeds, ImportsKevAndJvnThenNothingNewAndRefusesABadFile) {
    const auto data = shared_data_dir(MAMORI_SOURCE_DIR);
    const auto kev = data / "kev" / "known_exploited_vulnerabilities.csv";
    if (!fs::exists(kev)) GTEST_SKIP() << "real data not found at " << kev << " (../shared/data is absent): skipped";
    TempDir dir;
    const auto db = dir.path() / "f.db";
    const auto first = mamori({"feeds", "import", "kev", kev.string(), "--database", database_url(db)});
    ASSERT_EQ(first.code, 0) << first.output;
    EXPECT_TRUE(contains(first.output, "records read 1404, written 1404")) << first.output;
    const auto again = mamori({"feeds", "import", "kev", kev.string(), "--database", database_url(db)});
    ASSERT_EQ(again.code, 0) << again.output;
    EXPECT_TRUE(contains(again.output, "written 0, unchanged 1404")) << again.output;
    EXPECT_TRUE(contains(again.output, "rows changed 0")) << again.output;

    const auto jvn = mamori({"feeds", "import", "jvn", (data / "jvn/examples/hnd/getVulnOverviewList_hnd.xml").string(),
                             "--database", database_url(db)});
    ASSERT_EQ(jvn.code, 0) << jvn.output;
    EXPECT_TRUE(contains(jvn.output, "2 of 6 in all")) << jvn.output;
    EXPECT_EQ(count_rows(db, "SELECT COUNT(*) FROM jvn_cves"), 2);

    const auto bad = dir.path() / "bad.csv";
    std::ofstream(bad) << "cveID,vendorProject,product,dateAdded,knownRansomwareCampaignUse\n"
                          "CVE-2099-0001,A,B,2099-01-01,Known\nCVE-2099-0002,A,B,2099-01-01,Often\n";
    const auto refused = mamori({"feeds", "import", "kev", bad.string(), "--database", database_url(db)});
    EXPECT_NE(refused.code, 0);
    EXPECT_TRUE(contains(refused.output, "line 3 knownRansomwareCampaignUse")) << refused.output;
    EXPECT_EQ(count_rows(db, "SELECT COUNT(*) FROM kev_entries"), 1404);
    EXPECT_EQ(count_rows(db, "SELECT COUNT(*) FROM feed_imports WHERE status = 'failed'"), 1);

    const auto unknown = mamori({"feeds", "import", "osv", kev.string(), "--database", database_url(db)});
    EXPECT_NE(unknown.code, 0);
}

}  // namespace
}  // namespace mamori::testing
