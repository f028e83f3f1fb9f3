/// @file
/// @brief Matching the institutions' assets against the stored vulnerability feeds (issue 17): an in-memory
/// index of the CVEs by the products their NVD configurations name (configurations compiled once, KEV flags
/// and CVSS beside them), refreshed incrementally, and the three ways findings are brought up to date:
/// every in-use asset (`match_all`), the assets that changed (`rematch_assets`), the assets a feed update
/// touches (`rematch_cves`). Each asset is evaluated only against the CVEs naming one of its products; its
/// findings are compared with what is stored and only the differences written (found, gone, returned), in
/// transactions of a batch of assets, each asset's row locked first so that several servers or workers
/// matching at once never duplicate a finding. Rejected CVEs and retired assets never match.
///
///     ExposureMatching matching(db);
///     auto stats = matching.rematch_assets({asset_id});
///     auto hits = matching.check({"cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*"});
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// MatchStats: what one run did.
struct MatchStats {
    std::int64_t assets = 0;     // assets evaluated
    std::int64_t found = 0;      // new findings
    std::int64_t returned = 0;   // findings true again
    std::int64_t gone = 0;       // findings no longer true
    std::int64_t unchanged = 0;  // findings still true
};

// DeviceHit: one CVE a set of CPE names matches (the device check).
struct DeviceHit {
    std::string cve_id;
    bool kev = false;
    std::string ransomware_use;  // Known, Unknown; empty when not in KEV
    std::optional<double> cvss_score;
    std::string cvss_severity;
    std::vector<std::string> matched_cpes;
};

// FeedIndex: the CVEs by product key; built from the database, refreshed with what was imported since.
class FeedIndex {
  public:
    FeedIndex();
    ~FeedIndex();
    FeedIndex(FeedIndex&&) noexcept;
    FeedIndex& operator=(FeedIndex&&) noexcept;

    // load: every CVE that is not rejected, with its KEV entry.
    static FeedIndex load(soci::session& sql);
    // refresh: the CVEs and KEV entries imported after the newest the index holds; returns their ids.
    std::vector<std::string> refresh(soci::session& sql);
    // reload: the named CVEs read again (a rejected or missing one leaves the index).
    void reload(soci::session& sql, const std::vector<std::string>& cve_ids);
    std::size_t size() const;

    struct Impl;
    const Impl& impl() const { return *impl_; }

  private:
    std::unique_ptr<Impl> impl_;
};

// The findings of the assets named, or of every asset, brought up to date inside the caller's transaction
// (`sql`); `now` is the ISO 8601 UTC time written.
MatchStats match_asset_ids(soci::session& sql, store::Dialect dialect, const FeedIndex& index,
                           const std::vector<std::int64_t>& asset_ids, const std::string& now);

// SharedFeedIndex: the one feed index of a database in this process (the server's requests, the ledger's
// writes and the CLI share it). Readers match under the shared lock; loading and refreshing take it alone.
// Fresh means: loaded, and the feeds' newest imported_at (CVEs, KEV) as when it was last read.
struct SharedFeedIndex {
    std::shared_mutex lock;
    FeedIndex index;
    bool loaded = false;
    std::string stamp;
};
SharedFeedIndex& shared_feed_index(const store::Database& db);

// rematch_assets_in: the findings of assets that just changed, inside the caller's transaction (`sql`, the
// writer's own, so the asset and its findings change together), against the database's shared index. It
// never waits to load or refresh the index inside the transaction (another thread matching may be waiting
// for this transaction's locks): when the index is busy being refreshed it matches with the index as it is
// (a feed import re-matches what it changed anyway), and when it has never been loaded and is busy, it leaves
// the findings for the next run and says so (nullopt).
std::optional<MatchStats> rematch_assets_in(const store::Database& db, soci::session& sql,
                                            const std::vector<std::int64_t>& asset_ids);

class ExposureMatching {
  public:
    static constexpr std::size_t kBatch = 500;
    explicit ExposureMatching(store::Database& db) : db_(db), shared_(shared_feed_index(db)) {}

    // prepare: loads the shared index when the ledger has any device (nothing to match otherwise); the number of
    // CVEs it holds, 0 when it was not loaded.
    Result<std::size_t> prepare();
    Result<MatchStats> match_all();
    // match_all for a person: the operator's administrators (ministry), audited.
    Result<MatchStats> match_all(const identity::Caller& caller, const audit::Context& context);
    Result<MatchStats> rematch_assets(const std::vector<std::int64_t>& asset_ids);
    Result<MatchStats> rematch_cves(const std::vector<std::string>& cve_ids);
    // check: the CVEs that one device with these CPE names (canonical CPE 2.3 formatted strings) matches,
    // KEV first, then by CVSS.
    Result<std::vector<DeviceHit>> check(const std::vector<std::string>& cpes);

  private:
    void refresh_index();  // outside any transaction: it may wait for the matches under way
    bool any_asset();
    // run: the assets in transactions of kBatch against the shared index.
    Result<MatchStats> run(const std::vector<std::int64_t>& asset_ids);
    // run_with: the same against `index` (the caller keeps it from changing); with `only_cves`, only those CVEs
    // are evaluated and only their findings compared.
    Result<MatchStats> run_with(const FeedIndex& index, const std::vector<std::int64_t>& asset_ids,
                                const std::vector<std::string>& only_cves);

    store::Database& db_;
    SharedFeedIndex& shared_;
};

}  // namespace mamori::services
