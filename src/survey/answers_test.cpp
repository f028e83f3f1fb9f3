// The rules of one response on a small hand-made version, cases as data: what is shown, which answers are
// refused (naming answers.<id>), which required questions are still open.
#include <gtest/gtest.h>

#include "mamori/survey/questionnaire.hpp"

namespace mamori::survey {
namespace {

Question question(std::string id, std::vector<std::string> options, std::optional<ShownIf> shown_if = {},
                  bool required = true) {
    Question q;
    q.id = std::move(id);
    for (auto& o : options) q.options.push_back({o, o, o});
    q.shown_if = std::move(shown_if);
    q.required = required;
    return q;
}

// ehr → backup (if ehr = yes) → generations (if backup is monthly or quarterly); bcp; drill (if bcp = yes);
// note (optional).
Version version() {
    Version v;
    v.id = "t";
    v.questions = {question("ehr", {"yes", "no"}),
                   question("backup", {"monthly", "quarterly", "never"}, ShownIf{"ehr", {"yes"}}),
                   question("generations", {"yes", "no"}, ShownIf{"backup", {"monthly", "quarterly"}}),
                   question("bcp", {"yes", "no"}),
                   question("drill", {"yes", "no"}, ShownIf{"bcp", {"yes"}}),
                   question("note", {"yes", "no"}, std::nullopt, false)};
    return v;
}

struct ShownCase {
    const char* question;
    Answers answers;
    bool shown;
};

TEST(SurveyAnswers, ShownFollowsTheChainOfConditions) {
    const ShownCase cases[] = {
        {"ehr", {}, true},
        {"backup", {}, false},
        {"backup", {{"ehr", "no"}}, false},
        {"backup", {{"ehr", "yes"}}, true},
        {"generations", {{"ehr", "yes"}, {"backup", "quarterly"}}, true},
        {"generations", {{"ehr", "yes"}, {"backup", "never"}}, false},
        // backup's own condition fails: generations is hidden though backup's answer would show it.
        {"generations", {{"ehr", "no"}, {"backup", "monthly"}}, false},
        {"drill", {{"bcp", "yes"}}, true},
        {"drill", {{"bcp", "no"}}, false},
    };
    const auto v = version();
    for (const auto& c : cases)
        EXPECT_EQ(shown(v, *v.find_question(c.question), c.answers), c.shown) << c.question;
}

struct ValidateCase {
    const char* name;
    Answers answers;
    std::vector<std::pair<std::string, std::string>> errors;  // field, reason
};

TEST(SurveyAnswers, ValidateNamesEachBadAnswer) {
    const ValidateCase cases[] = {
        {"empty", {}, {}},
        {"full", {{"ehr", "yes"}, {"backup", "monthly"}, {"generations", "no"}, {"bcp", "yes"}, {"drill", "no"}}, {}},
        {"unknown question", {{"zzz", "yes"}}, {{"answers.zzz", "unknown_question"}}},
        {"unknown option", {{"ehr", "maybe"}}, {{"answers.ehr", "unknown_option"}}},
        {"hidden", {{"ehr", "no"}, {"backup", "monthly"}}, {{"answers.backup", "not_shown"}}},
        {"hidden by a hidden one", {{"ehr", "no"}, {"backup", "monthly"}, {"generations", "yes"}},
         {{"answers.backup", "not_shown"}, {"answers.generations", "not_shown"}}},
        {"two at once", {{"bcp", "no"}, {"drill", "yes"}, {"ehr", "perhaps"}},
         {{"answers.drill", "not_shown"}, {"answers.ehr", "unknown_option"}}},
    };
    const auto v = version();
    for (const auto& c : cases) {
        const auto status = validate_answers(v, c.answers);
        if (c.errors.empty()) {
            EXPECT_TRUE(status) << c.name;
            continue;
        }
        ASSERT_FALSE(status) << c.name;
        EXPECT_EQ(status.error().code, ErrorCode::invalid_input);
        std::vector<std::pair<std::string, std::string>> got;
        for (const auto& f : status.error().fields) got.emplace_back(f.field, f.reason);
        EXPECT_EQ(got, c.errors) << c.name;
    }
}

struct MissingCase {
    const char* name;
    Answers answers;
    std::vector<std::string> missing;
};

TEST(SurveyAnswers, MissingRequiredCountsOnlyShownRequiredQuestions) {
    const MissingCase cases[] = {
        {"nothing", {}, {"ehr", "bcp"}},
        {"ehr yes", {{"ehr", "yes"}}, {"backup", "bcp"}},
        {"ehr no", {{"ehr", "no"}, {"bcp", "no"}}, {}},
        {"backup monthly", {{"ehr", "yes"}, {"backup", "monthly"}, {"bcp", "yes"}}, {"generations", "drill"}},
        {"complete", {{"ehr", "yes"}, {"backup", "never"}, {"bcp", "yes"}, {"drill", "yes"}}, {}},
    };
    const auto v = version();
    for (const auto& c : cases) EXPECT_EQ(missing_required(v, c.answers), c.missing) << c.name;
}

}  // namespace
}  // namespace mamori::survey
