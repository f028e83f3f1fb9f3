// National statistics (issue 18): /api/v1/statistics/context, …/items, …/item, …/cross, …/trend, …/rates
// (docs/statistics-api.md).
#pragma once

#include "auth.hpp"
#include "mamori/services/statistics.hpp"

namespace mamori::api {

void register_statistics_routes(ApiRoutes& routes, services::Statistics& statistics);

}  // namespace mamori::api
