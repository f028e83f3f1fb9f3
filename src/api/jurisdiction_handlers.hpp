// Routes of a jurisdiction's inspectors: the paged, filtered list of the institutions they oversee.
#pragma once

#include "auth.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

// GET /api/v1/jurisdiction/checklists?fiscal_year=&q=&kind=&bed_band=&municipality=&prefecture=
//     &health_centre=&status=&with_no=&overdue=&page=&page_size=&sort=
// GET /api/v1/jurisdiction/choices: the municipalities, health centres and prefectures the filters offer.
void register_jurisdiction_routes(ApiRoutes& routes, store::Database& db, services::CatalogService& catalog);

}  // namespace mamori::api
