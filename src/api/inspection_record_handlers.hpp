// Routes of the on-site record of an inspection visit (検査記録); see services/inspection_record.hpp.
#pragma once

#include "auth.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

// POST /api/v1/inspections/visits/{id}/record: start (the checklist of record frozen).
// GET  /api/v1/inspections/visits/{id}/record: the record (the institution: completed, without notes).
// PUT  /api/v1/inspections/visits/{id}/record/lines/{item}/{row}: one line against base_version; 409 with
//      the server's line on a conflict.
// GET  /api/v1/inspections/visits/{id}/record/lines/{item}/{row}/history
// POST /api/v1/inspections/visits/{id}/record/complete {summary, version}
// GET  /api/v1/inspections/visits/{id}/record/package: what a tablet takes away (JSON file).
// POST /api/v1/inspections/visits/{id}/record/import: a record file (JSON) applied line by line.
void register_inspection_record_routes(ApiRoutes& routes, store::Database& db,
                                       services::CatalogService& catalog);

}  // namespace mamori::api
