// Routes of the yearly inspection plan (services/inspection_plan.hpp):
// GET/PUT /api/v1/inspections/policies; GET /api/v1/inspections/plan/due, /plan/inspectors, /plan.csv;
// POST /api/v1/inspections/plan/import?fiscal_year=&confirm= (the CSV as the body);
// GET/POST /api/v1/inspections/visits; GET/PATCH /api/v1/inspections/visits/{id};
// POST /api/v1/inspections/visits/{id}/transition; GET /api/v1/inspections/notices (the institution's own);
// GET /api/v1/inspections/summary.
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_inspection_plan_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
