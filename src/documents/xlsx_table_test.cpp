// A plain table written by render_table_xlsx and read back by read_table_xlsx, also after a spreadsheet made
// a typed date into a date serial, and with a cell over the limit.
#include <gtest/gtest.h>

#include <regex>

#include "documents/test_zip.hpp"
#include "mamori/documents/xlsx_table.hpp"

namespace mamori::documents {
namespace {

XlsxTable sample() {
    return {.sheet_name = "年度計画",
            .title = "立入検査の年度計画",
            .headers = {"医療機関コード", "医療機関名", "予定日"},
            .rows = {{"9913000000001", "デモ総合病院", "2026-12-20"}, {"9913000000002", "", "未定"}}};
}

// with_cell: the rendered workbook with the sheet's cell `reference` replaced by `cell` (XML).
std::string with_cell(const std::string& bytes, const std::string& reference, const std::string& cell) {
    return testing::edit_entry(bytes, "xl/worksheets/sheet1.xml", [&](std::string xml) {
        return std::regex_replace(xml, std::regex("<c r=\"" + reference + "\"[^>]*>.*?</c>"), cell);
    });
}

TEST(XlsxTable, RowsComeBackWithTheirSheetRowNumbers) {
    auto bytes = render_table_xlsx(sample());
    ASSERT_TRUE(bytes.has_value());
    auto sheet = read_table_xlsx(*bytes, {});
    ASSERT_TRUE(sheet.has_value()) << sheet.error().message;
    EXPECT_EQ(sheet->sheet_name, "年度計画");
    ASSERT_EQ(sheet->rows.size(), 4u);  // title, header, two rows (row 2 is empty)
    EXPECT_EQ(sheet->rows[0].row, 1u);
    EXPECT_EQ(sheet->rows[0].cells[0].text, "立入検査の年度計画");
    EXPECT_EQ(sheet->rows[1].row, 3u);
    EXPECT_EQ(sheet->rows[1].cells[2].text, "予定日");
    EXPECT_EQ(sheet->rows[2].cells[1].text, "デモ総合病院");
    EXPECT_EQ(sheet->rows[3].row, 5u);
    ASSERT_EQ(sheet->rows[3].cells.size(), 3u);
    EXPECT_EQ(sheet->rows[3].cells[1].text, "");
    EXPECT_FALSE(sheet->rows[3].cells[2].date);
}

TEST(XlsxTable, ADateSerialReadsAsItsDateAndLimitsNameTheCell) {
    auto bytes = render_table_xlsx(sample());
    ASSERT_TRUE(bytes.has_value());
    auto typed = read_table_xlsx(with_cell(*bytes, "C4", "<c r=\"C4\"><v>46376</v></c>"), {});
    ASSERT_TRUE(typed.has_value()) << typed.error().message;
    EXPECT_EQ(typed->rows[2].cells[2].text, "46376");
    EXPECT_EQ(typed->rows[2].cells[2].date, "2026-12-20");
    EXPECT_FALSE(typed->rows[2].cells[0].date) << "a facility id is no date serial";

    auto tight = read_table_xlsx(*bytes, {.max_rows = 10, .max_columns = 2, .max_cell_bytes = 12});
    ASSERT_FALSE(tight.has_value());
    EXPECT_EQ(tight.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(tight.error().fields.at(0).field, "年度計画!A1");
    auto narrow = read_table_xlsx(*bytes, {.max_rows = 10, .max_columns = 1, .max_cell_bytes = 100});
    ASSERT_TRUE(narrow.has_value());
    EXPECT_EQ(narrow->rows[2].cells.size(), 1u);

    EXPECT_FALSE(read_table_xlsx("PK\x03\x04 not a zip", {}).has_value());
}

}  // namespace
}  // namespace mamori::documents
