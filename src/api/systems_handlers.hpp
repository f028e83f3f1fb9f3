// The systems register (システム台帳): /api/v1/systems, /api/v1/systems/{id}, …/retire and
// /api/v1/systems/kinds; and beside the checklist: /api/v1/assessments/{id}/register-context.
#pragma once

#include "auth.hpp"
#include "mamori/services/assessment_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_systems_routes(ApiRoutes& routes, store::Database& db);
void register_checklist_register_context_routes(ApiRoutes& routes, store::Database& db,
                                                services::AssessmentService& assessments);

}  // namespace mamori::api
