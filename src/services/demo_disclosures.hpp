// The MDS/SDS of the demo (demo_disclosures.cpp), called from the personas' content after the systems.
#pragma once

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_disclosures_demo: the demo vendor's products 「デモカルテ Enterprise」 (with a current MDS Ver.5.0,
// a small PDF) and 「デモレセプト Lite」 (without one), each made when the vendor has no product of that
// name, and mapped to デモ総合病院's 電子カルテ and さくら内科クリニック's レセコン when those have no
// product yet. The MDS is uploaded through the service (checked and audited) only when the product has no
// disclosure.
Status create_disclosures_demo(store::Database& db);

}  // namespace mamori::services
