// The device ledgers of the demo (demo_assets.cpp), called from the personas' content after the systems.
#pragma once

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_assets_demo: デモ総合病院's ledger (about 25 assets: the FortiGate VPN appliance at the 外部接続点 with
// its CPE names, a Citrix ADC, Windows servers for the 電子カルテ and PACS, Windows 7 and 10 terminals, a Cisco
// switch, an MRI and a PACS workstation, USB media, one retired PC) and さくら内科クリニック's small one (router,
// two PCs, the レセコン server, a NAS, the 外部接続点), through the ledger's service. Each made only when that
// ledger is empty. Some assets carry a last-seen date (one more than a year ago, so the summary shows a
// stale asset).
Status create_assets_demo(store::Database& db);

}  // namespace mamori::services
