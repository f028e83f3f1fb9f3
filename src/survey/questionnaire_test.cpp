// Questionnaire files: the embedded MHLW hospital questionnaire says what the domain file says (its indicators
// exist in the indicators file, no text is presented as MHLW's), and broken copies are refused naming the file
// and the JSON path — cases as data: a change to a small valid file and the path it must name.
#include "mamori/survey/questionnaire.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mamori/statistics/indicators.hpp"

namespace mamori::survey {
namespace {

using nlohmann::json;

json small_file() {
    return json::parse(R"({
      "format": "mamori.survey-questionnaire", "format_version": 1, "id": "t",
      "title_ja": "調査", "title_en": "Survey", "targets": {"facility_kinds": ["hospital"]},
      "versions": [{"id": "2026", "fiscal_year": 2026, "opens": "2026-10-01", "closes": "2027-03-31",
                    "source": {"url": null, "confidence": "I", "note_ja": "注", "note_en": "note"}}],
      "questions": [
        {"id": "a", "versions": ["2026"], "number": "Q1", "text_ja": "問", "text_en": "Q", "wording": "mamori",
         "confidence": "V", "source": "https://example.org/a", "required": true, "options": "yes_no",
         "shown_if": null, "indicator": "cyber_bcp"},
        {"id": "b", "versions": ["2026"], "number": null, "text_ja": "問", "text_en": "Q", "wording": "mamori",
         "confidence": "?", "source": null, "required": false,
         "options": [{"id": "x", "label_ja": "エ", "label_en": "X"}, {"id": "y", "label_ja": "ワ", "label_en": "Y"}],
         "shown_if": {"question": "a", "options": ["yes"]}, "indicator": null}
      ]})");
}

TEST(Questionnaire, TheSmallFileParses) {
    const auto parsed = parse_questionnaire("t.json", small_file().dump());
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->versions.size(), 1u);
    const auto& v = parsed->versions[0];
    ASSERT_EQ(v.questions.size(), 2u);
    EXPECT_EQ(v.questions[0].options.size(), 2u);
    EXPECT_EQ(v.questions[0].options[0].label_ja, "はい");
    EXPECT_EQ(v.questions[1].number, std::nullopt);
    ASSERT_TRUE(v.questions[1].shown_if);
    EXPECT_EQ(v.questions[1].shown_if->question, "a");
    EXPECT_TRUE(parsed->targets("hospital"));
    EXPECT_FALSE(parsed->targets("clinic"));
    EXPECT_TRUE(v.open_on(std::chrono::year(2026) / 10 / 1));
    EXPECT_TRUE(v.open_on(std::chrono::year(2027) / 3 / 31));
    EXPECT_FALSE(v.open_on(std::chrono::year(2027) / 4 / 1));
    EXPECT_FALSE(v.open_on(std::chrono::year(2026) / 9 / 30));
}

struct BrokenCase {
    const char* name;
    const char* pointer;  // JSON pointer of the value to replace ("" = whole document)
    const char* value;    // JSON text
    const char* field;    // the JSON path the refusal must name
};

const BrokenCase kBroken[] = {
    {"format", "/format", R"("other")", "format"},
    {"format_version", "/format_version", "2", "format_version"},
    {"id", "/id", R"("Bad Id")", "id"},
    {"target_kind", "/targets/facility_kinds/0", R"("vendor")", "targets.facility_kinds[0]"},
    {"no_versions", "/versions", "[]", "versions"},
    {"version_year", "/versions/0/fiscal_year", "1999", "versions[0].fiscal_year"},
    {"opens_not_a_day", "/versions/0/opens", R"("2026-02-30")", "versions[0].opens"},
    {"closes_before_opens", "/versions/0/closes", R"("2026-09-30")", "versions[0].closes"},
    {"source_http", "/versions/0/source/url", R"("http://example.org")", "versions[0].source.url"},
    {"confidence", "/questions/0/confidence", R"("X")", "questions[0].confidence"},
    {"wording", "/questions/0/wording", R"("mhlw")", "questions[0].wording"},
    {"official_unverified", "/questions/1/wording", R"("official")", "questions[1].wording"},
    {"source_missing", "/questions/0/source", "null", "questions[0].source"},
    {"unknown_version", "/questions/0/versions/0", R"("2025")", "questions[0].versions[0]"},
    {"duplicate_id", "/questions/1/id", R"("a")", "questions[1].id"},
    {"one_option", "/questions/1/options", R"([{"id": "x", "label_ja": "エ", "label_en": "X"}])", "questions[1].options"},
    {"duplicate_option", "/questions/1/options/1/id", R"("x")", "questions[1].options[1].id"},
    {"label_empty", "/questions/1/options/0/label_ja", R"("")", "questions[1].options[0].label_ja"},
    {"options_word", "/questions/0/options", R"("many")", "questions[0].options"},
    {"shown_if_later", "/questions/1/shown_if/question", R"("b")", "questions[1].shown_if.question"},
    {"shown_if_unknown", "/questions/1/shown_if/question", R"("zzz")", "questions[1].shown_if.question"},
    {"shown_if_option", "/questions/1/shown_if/options/0", R"("maybe")", "questions[1].shown_if.options[0]"},
    {"number_long", "/questions/0/number", R"("Q1234567890123456789012")", "questions[0].number"},
    {"required_text", "/questions/0/required", R"("yes")", "questions[0].required"},
    {"text_control", "/questions/0/text_ja", "\"a\\u0000b\"", "questions[0].text_ja"},
    {"indicator_id", "/questions/0/indicator", R"("Cyber BCP")", "questions[0].indicator"},
};

class BrokenQuestionnaire : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenQuestionnaire, IsRefusedNamingTheFileAndThePath) {
    const auto& c = GetParam();
    auto doc = small_file();
    doc[json::json_pointer(c.pointer)] = json::parse(c.value);
    const auto parsed = parse_questionnaire("t.json", doc.dump());
    ASSERT_FALSE(parsed) << c.name;
    EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
    EXPECT_TRUE(parsed.error().message.starts_with("t.json: ")) << parsed.error().message;
    bool named = false;
    for (const auto& f : parsed.error().fields) named = named || f.field == c.field;
    EXPECT_TRUE(named) << c.name << ": " << parsed.error().message;
}

