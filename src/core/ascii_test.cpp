#include "mamori/core/ascii.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mamori {
namespace {

struct TrimCase {
    std::string text;
    std::string trimmed;
    std::string trimmed_blanks;
};

TEST(AsciiText, TrimmedTakesAllAsciiWhiteSpaceAndTrimmedBlanksOnlySpacesAndTabs) {
    const TrimCase cases[] = {
        {"  a b\t", "a b", "a b"},
        {"\r\n\v\fname\n", "name", "\r\n\v\fname\n"},
        {"\t 12.2(55)SE6 \r\n", "12.2(55)SE6", "12.2(55)SE6 \r\n"},
        {"\xE3\x80\x80x\xE3\x80\x80", "\xE3\x80\x80x\xE3\x80\x80",
         "\xE3\x80\x80x\xE3\x80\x80"},  // U+3000 kept
        {" \t ", "", ""},
        {"", "", ""},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(trimmed(c.text), c.trimmed) << c.text;
        EXPECT_EQ(trimmed_blanks(c.text), c.trimmed_blanks) << c.text;
    }
}

TEST(AsciiText, LowercaseChangesAsciiLettersOnly) {
    EXPECT_EQ(ascii_lowercase("Cisco IOS 12.2(55)SE6"), "cisco ios 12.2(55)se6");
    EXPECT_EQ(ascii_lowercase("ＡＢＣ Ä"), "ＡＢＣ Ä");  // full-width and non-ASCII letters untouched
    EXPECT_EQ(ascii_lower('@'), '@');
    EXPECT_EQ(ascii_lower('['), '[');
    EXPECT_EQ(ascii_lower('Z'), 'z');
    EXPECT_TRUE(is_ascii_space('\v'));
    EXPECT_FALSE(is_ascii_space('\0'));
    EXPECT_FALSE(is_ascii_space(static_cast<char>(0x85)));
}

}  // namespace
}  // namespace mamori
