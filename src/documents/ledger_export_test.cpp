#include "ledger_export.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "mamori/documents/xlsx_table.hpp"

namespace mamori::documents {
namespace {

std::vector<std::string> row(std::string name) {
    std::vector<std::string> out(kLedgerColumnCount);
    out[0] = std::move(name);
    out[1] = "サーバ";
    out[2] = "本館2階 サーバ室";
    out[12] = "cpe:2.3:o:microsoft:windows_server_2019:-:*:*:*:*:*:*:*";
    out[17] = "2026-12-01";
    return out;
}

LedgerSheet sheet(int rows) {
    LedgerSheet s{
        .institution = "デモ総合病院", .printed_on = "2026-12-07", .conditions = "使用中のみ", .rows = {}};
    for (int i = 1; i <= rows; ++i) s.rows.push_back(row(fmt::format("電子カルテ端末 {:03}", i)));
    return s;
}

std::string pdf_pages_text(const std::string& pdf) {
    const auto dir =
        std::filesystem::temp_directory_path() / fmt::format("mamori-ledger-{}", std::random_device{}());
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "l.pdf", std::ios::binary) << pdf;
    const std::string command = fmt::format("pdftotext -layout -enc UTF-8 '{}' '{}'",
                                            (dir / "l.pdf").string(), (dir / "l.txt").string());
    EXPECT_EQ(std::system(command.c_str()), 0);
    std::stringstream text;
    text << std::ifstream(dir / "l.txt").rdbuf();
    std::filesystem::remove_all(dir);
    return text.str();
}

std::size_t count(const std::string& text, const std::string& word) {
    std::size_t n = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) ++n;
    return n;
}

TEST(LedgerExport, CsvHasABomJapaneseHeadersAndGuardsFormulas) {
    auto s = sheet(1);
    s.rows[0][3] = "=HYPERLINK(\"x\")";
    s.rows[0][4] = "山田, 太郎";
    s.rows[0][5] = "@vendor";
    const auto csv = render_ledger_csv(s);
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF名称,区分,設置場所,部署,管理者,", 0), 0u);
    EXPECT_NE(csv.find(",最終確認日\r\n"), std::string::npos);
    EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << csv;
    EXPECT_NE(csv.find("\"山田, 太郎\""), std::string::npos);
    EXPECT_NE(csv.find(",'@vendor,"), std::string::npos) << "guarded, and quoted only when needed";
}

TEST(LedgerExport, TheWorkbookHasATitleRowHeadersAndOneRowPerAsset) {
    const auto bytes = render_ledger_xlsx(sheet(3));
    ASSERT_TRUE(bytes) << bytes.error().message;
    const auto read = read_table_xlsx(*bytes, {.max_rows = 10, .max_columns = 20, .max_cell_bytes = 1024});
    ASSERT_TRUE(read) << read.error().message;
    ASSERT_EQ(read->rows.size(), 5u);
    EXPECT_EQ(read->rows[0].cells[0].text, "機器台帳　デモ総合病院　2026/12/07現在（使用中のみ）");
    EXPECT_EQ(read->rows[1].cells[0].text, "名称");
    EXPECT_EQ(read->rows[1].cells[17].text, "最終確認日");
    EXPECT_EQ(read->rows[4].cells[0].text, "電子カルテ端末 003");
}

TEST(LedgerExport, EveryPdfPageHasTheHeadAndItsNumber) {
    const auto pdf = render_ledger_pdf(sheet(120));
    ASSERT_TRUE(pdf) << pdf.error().message;
    ASSERT_EQ(pdf->rfind("%PDF", 0), 0u);
    const auto text = pdf_pages_text(*pdf);
    const auto pages = count(text, "\f");
    ASSERT_GE(pages, 2u) << "120 rows do not fit on one page";
    EXPECT_EQ(count(text, "機器台帳"), pages);
    EXPECT_EQ(count(text, "デモ総合病院"), pages);
    EXPECT_NE(text.find("windows_server"), std::string::npos);
    EXPECT_EQ(text.find(":*:*"), std::string::npos) << "CPE names without their trailing :*";
    EXPECT_EQ(count(text, "印刷日 2026/12/07"), pages);
    EXPECT_EQ(count(text, "最終確認日"), pages) << "the header row on every page";
    EXPECT_NE(text.find(fmt::format("{} / {} ページ", pages, pages)), std::string::npos);
    EXPECT_NE(text.find("電子カルテ端末 120"), std::string::npos);
    EXPECT_EQ(render_ledger_pdf(sheet(0)).value().rfind("%PDF", 0), 0u);
}

}  // namespace
}  // namespace mamori::documents
