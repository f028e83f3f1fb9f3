/// @file
/// @brief What may be shown of a question's answers (issue 18, item 3): per group (all respondents, or bed
/// bands) the number who were shown the question and the count of each option, through the suppressing
/// tables of src/statistics — one CountTable per question (groups × options, plus a column of those shown
/// but not answering) and one publish(), so every count, total and the "all" line come from one published
/// table. A group whose total is hidden is hidden whole (zeros included), as in item_table.hpp.
///
///     auto t = publish_question({{"all"}, {{12, 3, 0}}}, 2, 10);   // 2 options and "unanswered"
///     t->groups[0].options[1]     // std::nullopt: 3 < k, and so its partner
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::survey {

// QuestionCounts: per group (rows) the count of each option in the question's order, then one more column:
// shown the question but not answering it. Group keys are unique.
struct QuestionCounts {
    std::vector<std::string> groups;
    std::vector<std::vector<std::int64_t>> counts;
};

struct PublishedGroup {
    std::string key;                                   // "all" for every group together
    std::optional<std::int64_t> total;                 // shown the question; nullopt: suppressed
    std::vector<std::optional<std::int64_t>> options;  // per option; nullopt: suppressed
};

struct PublishedQuestion {
    std::vector<PublishedGroup> groups;  // "all" first, then the groups in the given order (when more than one)
};

// publish_question: `counts` checked (each row option_count + 1 long, counts ≥ 0; refusals name
// "counts[g][c]"), then published with k = minimum_count. With one group, that group is "all".
Result<PublishedQuestion> publish_question(const QuestionCounts& counts, std::size_t option_count,
                                           int minimum_count);

// QuestionTally: one question of a response set — its counts, and when it is shown only after an answer to
// an earlier question, that question's index and the options of it that show this one.
struct QuestionTally {
    QuestionCounts counts;
    std::size_t option_count = 0;
    std::optional<std::size_t> parent;
    std::vector<std::size_t> showing;
};

// publish_questions: every question of one response set (the same groups in each) published as one query.
// Their tables share numbers: questions shown to the same people have the same number shown per group, and a
// question shown after an answer is shown to exactly as many as gave it. Wherever one table hides such a
// number, every table that holds it hides it too (with the partners that keep it hidden), until none hides
// more; so no table gives back what another hides.
Result<std::vector<PublishedQuestion>> publish_questions(const std::vector<QuestionTally>& questions,
                                                         int minimum_count);

// publish_count: a single count as published alone (0 shown, 0 < n < k hidden).
std::optional<std::int64_t> publish_count(std::int64_t count, int minimum_count);

}  // namespace mamori::survey
