/// @file
/// @brief `mamori db copy`: a whole installation copied from one database into another, e.g. a clinic's
/// SQLite file into PostgreSQL when it moves up. The source is read in one snapshot (it may be in use) and
/// never written; it must be at this binary's newest schema and its audit chain must verify. The target is
/// migrated, must hold no data, and receives everything in one transaction that commits only after its row
/// counts equal the source's table by table and its audit chain verifies: a failed copy leaves it empty.
///
///     auto copied = copy_database(*source, *target, [](const TableCopied& t) { print(t.table, t.rows); });
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::backup {

// TableCopied: one table done.
struct TableCopied {
    std::string table;
    std::int64_t rows = 0;
};

// CopyReport: what was copied; `tables` in the order they were filled.
struct CopyReport {
    std::vector<TableCopied> tables;
    std::int64_t rows = 0;
    std::int64_t audit_rows = 0;  // the target's verified audit chain
    double seconds = 0;
};

// CopyProgress: called after each table is written (before the commit).
using CopyProgress = std::function<void(const TableCopied&)>;

// copy_database: copies every table but `schema_migrations` (the target keeps its own) from `source`, which
// should be opened with store::Access::read_only, into `target`. Refusals: a source at another schema
// version (conflict, "run 'mamori migrate …' first"), a broken source audit chain (names the row), a target
// holding data (conflict, names the tables), source and target being one database. Anything else that fails
// (a row the target's constraints refuse) rolls the target back; the error names the table.
Result<CopyReport> copy_database(store::Database& source, store::Database& target,
                                 const CopyProgress& progress = {});

}  // namespace mamori::backup
