/// @file
/// @brief Checks of a whole SQLite database on one session, for backups and restores: page-level
/// integrity, foreign keys, the recorded schema version (read only, never created) and the rows per table.
///
///     soci::session sql(soci::sqlite3, "db=\"copy.db\"");
///     if (auto ok = integrity_check(sql, "copy.db"); !ok) …   // names SQLite's first problems
///     auto counts = table_row_counts(sql);                    // {"audit_log": 120, …}
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::store {

// integrity_check: PRAGMA integrity_check; the error quotes up to 10 of SQLite's findings and names `where`.
Status integrity_check(soci::session& sql, std::string_view where);

// foreign_key_check: PRAGMA foreign_key_check; the error names how many rows break a foreign key and the
// first few (table, rowid, parent table).
Status foreign_key_check(soci::session& sql, std::string_view where);

// recorded_schema_version: the highest version in schema_migrations, 0 when the table is absent or empty.
Result<int> recorded_schema_version(soci::session& sql, std::string_view where);

// table_row_counts: COUNT(*) of every table (SQLite's own sqlite_* tables excluded), by name.
Result<std::map<std::string, std::int64_t>> table_row_counts(soci::session& sql, std::string_view where);

}  // namespace mamori::store
