/// @file
/// @brief The document-level fields render_xlsx stores in the hidden "mamori" sheet, as key/value text,
/// and how read_xlsx puts them back. One list, so writer and reader cannot drift apart.
///
///     for (const auto& [key, value] : document_metadata(doc)) write(key, value);
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/documents/assessment_document.hpp"

namespace mamori::documents {

// document_metadata: every stored field of `doc` as (key, text); numbers in decimal, booleans "1"/"0".
std::vector<std::pair<std::string_view, std::string>> document_metadata(const AssessmentDocument& doc);

// set_document_metadata: one stored field back into `doc`; unknown keys are ignored. `where` names the
// cell in errors.
Status set_document_metadata(AssessmentDocument& doc, std::string_view key, std::string_view value,
                             std::string_view where);

// required_metadata_keys: the keys a workbook must hold to be read back.
std::vector<std::string_view> required_metadata_keys();

}  // namespace mamori::documents
