// The device ledger (機器台帳): /api/v1/ledger/assets (list, create), /api/v1/ledger/assets/{id} (read, change),
// …/retire, …/restore, …/versions, /api/v1/ledger/summary, /api/v1/ledger/systems and
// /api/v1/ledger/export.{csv,xlsx,pdf}. docs/ledger-api.md.
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_ledger_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
