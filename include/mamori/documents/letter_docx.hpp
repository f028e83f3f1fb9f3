/// @file
/// @brief A Letter (letter_pdf.hpp) as a Word document (.docx, WordprocessingML written here): A4 portrait,
/// the title, date, addressee and sender, then its blocks as Word headings (見出し 1), paragraphs, two-column
/// and several-column tables with borders (header rows repeated on each page) and bulleted lines, so that
/// an institution can edit it. The footer text goes at the end.
///
///     auto docx = render_letter_docx(letter);   // bytes of a zip, starts with "PK"
#pragma once

#include <string>

#include "mamori/documents/letter_pdf.hpp"

namespace mamori::documents {

std::string render_letter_docx(const Letter& letter);

}  // namespace mamori::documents
