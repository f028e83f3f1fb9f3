#include "mamori/store/serial_work.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "testing/temp_database.hpp"

namespace mamori::store {
namespace {

// A second transaction doing the same work starts only once the first has committed, on either backend
// (SQLite: BEGIN IMMEDIATE; PostgreSQL: the advisory lock), and then sees what the first wrote.
TEST(SerialWork, ASecondTransactionWaitsForTheFirstAndSeesItsWrite) {
    testing::TempDatabase temp(2, testing::TempDatabase::Schema::empty);
    auto& db = temp.db();
    {
        auto lease = db.acquire();
        *lease << "CREATE TABLE counter (n INTEGER NOT NULL)";
        *lease << "INSERT INTO counter (n) VALUES (0)";
    }
    auto increment = [&](std::chrono::milliseconds hold) {
        auto done = db.transaction([&](soci::session& sql) -> Result<int> {
            serialize(sql, SerialWork::audit_chain);
            int n = 0;
            sql << "SELECT n FROM counter", soci::into(n);
            std::this_thread::sleep_for(hold);
            sql << "UPDATE counter SET n = :n", soci::use(n + 1);
            return n + 1;
        });
        ASSERT_TRUE(done);
    };
    std::thread first(increment, std::chrono::milliseconds(300));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::thread second(increment, std::chrono::milliseconds(0));
    first.join();
    second.join();
    auto lease = db.acquire();
    int n = 0;
    *lease << "SELECT n FROM counter", soci::into(n);
    EXPECT_EQ(n, 2) << "an increment was lost";
}

}  // namespace
}  // namespace mamori::store
