/// @file
/// @brief A plain table as an .xlsx workbook (libxlsxwriter): a title row, a bold header row with a filter,
/// then the rows as text; columns sized to their content. Used for lists such as the yearly inspection plan.
/// And back: the first sheet of any workbook (ours, edited in Excel or LibreOffice) as rows of text cells.
///
///     auto bytes = render_table_xlsx({.sheet_name = "年度計画", .title = "…", .headers = {…}, .rows = {…}});
///     auto sheet = read_table_xlsx(*bytes, {.max_rows = 5000, .max_columns = 16, .max_cell_bytes = 1024});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::documents {

struct XlsxTable {
    std::string sheet_name;  // at most 31 characters, none of []:*?/\ (libxlsxwriter refuses others)
    std::string title;
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

// render_table_xlsx: the workbook's bytes; internal when libxlsxwriter fails.
Result<std::string> render_table_xlsx(const XlsxTable& table);

// TableCell: a cell's text (a number's stored text for numbers); `date` is the ISO date a number cell stands
// for when it is a plausible date serial (a spreadsheet turns a typed 2026/12/20 into one).
struct TableCell {
    std::string text;
    std::optional<std::string> date;
};

// TableRow: a row that holds at least one cell; `row` is 1-based, as the spreadsheet shows it.
struct TableRow {
    std::uint32_t row = 0;
    std::vector<TableCell> cells;  // columns A, B, …; empty text where there is no cell
};

struct TableSheet {
    std::string sheet_name;
    std::vector<TableRow> rows;
};

struct TableLimits {
    std::size_t max_rows = 5000;       // rows with cells; one more is read so the caller can tell
    std::size_t max_columns = 16;      // columns beyond are not read
    std::size_t max_cell_bytes = 1024;  // a longer cell is an error naming it
};

// read_table_xlsx: the first visible sheet of a workbook; invalid_input naming the file, sheet or cell
// (field "sheet!C5") when the package cannot be read or a cell is too long.
Result<TableSheet> read_table_xlsx(std::string_view bytes, const TableLimits& limits);

}  // namespace mamori::documents
