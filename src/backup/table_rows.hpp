// Reading a whole table row by row for `mamori db copy`, without holding it in memory: SQLite steps one
// statement; PostgreSQL sends the rows one at a time (libpq single-row mode). Values arrive as text in the
// form the database prints them (integers in decimal, REAL/DOUBLE PRECISION as the shortest text that reads
// back to the same number), which both dialects' INSERT and COPY read back exactly.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>

#include "mamori/backup/copy_text.hpp"
#include "mamori/backup/table_order.hpp"
#include "mamori/store/database.hpp"

namespace mamori::backup {

// for_each_row: calls `on_row` with every row of `table` (its columns in `table.columns` order), in
// primary-key order, inside whatever transaction `sql` has open; returns how many rows there were. Throws
// std::runtime_error on a database error, and rethrows what `on_row` throws.
std::int64_t for_each_row(soci::session& sql, store::Dialect dialect, const TableSchema& table,
                          const std::function<void(const RowValues&)>& on_row);

}  // namespace mamori::backup
