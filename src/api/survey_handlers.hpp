// The survey module's routes (issue 18, item 3; docs/survey-api.md): the institution's questionnaires and
// response under /api/v1/surveys, the analysts' counts under /api/v1/statistics/surveys.
#pragma once

#include "auth.hpp"
#include "mamori/services/surveys.hpp"

namespace mamori::api {

void register_survey_routes(ApiRoutes& routes, services::Surveys& surveys);

}  // namespace mamori::api
