/// @file
/// @brief The assessment as an Excel workbook laid out like the official MHLW checklist (sheet
/// "チェックリスト": title lines, then 番号 / 確認事項 / 対象 / はい・いいえ / 確認日 / 目標日 [/ 2回目] /
/// 備考 / 状態, one section header row before each section), with a hidden sheet "mamori" holding the keys
/// and metadata, and the reader that takes such a workbook back after a person filled it in with Excel or
/// LibreOffice. The visible answer cells are the truth; the hidden sheet says which row is which.
///
///     auto bytes = render_xlsx(doc);          // Result<std::string>, the .xlsx file
///     auto back = read_xlsx(*bytes);          // Result<AssessmentDocument>, errors name sheet and cell
#pragma once

#include <string>
#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/documents/assessment_document.hpp"

namespace mamori::documents {

// kXlsxSheetName / kXlsxMetadataSheetName: the visible checklist sheet and the hidden sheet of keys.
inline constexpr std::string_view kXlsxSheetName = "チェックリスト";
inline constexpr std::string_view kXlsxMetadataSheetName = "mamori";

// kXlsxFormatVersion: the layout version written to the hidden sheet; the reader accepts only this one.
inline constexpr int kXlsxFormatVersion = 1;

// render_xlsx: the workbook's bytes; internal errors only (libxlsxwriter or the temporary file failing).
Result<std::string> render_xlsx(const AssessmentDocument& doc);

// read_xlsx: a workbook made by render_xlsx, possibly edited: every row's keys and answer, and the
// document's metadata. Any problem is invalid_input naming where, e.g.
// `sheet "チェックリスト" cell D12: "はぃ" is not はい, いいえ, 記入不要 or 確認不要`.
Result<AssessmentDocument> read_xlsx(std::string_view bytes);

}  // namespace mamori::documents
