// The demo's vulnerability feeds and findings (demo_feeds.cpp), called from the personas' content.
#pragma once

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_feeds_demo: the hand-written demo feeds of reference/demo-feeds (real CVE ids with their KEV facts,
// clearly marked as demo data) when no CVE is stored yet; a few ledger assets of デモ総合病院 and さくら内科
// クリニック when their ledgers are empty (the FortiGate VPN device on FortiOS 6.0.4, Windows PCs and servers);
// then every asset matched, and a few realistic triage states (one 対応中 with a note, one リスク受容 with its
// reason), each made once.
Status create_feeds_demo(store::Database& db);

}  // namespace mamori::services
