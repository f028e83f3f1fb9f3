// The analyst view's reading of stored answers without a JSON parser: what it accepts it reads exactly as
// answers_of does; anything else (escapes, nesting, other types, trailing text) is refused whole.
#include "survey_records.hpp"

#include <gtest/gtest.h>

namespace mamori::services::survey_records {
namespace {

TEST(SurveyRecords, FlatAnswersAreReadWithoutAParser) {
    const std::vector<std::string> accepted = {
        answers_text({{"ehr_in_use", "yes"}, {"q10", "monthly"}}), "{}", " { \"a\" : \"b\" , \"c\":\"d\" } "};
    for (const auto& text : accepted) {
        survey::Answers read;
        ASSERT_TRUE(for_each_answer(text, [&](std::string_view q, std::string_view o) { read[std::string(q)] = o; }))
            << text;
        EXPECT_EQ(read, answers_of(text)) << text;
    }
}

TEST(SurveyRecords, AnythingElseIsLeftToTheParser) {
    const std::vector<std::string> refused = {
        R"({"a":"b\"c"})", R"({"a":{"b":"c"}})", R"({"a":1})", R"({"a":"b"} x)", R"({"a":"b",})",
        R"({"a" "b"})",    R"(["a"])",           "",           R"({"a":"b)",    R"({"a":null})"};
    for (const auto& text : refused) {
        int visited = 0;
        EXPECT_FALSE(for_each_answer(text, [&](std::string_view, std::string_view) { ++visited; })) << text;
        EXPECT_EQ(visited, 0) << text;
    }
    survey::Answers read;
    const std::string escaped = R"({"a":"b\"c","d":"e"})";
    EXPECT_EQ(answers_of(escaped), (survey::Answers{{"a", "b\"c"}, {"d", "e"}})) << "the parser reads what it refused";
}

}  // namespace
}  // namespace mamori::services::survey_records
