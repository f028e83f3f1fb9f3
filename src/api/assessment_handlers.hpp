// Self-assessment routes: list and create per institution, read, answer (with version check), history,
// vendor contract, submit/reopen, evidence, and the documents (export and import).
#pragma once

#include "auth.hpp"
#include "mamori/services/assessment_service.hpp"

namespace mamori::api {

void register_assessment_routes(ApiRoutes& routes, services::AssessmentService& assessments);
void register_assessment_document_routes(ApiRoutes& routes, services::AssessmentService& assessments);
// register_guideline_volume_routes: GET/PUT /api/v1/organisations/{id}/guideline-volumes (Guideline 第7.0版's
// volumes for the institution, by its maintenance contract).
void register_guideline_volume_routes(ApiRoutes& routes, store::Database& db, services::CatalogService& catalog);

}  // namespace mamori::api
