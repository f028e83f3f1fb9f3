// A Letter as WordprocessingML: [Content_Types].xml, the package relationships, word/document.xml and a
// small word/styles.xml (Japanese font, Title and Heading 1 styles), zipped.
#include "mamori/documents/letter_docx.hpp"

#include <fmt/format.h>

#include "documents/zip_writer.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori::documents {

namespace {

constexpr int kContentTwips = 9638;  // A4 (11906 twips) less 20 mm margins (1134 twips) on each side

std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : printable_text(text)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                // Control characters other than tab and line feed are not allowed in XML 1.0.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
                out += c;
        }
    }
    return out;
}

// runs: the text as runs, each line break a <w:br/>.
std::string runs(std::string_view text, bool bold = false, int half_points = 0) {
    std::string props;
    if (bold) props += "<w:b/>";
    if (half_points > 0) props += fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", half_points);
    std::string out = props.empty() ? std::string("<w:r>") : fmt::format("<w:r><w:rPr>{}</w:rPr>", props);
    std::size_t start = 0;
    while (true) {
        const auto end = text.find('\n', start);
        out += fmt::format("<w:t xml:space=\"preserve\">{}</w:t>", escaped(text.substr(start, end - start)));
        if (end == std::string_view::npos) break;
        out += "<w:br/>";
        start = end + 1;
    }
    out += "</w:r>";
    return out;
}

std::string paragraph_xml(std::string_view text, std::string_view style = "", std::string_view align = "",
                          bool bold = false, int half_points = 0) {
    std::string ppr;
    if (!style.empty()) ppr += fmt::format("<w:pStyle w:val=\"{}\"/>", style);
    if (!align.empty()) ppr += fmt::format("<w:jc w:val=\"{}\"/>", align);
    return fmt::format("<w:p>{}{}</w:p>", ppr.empty() ? std::string() : fmt::format("<w:pPr>{}</w:pPr>", ppr),
                       runs(text, bold, half_points));
}

std::string cell_xml(std::string_view text, int width, bool shaded, int half_points) {
    return fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}</w:tcPr>{}</w:tc>", width,
                       shaded ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6E6E6\"/>" : "",
                       paragraph_xml(text.empty() ? " " : text, "", "", shaded, half_points));
}

std::string table_xml(const std::vector<std::vector<std::string>>& rows, const std::vector<int>& widths,
                      bool header_row, bool label_column, int half_points) {
    std::string out =
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>"
        "<w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/>"
        "<w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/>"
        "<w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
    for (const int w : widths) out += fmt::format("<w:gridCol w:w=\"{}\"/>", w);
    out += "</w:tblGrid>";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const bool header = header_row && r == 0;
        out += header ? "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
                      : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        for (std::size_t c = 0; c < widths.size(); ++c)
            out += cell_xml(c < rows[r].size() ? rows[r][c] : "", widths[c],
                            header || (label_column && c == 0), half_points);
        out += "</w:tr>";
    }
    // Word needs a paragraph between two tables, and one after a table at the end.
    out += "</w:tbl><w:p/>";
    return out;
}

std::string body_xml(const Letter& letter) {
    std::string out;
    if (!letter.reference.empty()) out += paragraph_xml(letter.reference, "", "right");
    if (!letter.date.empty()) out += paragraph_xml(letter.date, "", "right");
    if (!letter.addressee.empty()) out += paragraph_xml(letter.addressee, "", "", true);
    if (!letter.sender.empty()) out += paragraph_xml(letter.sender, "", "right");
    out += paragraph_xml(letter.title, "Title", "center");
    for (const auto& block : letter.blocks) {
        const int size = block.size > 0 ? static_cast<int>(block.size * 2) : 0;
        switch (block.kind) {
            case LetterBlock::Kind::heading: out += paragraph_xml(block.text, "Heading1"); break;
            case LetterBlock::Kind::paragraph: out += paragraph_xml(block.text, "", "", false, size); break;
            case LetterBlock::Kind::bullets:
                for (const auto& item : block.items)
                    out += paragraph_xml(fmt::format("・{}", item), "", "", false, size);
                break;
            case LetterBlock::Kind::table: {
                std::vector<std::vector<std::string>> rows;
                for (const auto& [label, value] : block.rows)
                    rows.push_back({label, value.empty() ? "—" : value});
                if (!rows.empty()) out += table_xml(rows, {2400, kContentTwips - 2400}, false, true, size);
                break;
            }
            case LetterBlock::Kind::grid: {
                double total = 0;
                for (const double w : block.widths) total += w;
                std::vector<int> widths;
                for (const double w : block.widths)
                    widths.push_back(total > 0 ? static_cast<int>(kContentTwips * w / total) : 1000);
                std::vector<std::vector<std::string>> rows{block.items};
                rows.insert(rows.end(), block.cells.begin(), block.cells.end());
                out += table_xml(rows, widths, true, false, size);
                break;
            }
        }
    }
    if (!letter.footer.empty()) out += paragraph_xml(letter.footer, "", "", false, 16);
    return out;
}

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(</Types>)";

constexpr std::string_view kPackageRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Sans CJK JP" w:hAnsi="Noto Sans CJK JP" w:eastAsia="Noto Sans CJK JP" w:cs="Noto Sans CJK JP"/>)"
    R"(<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="ja-JP" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault>)"
    R"(<w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr></w:pPrDefault></w:docDefaults>)"
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>)"
    R"(<w:pPr><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>)"
    R"(<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/>)"
    R"(<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr></w:pPr>)"
    R"(<w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>)"
    R"(</w:styles>)";

}  // namespace

std::string render_letter_docx(const Letter& letter) {
    const std::string document = fmt::format(
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{})"
        R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>)"
        R"(<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>)"
        R"(</w:sectPr></w:body></w:document>)",
        body_xml(letter));
    return write_zip({{"[Content_Types].xml", std::string(kContentTypes)},
                      {"_rels/.rels", std::string(kPackageRels)},
                      {"word/document.xml", document},
                      {"word/_rels/document.xml.rels", std::string(kDocumentRels)},
                      {"word/styles.xml", std::string(kStyles)}});
}

}  // namespace mamori::documents
