/// @file
/// @brief Where render_xlsx puts things and where read_xlsx finds them: the rows of the visible sheet, the
/// columns of the hidden "mamori" sheet and the metadata keys. One place, so writer and reader agree.
///
///     worksheet_write_string(meta, row, kHiddenCanonicalIdColumn, id.c_str(), nullptr);
#pragma once

#include <cstdint>
#include <string_view>

namespace mamori::documents::xlsx_layout {

// The visible sheet: six title lines, a blank line (or the edition notice), the table header, then one line per section or row.
inline constexpr std::uint32_t kTitleRow = 0;
inline constexpr std::uint32_t kFormRow = 1;
inline constexpr std::uint32_t kEditionRow = 2;
inline constexpr std::uint32_t kInstitutionRow = 3;
inline constexpr std::uint32_t kStatusRow = 4;
inline constexpr std::uint32_t kGeneratedRow = 5;
inline constexpr std::uint32_t kNoticeRow = 6;  // blank unless an earlier edition stands in for the year's
inline constexpr std::uint32_t kHeaderRow = 7;
inline constexpr std::uint32_t kFirstTableRow = 8;

// The hidden sheet: metadata as key (column A) and value (column B) from the first row down; the table
// rows' keys in the same row numbers as the visible table rows they describe, from column D on.
inline constexpr std::uint16_t kMetadataKeyColumn = 0;
inline constexpr std::uint16_t kMetadataValueColumn = 1;
inline constexpr std::uint16_t kHiddenKindColumn = 3;  // "section" or "row"
inline constexpr std::uint16_t kHiddenCanonicalIdColumn = 4;
inline constexpr std::uint16_t kHiddenRowKeyColumn = 5;
inline constexpr std::uint16_t kHiddenNumberColumn = 6;  // checked against 番号 to catch moved rows
inline constexpr std::uint16_t kHiddenValueColumn = 7;   // the raw answer value when rendered
inline constexpr std::uint16_t kHiddenReasonColumn = 8;
inline constexpr std::uint16_t kHiddenReconfirmColumn = 9;     // "1" or "0"
inline constexpr std::uint16_t kHiddenUnconfirmedColumn = 10;  // "1" or "0"

inline constexpr std::string_view kKindSection = "section";
inline constexpr std::string_view kKindRow = "row";

// Metadata keys.
inline constexpr std::string_view kFormatKey = "format";
inline constexpr std::string_view kFormatName = "mamori assessment checklist";
inline constexpr std::string_view kFormatVersionKey = "format_version";
inline constexpr std::string_view kSheetKey = "sheet";
inline constexpr std::string_view kFirstRowKey = "first_row";  // 1-based, as Excel shows it
inline constexpr std::string_view kRowCountKey = "row_count";  // section and item lines together

// kMaxTableRows: the most table lines the reader accepts (a checklist has well under a hundred).
inline constexpr std::uint32_t kMaxTableRows = 10000;

}  // namespace mamori::documents::xlsx_layout
