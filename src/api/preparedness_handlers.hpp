// The preparedness records (issue 19): /api/v1/preparedness/… — reference codes, summary, the contact chart
// with its review, contacts, backups, restore tests, drills and incidents (with events, reports, the
// first-response checklist and closing). docs/preparedness-api.md.
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_preparedness_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
