// The JSON of assessments as the API answers it (see docs/api/openapi.yaml, schema Assessment).
#pragma once

#include <nlohmann/json.hpp>

#include "mamori/services/assessment_service.hpp"

namespace mamori::api {

// assessment_page: the whole checklist page as JSON text (the catalog's part from checklist_template).
std::string assessment_page(const services::AssessmentState& state);
// assessment_json: the same page as a JSON value, to embed in another answer.
nlohmann::json assessment_json(const services::AssessmentState& state);
nlohmann::json assessment_list_json(const services::AssessmentList& list);
// progress_json: `priorities` is the catalog's priorities.json (the roadmap's reasons).
nlohmann::json progress_json(const assessment::Progress& progress, const catalog::Json& priorities);
// progress_text: the progress of `state` as JSON text, the roadmap's texts from its form's
// checklist_template.
std::string progress_text(const services::AssessmentState& state);
// saved_answer_text: the answer to a save, {"answer": the line's answer, "progress": …}, as JSON text.
std::string saved_answer_text(const services::AssessmentState& state, const assessment::RowKey& key);
nlohmann::json stored_answer_json(const services::StoredAnswer& answer);
nlohmann::json evidence_json(const services::Evidence& evidence);
// line_answer_json: the answer in effect on one line of `state`, or null.
nlohmann::json line_answer_json(const services::AssessmentState& state, const assessment::RowKey& key);

// read_answer_input: a PUT body {version, value, reason, confirmed_on, target_date, second, note};
// `value` null or absent clears the line.
Result<services::AnswerInput> read_answer_input(const nlohmann::json& body);

// read_answer: the answer fields of `body` {value, reason, confirmed_on, target_date, second, note} (value
// required); errors name `prefix`.field ("answers[3].target_date"), or the bare field when prefix is empty.
Result<assessment::Answer> read_answer(const nlohmann::json& body, std::string_view prefix);

}  // namespace mamori::api
