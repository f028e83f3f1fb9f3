// The analyst view's reading of stored answers without a JSON parser: what it accepts it reads exactly as
// answers_of does; anything else (escapes, nesting, other types, trailing text) is refused whole.
#include "mamori/survey/stored_answers.hpp"

#include <gtest/gtest.h>

namespace mamori::survey {
namespace {

TEST(SurveyStoredAnswers, FlatAnswersAreReadWithoutAParser) {
    const std::vector<std::string> accepted = {
        answers_text({{"ehr_in_use", "yes"}, {"q10", "monthly"}}), "{}", " { \"a\" : \"b\" , \"c\":\"d\" } "};
    for (const auto& text : accepted) {
        Answers read;
        ASSERT_TRUE(for_each_answer(text, [&](std::string_view q, std::string_view o) { read[std::string(q)] = o; }))
            << text;
        EXPECT_EQ(read, answers_of(text)) << text;
    }
}

TEST(SurveyStoredAnswers, AnythingElseIsLeftToTheParser) {
    const std::vector<std::string> refused = {
        R"({"a":"b\"c"})", R"({"a":{"b":"c"}})", R"({"a":1})", R"({"a":"b"} x)", R"({"a":"b",})",
        R"({"a" "b"})",    R"(["a"])",           "",           R"({"a":"b)",    R"({"a":null})",
        "{\"a\":\"\xff\"}", R"({"a":"はい"})"};
    for (const auto& text : refused) {
        int visited = 0;
        EXPECT_FALSE(for_each_answer(text, [&](std::string_view, std::string_view) { ++visited; })) << text;
        EXPECT_EQ(visited, 0) << text;
    }
    Answers read;
    const std::string escaped = R"({"a":"b\"c","d":"e"})";
    EXPECT_EQ(answers_of(escaped), (Answers{{"a", "b\"c"}, {"d", "e"}})) << "the parser reads what it refused";
}

}  // namespace
}  // namespace mamori::survey
