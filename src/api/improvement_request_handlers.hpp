// Improvement requests (改善指導), the pre-visit package and the inspection documents:
// /api/v1/improvement-requests…, /api/v1/inspections/visits/{id}/package, …/improvement-requests,
// …/documents/result-notice and /api/v1/organisations/{id}/inspections.
#pragma once

#include "auth.hpp"
#include "mamori/services/assessment_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_improvement_request_routes(ApiRoutes& routes, store::Database& db,
                                         services::AssessmentService& assessments);

}  // namespace mamori::api
