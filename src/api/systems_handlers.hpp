// The systems register (システム台帳): /api/v1/systems, /api/v1/systems/{id}, …/retire and
// /api/v1/systems/kinds.
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_systems_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
