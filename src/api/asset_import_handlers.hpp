// Imports into the device ledger (docs/ledger-import-api.md): /api/v1/ledger/imports (upload → preview,
// history), /api/v1/ledger/imports/{id} (the plan), …/confirm, …/discard, and the template downloads
// /api/v1/ledger/imports/template.csv|.xlsx.
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_asset_import_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
