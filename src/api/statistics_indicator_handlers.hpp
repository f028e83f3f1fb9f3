// MHLW's survey indicators beside mamori's figures (issue 18, item 3): GET /api/v1/statistics/indicators
// (docs/statistics-api.md).
#pragma once

#include "auth.hpp"
#include "mamori/services/statistics.hpp"

namespace mamori::api {

void register_statistics_indicator_routes(ApiRoutes& routes, services::Statistics& statistics);

}  // namespace mamori::api