INSTANTIATE_TEST_SUITE_P(Cases, BrokenQuestionnaire, ::testing::ValuesIn(kBroken),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Questionnaire, LimitsOfSizeAndDepthAreRefused) {
    EXPECT_FALSE(parse_questionnaire("t.json", std::string(max_questionnaire_bytes + 1, ' ')));
    std::string deep = std::string(20, '[') + std::string(20, ']');
    const auto refused = parse_questionnaire("t.json", deep);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.starts_with("t.json: "));
    auto doc = small_file();
    json many = json::array();
    for (std::size_t i = 0; i <= max_options; ++i)
        many.push_back({{"id", fmt::format("o{}", i)}, {"label_ja", "x"}, {"label_en", "x"}});
    doc["questions"][1]["options"] = many;
    EXPECT_FALSE(parse_questionnaire("t.json", doc.dump()));
    EXPECT_FALSE(parse_questionnaire("t.json", "not json"));
    EXPECT_FALSE(parse_questionnaire("t.json", "[]"));
}

TEST(Questionnaire, TheEmbeddedMhlwHospitalSurveyIsTheDomainFiles) {
    const auto* q = find_questionnaire(builtin_questionnaires(), "mhlw-hospital");
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->facility_kinds, std::vector<std::string>{"hospital"});
    const auto* v2023 = find_version(*q, "2023");
    const auto* v2026 = find_version(*q, "2026");
    ASSERT_NE(v2023, nullptr);
    ASSERT_NE(v2026, nullptr);
    EXPECT_EQ(v2023->fiscal_year, 2022);
    EXPECT_EQ(v2026->fiscal_year, 2026);
    EXPECT_EQ(v2026->opens, std::chrono::year(2026) / 10 / 1);
    EXPECT_EQ(v2026->closes, std::chrono::year(2027) / 3 / 31);
    EXPECT_EQ(v2026->source.url, std::nullopt) << "mamori's edition has no MHLW source";
    EXPECT_EQ(v2023->source.confidence, "V");
    // Q10 with the domain file's five frequencies; the numbered ones are Q10, Q10-1, Q10-2, Q11, Q12, Q13.
    const auto* q10 = v2023->find_question("q10");
    ASSERT_NE(q10, nullptr);
    EXPECT_EQ(q10->options.size(), 5u);
    std::vector<std::string> numbers;
    for (const auto& question : v2023->questions)
        if (question.number) numbers.push_back(*question.number);
    EXPECT_EQ(numbers, (std::vector<std::string>{"Q10", "Q10-1", "Q10-2", "Q11", "Q12", "Q13"}));
    const auto& indicators = statistics::builtin_survey_indicators();
    for (const auto* v : {v2023, v2026})
        for (const auto& question : v->questions) {
            EXPECT_EQ(question.wording, "mamori") << question.id << ": the domain file paraphrases";
            if (question.indicator) {
                EXPECT_NE(statistics::find_indicator(indicators, *question.indicator), nullptr) << question.id;
            }
            if (!question.number) {
                EXPECT_NE(question.note.find("unknown"), std::string::npos) << question.id;
            }
        }
    const auto* drill = v2026->find_question("bcp_drill");
    ASSERT_NE(drill, nullptr);
    ASSERT_TRUE(drill->shown_if);
    EXPECT_EQ(drill->shown_if->question, "cyber_bcp");
    EXPECT_EQ(v2026->find_question("cyber_bcp")->indicator, "cyber_bcp");
    EXPECT_EQ(v2026->find_question("security_manager")->confidence, "?");
}

}  // namespace
}  // namespace mamori::survey
