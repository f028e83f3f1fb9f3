// The tables of a database as `mamori db copy` sees them: read from SQLite's sqlite_master and pragmas or
// from PostgreSQL's catalog, so the copy follows whatever schema the migrations built.
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "mamori/backup/row_counts.hpp"
#include "mamori/backup/table_order.hpp"
#include "mamori/store/database.hpp"
#include "mamori/store/table_queries.hpp"

namespace mamori::backup {

// read_schema: every table of the database on `sql` (SQLite's own sqlite_* tables excluded), sorted by
// name. Throws on a database error.
std::vector<TableSchema> read_schema(soci::session& sql, store::Dialect dialect);

// count_rows: COUNT(*) of each of `tables` on `sql`. Throws on a database error.
RowCounts count_rows(soci::session& sql, const std::vector<TableSchema>& tables);

// one_line: a database's error message (libpq ends them in a newline, and adds DETAIL and CONTEXT lines) as
// one line.
std::string one_line(std::string_view message);

}  // namespace mamori::backup
