#include "mamori/store/database.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "mamori/store/row_values.hpp"
#include "testing/temp_database.hpp"

namespace mamori::store {
namespace {

using testing::TempDatabase;

int backend_pid(soci::session& sql) {
    int pid = 0;
    sql << "SELECT pg_backend_pid()", soci::into(pid);
    return pid;
}

// terminate_backends: what a PostgreSQL restart or failover does to our connections — the server ends
// them — done through another connection; returns once the server no longer lists them.
void terminate_backends(const DatabaseUrl& url, std::vector<int> pids) {
    auto admin = Database::open(url, 1);
    ASSERT_TRUE(admin) << admin.error().message;
    auto sql = (*admin)->acquire();
    for (int pid : pids) {
        int terminated = 0;
        *sql << "SELECT pg_terminate_backend(:pid)::int", soci::use(pid), soci::into(terminated);
        ASSERT_EQ(terminated, 1) << pid;
    }
    for (int attempt = 0; attempt < 200; ++attempt) {
        int alive = 0;
        for (int pid : pids) {
            int rows = 0;
            *sql << "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = :pid", soci::use(pid),
                soci::into(rows);
            alive += rows;
        }
        if (alive == 0) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL() << "the terminated backends are still listed";
}

TEST(Database, PostgresqlIdleSessionsClosedByTheServerAreReconnectedWhenLeased) {
    TempDatabase temp(2);
    auto& db = temp.db();
    if (db.dialect() != Dialect::postgresql) GTEST_SKIP() << "PostgreSQL only";
    // Statements prepared on the old connections die with them; the new ones prepare their own.
    const auto plus_one = [](soci::session& sql, long long x) {
        long long out = 0;
        for (const auto& r : query(sql, "SELECT 1 + :x", x)) out = int64_at(r, 0);
        return out;
    };
    std::vector<int> before;
    {
        auto a = db.acquire();
        auto b = db.acquire();
        before = {backend_pid(*a), backend_pid(*b)};
        EXPECT_EQ(plus_one(*a, 1), 2);
        EXPECT_EQ(plus_one(*b, 2), 3);
    }
    terminate_backends(db.url(), before);

    auto a = db.acquire();
    auto b = db.acquire();
    EXPECT_EQ(plus_one(*a, 3), 4);
    EXPECT_EQ(plus_one(*b, 4), 5);
    const int pid_a = backend_pid(*a);
    const int pid_b = backend_pid(*b);
    EXPECT_NE(pid_a, before[0]);
    EXPECT_NE(pid_a, before[1]);
    EXPECT_NE(pid_b, before[0]);
    EXPECT_NE(pid_b, before[1]);
    std::string timeout;
    *a << "SHOW statement_timeout", soci::into(timeout);
    EXPECT_EQ(timeout, "30s") << "a reconnected session gets the per-connection settings again";
}

TEST(Database, PostgresqlSessionLostInUseFailsThatWorkOnlyAndIsReconnectedNextTime) {
    TempDatabase temp(1);
    auto& db = temp.db();
    if (db.dialect() != Dialect::postgresql) GTEST_SKIP() << "PostgreSQL only";
    {
        auto in_use = db.acquire();
        terminate_backends(db.url(), {backend_pid(*in_use)});
        int one = 0;
        EXPECT_ANY_THROW((*in_use << "SELECT 1", soci::into(one)));
    }
    EXPECT_TRUE(db.ping());
    auto written = db.transaction([](soci::session& sql) -> Result<int> {
        int two = 0;
        sql << "SELECT 2", soci::into(two);
        return two;
    });
    ASSERT_TRUE(written);
    EXPECT_EQ(*written, 2);
}

}  // namespace
}  // namespace mamori::store

namespace mamori::store {
namespace {

// A commit leaves its pages in SQLite's WAL (the backstop is far above one small commit); checkpoint_wal
// copies them into the database file, after which a second call finds nothing left to copy.
TEST(Database, SqliteWalCheckpointCopiesCommittedPagesIntoTheFile) {
    TempDatabase temp(2);
    auto& db = temp.db();
    if (db.dialect() != Dialect::sqlite) {
        auto none = db.checkpoint_wal();
        ASSERT_TRUE(none) << none.error().message;
        EXPECT_EQ(none->frames, 0) << "PostgreSQL checkpoints by itself";
        return;
    }
    {
        auto sql = db.acquire();
        int backstop = 0;
        *sql << "PRAGMA wal_autocheckpoint", soci::into(backstop);
        EXPECT_EQ(backstop, 10000);
        long long file_limit = 0;
        *sql << "PRAGMA journal_size_limit", soci::into(file_limit);
        EXPECT_EQ(file_limit, 40LL * 1024 * 1024) << "a WAL grown by a large import is cut back";
    }
    ASSERT_TRUE(db.checkpoint_wal());
    auto written = db.transaction([](soci::session& sql) -> Status {
        sql << "CREATE TABLE wal_probe (n INTEGER)";
        for (int i = 0; i < 50; ++i) sql << "INSERT INTO wal_probe VALUES (" << i << ")";
        return {};
    });
    ASSERT_TRUE(written);
    auto first = db.checkpoint_wal();
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_GT(first->frames, 0);
    EXPECT_EQ(first->copied, first->frames) << "nobody reads: every frame is copied";
    auto second = db.checkpoint_wal();
    ASSERT_TRUE(second);
    EXPECT_EQ(second->copied, second->frames);
    long long rows = 0;
    for (const auto& r : query(*db.acquire(), "SELECT COUNT(*) FROM wal_probe")) rows = int64_at(r, 0);
    EXPECT_EQ(rows, 50);
}

}  // namespace
}  // namespace mamori::store
