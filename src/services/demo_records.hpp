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

#include "mamori/store/database.hpp"

namespace mamori::services {

// create_inspection_plan_demo: デモ区保健所's plan of this fiscal year (demo_inspection_plan.cpp), once.
Status create_inspection_plan_demo(store::Database& db);

}  // namespace mamori::services
