/// @file
/// @brief A questionnaire as data (issue 18, item 3): versions (each a fiscal year and a fielding window),
/// questions with their options, the institutions it targets, and the rules of one response — which
/// questions are shown (`shown_if`), which answers are valid, which required questions are still open.
/// The first questionnaire is MHLW's hospital survey as the domain file knows it
/// (`reference/surveys/mhlw-hospital.json`).
///
///     const auto& q = builtin_questionnaires().front();
///     const auto* v = find_version(q, "2026");
///     auto ok = validate_answers(*v, {{"ehr_in_use", "yes"}, {"q10", "monthly"}});   // errors name answers.<id>
///     auto open = missing_required(*v, answers);                                      // {"q10_1", …}
///
/// Parsing checks the file with limits (size, nesting, counts, lengths, ids, dates, tags) and refuses it
/// whole; every problem names the file and a JSON path ("questions[3].shown_if.question"). A `shown_if` may
/// only name a question listed before it (so conditions never loop) of the same versions, and only its
/// options. A question's text is mamori's wording unless "wording" is "official".
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::survey {

inline constexpr std::string_view kQuestionnaireFormat = "mamori.survey-questionnaire";
inline constexpr std::size_t max_questionnaire_bytes = 256 * 1024;
inline constexpr int max_questionnaire_depth = 8;
inline constexpr std::size_t max_versions = 20;
inline constexpr std::size_t max_questions = 200;
inline constexpr std::size_t max_options = 30;
inline constexpr std::size_t max_target_kinds = 4;

// Answers: question id → option id; a question without an entry is unanswered.
using Answers = std::map<std::string, std::string>;

struct Option {
    std::string id;
    std::string label_ja;
    std::string label_en;
};

struct ShownIf {
    std::string question;              // a question listed earlier
    std::vector<std::string> options;  // shown when that question is shown and answered with one of these
};

struct Question {
    std::string id;
    std::optional<std::string> number;  // as the questionnaire prints it ("Q10"); nullopt: not known
    std::string text_ja;
    std::string text_en;
    std::string wording;     // "mamori" (paraphrase, never presented as MHLW's) or "official"
    std::string confidence;  // V, S, I or ?
    std::optional<std::string> source;
    std::string note;
    bool required = true;
    std::vector<Option> options;
    std::optional<ShownIf> shown_if;
    std::optional<std::string> indicator;  // an indicator id of mhlw-survey-indicators.json asking the same

    const Option* find_option(std::string_view id) const;
};

struct VersionSource {
    std::optional<std::string> url;
    std::string confidence;
    std::string note_ja;
    std::string note_en;
};

struct Version {
    std::string id;  // e.g. "2026"
    int fiscal_year = 0;
    std::chrono::year_month_day opens;
    std::chrono::year_month_day closes;  // the last day answers are taken (Japan date)
    VersionSource source;
    std::vector<Question> questions;  // in the file's order

    const Question* find_question(std::string_view id) const;
    // open_on: opens <= day <= closes.
    bool open_on(std::chrono::year_month_day day) const { return opens <= day && day <= closes; }
};

struct Questionnaire {
    std::string id;  // e.g. "mhlw-hospital"
    std::string title_ja;
    std::string title_en;
    std::vector<std::string> facility_kinds;  // the institution kinds it targets ("hospital", …)
    std::vector<Version> versions;            // in the file's order

    bool targets(std::string_view facility_kind) const;
};

// parse_questionnaire: the whole file or every problem found (invalid_input), each field a JSON path, the
// message starting with `file`.
Result<Questionnaire> parse_questionnaire(std::string_view file, std::string_view text);

// builtin_questionnaires: the embedded files of reference/surveys/, parsed once (a broken embedded file is a
// build error caught by the unit tests; it throws std::logic_error).
const std::vector<Questionnaire>& builtin_questionnaires();

const Questionnaire* find_questionnaire(const std::vector<Questionnaire>& all, std::string_view id);
const Version* find_version(const Questionnaire& questionnaire, std::string_view id);

// shown: whether `question` is asked given `answers`: no condition, or the condition's question is itself
// shown and answered with one of its options.
bool shown(const Version& version, const Question& question, const Answers& answers);

// validate_answers: every answer names a question of the version and one of its options, and answers a
// question that is shown; invalid_input with one field error per problem ("answers.q10").
Status validate_answers(const Version& version, const Answers& answers);

// missing_required: the required questions that are shown and unanswered, in the version's order.
std::vector<std::string> missing_required(const Version& version, const Answers& answers);

}  // namespace mamori::survey
