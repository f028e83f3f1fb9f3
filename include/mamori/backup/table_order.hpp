/// @file
/// @brief The tables of a database as a copy needs them (columns, primary key, the tables their foreign keys
/// point to), and the order in which to fill them so that every referenced row is already there.
///
///     auto order = copy_order(tables);   // prefectures before organisations before users …
#pragma once

#include <set>
#include <string>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::backup {

// TableSchema: one table, read from the database's own catalog.
struct TableSchema {
    std::string name;
    std::vector<std::string> columns;      // in declaration order
    std::vector<std::string> primary_key;  // in key order; empty when the table has none
    std::set<std::string> references;      // tables named by its foreign keys, itself included if so
};

// copy_order: `tables` ordered so that each comes after every other table it references, ties broken by
// name so the order is stable. A table that references itself (organisations.parent_id) stays in place:
// its rows are copied in primary-key order, parents first. Fails naming the tables of a reference cycle, and
// a reference to a table not in `tables`.
Result<std::vector<TableSchema>> copy_order(std::vector<TableSchema> tables);

}  // namespace mamori::backup
