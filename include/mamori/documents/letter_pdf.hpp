/// @file
/// @brief Short official documents as A4 PDFs (portrait, 15 mm margins, Noto Sans CJK JP, as the checklist
/// PDF): the inspection's 結果通知 and 改善指導 and the pre-visit package. A document number and date at the
/// top right, the addressee on the left, the sender on the right, a title, then blocks: paragraphs, headed
/// sections, two-column tables (a label and its value), bulleted lists and grids (a table of several
/// columns with a header row, repeated on every page). Every page has a footer with
/// "page i / n". Legible in black and white.
///
///     Letter letter{.title = "改善指導書", .addressee = "デモ総合病院 管理者 殿", …};
///     auto pdf = render_letter_pdf(letter);   // Result<std::string>, starts with "%PDF"
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::documents {

struct LetterBlock {
    enum class Kind { heading, paragraph, table, bullets, grid };
    Kind kind = Kind::paragraph;
    std::string text;                                       // heading, paragraph
    std::vector<std::pair<std::string, std::string>> rows;  // table: label, value
    std::vector<std::string> items;                         // bullets; grid: the header
    std::vector<double> widths;                             // grid: each column's share of the width
    std::vector<std::vector<std::string>> cells;            // grid: the rows, one text per column
    double size = 0;  // heading, paragraph, table, grid: the text's size in points (0: the letter's usual size)
};

struct Letter {
    std::string reference;  // 文書番号, may be empty
    std::string date;       // as printed: "令和8年12月6日"
    std::string addressee;  // "デモ総合病院　管理者　殿"
    std::string sender;     // "デモ区保健所長"
    std::string title;
    std::vector<LetterBlock> blocks;
    std::string footer;  // left of the page number
};

LetterBlock heading(std::string text);
LetterBlock paragraph(std::string text);
LetterBlock table(std::vector<std::pair<std::string, std::string>> rows);
LetterBlock bullets(std::vector<std::string> items);
// grid: a table with a header row; `widths` are shares of the page's width (normalised), one per column.
LetterBlock grid(std::vector<std::string> header, std::vector<double> widths,
                 std::vector<std::vector<std::string>> cells);

// large: the block with its text at `points` (a chart read from a step away).
LetterBlock large(LetterBlock block, double points);

// render_letter_pdf: the PDF's bytes; internal errors only (cairo failing).
Result<std::string> render_letter_pdf(const Letter& letter);

// japanese_date: "YYYY-MM-DD" (or the date of an ISO instant) as 令和n年m月d日; the text itself otherwise.
std::string japanese_date(std::string_view iso);

}  // namespace mamori::documents
