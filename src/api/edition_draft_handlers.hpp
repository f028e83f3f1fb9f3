// The edition editor's routes under /api/v1/catalog/drafts (docs/edition-editor-api.md).
#pragma once

#include "auth.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_edition_draft_routes(ApiRoutes& routes, services::CatalogService& catalog, store::Database& db);

}  // namespace mamori::api
