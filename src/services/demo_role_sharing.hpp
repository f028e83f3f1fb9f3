// The 役割分担確認表 of the demo (demo_role_sharing.cpp), called after the systems registers are made.
#pragma once

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_role_sharing_demo: デモ総合病院's EHR (run by the demo vendor) with 初回確認 on two rows: はい on
// the vendor's security status, いいえ on the provider guideline, which the vendor resolved later (完了日).
// Made only when that table is empty, through the service so every rule holds.
Status create_role_sharing_demo(store::Database& db);

}  // namespace mamori::services
