#include "mamori/core/json_limits.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mamori {
namespace {

std::string nested(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

TEST(FirstTooDeep, FindsTheBracketThatOpensOneLevelTooMany) {
    EXPECT_EQ(first_too_deep(nested(3), 3), std::nullopt);
    EXPECT_EQ(first_too_deep(nested(4), 3), std::optional<std::size_t>(3));
    EXPECT_EQ(first_too_deep(R"({"a":{"b":[1]}})", 2), std::optional<std::size_t>(10));
}

TEST(FirstTooDeep, IgnoresBracketsInsideStrings) {
    EXPECT_EQ(first_too_deep(R"({"a":"[[[[[[\"[[[["})", 1), std::nullopt);
}

TEST(ParseLimitedJson, RefusesAQuarterMillionLevelsWithoutRecursing) {
    // The body of the crash report: a login with a 250,000-deep array beside it.
    const std::string body = R"({"login":"a@b.example","password":"x","x":)" + nested(250'000) + "}";
    auto parsed = parse_limited_json(body, kMaxRequestNesting);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
    EXPECT_NE(parsed.error().message.find("deeper than 64 levels"), std::string::npos);
    EXPECT_NE(parsed.error().message.find("at byte 105"), std::string::npos) << parsed.error().message;
}

TEST(ParseLimitedJson, AcceptsNestingUpToTheLimit) {
    auto parsed = parse_limited_json(nested(kMaxRequestNesting), kMaxRequestNesting);
    ASSERT_TRUE(parsed);
    EXPECT_TRUE(parsed->is_array());
}

TEST(ParseLimitedJson, AnOutOfRangeNumberIsRefusedNamingItsField) {
    auto top = parse_limited_json(R"({"login":"a@b.example","password":1e400})", 8);
    ASSERT_FALSE(top);
    ASSERT_EQ(top.error().fields.size(), 1u);
    EXPECT_EQ(top.error().fields[0].field, "password");

    auto inner = parse_limited_json(R"({"answers":[{"value":"yes"},{"note":-1e999}]})", 8);
    ASSERT_FALSE(inner);
    ASSERT_EQ(inner.error().fields.size(), 1u);
    EXPECT_EQ(inner.error().fields[0].field, "answers[1].note");
}

TEST(ParseLimitedJson, AnOverlongKeyIsNotEchoedAsTheField) {
    auto parsed = parse_limited_json("{\"" + std::string(300, 'k') + "\":1e400}", 8);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().fields[0].field, "body");
}

TEST(ParseLimitedJson, MalformedTextNamesTheByte) {
    auto parsed = parse_limited_json<nlohmann::ordered_json>(R"({"a": tru})", 8, "$");
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("at byte"), std::string::npos);
    EXPECT_EQ(parsed.error().fields[0].field, "$");
}

}  // namespace
}  // namespace mamori
