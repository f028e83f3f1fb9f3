// Self-assessment routes: list and create per institution, read, answer (with version check), history,
// vendor contract, submit/reopen, evidence, and the documents (export and import).
#pragma once

#include "auth.hpp"
#include "mamori/services/assessment_service.hpp"

namespace mamori::api {

void register_assessment_routes(ApiRoutes& routes, services::AssessmentService& assessments);
void register_assessment_document_routes(ApiRoutes& routes, services::AssessmentService& assessments);

}  // namespace mamori::api
