// MDS/SDS (開示書) of vendors' products: the vendor's /api/v1/vendor/disclosures…,
// /api/v1/vendor/products/{id}/disclosures, and the institution's /api/v1/systems/disclosures….
// Register before the systems register's /api/v1/systems/{id}.
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_vendor_disclosure_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
