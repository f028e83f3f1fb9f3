// What the printed checklist (PDF, .xlsx) says and must not say: no catalog confidence marks, the edition
// notice when an earlier edition stands in for the year's, 「（第n版）」 never broken across lines, and the
// evidence annex. The PDF is read back with pdftotext (poppler-utils), as an inspector's tools would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "documents/sample_document.hpp"
#include "documents/test_zip.hpp"
#include "mamori/documents/pdf.hpp"
#include "mamori/documents/xlsx.hpp"

namespace mamori::documents {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::sample_document;

// pdf_text: the PDF's text as pdftotext extracts it (empty, with a test failure, if it cannot).
std::string pdf_text(const AssessmentDocument& doc) {
    auto pdf = render_pdf(doc);
    EXPECT_TRUE(pdf) << pdf.error().message;
    const auto dir = std::filesystem::temp_directory_path();
    const auto in = dir / ("mamori-printed-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                           "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".pdf");
    const auto out = std::filesystem::path(in).replace_extension(".txt");
    std::ofstream(in, std::ios::binary) << pdf.value_or("");
    // To look at what is tested: MAMORI_SCREENSHOT_DIR=/tmp/x keeps a copy of each PDF there.
    if (const char* keep = std::getenv("MAMORI_SCREENSHOT_DIR"))
        std::filesystem::copy_file(in, std::filesystem::path(keep) / in.filename(),
                                   std::filesystem::copy_options::overwrite_existing);
    const std::string command = "pdftotext -enc UTF-8 '" + in.string() + "' '" + out.string() + "' 2>/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << "pdftotext (poppler-utils) is needed";
    std::ifstream text(out, std::ios::binary);
    std::stringstream buffer;
    buffer << text.rdbuf();
    std::filesystem::remove(in);
    std::filesystem::remove(out);
    return buffer.str();
}

// xlsx_text: every part of the .xlsx (shared strings, sheets), as one text.
std::string xlsx_text(const AssessmentDocument& doc) {
    auto bytes = render_xlsx(doc);
    EXPECT_TRUE(bytes) << bytes.error().message;
    std::string all;
    for (const auto& e : testing::unzip(bytes.value_or(""))) all += e.data;
    return all;
}

AssessmentDocument unconfirmed_everywhere() {
    AssessmentDocument doc = sample_document({.rows = 14});
    for (auto& row : doc.rows) row.unconfirmed = true;
    return doc;
}

// A FY2026 (令和8年度) checklist answered with the 令和7年度版, the newest loaded.
AssessmentDocument stand_in_edition() {
    AssessmentDocument doc = sample_document({.rows = 5});
    doc.fiscal_year = 2026;
    doc.fiscal_year_ja = "令和8年度";
    doc.edition_id = "r7";
    doc.edition_fiscal_year = 2025;
    doc.edition_title_ja = "医療機関等におけるサイバーセキュリティ対策チェックリスト(令和7年度版)";
    return doc;
}

TEST(PrintedText, ThePdfShowsNoConfidenceMarks) {
    const std::string text = pdf_text(unconfirmed_everywhere());
    EXPECT_THAT(text, HasSubstr("要再確認"));  // the institution's own state stays
    EXPECT_THAT(text, Not(HasSubstr("未確認")));
    EXPECT_THAT(text, Not(HasSubstr("二次情報")));
    EXPECT_THAT(text, Not(HasSubstr("[S]")));
    EXPECT_THAT(text, Not(HasSubstr("[I]")));
}

TEST(PrintedText, TheXlsxShowsNoConfidenceMarks) {
    const std::string text = xlsx_text(unconfirmed_everywhere());
    EXPECT_THAT(text, HasSubstr("要再確認"));
    EXPECT_THAT(text, Not(HasSubstr("未確認")));
    EXPECT_THAT(text, Not(HasSubstr("二次情報")));
}

TEST(PrintedText, AStandInEditionIsNamedInThePdfAndTheXlsx) {
    const std::string notice = "令和8年度版が未登録のため、令和7年度版で点検しています。";
    EXPECT_THAT(pdf_text(stand_in_edition()), HasSubstr(notice));
    EXPECT_THAT(xlsx_text(stand_in_edition()), HasSubstr(notice));
    AssessmentDocument own = stand_in_edition();
    own.fiscal_year = 2025;
    own.fiscal_year_ja = "令和7年度";
    EXPECT_THAT(pdf_text(own), Not(HasSubstr("未登録")));
    EXPECT_THAT(xlsx_text(own), Not(HasSubstr("未登録")));
}

TEST(PrintedText, TheRevisionMarkIsNeverBrokenAcrossLines) {
    // Titles of every length around a line's width: wherever the wrap falls, 「（第2版）」 stays on one line.
    for (int extra = 0; extra < 40; ++extra) {
        AssessmentDocument doc = stand_in_edition();
        doc.edition_title_ja += std::string(static_cast<std::size_t>(extra) * 3, 'x');
        for (std::size_t i = 0; i < static_cast<std::size_t>(extra); ++i) doc.edition_title_ja += "版";
        EXPECT_THAT(pdf_text(doc), HasSubstr("（第2版）")) << "title padded by " << extra;
    }
}

TEST(PrintedText, ThePdfAnnexListsEachLinesEvidence) {
    AssessmentDocument doc = stand_in_edition();
    doc.rows[1].evidence = {{"file", "機器台帳2025.xlsx", "", 12'345},
                            {"link", "院内の手順書", "https://example.jp/manual", 0}};
    doc.rows[2].evidence = {{"file", "訓練記録.pdf", "", 900}};
    const std::string text = pdf_text(doc);
    EXPECT_THAT(text, HasSubstr("証拠資料一覧"));
    EXPECT_THAT(text, HasSubstr("機器台帳2025.xlsx（13 KB）"));
    EXPECT_THAT(text, HasSubstr("院内の手順書"));
    EXPECT_THAT(text, HasSubstr("https://example.jp/manual"));
    EXPECT_THAT(text, HasSubstr("訓練記録.pdf（900 バイト）"));
    EXPECT_THAT(text, HasSubstr("証拠資料のない行"));
}

TEST(PrintedText, NoAnnexWithoutEvidence) {
    EXPECT_THAT(pdf_text(sample_document({.rows = 4})), Not(HasSubstr("証拠資料一覧")));
}

}  // namespace
}  // namespace mamori::documents
