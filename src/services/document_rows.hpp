// The rows of a checklist document as the renderers print them, shared by the assessment's documents and
// the vendor form's (事業者確認用) documents.
#pragma once

#include <string>

#include "mamori/assessment/answer_rules.hpp"
#include "mamori/catalog/catalog.hpp"
#include "mamori/documents/assessment_document.hpp"

namespace mamori::services::document_rows {

// document_answer: an answer in the documents' terms (needs_reconfirmation false).
documents::DocumentAnswer document_answer(const assessment::Answer& answer);

// row_label: the printed label of `row` of `item` ("サーバ"), empty when the item has one unlabelled row.
std::string row_label(const catalog::Item& item, const catalog::Row& row);

}  // namespace mamori::services::document_rows
