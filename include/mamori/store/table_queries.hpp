/// @file
/// @brief Questions about a database's tables that do not depend on what the tables hold: which tables there
/// are, how many rows each has, and how to name one safely in SQL. Used by backups, restores and `db copy`.
///
///     for (const auto& t : table_names(sql, Dialect::sqlite)) n += count_rows(sql, t);
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/store/database.hpp"

namespace mamori::store {

// quoted_identifier: `name` as a double-quoted SQL identifier ("a""b" for a"b), for table and column names
// read from the database's own catalog.
std::string quoted_identifier(std::string_view name);

// table_names: the database's own tables, sorted (SQLite's sqlite_* tables excluded; on PostgreSQL the base
// tables of the current schema). Throws on a database error.
std::vector<std::string> table_names(soci::session& sql, Dialect dialect);

// count_rows: SELECT COUNT(*) of one table. Throws on a database error.
std::int64_t count_rows(soci::session& sql, std::string_view table);

}  // namespace mamori::store
