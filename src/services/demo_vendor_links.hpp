// The vendor links of the demo (demo_vendor_links.cpp), called from the personas' content after the
// systems registers.
#pragma once

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_vendor_links_demo: a pending invitation from さくら内科クリニック for its cloud 電子カルテ to
// デモクラウドヘルス株式会社 (its code is shown to nobody), and デモイメージング株式会社 registered by the
// operator with its 法人番号, linked to デモ総合病院 and named as its PACS vendor (a new version of the PACS).
// Each made once, through the services so every rule holds.
Status create_vendor_links_demo(store::Database& db);

}  // namespace mamori::services
