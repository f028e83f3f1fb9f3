// 事業者確認用 requests (docs/vendor-requests-api.md): the institution's /api/v1/systems/{id}/vendor-requests
// and /api/v1/vendor-requests…, the vendor's /api/v1/vendor/requests… and /api/v1/vendor/dashboard; the
// vendor's products and answer sets in vendor_product_handlers.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include "auth.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/services/vendor_requests.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

void register_vendor_request_routes(ApiRoutes& routes, store::Database& db, services::CatalogService& catalog);
void register_vendor_product_routes(ApiRoutes& routes, store::Database& db, services::CatalogService& catalog);

// read_answer_lines: body["answers"], an array of answer lines; errors name answers[i].field. Lines whose
// value is null are left out (an unanswered line).
Result<services::VendorAnswerLines> read_answer_lines(const nlohmann::json& body);

// with_form_json: `body` (an object) as text with "form_json" set to the catalog's form view (spliced in as
// the catalog built it, not parsed again).
Result<std::string> with_form_json(const nlohmann::json& body, services::CatalogService& catalog,
                                   const std::string& edition, const std::string& form, int revision);

}  // namespace mamori::api
