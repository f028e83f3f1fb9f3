#include "text.hpp"

#include <gtest/gtest.h>

namespace mamori::catalog {
namespace {

TEST(CatalogText, JapaneseMeansKanaOrKanji) {
    EXPECT_TRUE(contains_japanese("体制構築"));
    EXPECT_TRUE(contains_japanese("USBストレージ"));
    EXPECT_TRUE(contains_japanese("はい"));
    EXPECT_TRUE(contains_japanese("ｱｶｳﾝﾄ"));  // half-width katakana
    EXPECT_FALSE(contains_japanese("MDS/SDS"));
    EXPECT_FALSE(contains_japanese("①②"));  // circled numbers are not Japanese text
    EXPECT_FALSE(contains_japanese(""));
    EXPECT_FALSE(contains_japanese("\xE3"));  // a cut-off sequence is not read past the end
}

TEST(CatalogText, PrintedNumbersFollowTheEditionStyle) {
    const auto paren = parse_printed_number("2-(7)", NumberingStyle::paren);
    ASSERT_TRUE(paren);
    EXPECT_EQ(paren->section, 2);
    EXPECT_EQ(paren->ordinal, 7);
    const auto circled = parse_printed_number("2-⑬", NumberingStyle::circled);
    ASSERT_TRUE(circled);
    EXPECT_EQ(circled->ordinal, 13);
    EXPECT_EQ(parse_printed_number("3-㉑", NumberingStyle::circled)->ordinal, 21);
    EXPECT_EQ(parse_printed_number("3-㊱", NumberingStyle::circled)->ordinal, 36);
    EXPECT_FALSE(parse_printed_number("2-⑦", NumberingStyle::paren));
    EXPECT_FALSE(parse_printed_number("2-(7)", NumberingStyle::circled));
    EXPECT_FALSE(parse_printed_number("2-(0)", NumberingStyle::paren));
    EXPECT_FALSE(parse_printed_number("0-(1)", NumberingStyle::paren));
    EXPECT_FALSE(parse_printed_number("2-⑦⑦", NumberingStyle::circled));
    EXPECT_FALSE(parse_printed_number("2(7)", NumberingStyle::paren));
}

TEST(CatalogText, UrlsAndDates) {
    EXPECT_TRUE(is_url("https://www.mhlw.go.jp/content/10808000/001490745.pdf"));
    EXPECT_TRUE(is_url("http://example.org/a"));
    EXPECT_FALSE(is_url("ftp://example.org"));
    EXPECT_FALSE(is_url("https://"));
    EXPECT_FALSE(is_url("https://example.org/a b"));
    EXPECT_EQ(date_precision("2025"), "year");
    EXPECT_EQ(date_precision("2023-10"), "month");
    EXPECT_EQ(date_precision("2025-05-16"), "day");
    EXPECT_FALSE(date_precision("2025-02-30"));
    EXPECT_FALSE(date_precision("2025-13"));
    EXPECT_FALSE(date_precision("2025-5"));
    EXPECT_FALSE(date_precision("令和7年"));
}

TEST(CatalogText, LineAndColumnCountCharacters) {
    const std::string text = "{\n  \"a\": \"あい\", x\n}";
    const auto x = text.find('x');
    EXPECT_EQ(line_and_column(text, x), (std::pair<std::size_t, std::size_t>{2, 14}));
    EXPECT_EQ(line_and_column(text, 0), (std::pair<std::size_t, std::size_t>{1, 1}));
}

}  // namespace
}  // namespace mamori::catalog
