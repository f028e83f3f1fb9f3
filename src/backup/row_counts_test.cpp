#include "mamori/backup/row_counts.hpp"

#include <gtest/gtest.h>

namespace mamori::backup {
namespace {

using Lines = std::vector<std::string>;

TEST(RowCounts, IdenticalCountsHaveNoDifferences) {
    const RowCounts counts{{"audit_log", 5}, {"users", 2}};
    EXPECT_TRUE(row_count_differences(counts, counts).empty());
}

TEST(RowCounts, DifferencesNameEachTable) {
    const RowCounts expected{{"audit_log", 5}, {"sessions", 1}, {"users", 2}};
    const RowCounts found{{"audit_log", 4}, {"extra", 0}, {"users", 2}};
    EXPECT_EQ(row_count_differences(expected, found),
              (Lines{"audit_log: 5 rows expected, 4 found", "sessions: 1 row expected, the table is missing",
                     "extra: not in the manifest, 0 rows found"}));
}

TEST(RowCounts, AFreshlyMigratedDatabaseHoldsNoData) {
    EXPECT_TRUE(tables_holding_data({}).empty());
    EXPECT_TRUE(tables_holding_data({{"schema_migrations", 6}, {"prefectures", 47}, {"users", 0}}).empty());
}

TEST(RowCounts, AnyOtherRowIsData) {
    EXPECT_EQ(
        tables_holding_data({{"prefectures", 47}, {"organisations", 3}, {"users", 0}, {"audit_log", 1}}),
        (Lines{"audit_log (1 row)", "organisations (3 rows)"}));
}

}  // namespace
}  // namespace mamori::backup
