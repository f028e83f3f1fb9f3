#include "mamori/core/json_fields.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mamori {
namespace {

using nlohmann::json;

// problems: each recorded problem as "path: message".
std::vector<std::string> problems(const FieldProblems& p) {
    std::vector<std::string> out;
    if (auto status = p.status(); !status)
        for (const auto& f : status.error().fields) out.push_back(f.field + ": " + f.message);
    return out;
}

TEST(JsonFields, NamesEachProblemByItsPathAndTreatsNullAsAbsent) {
    const json doc = json::parse(R"({"a": null, "b": "", "c": 7, "d": "ok"})");
    FieldProblems p;
    const JsonFields f(doc, "rows[2]", p);
    EXPECT_EQ(f.at("a"), "rows[2].a");
    EXPECT_FALSE(f.find("a"));
    EXPECT_TRUE(f.present("a"));
    EXPECT_FALSE(f.present("z"));
    EXPECT_EQ(f.text("a", 5), "");
    EXPECT_EQ(f.text("b", 5), "");
    EXPECT_EQ(f.text("c", 5), "");
    EXPECT_EQ(f.text("d", 5), "ok");
    EXPECT_EQ(f.text("d", 1), "");
    EXPECT_EQ(f.optional_text("a", 5), "");
    EXPECT_EQ(problems(p), (std::vector<std::string>{"rows[2].a: text of 1 to 5 characters is required",
                                                    "rows[2].b: text of 1 to 5 characters is required",
                                                    "rows[2].c: text of 1 to 5 characters is required",
                                                    "rows[2].d: text of 1 to 1 characters is required"}));
    // The same message, but each with the reason a page words: absent or empty is required, too long is
    // too_long, a number is neither.
    std::vector<std::string> reasons;
    const auto status = p.status();
    for (const auto& field : status.error().fields) reasons.push_back(field.reason);
    EXPECT_EQ(reasons, (std::vector<std::string>{"required", "required", "", "too_long"}));
}

TEST(JsonFields, MaybeTextUsesTheCallersWordingAndPassesAbsentMembers) {
    const json doc = json::parse(R"({"n": 1, "long": "abcdef", "bad": "a\u0007b", "good": "日本"})");
    FieldProblems p;
    const JsonFields f(doc, "", p);
    EXPECT_EQ(f.maybe_text("missing", 3, "not text", "wrong length"), std::nullopt);
    EXPECT_EQ(f.maybe_text("n", 3, "not text", "wrong length"), std::nullopt);
    EXPECT_EQ(f.maybe_text("long", 3, "not text", "wrong length"), std::nullopt);
    EXPECT_EQ(f.maybe_text("bad", 3, "not text", "wrong length"), std::nullopt);
    EXPECT_EQ(f.maybe_text("good", 2, "not text", "wrong length"), std::optional<std::string>("日本"));
    const auto found = problems(p);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0], "n: not text");
    EXPECT_EQ(found[1], "long: wrong length");
    EXPECT_EQ(found[2].rfind("bad: ", 0), 0u);
    EXPECT_NE(found[2], "bad: wrong length");
}

TEST(JsonFields, UrlsAreHttpsWithinTheLimitWithoutBlanks) {
    const json doc = json::parse(R"({"ok": "https://example.jp/a", "http": "http://example.jp", "space": "https://a b",
                                   "tab": "https://a\tb", "long": "https://example.jp/abcdef", "none": null})");
    FieldProblems p;
    const JsonFields f(doc, "source", p);
    EXPECT_EQ(f.url("ok", 20, "bad"), std::optional<std::string>("https://example.jp/a"));
    EXPECT_EQ(f.url("none", 20, "bad"), std::nullopt);
    EXPECT_EQ(f.url("absent", 20, "bad"), std::nullopt);
    EXPECT_EQ(f.url("http", 20, "bad"), std::nullopt);
    EXPECT_EQ(f.url("space", 20, "bad"), std::nullopt);
    EXPECT_EQ(f.url("tab", 20, "bad"), std::nullopt);
    EXPECT_EQ(f.url("long", 20, "bad"), std::nullopt);
    EXPECT_EQ(problems(p), (std::vector<std::string>{"source.http: bad", "source.space: bad", "source.tab: bad",
                                                    "source.long: bad"}));
}

TEST(JsonFields, WordsCodesYearsDatesAndLists) {
    constexpr std::string_view kinds[] = {"a", "b"};
    const json doc = json::parse(R"({"w": "b", "v": "c", "code": "x1", "year": 2024, "old": 1999,
                                   "day": "2024-02-29", "no_day": "2023-02-29", "flag": true, "list": [], "obj": {}})");
    FieldProblems p;
    const JsonFields f(doc, "", p);
    EXPECT_EQ(f.word("w", kinds), "b");
    EXPECT_EQ(f.word("v", kinds), "");
    EXPECT_EQ(f.matching("code", [](const std::string& s) { return s.size() == 2; }, "two bytes"), "x1");
    EXPECT_EQ(f.matching("w", [](const std::string& s) { return s.size() == 2; }, "two bytes"), "");
    EXPECT_EQ(f.year("year"), 2024);
    EXPECT_EQ(f.year("old"), 0);
    EXPECT_EQ(f.date("day"), std::chrono::year{2024} / 2 / 29);
    EXPECT_FALSE(f.date("no_day").ok());
    EXPECT_TRUE(f.boolean("flag"));
    EXPECT_TRUE(f.array("list", 0, 3));
    EXPECT_FALSE(f.array("list", 1, 3));
    EXPECT_TRUE(f.object("obj"));
    EXPECT_FALSE(f.object("list"));
    EXPECT_EQ(problems(p), (std::vector<std::string>{"v: one of a, b", "w: two bytes", "old: a fiscal year from 2000 to 2100",
                                                    "no_day: a date YYYY-MM-DD from 2000 to 2100",
                                                    "list: a list of 1 to 3 entries", "list: an object is required"}));
}

}  // namespace
}  // namespace mamori
