// The demo's vulnerability feeds and findings (demo_feeds.cpp), called from the personas' content.
#pragma once

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_feeds_demo: the hand-written demo feeds of reference/demo-feeds (real CVE ids with their KEV facts,
// clearly marked as demo data) when no CVE is stored yet, and a slice of the CPE dictionary when it is empty;
// devices the ledger demo lacks (a ServerProtect file server at デモ総合病院, and a Canon multifunction printer
// without a CPE name, for the dictionary's suggestions), through the ledger's service; then
// every asset matched, and two realistic triage states (the PACS server's Zerologon 対応中 with a note, the
// ServerProtect finding リスク受容 with its reason), each made once. Runs after the ledger demo.
Status create_feeds_demo(store::Database& db);

}  // namespace mamori::services
