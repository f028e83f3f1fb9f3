// The .xlsx of a statistics sheet as other programs see it: LibreOffice opens it and shows the same cells as
// render_csv writes (numbers, percentages as shown, empty where suppressed); the cells are typed (numbers are
// NUMBER cells, a hidden value is no cell at all). soffice is required (scripts/setup.sh installs it).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "documents/zip_reader.hpp"
#include "mamori/statistics/sheets.hpp"
#include "statistics/sheet_test_csv.hpp"
#include "statistics/sheet_test_data.hpp"
#include "testing/shell.hpp"

namespace mamori::statistics {
namespace {

namespace fs = std::filesystem;
using namespace statistics::testing;
using mamori::testing::installed;
using mamori::testing::quoted;
using mamori::testing::read_file;
using mamori::testing::run_command;
using mamori::testing::soffice;
using mamori::testing::TempDir;
using mamori::testing::write_file;

// without_empty: the records with trailing empty fields dropped and empty records left out (LibreOffice
// writes a row as wide as the sheet, render_csv only as wide as the row).
Records without_empty(Records records) {
    Records out;
    for (auto& record : records) {
        while (!record.empty() && record.back().empty()) record.pop_back();
        if (!record.empty()) out.push_back(std::move(record));
    }
    return out;
}

std::vector<Sheet> sample_sheets() {
    auto context = item_context(Language::ja);
    std::vector<Sheet> sheets;
    sheets.push_back(*item_table_sheet(item_by_prefecture(), prefecture_labels(), context));
    sheets.push_back(
        *cross_table_sheet(cross_by_bed_band(), prefecture_labels(), bed_band_labels(), context));
    sheets.push_back(*rate_table_sheet(rates_by_bed_band(), bed_band_labels(), item_context(Language::en)));
    sheets.push_back(ratio_sheet());
    return sheets;
}

TEST(StatisticsSheetXlsx, LibreOfficeShowsTheSameCellsAsTheCsv) {
    ASSERT_TRUE(installed("soffice", "libreoffice-calc-nogui"));
    TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    const auto sheets = sample_sheets();
    std::string inputs;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const auto xlsx = render_xlsx(sheets[i]);
        ASSERT_TRUE(xlsx) << xlsx.error().message;
        const auto path = dir.path() / ("sheet" + std::to_string(i) + ".xlsx");
        write_file(path, *xlsx);
        inputs += ' ';
        inputs += quoted(path);
    }
    // Cells as shown: a percentage as "57.7%".
    const auto [code, output] = run_command(soffice(dir) + " --convert-to " +
                                            std::string(mamori::testing::kLibreOfficeCsv) + " --outdir " +
                                            quoted(dir.path() / "out") + inputs);
    ASSERT_EQ(code, 0) << output;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        SCOPED_TRACE(sheets[i].title);
        const auto shown = read_file(dir.path() / "out" / ("sheet" + std::to_string(i) + ".csv"));
        ASSERT_FALSE(shown.empty()) << output;
        const auto expected = without_empty(parse_csv(render_csv(sheets[i])));
        const auto actual = without_empty(parse_csv(shown));
        EXPECT_EQ(actual, expected);
    }
}

// cell_xml: the <c> element of `reference` (e.g. "B10") in the worksheet, or "" when there is none.
std::string cell_xml(const std::string& worksheet, const std::string& reference) {
    std::smatch match;
    const std::regex cell("<c r=\"" + reference + "\"[^>]*(/>|>.*?</c>)");
    return std::regex_search(worksheet, match, cell) ? match.str() : std::string();
}

TEST(StatisticsSheetXlsx, NumbersAreNumberCellsAndHiddenValuesNoCells) {
    const auto sheet =
        item_table_sheet(item_by_prefecture(), prefecture_labels(), item_context(Language::ja));
    ASSERT_TRUE(sheet);
    const auto xlsx = render_xlsx(*sheet);
    ASSERT_TRUE(xlsx) << xlsx.error().message;
    auto zip = documents::ZipArchive::open(*xlsx);
    ASSERT_TRUE(zip) << zip.error().message;
    const auto worksheet = zip->read("xl/worksheets/sheet1.xml");
    ASSERT_TRUE(worksheet) << worksheet.error().message;
    // Row 1 title, rows 2-6 the five notes, row 7 empty, row 8 the header, row 9 東京都 (52, 30, 57.7%,
    // hidden…).
    const std::string tokyo = "9";
    EXPECT_NE(cell_xml(*worksheet, "A" + tokyo).find("t=\"s\""), std::string::npos);  // a shared string
    EXPECT_NE(cell_xml(*worksheet, "B" + tokyo).find("<v>52</v>"), std::string::npos);
    EXPECT_EQ(cell_xml(*worksheet, "B" + tokyo).find("t=\""), std::string::npos);  // a number
    const auto ratio = cell_xml(*worksheet, "D" + tokyo);
    EXPECT_NE(ratio.find("<v>0.5769"), std::string::npos) << ratio;
    EXPECT_NE(ratio.find(" s=\""), std::string::npos) << ratio;  // with the percentage format
    EXPECT_EQ(cell_xml(*worksheet, "E" + tokyo), "");            // いいえ: hidden
    EXPECT_EQ(cell_xml(*worksheet, "F" + tokyo), "");
    EXPECT_EQ(cell_xml(*worksheet, "B10"), "");  // 沖縄県: hidden whole
    const auto styles = zip->read("xl/styles.xml");
    ASSERT_TRUE(styles);
    EXPECT_NE(styles->find("formatCode=\"0.0%\""), std::string::npos);
}

}  // namespace
}  // namespace mamori::statistics
