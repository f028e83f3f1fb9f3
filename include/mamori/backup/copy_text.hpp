/// @file
/// @brief Rows in PostgreSQL's COPY text format, the form `COPY table (columns) FROM STDIN` reads: fields
/// separated by tabs, one row per line, NULL as `\N`, and backslash, tab, newline and carriage return
/// escaped so that no value can end a field or a row early.
///
///     std::string chunk;
///     append_copy_row(chunk, {"1", std::nullopt, "a\tb"});   // "1\t\\N\ta\\tb\n"
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mamori::backup {

// RowValues: one row as text, a column per element, std::nullopt for NULL.
using RowValues = std::vector<std::optional<std::string>>;

// append_copy_row: appends `row` as one line of COPY text to `out`.
void append_copy_row(std::string& out, const RowValues& row);

}  // namespace mamori::backup
