// The 事業者確認用 requests of the demo (demo_vendor_requests.cpp), called from the personas' content.
#pragma once

#include "mamori/core/error.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_vendor_requests_demo: the demo vendor's products 「デモカルテ Enterprise」 and 「デモレセプト Lite」 with
// this fiscal year's answers; デモ総合病院's request for its EHR shared twice (version 2 changes one answer, so
// "what changed" shows); さくら内科クリニック's request for its レセコン outstanding with one override for
// さくら; and the hospital's request of last fiscal year, overdue. Made through the services, once (when the
// vendor has no products yet).
Status create_vendor_requests_demo(store::Database& db, CatalogService& catalog);

}  // namespace mamori::services
