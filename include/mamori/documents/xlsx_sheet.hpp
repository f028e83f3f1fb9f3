/// @file
/// @brief A sheet of typed cells as an .xlsx workbook (libxlsxwriter), for figures such as published
/// statistics: a title row, note lines, an empty row, a bold header row with a filter, then the rows, in
/// which numbers are NUMBER cells (a percentage as a fraction formatted "0.0%") and an empty cell stays
/// empty. xlsx_table.hpp is the all-text sibling.
///
///     auto bytes = render_sheet_xlsx({.sheet_name = "回答の集計", .title = "…", .notes = {…},
///                                     .headers = {…}, .rows = {{XlsxCell::text("東京都"),
///                                     XlsxCell::number(412)}}});
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::documents {

struct XlsxCell {
    enum class Kind { empty, text, number, percent };
    Kind kind = Kind::empty;
    std::string value;  // text
    double number = 0;  // number, percent (0.577 shows as 57.7%)

    static XlsxCell text(std::string value) { return {Kind::text, std::move(value), 0}; }
    static XlsxCell whole(double number) { return {Kind::number, {}, number}; }
    static XlsxCell percent(double fraction) { return {Kind::percent, {}, fraction}; }
};

struct XlsxSheet {
    std::string sheet_name;  // at most 31 characters, none of []:*?/\ (libxlsxwriter refuses others)
    std::string title;
    std::vector<std::string> notes;
    std::vector<std::string> headers;
    std::vector<std::vector<XlsxCell>> rows;
};

// render_sheet_xlsx: the workbook's bytes; internal when libxlsxwriter fails (e.g. a sheet name it refuses).
Result<std::string> render_sheet_xlsx(const XlsxSheet& sheet);

}  // namespace mamori::documents
