// Vendor links (docs/vendor-links-api.md): the institution's invitations and linked vendors
// (/api/v1/vendor-invitations…, /api/v1/vendors…), the vendor's side (/api/v1/vendor/links,
// /api/v1/vendor/customers, the anonymous /api/v1/vendor-join) and the operator's
// (/api/v1/vendor-organisations…).
#pragma once

#include "auth.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_vendor_link_routes(ApiRoutes& routes, store::Database& db);

}  // namespace mamori::api
