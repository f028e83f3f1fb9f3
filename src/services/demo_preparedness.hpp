// The preparedness records of the demo (demo_preparedness.cpp), called from the personas' content.
#pragma once

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_preparedness_demo: デモ総合病院's and さくら内科クリニック's contact chart (pre-filled bodies, their
// people, a vendor row per system of the register, reviewed two months ago), two backups (one with an offline
// copy and a restore test three months ago, one without: a warning), a drill eight months ago and a closed
// incident, through the service so every rule holds. Made only when the institution has no drill yet.
Status create_preparedness_demo(store::Database& db);

}  // namespace mamori::services
