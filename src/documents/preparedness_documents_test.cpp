// The contact chart and the BCP draft: the text each carries (read back with pdftotext, and from the .docx
// through LibreOffice), the layout (one A4 page for a small chart) and that nothing internal is printed.
#include "mamori/documents/preparedness_documents.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "documents/zip_reader.hpp"
#include "mamori/documents/csv_writer.hpp"
#include "mamori/documents/letter_docx.hpp"
#include "testing/shell.hpp"

namespace mamori::documents {
namespace {

using mamori::testing::installed;
using mamori::testing::quoted;
using mamori::testing::read_file;
using mamori::testing::run_command;
using mamori::testing::soffice;
using mamori::testing::TempDir;
using mamori::testing::write_file;
using nlohmann::json;

PreparednessPapers sample() {
    PreparednessPapers p;
    p.organisation_name = "さくら内科クリニック";
    p.generated_at = "2026-12-07T01:00:00.000Z";
    p.chart = {{"reviewed_on", "2026-10-01"}, {"reviewer", "佐藤 花子"}};
    p.contacts = {
        {{"id", 1},
         {"kind", "internal"},
         {"role", "manager"},
         {"department", ""},
         {"person_name", "山田 太郎"},
         {"phone", "03-1234-5678"},
         {"email", ""},
         {"note", ""}},
        {{"id", 2},
         {"kind", "internal"},
         {"role", "security_officer"},
         {"department", ""},
         {"person_name", "佐藤 花子"},
         {"phone", "内線 201"},
         {"email", "sato@example.jp"},
         {"note", ""}},
        {{"id", 3},
         {"kind", "vendor"},
         {"system_id", 7},
         {"system_name", ""},
         {"organisation_name", "メディ電子株式会社"},
         {"person_name", "保守窓口"},
         {"phone", "0120-000-111"},
         {"email", ""},
         {"note", "24時間"}},
        {{"id", 4},
         {"kind", "external"},
         {"body", "ministry"},
         {"organisation_name", "厚生労働省 医療情報技術推進室"},
         {"person_name", ""},
         {"phone", ""},
         {"email", ""},
         {"note", "番号を確かめて記入"}},
        {{"id", 5},
         {"kind", "external"},
         {"body", "police"},
         {"organisation_name", "東京都警察 サイバー犯罪相談窓口"},
         {"person_name", ""},
         {"phone", nullptr},
         {"email", ""},
         {"note", "=cmd"}},
    };
    p.systems = {{7, "電子カルテ", "カルテPro 5", "メディ電子株式会社"}};
    p.backups = {{{"id", 10},
                  {"system_id", 7},
                  {"what", "カルテデータベース"},
                  {"frequency", "daily"},
                  {"generations", 7},
                  {"offline_copy", true},
                  {"offline_form", "separate_media"},
                  {"location", "院長室金庫"}}};
    p.restore_tests = {{{"id", 11},
                        {"backup_id", 10},
                        {"tested_on", "2026-09-01"},
                        {"restored", "前日分の全データ"},
                        {"minutes", 90},
                        {"result", "success"}}};
    p.drills = {{{"id", 12},
                 {"held_on", "2026-04-10"},
                 {"scenario", "records_unavailable"},
                 {"participants", "全職員"},
                 {"problems", "紙カルテの置き場所"},
                 {"follow_ups", "手順書を改訂"}}};
    p.bcp_answers = {
        {"1-1", {{"status", "done"}, {"note", "構成図あり"}, {"evidence", "ネットワーク構成図 2026年版"}}},
        {"1-2", nullptr},
        {"5-2", {{"status", "not_applicable"}, {"note", ""}, {"evidence", ""}}}};
    return p;
}

// pdf_text: the text of `pdf` as pdftotext reads it in drawing order. With MAMORI_DOCUMENT_DIR set, the PDF
// is also kept there to look at.
std::string pdf_text(const TempDir& dir, const std::string& pdf, const std::string& name) {
    write_file(dir.path() / (name + ".pdf"), pdf);
    if (const char* keep = std::getenv("MAMORI_DOCUMENT_DIR"))
        write_file(std::filesystem::path(keep) / (name + ".pdf"), pdf);
    const auto [code, output] =
        run_command("pdftotext -raw -enc UTF-8 " + quoted(dir.path() / (name + ".pdf")) + " " +
                    quoted(dir.path() / (name + ".txt")));
    EXPECT_EQ(code, 0) << output;
    return read_file(dir.path() / (name + ".txt"));
}

int pdf_pages(const TempDir& dir, const std::string& name) {
    const auto [code, output] = run_command("pdfinfo " + quoted(dir.path() / (name + ".pdf")));
    EXPECT_EQ(code, 0) << output;
    const auto at = output.find("Pages:");
    return at == std::string::npos ? 0 : std::stoi(output.substr(at + 6));
}

// squeezed: the text without spaces and line breaks (pdftotext breaks lines inside table cells).
std::string squeezed(std::string text) {
    std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\f'; });
    return text;
}

TEST(ContactChart, OneA4PageWithTheThreeSectionsNamesAndNumbers) {
    ASSERT_TRUE(installed("pdftotext", "poppler-utils"));
    TempDir dir;
    const auto pdf = render_letter_pdf(contact_chart_letter(sample(), preparedness::builtin_reference()));
    ASSERT_TRUE(pdf) << pdf.error().message;
    const auto text = squeezed(pdf_text(dir, *pdf, "chart"));
    EXPECT_EQ(pdf_pages(dir, "chart"), 1);
    for (const char* expected :
         {"連絡体制図", "院内", "システム事業者", "外部機関", "山田太郎", "03-1234-5678",
          "管理者（院長・理事長）", "電子カルテ", "メディ電子株式会社", "0120-000-111",
          "厚生労働省医療情報技術推進室", "（未記入）", "令和8年10月1日（佐藤花子）", "さくら内科クリニック"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    for (const char* internal : {"manager", "security_officer", "ministry", "internal"})
        EXPECT_EQ(text.find(internal), std::string::npos) << internal;
    const auto [code, output] = run_command("pdfinfo " + quoted(dir.path() / "chart.pdf"));
    EXPECT_NE(output.find("595.276 x 841.89"), std::string::npos) << output;  // A4 portrait
}

TEST(ContactChart, CsvListsEveryContactWithItsSection) {
    const auto csv = contact_chart_csv(sample(), preparedness::builtin_reference());
    EXPECT_TRUE(csv.starts_with(kCsvBom));
    EXPECT_NE(csv.find("区分,役割・機関,部署・システム,組織名,担当者,電話,メール,備考\r\n"),
              std::string::npos);
    EXPECT_NE(csv.find("院内,管理者（院長・理事長）,,,山田 太郎,03-1234-5678,,\r\n"), std::string::npos)
        << csv;
    EXPECT_NE(csv.find("システム事業者,,電子カルテ,メディ電子株式会社,保守窓口,0120-000-111,,24時間\r\n"),
              std::string::npos)
        << csv;
    // A note that a spreadsheet would take for a formula is guarded.
    EXPECT_NE(
        csv.find("外部機関,都道府県警察 サイバー犯罪相談窓口,,東京都警察 サイバー犯罪相談窓口,,,,'=cmd\r\n"),
        std::string::npos)
        << csv;
}

TEST(BcpDocument, PdfSaysItIsADraftAndCarriesEveryChapter) {
    ASSERT_TRUE(installed("pdftotext", "poppler-utils"));
    TempDir dir;
    const auto letter =
        bcp_letter(sample(), preparedness::builtin_reference(), preparedness::builtin_bcp_checklist());
    const auto pdf = render_letter_pdf(letter);
    ASSERT_TRUE(pdf) << pdf.error().message;
    const auto raw = pdf_text(dir, *pdf, "bcp");
    const auto text = squeezed(raw);
    const auto first_page = squeezed(raw.substr(0, raw.find('\f')));
    EXPECT_NE(first_page.find("自動で作成した下書きです"), std::string::npos) << first_page;
    EXPECT_NE(first_page.find("ひな形」そのものではありません"), std::string::npos);
    std::size_t last = 0;
    for (const char* chapter : {"第1章体制と連絡先", "第2章医療情報システム", "第3章バックアップと復旧",
                                "第4章初動対応", "第5章訓練", "第6章"}) {
        const auto at = text.find(chapter);
        ASSERT_NE(at, std::string::npos) << chapter;
        EXPECT_GT(at, last) << chapter << " is out of order";
        last = at;
    }
    for (const char* expected :
         {"カルテPro5", "カルテデータベース", "あり（別媒体・世代管理）", "成功", "90分",
          "ネットワークから切り離す", "紙運用などの代替手段に切り替える", "全職員",
          "診療情報・参照情報・オーダ情報を閲覧・入力できない", "対応済", "ネットワーク構成図2026年版",
          "未回答", "該当なし", "再発防止策の検討・策定", "この段階の確認項目はまだ収録していません"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    for (const char* internal :
         {"not_applicable", "records_unavailable", "separate_media", "disconnect_network"})
        EXPECT_EQ(text.find(internal), std::string::npos) << internal;
}

TEST(BcpDocument, DocxOpensInLibreOfficeWithItsHeadings) {
    ASSERT_TRUE(installed("soffice", "libreoffice-writer-nogui"));
    ASSERT_TRUE(installed("pdftotext", "poppler-utils"));
    TempDir dir;
    const auto docx = render_letter_docx(
        bcp_letter(sample(), preparedness::builtin_reference(), preparedness::builtin_bcp_checklist()));
    ASSERT_TRUE(docx.starts_with("PK"));
    auto zip = ZipArchive::open(docx);
    ASSERT_TRUE(zip);
    const auto document = zip->read("word/document.xml");
    ASSERT_TRUE(document);
    EXPECT_NE(document->find(
                  "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">第4章 初動対応"),
              std::string::npos);
    write_file(dir.path() / "bcp.docx", docx);
    if (const char* keep = std::getenv("MAMORI_DOCUMENT_DIR"))
        write_file(std::filesystem::path(keep) / "bcp.docx", docx);
    const auto [code, output] =
        run_command(soffice(dir) + " --convert-to pdf --outdir " + quoted(dir.path() / "out") + " " +
                    quoted(dir.path() / "bcp.docx"));
    ASSERT_EQ(code, 0) << output;
    const auto [text_code, text_output] =
        run_command("pdftotext -enc UTF-8 " + quoted(dir.path() / "out" / "bcp.pdf") + " " +
                    quoted(dir.path() / "bcp.txt"));
    ASSERT_EQ(text_code, 0) << text_output;
    const auto text = squeezed(read_file(dir.path() / "bcp.txt"));
    for (const char* expected :
         {"医療情報システムの事業継続計画（BCP）（案）", "第1章体制と連絡先", "第3章バックアップと復旧",
          "第4章初動対応", "第5章訓練", "自動で作成した下書きです", "メディ電子株式会社", "対応済"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
}

}  // namespace
}  // namespace mamori::documents
