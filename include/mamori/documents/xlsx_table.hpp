/// @file
/// @brief A plain table as an .xlsx workbook (libxlsxwriter): a title row, a bold header row with a filter,
/// then the rows as text; columns sized to their content. Used for lists such as the yearly inspection plan.
///
///     auto bytes = render_table_xlsx({.sheet_name = "年度計画", .title = "…", .headers = {…}, .rows = {…}});
#pragma once

#include <string>
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

}  // namespace mamori::documents
