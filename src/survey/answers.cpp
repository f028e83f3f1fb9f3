// The rules of one response: which questions are shown, which answers are valid, what is still required.
#include <fmt/format.h>

#include <algorithm>

#include "mamori/survey/questionnaire.hpp"

namespace mamori::survey {

bool shown(const Version& version, const Question& question, const Answers& answers) {
    // A condition names an earlier question (checked when the file is read), so this walk ends; the depth
    // bound guards a Version built by hand.
    const Question* q = &question;
    for (std::size_t depth = 0; depth <= version.questions.size(); ++depth) {
        if (!q->shown_if) return true;
        const auto answer = answers.find(q->shown_if->question);
        if (answer == answers.end()) return false;
        const auto& allowed = q->shown_if->options;
        if (std::find(allowed.begin(), allowed.end(), answer->second) == allowed.end()) return false;
        q = version.find_question(q->shown_if->question);
        if (!q) return false;
    }
    return false;
}

Status validate_answers(const Version& version, const Answers& answers) {
    std::vector<FieldError> problems;
    const auto add = [&](const std::string& id, std::string message, std::string reason, std::string value) {
        problems.push_back({fmt::format("answers.{}", id), std::move(message), std::move(reason), std::move(value)});
    };
    for (const auto& [id, option] : answers) {
        const Question* q = version.find_question(id);
        if (!q) {
            add(id, "no such question in this version", "unknown_question", "");
            continue;
        }
        if (!q->find_option(option)) {
            add(id, "not an option of this question", "unknown_option", option);
            continue;
        }
        if (!shown(version, *q, answers))
            add(id, fmt::format("this question is asked only when {} is answered {}", q->shown_if->question,
                                fmt::join(q->shown_if->options, " or ")),
                "not_shown", option);
    }
    if (problems.empty()) return {};
    Error e{ErrorCode::invalid_input,
            problems.size() == 1 ? fmt::format("{}: {}", problems[0].field, problems[0].message)
                                 : fmt::format("{} answers need a change; first {}: {}", problems.size(),
                                               problems[0].field, problems[0].message),
            std::move(problems)};
    return fail(std::move(e));
}

std::vector<std::string> missing_required(const Version& version, const Answers& answers) {
    std::vector<std::string> out;
    for (const auto& q : version.questions)
        if (q.required && !answers.contains(q.id) && shown(version, q, answers)) out.push_back(q.id);
    return out;
}

}  // namespace mamori::survey
