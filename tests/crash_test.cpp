// Crash safety: a server killed with SIGKILL in the middle of writing leaves a database that is consistent
// and complete on restart (one transaction per unit of work; SQLite's WAL, or PostgreSQL's, which rolls back
// the transaction of a client that vanished).
#include <gtest/gtest.h>
#include <signal.h>
#include <soci/soci.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "support/server_process.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

// Enough rows that loading them takes seconds (one transaction): PostgreSQL over a socket writes ~7,000
// rows/s here, SQLite in-process ~50 times as many.
int synthetic_rows() {
    return testing_postgres() ? 20'000 : 150'000;
}
// The demo's ten organisations (one transaction), and the vendor its operator registers with the personas'
// content afterwards (demo_vendor_links.cpp).
constexpr int kDemoOrganisationSet = 10;
constexpr int kDemoOrganisations = kDemoOrganisationSet + 1;

struct Inspection {
    std::string integrity;
    int foreign_key_violations = 0;
    long long organisations = 0;        // outside the statistics sample
    long long sample_institutions = 0;  // the demo's national sample for statistics (facility ids 96…)
    int schema_version = 0;
};

// inspect: SQLite's file checks (PostgreSQL enforces foreign keys on every write and checks its own pages:
// there the integrity is taken as "ok") and what the database holds.
Inspection inspect(const std::filesystem::path& db) {
    DatabaseSession direct(db);
    soci::session& sql = *direct;
    const bool sqlite = direct.dialect() == store::Dialect::sqlite;
    Inspection result{"ok"};
    if (sqlite) {
        sql << "PRAGMA integrity_check", soci::into(result.integrity);
        soci::rowset<soci::row> violations = (sql.prepare << "PRAGMA foreign_key_check");
        for (auto it = violations.begin(); it != violations.end(); ++it) ++result.foreign_key_violations;
    }
    auto has_table = [&sql, sqlite](const std::string& name) {
        int n = 0;
        sql << (sqlite ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :n"
                       : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :n"),
            soci::use(name), soci::into(n);
        return n > 0;
    };
    // A kill can land before the schema table exists: that is an empty database, not an inconsistent one.
    soci::indicator ind;
    if (has_table("schema_migrations"))
        sql << "SELECT MAX(version) FROM schema_migrations", soci::into(result.schema_version, ind);
    if (has_table("organisations")) {
        sql << "SELECT COUNT(*) FROM organisations WHERE facility_id IS NULL OR NOT (facility_id >= '96' AND "
               "facility_id < '97')",
            soci::into(result.organisations);
        sql << "SELECT COUNT(*) FROM organisations WHERE facility_id >= '96' AND facility_id < '97'",
            soci::into(result.sample_institutions);
    }
    return result;
}

// Each round kills the server a little later into its start: during migrations, during the demo load (one
// transaction of ~150,000 rows) or after it. Whatever the moment, the database must pass SQLite's integrity
// check and hold either no organisations or all of them, never a part. Each round has a database of its own.
TEST(Crash, KillDuringWritesLeavesDatabaseConsistent) {
    TempDir dir;
    const std::string bin = mamori_binary();
    int killed_mid_load = 0;
    for (int delay_ms : {5, 30, 80, 150, 250, 400, 600, 1000}) {
        const auto db = dir.path() / ("crash-" + std::to_string(delay_ms) + ".db");
        const std::string url = database_url(db);  // before fork: on PostgreSQL this creates the database
        const std::string rows = std::to_string(synthetic_rows());
        const pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            freopen("/dev/null", "w", stdout);
            freopen("/dev/null", "w", stderr);
            execl(bin.c_str(), bin.c_str(), "serve", "--listen", "127.0.0.1:0", "--database", url.c_str(),
                  "--demo", "--demo-institutions", rows.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);

        if (!testing_postgres() && !std::filesystem::exists(db)) continue;  // killed before the file existed
        const auto after_kill = inspect(db);
        EXPECT_EQ(after_kill.integrity, "ok") << "after a kill at " << delay_ms << " ms";
        EXPECT_EQ(after_kill.foreign_key_violations, 0);
        EXPECT_TRUE(after_kill.organisations == 0 ||
                    after_kill.organisations == kDemoOrganisationSet + synthetic_rows() ||
                    after_kill.organisations == kDemoOrganisations + synthetic_rows())
            << "partial demo data after a kill at " << delay_ms << " ms: " << after_kill.organisations;
        // The statistics sample (its own transaction, written last) is there whole or not at all.
        EXPECT_TRUE(after_kill.sample_institutions == 0 ||
                    after_kill.organisations == kDemoOrganisations + synthetic_rows())
            << "a statistics sample before the demo's content after a kill at " << delay_ms << " ms";

        // A restart finishes the job: migrations complete, the demo loads exactly once, the server answers.
        {
            ServerProcess server(db, {"--demo", "--demo-institutions", std::to_string(synthetic_rows()),
                                      kWithStatisticsSample});
            server.signal(SIGTERM);
            EXPECT_EQ(server.wait_exit(15000), 0);
        }
        const auto restarted = inspect(db);
        EXPECT_EQ(restarted.integrity, "ok");
        EXPECT_EQ(restarted.organisations, kDemoOrganisations + synthetic_rows());
        EXPECT_GT(restarted.sample_institutions, 4000);
        EXPECT_TRUE(after_kill.sample_institutions == 0 ||
                    after_kill.sample_institutions == restarted.sample_institutions)
            << "partial statistics sample after a kill at " << delay_ms
            << " ms: " << after_kill.sample_institutions;
        EXPECT_GT(restarted.schema_version, 0);
        if (after_kill.organisations == 0 && after_kill.schema_version == restarted.schema_version)
            ++killed_mid_load;
    }
    // Guard against a test that never hits the write window (e.g. if loading became much faster).
    EXPECT_GT(killed_mid_load, 0) << "no kill landed during the demo load; raise synthetic_rows()";
}

}  // namespace
}  // namespace mamori::testing
