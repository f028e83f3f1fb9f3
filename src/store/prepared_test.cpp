#include "mamori/store/prepared.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "testing/temp_database.hpp"

namespace mamori::store {
namespace {

using testing::TempDatabase;

constexpr std::string_view kValueOf = "SELECT v FROM t WHERE id = :id";
constexpr std::string_view kAllValues = "SELECT v FROM t ORDER BY id";

void make_table(Database& db) {
    auto sql = db.acquire();
    *sql << "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)";
    execute(*sql, "INSERT INTO t (id, v) VALUES (:id, :v)", 1, "one");
    execute(*sql, "INSERT INTO t (id, v) VALUES (:id, :v)", 2, "two");
}

std::vector<std::optional<std::string>> values_of(soci::session& sql, std::string_view query, long long id) {
    std::vector<std::optional<std::string>> out;
    for (const auto& r : store::query(sql, query, id))
        out.push_back(r.get_indicator(0) == soci::i_null ? std::nullopt
                                                         : std::optional(r.get<std::string>(0)));
    return out;
}

TEST(PreparedStatements, AreCachedPerLeasedConnectionAndReboundForEachExecution) {
    TempDatabase temp(1);
    make_table(temp.db());
    auto sql = temp.db().acquire();
    ASSERT_NE(cache_for(*sql), nullptr);
    EXPECT_EQ(values_of(*sql, kValueOf, 1), std::vector<std::optional<std::string>>{"one"});
    const auto cached = cache_for(*sql)->size();
    EXPECT_EQ(values_of(*sql, kValueOf, 2), std::vector<std::optional<std::string>>{"two"})
        << "a reused statement must answer for its new parameters, not the last ones";
    EXPECT_TRUE(values_of(*sql, kValueOf, 3).empty()) << "no row: nothing left over from the last execution";
    EXPECT_EQ(values_of(*sql, kValueOf, 1), std::vector<std::optional<std::string>>{"one"});
    EXPECT_EQ(cache_for(*sql)->size(), cached) << "the same text is prepared once";
}

TEST(PreparedStatements, NullParametersAndRowsChanged) {
    TempDatabase temp(1);
    make_table(temp.db());
    auto sql = temp.db().acquire();
    const std::optional<std::string> none;
    EXPECT_EQ(execute(*sql, "UPDATE t SET v = :v WHERE id = :id", none, 1), 1);
    EXPECT_EQ(execute(*sql, "UPDATE t SET v = :v WHERE id = :id", none, 9), 0);
    EXPECT_EQ(values_of(*sql, kValueOf, 1), std::vector<std::optional<std::string>>{std::nullopt});
    EXPECT_EQ(execute(*sql, "UPDATE t SET v = :v WHERE id = :id", std::optional<std::string>("uno"), 1), 1);
    EXPECT_EQ(values_of(*sql, kValueOf, 1), std::vector<std::optional<std::string>>{"uno"});
}

// A statement read only in part must not keep its connection on an old snapshot (SQLite keeps the read
// transaction of an unfinished statement open): later reads on that connection see later commits.
TEST(PreparedStatements, APartlyReadResultDoesNotHideLaterWritesFromItsConnection) {
    TempDatabase temp(2);
    make_table(temp.db());
    auto& db = temp.db();
    auto reader = db.acquire();
    for (const auto& r : store::query(*reader, kAllValues)) {
        EXPECT_EQ(r.get<std::string>(0), "one");
        break;  // the second row is never read
    }
    {
        auto writer = db.acquire();
        ASSERT_NE(&*writer, &*reader);
        execute(*writer, "UPDATE t SET v = :v WHERE id = :id", "changed", 1);
    }
    EXPECT_EQ(values_of(*reader, kValueOf, 1), std::vector<std::optional<std::string>>{"changed"});
    std::vector<std::string> all;
    for (const auto& r : store::query(*reader, kAllValues)) all.push_back(r.get<std::string>(0));
    EXPECT_EQ(all, (std::vector<std::string>{"changed", "two"}));
}

TEST(PreparedStatements, TheSameQueryInsideItsOwnResultUsesASecondStatement) {
    TempDatabase temp(1);
    make_table(temp.db());
    auto sql = temp.db().acquire();
    std::vector<std::string> pairs;
    for (const auto& outer : store::query(*sql, kAllValues))
        for (const auto& inner : store::query(*sql, kAllValues))
            pairs.push_back(outer.get<std::string>(0) + "/" + inner.get<std::string>(0));
    EXPECT_EQ(pairs, (std::vector<std::string>{"one/one", "one/two", "two/one", "two/two"}));
}

TEST(PreparedStatements, ASessionWithoutALeaseIsNotCached) {
    TempDatabase temp(1);
    make_table(temp.db());
    soci::session* session = nullptr;
    {
        auto sql = temp.db().acquire();
        session = &*sql;
        EXPECT_NE(cache_for(*session), nullptr);
    }
    EXPECT_EQ(cache_for(*session), nullptr) << "the lease ended: another thread may lease it now";
}

}  // namespace
}  // namespace mamori::store
