// The preparedness records (issue 19): /api/v1/preparedness/… — reference codes, summary, the contact chart
// with its review, contacts, backups, restore tests, drills and incidents (with events, reports, the
// first-response checklist and closing). docs/preparedness-api.md.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "auth.hpp"
#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_preparedness_routes(ApiRoutes& routes, store::Database& db);
// version_field: the body's required "version" (from `min`: 0 for an answer not given yet), or invalid_input
// naming it.
Result<int> version_field(const nlohmann::json& body, int min = 1);
// The BCP 確認表 with its answers and the documents (contact chart PDF and CSV, BCP draft PDF and .docx):
// preparedness_document_handlers.cpp.
void register_preparedness_document_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
