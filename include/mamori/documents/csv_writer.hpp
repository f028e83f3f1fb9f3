/// @file
/// @brief The CSV of every export (the checklist, the device ledger, the inspection plan): UTF-8 with a BOM
/// (so Excel reads it as UTF-8), CRLF line ends, RFC 4180 quoting (a field with a comma, a double quote or a
/// line break is quoted, its quotes doubled). A field a spreadsheet would take for a formula (starting with
/// = + - @, a tab or a carriage return) gets a leading apostrophe.
///
///     std::string out(documents::kCsvBom);
///     documents::append_csv_record(out, {"名称", "区分"});
///     documents::append_csv_record(out, row);  // a std::vector<std::string>
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace mamori::documents {

inline constexpr std::string_view kCsvBom = "\xEF\xBB\xBF";

// append_csv_field: one field, guarded against formula injection, then quoted when RFC 4180 needs it.
void append_csv_field(std::string& out, std::string_view value);

// append_csv_record: the fields separated by commas, then CRLF.
void append_csv_record(std::string& out, std::initializer_list<std::string_view> fields);
void append_csv_record(std::string& out, std::span<const std::string> fields);

}  // namespace mamori::documents
