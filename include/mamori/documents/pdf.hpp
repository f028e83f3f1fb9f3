/// @file
/// @brief The assessment as a printable A4 PDF (portrait, 15 mm margins, Noto Sans CJK JP embedded as
/// subsets): the header with the institution and edition, a submission stamp (提出済 with date and
/// submitter, or 下書き), the answer table with the same columns as the .xlsx (header repeated on every
/// page, a row never split across pages), 要再確認 marks, an evidence annex and a footer with the generation time and
/// "page i / n". Legible in black and white. Text too long for one page's row is cut with a pointer to
/// its full text at the end of the document.
///
///     auto pdf = render_pdf(doc);   // Result<std::string>, starts with "%PDF"
#pragma once

#include <string>

#include "mamori/core/error.hpp"
#include "mamori/documents/assessment_document.hpp"

namespace mamori::documents {

// render_pdf: the PDF's bytes; internal errors only (cairo failing).
Result<std::string> render_pdf(const AssessmentDocument& doc);

}  // namespace mamori::documents
