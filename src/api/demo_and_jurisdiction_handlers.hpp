// Routes of demo mode (the login page's list of personas) and of the jurisdiction's checklist list.
#pragma once

#include "auth.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

// GET /api/v1/demo: {"demo": bool}. GET /api/v1/demo/personas: open, but 404 unless the database is a
// demo database.
void register_demo_routes(ApiRoutes& routes, store::Database& db);

// GET /api/v1/jurisdiction/checklists?fiscal_year=&q=&page=&page_size=&sort=
void register_jurisdiction_routes(ApiRoutes& routes, store::Database& db, services::CatalogService& catalog);

}  // namespace mamori::api
