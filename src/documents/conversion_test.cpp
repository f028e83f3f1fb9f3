// The documents as other programs see them: LibreOffice opens the .xlsx (and saves it back, which
// read_xlsx must still read), poppler draws every page of the PDF and finds every font embedded. These
// tools are required (scripts/setup.sh installs libreoffice-calc-nogui and poppler-utils): a missing one
// fails the test.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "documents/sample_document.hpp"
#include "mamori/documents/pdf.hpp"
#include "mamori/documents/xlsx.hpp"
#include "testing/shell.hpp"

namespace mamori::documents {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using mamori::testing::CommandResult;
using mamori::testing::installed;
using mamori::testing::quoted;
using mamori::testing::read_file;
using mamori::testing::soffice;
using mamori::testing::TempDir;
using mamori::testing::write_file;
using mamori::testing::run_command;

// realistic: 20 rows with every kind of answer, long notes and the 2回目 columns.
AssessmentDocument realistic() {
    AssessmentDocument doc = testing::sample_document({.rows = 20, .second_confirmation = true});
    doc.rows[5].answer->note =
        "保守契約の更新時に事業者と協議する。\n見積り取得済み(2025年5月)"
        "、院内の情報システム委員会で承認待ち。"
        "委員会は毎月第2火曜日に開催、次回は7月。承認後、令和8年3月末までに導入予定。";
    doc.rows[8].answer->note = std::string(60, 'A') + " 長い英数字の記入 " + std::string(60, '1');
    return doc;
}

TEST(Conversion, LibreOfficeOpensTheXlsx) {
    ASSERT_TRUE(installed("soffice", "libreoffice-calc-nogui"));
    TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    const AssessmentDocument doc = realistic();
    auto xlsx = render_xlsx(doc);
    ASSERT_TRUE(xlsx) << xlsx.error().message;
    write_file(dir.path() / "checklist.xlsx", *xlsx);

    const CommandResult converted =
        run_command(soffice(dir) + " --convert-to " + std::string(mamori::testing::kLibreOfficeCsv) +
            " --outdir " +
            quoted(dir.path() / "out") + " " + quoted(dir.path() / "checklist.xlsx"));
    ASSERT_EQ(converted.exit_code, 0) << converted.output;
    const std::string csv = read_file(dir.path() / "out" / "checklist.csv");
    EXPECT_THAT(csv, HasSubstr(doc.institution_name)) << converted.output;
    EXPECT_THAT(csv, HasSubstr("はい"));
    EXPECT_THAT(csv, HasSubstr("記入不要"));
    EXPECT_THAT(csv, HasSubstr("確認不要"));
    EXPECT_THAT(csv, HasSubstr("2025/06/01"));
    EXPECT_THAT(csv, HasSubstr("要再確認"));
}

TEST(Conversion, AWorkbookSavedByLibreOfficeReadsBack) {
    ASSERT_TRUE(installed("soffice", "libreoffice-calc-nogui"));
    TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    const AssessmentDocument doc = realistic();
    auto xlsx = render_xlsx(doc);
    ASSERT_TRUE(xlsx) << xlsx.error().message;
    write_file(dir.path() / "checklist.xlsx", *xlsx);

    const CommandResult converted =
        run_command(soffice(dir) + " --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir " +
            quoted(dir.path() / "out") + " " + quoted(dir.path() / "checklist.xlsx"));
    ASSERT_EQ(converted.exit_code, 0) << converted.output;
    const std::string saved = read_file(dir.path() / "out" / "checklist.xlsx");
    ASSERT_FALSE(saved.empty()) << converted.output;
    ASSERT_NE(saved, *xlsx);
    auto back = read_xlsx(saved);
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_EQ(back->rows.size(), doc.rows.size());
    for (std::size_t i = 0; i < doc.rows.size(); ++i) {
        SCOPED_TRACE("row " + std::to_string(i));
        EXPECT_EQ(back->rows[i].canonical_id, doc.rows[i].canonical_id);
        EXPECT_EQ(back->rows[i].row_key, doc.rows[i].row_key);
        EXPECT_EQ(back->rows[i].number, doc.rows[i].number);
        ASSERT_EQ(back->rows[i].answer.has_value(), doc.rows[i].answer.has_value());
        if (!doc.rows[i].answer) continue;
        DocumentAnswer expected = *doc.rows[i].answer;
        // LibreOffice keeps a line break in a cell as LF alone.
        std::erase(expected.note, '\r');
        EXPECT_EQ(back->rows[i].answer->note, expected.note);
        EXPECT_EQ(*back->rows[i].answer, expected);
    }
    EXPECT_EQ(back->assessment_id, doc.assessment_id);
    EXPECT_EQ(back->edition_id, doc.edition_id);
}

TEST(Conversion, PopplerDrawsEveryPageWithEmbeddedFonts) {
    ASSERT_TRUE(installed("pdftoppm", "poppler-utils"));
    ASSERT_TRUE(installed("pdffonts", "poppler-utils"));
    ASSERT_TRUE(installed("pdfinfo", "poppler-utils"));
    TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    AssessmentDocument doc = realistic();
    for (int i = 0; i < 3; ++i) {
        auto more = realistic().rows;  // 80 rows: several pages
        for (auto& row : more) row.row_key += fmt::format("-{}", i);
        doc.rows.insert(doc.rows.end(), more.begin(), more.end());
    }
    auto pdf = render_pdf(doc);
    ASSERT_TRUE(pdf) << pdf.error().message;
    write_file(dir.path() / "checklist.pdf", *pdf);

    const CommandResult info = run_command("pdfinfo " + quoted(dir.path() / "checklist.pdf"));
    ASSERT_EQ(info.exit_code, 0) << info.output;
    const auto pages_at = info.output.find("Pages:");
    ASSERT_NE(pages_at, std::string::npos) << info.output;
    const int pages = std::atoi(info.output.c_str() + pages_at + 6);
    EXPECT_GE(pages, 4) << info.output;
    EXPECT_THAT(info.output, HasSubstr("A4"));

    const CommandResult drawn = run_command("pdftoppm -r 50 -png " + quoted(dir.path() / "checklist.pdf") + " " +
                                    quoted(dir.path() / "page"));
    ASSERT_EQ(drawn.exit_code, 0) << drawn.output;
    EXPECT_EQ(drawn.output, "");  // no syntax errors or warnings
    int images = 0;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        if (entry.path().extension() != ".png") continue;
        ++images;
        EXPECT_GT(entry.file_size(), 5000u) << entry.path();
    }
    EXPECT_EQ(images, pages);

    const CommandResult fonts = run_command("pdffonts " + quoted(dir.path() / "checklist.pdf"));
    ASSERT_EQ(fonts.exit_code, 0) << fonts.output;
    std::istringstream lines(fonts.output);
    std::string line;
    int listed = 0;
    for (int n = 0; std::getline(lines, line); ++n) {
        if (n < 2 || line.empty()) continue;  // the header and its rule
        std::istringstream words(line);
        std::vector<std::string> columns{std::istream_iterator<std::string>(words), {}};
        ASSERT_GE(columns.size(), 7u) << line;
        EXPECT_EQ(columns[columns.size() - 5], "yes") << "not embedded: " << line;
        ++listed;
    }
    EXPECT_EQ(listed, 2) << fonts.output;  // Noto Sans CJK JP regular and bold
}

}  // namespace
}  // namespace mamori::documents
