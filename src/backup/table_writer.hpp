// Writing the rows of one table into the target of `mamori db copy`, inside the transaction open on its
// session: PostgreSQL through `COPY … FROM STDIN` in text format, sent in chunks as rows arrive; SQLite
// through one prepared INSERT.
#pragma once

#include <soci/soci.h>

#include <memory>

#include "mamori/backup/copy_text.hpp"
#include "mamori/backup/table_order.hpp"
#include "mamori/store/database.hpp"

namespace mamori::backup {

// TableWriter: rows in `table.columns` order; `finish` completes the table and reports the database's
// verdict. Every method throws std::runtime_error on a database error. Destroyed without `finish` (after an
// error), it abandons the table and leaves the session usable for the ROLLBACK.
class TableWriter {
  public:
    virtual ~TableWriter() = default;
    virtual void write(const RowValues& row) = 0;
    virtual void finish() = 0;
};

// open_table_writer: starts writing into `table` on `sql`.
std::unique_ptr<TableWriter> open_table_writer(soci::session& sql, store::Dialect dialect,
                                               const TableSchema& table);

}  // namespace mamori::backup
