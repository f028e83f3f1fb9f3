#include "mamori/documents/letter_pdf.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace mamori::documents {
namespace {

TEST(LetterPdf, JapaneseDates) {
    EXPECT_EQ(japanese_date("2026-12-06"), "令和8年12月6日");
    EXPECT_EQ(japanese_date("2019-05-01"), "令和元年5月1日");
    EXPECT_EQ(japanese_date("2019-04-30"), "2019年4月30日");
    // An instant is dated in Japan: 18:00 UTC is the next morning there.
    EXPECT_EQ(japanese_date("2026-12-06T18:00:00.000Z"), "令和8年12月7日");
    EXPECT_EQ(japanese_date("not a date"), "not a date");
}

TEST(LetterPdf, ALongLetterRunsOntoMorePages) {
    Letter letter{.date = "令和8年12月6日",
                  .addressee = "デモ総合病院　管理者　殿",
                  .sender = "デモ区保健所長",
                  .title = "改善指導書"};
    letter.blocks.push_back(table({{"対象項目", "2-⑤"}, {"改善期限", "令和9年1月31日"}}));
    const auto one = render_letter_pdf(letter);
    ASSERT_TRUE(one);
    EXPECT_EQ(one->substr(0, 5), "%PDF-");
    std::vector<std::string> many(200,
                                  "退職者や使用していないアカウント等、不要なアカウントを削除すること。");
    letter.blocks.push_back(bullets(many));
    const auto long_one = render_letter_pdf(letter);
    ASSERT_TRUE(long_one);
    const auto pages = [](const std::string& pdf) {
        std::size_t count = 0;
        for (std::size_t at = pdf.find("/Type /Page %"); at != std::string::npos;
             at = pdf.find("/Type /Page %", at + 1))
            ++count;
        return count;
    };
    EXPECT_GT(pages(*long_one), pages(*one));
}

// pdf_text_of: the text pdftotext reads from `pdf`.
std::string pdf_text_of(const std::string& pdf) {
    const auto dir = std::filesystem::temp_directory_path();
    const auto in = dir / ("mamori-letter-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                           "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".pdf");
    const auto out = std::filesystem::path(in).replace_extension(".txt");
    std::ofstream(in, std::ios::binary) << pdf;
    const std::string command = "pdftotext -enc UTF-8 '" + in.string() + "' '" + out.string() + "' 2>/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << "pdftotext (poppler-utils) is needed";
    std::stringstream text;
    text << std::ifstream(out, std::ios::binary).rdbuf();
    std::filesystem::remove(in);
    std::filesystem::remove(out);
    return text.str();
}

std::size_t occurrences(const std::string& text, const std::string& word) {
    std::size_t count = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++count;
    return count;
}

TEST(LetterPdf, AGridRepeatsItsHeaderOnEveryPage) {
    Letter letter{.title = "確認表"};
    std::vector<std::vector<std::string>> cells;
    for (int i = 1; i <= 60; ++i)
        cells.push_back({std::to_string(i), "項目の文言", "内容の文言がここに入る。", "はい", ""});
    letter.blocks.push_back(grid({"甲", "乙", "丙", "丁", "戊"},
                                 {1, 3, 5, 2, 2}, cells));
    const auto pdf = render_letter_pdf(letter);
    ASSERT_TRUE(pdf);
    const std::string text = pdf_text_of(*pdf);
    const std::size_t pages = occurrences(text, "\f");
    ASSERT_GE(pages, 2u) << "sixty rows do not fit one page";
    EXPECT_EQ(occurrences(text, "甲"), pages) << text;
    EXPECT_EQ(occurrences(text, "戊"), pages);
    EXPECT_EQ(occurrences(text, "内容の文言がここに入る。"), 60u);
}

}  // namespace
}  // namespace mamori::documents
