// Findings and the device check (issue 17): /api/v1/findings, …/summary, …/{id}, …/{id}/state,
// /api/v1/ledger/assets/{id}/findings, /api/v1/exposure/national, …/check and …/rematch.
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_findings_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
