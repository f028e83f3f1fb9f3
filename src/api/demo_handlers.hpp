// Routes of demo mode: whether the database is a demo database, and the login page's list of personas.
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

// GET /api/v1/demo: {"demo": bool}. GET /api/v1/demo/personas: open, but 404 unless the database is a
// demo database.
void register_demo_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
