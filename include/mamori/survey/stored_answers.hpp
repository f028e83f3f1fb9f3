/// @file
/// @brief A response's answers as stored (survey_responses.answers, migration 0028): a JSON object of question
/// id → option id, keys sorted.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "mamori/survey/questionnaire.hpp"

namespace mamori::survey {

// answers_text: the answers as stored.
std::string answers_text(const Answers& answers);
// answers_of: the string members of a stored object; anything else (not an object, other types) is left out.
Answers answers_of(const std::string& text);
// for_each_answer: calls `visit(question, option)` for each member of `text` when it is a flat object of
// ASCII strings without escapes, as answers_text writes ids (no allocation); false, having called nothing, otherwise
// (then answers_of reads it). What it accepts, it reads exactly as answers_of does.
bool for_each_answer(std::string_view text, const std::function<void(std::string_view, std::string_view)>& visit);

}  // namespace mamori::survey
