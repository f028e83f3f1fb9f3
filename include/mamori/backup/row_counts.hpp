/// @file
/// @brief Row counts per table, as recorded in a backup's manifest and compared after a restore, and the
/// rule for when a database "already holds data" (restore refuses to replace it without --force).
///
///     RowCounts counts{{"organisations", 3}, {"prefectures", 47}};
///     auto diffs = row_count_differences(manifest.row_counts, restored);   // empty: identical
///     auto busy = tables_holding_data(counts);                             // {"organisations"}
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace mamori::backup {

// RowCounts: table name → number of rows, sorted by name.
using RowCounts = std::map<std::string, std::int64_t>;

// row_count_differences: one sentence per table whose count differs or that exists on one side only, e.g.
// "audit_log: 120 rows expected, 119 found"; empty when both are identical.
std::vector<std::string> row_count_differences(const RowCounts& expected, const RowCounts& found);

// tables_holding_data: the tables with rows, other than those every migrated database has from the start
// (`schema_migrations`, and `prefectures`, which migration 0001 fills), rendered "name (N rows)". Empty
// means the database is new: nothing would be lost by replacing it.
std::vector<std::string> tables_holding_data(const RowCounts& counts);

}  // namespace mamori::backup
