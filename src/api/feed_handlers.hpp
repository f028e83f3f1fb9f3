// The vulnerability feeds: /api/v1/feeds (status), /api/v1/feeds/imports (history),
// POST /api/v1/feeds/{feed}/imports (upload one file; operator only) and /api/v1/cves/{id}.
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_feed_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
