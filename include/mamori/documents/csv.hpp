/// @file
/// @brief The assessment as CSV for other tools: UTF-8 with a BOM (so Excel reads it as UTF-8), CRLF line
/// ends, RFC 4180 quoting, a Japanese header row, one record per answer row with the raw values (yes / no /
/// not_required, ISO dates). A field that a spreadsheet would take for a formula (starting with = + - @, a
/// tab or a carriage return) gets a leading apostrophe.
///
///     std::string csv = render_csv(doc);
#pragma once

#include <string>

#include "mamori/documents/assessment_document.hpp"

namespace mamori::documents {

// render_csv: one record per row (要再確認 is "yes" or empty) under the header
// canonical_id,row_key,番号,確認事項,対象,回答,理由,確認日,目標日,2回目,2回目確認日,備考,要再確認
std::string render_csv(const AssessmentDocument& doc);

}  // namespace mamori::documents
