/// @file
/// @brief The JSON export of an assessment and reading it back: every line with its key and answer, and the
/// metadata an import checks (edition, revision, form). Reading validates the structure and names the JSON
/// path of the first problems; the answers' rules are checked by the service that imports them.
///
///     std::string text = write_json(doc);
///     Result<AssessmentDocument> back = read_json(text);   // back->rows == doc.rows
#pragma once

#include <string>
#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/documents/assessment_document.hpp"

namespace mamori::documents {

// kJsonFormat: the value of the export's "format" member.
inline constexpr std::string_view kJsonFormat = "mamori-assessment";

std::string write_json(const AssessmentDocument& doc);
Result<AssessmentDocument> read_json(std::string_view text);

}  // namespace mamori::documents
