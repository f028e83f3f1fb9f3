// The systems registers of the demo (demo_systems.cpp), called from the personas' content.
#pragma once

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_systems_demo: デモ総合病院's register (電子カルテ with VPN remote maintenance, レセコン, オンライン資格確認,
// PACS maintained over the internet, the UTM/VPN device) and さくら内科クリニック's small one (cloud 電子カルテ,
// レセコン), through the register's service so every rule holds. Each made only when that register is
// empty. The vendors are fictional names.
Status create_systems_demo(store::Database& db);

}  // namespace mamori::services
