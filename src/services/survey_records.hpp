// The rows of survey_responses and survey_response_revisions (migration 0028): read, the first insert, the
// UPDATE that checks the revision, the revision rows. Shared by the service and the demo.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include "mamori/services/surveys.hpp"
#include "mamori/survey/stored_answers.hpp"

namespace mamori::services::survey_records {

using survey::answers_of;
using survey::answers_text;
using survey::for_each_answer;

struct StoredResponse {
    std::int64_t id = 0;
    SurveyResponse response;
};

std::optional<StoredResponse> find(soci::session& sql, std::int64_t organisation_id, const std::string& questionnaire,
                                   const std::string& version);

// Write: what one write stores; `submitted` marks a submission (submitted_by / submitted_at set when first).
struct Write {
    std::string status;  // draft or submitted
    survey::Answers answers;
    std::optional<std::int64_t> user_id;
    std::string at;
    std::string action;  // saved or submitted
};

// insert_first: revision 1 of a response never saved; false when one exists already (another writer won).
bool insert_first(soci::session& sql, std::int64_t organisation_id, const std::string& questionnaire,
                  const std::string& version, const Write& write);
// update: revision `expected` + 1; false when the stored revision is not `expected`.
bool update(soci::session& sql, std::int64_t id, int expected, const Write& write);
// append_revision: the revision row of a write (the response's id found by its key).
void append_revision(soci::session& sql, std::int64_t organisation_id, const std::string& questionnaire,
                     const std::string& version, int revision, const Write& write);

std::vector<SurveyRevision> revisions(soci::session& sql, std::int64_t response_id);

}  // namespace mamori::services::survey_records
