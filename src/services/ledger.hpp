// The device ledger (機器台帳) of an institution: its assets with their addresses, CPE names and software,
// every version kept. Who sees it: the institution's own users (administrators, security managers and editors
// write; viewers read); its health centre's and prefecture's inspectors and administrators read; a vendor
// reads only the assets linked to a system it runs there; anyone else is answered not_found. Every write is
// one transaction with a new version and an audit entry; a stale version is a conflict.
//
//     services::Ledger ledger(db);
//     auto page = ledger.list(caller, filter);                 // 50 a page, filtered and sorted in SQL
//     auto made = ledger.create(caller, record, context);
//     auto changed = ledger.update(caller, made->asset.id, made->asset.version, edited, context);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "asset_records.hpp"
#include "documents/ledger_export.hpp"
#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/exposure/suggest.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

inline constexpr int kLedgerPageSize = 50;
inline constexpr int kMaxLedgerExportRows = 20000;

// LedgerFilter: the list's filters (each optional) and order. Text filters match parts of the text.
struct LedgerFilter {
    std::optional<std::int64_t> organisation_id;  // whose ledger (institution users: their own)
    std::string asset_class;
    std::string status;  // in_use, retired; empty: both
    std::optional<std::int64_t> system_id;
    std::string place;  // part of the department or the location
    std::optional<bool> internet_facing;
    std::optional<bool> has_cpe;
    std::string source;
    std::string seen_before;    // YYYY-MM-DD: not seen since (or never)
    std::string text;           // part of name, serial, model, an IP or a MAC address
    std::string sort = "name";  // name, class, location, department, last_seen, updated
    bool descending = false;
    int page = 1;
};

// LedgerAsset: one asset with the name of its system, and (for get) its history.
struct LedgerAsset {
    asset_records::StoredAsset asset;
    std::string system_name;
    std::vector<asset_records::AssetVersion> versions;  // get: newest first
    bool can_write = false;                             // get: the caller may change it
};

struct LedgerPage {
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::vector<LedgerAsset> assets;  // without software
    long total = 0;
    int page = 1;
    int page_size = kLedgerPageSize;
    bool can_write = false;
};

struct LedgerSummary {
    std::int64_t organisation_id = 0;
    std::vector<std::pair<std::string, long>> in_use_by_class;  // every class, in kAssetClasses order
    long in_use = 0;
    long retired = 0;
    long without_cpe = 0;      // in use
    long stale = 0;            // in use, last seen more than ledger::kLedgerStaleDays ago
    long never_seen = 0;       // in use, never seen by an import (entered by hand)
    long internet_facing = 0;  // in use
};

// LedgerSystem: a system an asset may be linked to (the institution's systems in use).
struct LedgerSystem {
    std::int64_t id = 0;
    std::string name;
};

class Ledger {
  public:
    explicit Ledger(store::Database& db) : db_(db) {}

    Result<LedgerPage> list(const identity::Caller& caller, const LedgerFilter& filter);
    // export_rows: the whole filtered list (no paging; at most kMaxLedgerExportRows, too_large beyond).
    Result<LedgerPage> export_rows(const identity::Caller& caller, const LedgerFilter& filter);
    Result<LedgerAsset> get(const identity::Caller& caller, std::int64_t id);
    Result<std::vector<asset_records::AssetVersion>> versions(const identity::Caller& caller,
                                                              std::int64_t id);
    Result<LedgerSummary> summary(const identity::Caller& caller,
                                  std::optional<std::int64_t> organisation_id);
    Result<std::vector<LedgerSystem>> systems(const identity::Caller& caller,
                                              std::optional<std::int64_t> organisation_id);
    // cpe_suggestions: CPE names from the NVD CPE dictionary that fit the asset's maker, model and OS, best
    // first with a confidence (exposure::suggest_cpes); those it already names are left out. Whoever reads the
    // asset may ask; adding one is an update (origin "suggestion").
    Result<std::vector<exposure::Suggestion>> cpe_suggestions(const identity::Caller& caller, std::int64_t id);

    Result<LedgerAsset> create(const identity::Caller& caller, const ledger::AssetRecord& record,
                               const audit::Context& context);
    // update: `record` as the next version; with `keep_software` the asset's software stays as stored (a
    // person's edit of the other fields does not touch what an import listed).
    Result<LedgerAsset> update(const identity::Caller& caller, std::int64_t id, int version,
                               const ledger::AssetRecord& record, const audit::Context& context,
                               bool keep_software = false);
    Result<LedgerAsset> retire(const identity::Caller& caller, std::int64_t id, int version,
                               const std::string& reason, const audit::Context& context);
    Result<LedgerAsset> restore(const identity::Caller& caller, std::int64_t id, int version,
                                const std::string& reason, const audit::Context& context);

  private:
    Result<LedgerPage> query(const identity::Caller& caller, const LedgerFilter& filter, bool paged);
    Result<LedgerAsset> change_status(const identity::Caller& caller, std::int64_t id, int version,
                                      const std::string& reason, bool retire, const audit::Context& context);
    store::Database& db_;
};

// ledger_sheet: the page's assets as the exported documents' rows (documents::kLedgerColumns), dated today in
// Japan; `conditions` describes the filters in words. asset_class_label: the Japanese word for a class.
documents::LedgerSheet ledger_sheet(const LedgerPage& page, const std::string& conditions);
std::string asset_class_label(std::string_view asset_class);

}  // namespace mamori::services
