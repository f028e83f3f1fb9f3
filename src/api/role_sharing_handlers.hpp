// The 役割分担確認表 of a contract, one route family for both parties (the service decides who may):
// /api/v1/systems/{id}/role-sharing, …/rows/{row_id}, …/document.pdf, and the vendor's list of the systems
// it runs with their progress, /api/v1/vendor/systems.
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_role_sharing_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
