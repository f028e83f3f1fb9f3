// Public catalog routes (no login): editions, forms, items with their history, Guideline 6.0, priorities and
// edition comparison. Answers come prebuilt from the catalog snapshot; there is no import endpoint until
// authentication exists (issue 5).
#pragma once

#include "auth.hpp"
#include "mamori/services/catalog_service.hpp"

namespace mamori::api {

void register_catalog_routes(ApiRoutes& routes, services::CatalogService& catalog);

}  // namespace mamori::api
