#include "mamori/documents/letter_pdf.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace mamori::documents
