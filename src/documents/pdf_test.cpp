#include "mamori/documents/pdf.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "documents/sample_document.hpp"

namespace mamori::documents {
namespace {

using ::testing::HasSubstr;
using testing::sample_document;
using ::testing::StartsWith;

std::string rendered(const AssessmentDocument& doc) {
    auto pdf = render_pdf(doc);
    EXPECT_TRUE(pdf) << pdf.error().message;
    return pdf.value_or("");
}

// page_count: the page objects of a PDF written by cairo ("/Type /Page", not "/Type /Pages").
std::size_t page_count(const std::string& pdf) {
    static const std::regex page(R"(/Type\s*/Page[^s])");
    return static_cast<std::size_t>(
        std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

// tall_rows: `count` rows in one section, each exactly `lines` lines tall (its note has that many lines).
AssessmentDocument tall_rows(std::size_t count, int lines) {
    AssessmentDocument doc = sample_document({.rows = 0});
    for (std::size_t i = 0; i < count; ++i) {
        DocumentRow row{.canonical_id = "IR-01",
                        .row_key = "main",
                        .number = "3-①",
                        .section_ja = "対応",
                        .text_ja = "連絡体制図がある。"};
        row.row_key = fmt::format("main{}", i);
        std::string note = "1行目";
        for (int l = 2; l <= lines; ++l) note += fmt::format("\n{}行目", l);
        row.answer = DocumentAnswer{.value = "yes", .confirmed_on = "2025-06-01", .note = note};
        doc.rows.push_back(row);
    }
    return doc;
}

TEST(Pdf, IsAPdf) {
    const std::string pdf = rendered(sample_document({.rows = 25}));
    EXPECT_THAT(pdf, StartsWith("%PDF-"));
    EXPECT_THAT(pdf.substr(pdf.size() - 8), HasSubstr("%%EOF"));
    EXPECT_THAT(pdf, HasSubstr("NotoSansCJKjp-Regular"));
    EXPECT_THAT(pdf, HasSubstr("NotoSansCJKjp-Bold"));
    EXPECT_THAT(pdf, HasSubstr("/MediaBox [ 0 0 595.27"));  // A4 portrait
}

TEST(Pdf, AnEmptyDraftIsOnePage) {
    EXPECT_EQ(page_count(rendered(sample_document({.rows = 0, .submitted = false}))), 1u);
}

// With 7.5 pt text a 15-line row is about 168 pt tall: three fit under the first page's header block, four on
// every later page (with over 20 pt to spare either way), and a row that does not fit moves whole to the
// next page.
TEST(Pdf, MovesWholeRowsToTheNextPage) {
    EXPECT_EQ(page_count(rendered(tall_rows(3, 15))), 1u);
    EXPECT_EQ(page_count(rendered(tall_rows(4, 15))), 2u);
    EXPECT_EQ(page_count(rendered(tall_rows(7, 15))), 2u);
    EXPECT_EQ(page_count(rendered(tall_rows(8, 15))), 3u);
    EXPECT_EQ(page_count(rendered(tall_rows(31, 15))), 8u);
}

TEST(Pdf, ARealisticDocumentTakesTwoPages) {
    EXPECT_EQ(page_count(rendered(sample_document({.rows = 25}))), 2u);
    EXPECT_EQ(page_count(rendered(sample_document({.rows = 25, .second_confirmation = true}))), 2u);
}

TEST(Pdf, CutsTextTooLongForAPageAndPrintsItAtTheEnd) {
    AssessmentDocument doc = sample_document({.rows = 6});
    for (auto& row : doc.rows) {
        if (!row.answer) row.answer = DocumentAnswer{.value = "no"};
        row.answer->note.clear();
        for (int i = 0; i < 200; ++i) row.answer->note += "長い備考の文章です。";
    }
    const std::string pdf = rendered(doc);
    const std::size_t pages = page_count(pdf);
    // Six rows cut to a third of a page each, then 12,000 characters of full text.
    EXPECT_GE(pages, 4u);
    EXPECT_LE(pages, 12u);
}

TEST(Pdf, SurvivesOddText) {
    AssessmentDocument doc = sample_document({.rows = 3});
    doc.institution_name = std::string("bad \xFF\xFE utf-8 \xE3\x81");
    doc.rows[0].text_ja = std::string(5000, 'W');  // one unbreakable word
    doc.rows[1].row_label_ja = "\t\r\n\n\n";
    doc.rows[2].number = "";
    doc.generated_at = "not a time";
    doc.submitted_at = "";
    EXPECT_THAT(rendered(doc), StartsWith("%PDF-"));
}

TEST(Pdf, TextStoredBeforeTheInputCheckNeverFailsTheExport) {
    // Notes saved before text_problem existed may hold noncharacters and control characters.
    AssessmentDocument doc = sample_document({.rows = 3});
    doc.institution_name = "さくら\xEF\xBF\xBEクリニック";
    const std::string notes[] = {"備考\xEF\xBF\xBF\xEF\xBF\xBE", std::string("nul \0 and escape \x1B", 22),
                                 "\xEF\xB7\x90\xF4\x8F\xBF\xBF"};
    for (std::size_t i = 0; i < 3; ++i)
        doc.rows[i].answer = DocumentAnswer{.value = "yes", .confirmed_on = "2025-06-01", .note = notes[i]};
    EXPECT_THAT(rendered(doc), StartsWith("%PDF-"));
}

}  // namespace
}  // namespace mamori::documents
