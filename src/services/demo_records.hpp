// Shared by demo.cpp and demo_personas.cpp: the rows of the demo set, written inside the caller's
// transaction.
#pragma once

#include <soci/soci.h>

#include <cstddef>

#include "mamori/services/demo.hpp"

namespace mamori::services {

// insert_demo_organisations: the demo organisations, the health centre's jurisdiction and the synthetic
// clinics; returns how many organisations were written.
std::size_t insert_demo_organisations(soci::session& sql, const DemoOptions& options);

// has_demo_organisations: the database holds the demo set (its hospital, by its fictional facility id).
bool has_demo_organisations(soci::session& sql);

}  // namespace mamori::services

#include "mamori/core/error.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_inspection_record_demo (demo_inspection_record.cpp): デモ総合病院's visit of this fiscal year with
// its on-site record in progress (a few lines, one 指摘), made once.
Status create_inspection_record_demo(store::Database& db, CatalogService& catalog);
// create_inspection_plan_demo: デモ区保健所's plan of this fiscal year (demo_inspection_plan.cpp), once.
Status create_inspection_plan_demo(store::Database& db);

}  // namespace mamori::services
