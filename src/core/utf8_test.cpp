#include "mamori/core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mamori {
namespace {

struct TextCase {
    std::string text;
    std::string problem;  // a part of the expected sentence; empty when the text is accepted
};

TEST(TextProblem, AcceptsWhatEveryOutputCarriesAndNamesWhatItCannot) {
    const std::vector<TextCase> cases = {
        {"", ""},
        {"医療情報システム　第2版", ""},
        {"line one\r\nline two\tTab", ""},
        {"\xF0\x9F\x8F\xA5 emoji and 𠮷野家", ""},
        {"\xEF\xBF\xBD replacement character itself", ""},
        {"note\xEF\xBF\xBE", "U+FFFE, which is not a character, at character 5"},
        {"\xEF\xBF\xBF", "U+FFFF"},
        {"a\xEF\xB7\x90", "U+FDD0"},
        {"\xF4\x8F\xBF\xBF", "U+10FFFF"},
        {"\xF0\x9F\xBF\xBE", "U+1FFFE"},
        {std::string("ab\0c", 4), "control character (U+0000) at character 3"},
        {"\x1B[31m", "U+001B"},
        {"\x7F", "U+007F"},
        {"\xC2\x85", "U+0085"},
        {"\xC0\xAF", "not valid UTF-8 (byte 1 of 2)"},
        {"\xED\xA0\x80", "not valid UTF-8"},
        {"\xF4\x90\x80\x80", "not valid UTF-8"},
        {"\xE5\xAE", "not valid UTF-8"},
        {"ok\x80", "not valid UTF-8 (byte 3 of 3)"},
    };
    for (const auto& c : cases) {
        const auto problem = text_problem(c.text);
        if (c.problem.empty()) {
            EXPECT_EQ(problem, std::nullopt) << c.text;
        } else {
            ASSERT_TRUE(problem) << c.problem;
            EXPECT_NE(problem->find(c.problem), std::string::npos) << *problem;
        }
    }
}

TEST(PrintableText, ReplacesOnlyWhatTextProblemRefuses) {
    EXPECT_EQ(printable_text("医療\r\n機関"), "医療\r\n機関");
    EXPECT_EQ(printable_text("a\xEF\xBF\xBE"
                             "b"),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(printable_text(std::string("a\0b", 3)),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(printable_text("\xE5\xAE"), "\xEF\xBF\xBD\xEF\xBF\xBD");
    for (const char* stored : {"x\xEF\xBF\xBF", "\xC0\xAF", "\x1B", "\xED\xA0\x80y"})
        EXPECT_EQ(text_problem(printable_text(stored)), std::nullopt) << stored;
}

}  // namespace
}  // namespace mamori
