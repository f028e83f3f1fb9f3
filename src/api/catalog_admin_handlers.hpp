// The administrators' catalog import over HTTP (the same work as `mamori catalog import`): ministry
// administrators load a new or corrected edition without a release.
#pragma once

#include "auth.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_catalog_admin_routes(ApiRoutes& routes, services::CatalogService& catalog, store::Database& db);

}  // namespace mamori::api
