// ExposureMatching: the feed index and bringing findings up to date (see exposure_matching.hpp).
#include "mamori/services/exposure_matching.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "exposure_feed_index.hpp"
#include "exposure_finding_writes.hpp"
#include "exposure_match_records.hpp"
#include "exposure_matcher.hpp"
#include "exposure_matching_rules.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/exposure/priority.hpp"
#include "mamori/store/id_set.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace rules = exposure_rules;

namespace {

struct AssetToMatch {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    bool in_use = true;
    exposure::PriorityInput exposure;  // the asset's routes in; the CVE's part is filled per finding
    Device device;
};

std::vector<AssetToMatch> read_assets(soci::session& sql, const std::vector<std::int64_t>& ids) {
    std::vector<AssetToMatch> out;
    std::unordered_map<std::int64_t, std::size_t> at;
    const auto assets_text = fmt::format(
        "SELECT id, organisation_id, status, internet_facing, asset_class, remote_maintenance FROM assets "
        "WHERE {}",
        store::in_id_set(sql, "id"));
    const auto cpes_text =
        fmt::format("SELECT asset_id, cpe FROM asset_cpes WHERE {}", store::in_id_set(sql, "asset_id"));
    store::each_id_chunk(ids, [&](std::span<const std::int64_t> chunk) {
        for (const soci::row& r : store::query(sql, assets_text, store::id_set(sql, chunk))) {
            AssetToMatch a;
            a.id = store::int64_at(r, 0);
            a.organisation_id = store::int64_at(r, 1);
            a.in_use = r.get<std::string>(2) == "in_use";
            a.exposure.internet_facing = store::int64_at(r, 3) != 0;
            a.exposure.connection_point = r.get<std::string>(4) == "connection_point";
            a.exposure.remote_maintenance = store::int64_at(r, 5) != 0;
            at.emplace(a.id, out.size());
            out.push_back(std::move(a));
        }
    });
    store::each_id_chunk(ids, [&](std::span<const std::int64_t> chunk) {
        for (const soci::row& r : store::query(sql, cpes_text, store::id_set(sql, chunk))) {
            std::string text = r.get<std::string>(1);
            if (auto cpe = exposure::parse_cpe(text))
                out[at.at(store::int64_at(r, 0))].device.add(*cpe, std::move(text));
        }
    });
    std::sort(out.begin(), out.end(),
              [](const AssetToMatch& a, const AssetToMatch& b) { return a.id < b.id; });
    return out;
}

using StoredFindings = std::unordered_map<std::int64_t, std::map<std::string, finding_writes::Stored>>;

// read_stored: the stored findings of these assets, only those of the subset's CVEs when there is one.
StoredFindings read_stored(soci::session& sql, const std::vector<std::int64_t>& ids, const CveSubset* only) {
    StoredFindings stored;
    // With a subset the database is told to walk each CVE's few findings in the (cve_id …) index and pass
    // over other assets there, rather than every finding of every asset ('+' keeps asset_id off the index).
    const auto text = fmt::format(
        "SELECT asset_id, cve_id, id, active, state, matched_cpes, priority FROM findings WHERE {}{}",
        store::in_id_set(sql, only ? "+asset_id" : "asset_id"),
        only ? fmt::format(" AND cve_id IN ({})", only->sql_list) : "");
    store::each_id_chunk(ids, [&](std::span<const std::int64_t> chunk) {
        for (const soci::row& r : store::query(sql, text, store::id_set(sql, chunk))) {
            finding_writes::Stored s{store::int64_at(r, 2), store::int64_at(r, 3) != 0, r.get<std::string>(4),
                                     r.get<std::string>(5), static_cast<int>(store::int64_at(r, 6))};
            stored[store::int64_at(r, 0)].emplace(r.get<std::string>(1), std::move(s));
        }
    });
    return stored;
}

MatchStats match_assets(soci::session& sql, store::Dialect dialect, Matcher& matcher,
                        const std::vector<std::int64_t>& asset_ids, const std::string& now) {
    const CveSubset* only = matcher.only();
    MatchStats stats;
    if (asset_ids.empty()) return stats;
    std::vector<std::int64_t> ids = asset_ids;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // Lock in id order: a second matcher of the same assets waits and then sees these findings.
    if (dialect == store::Dialect::postgresql) {
        const auto lock_text =
            fmt::format("SELECT id FROM assets WHERE {} ORDER BY id FOR UPDATE", store::in_id_set(sql, "id"));
        store::each_id_chunk(ids, [&](std::span<const std::int64_t> chunk) {
            store::execute(sql, lock_text, store::id_set(sql, chunk));
        });
    }
    const auto assets = read_assets(sql, ids);
    const auto records = match_records::read(sql, ids);
    const auto confirmed_at = [&](std::int64_t asset_id) {
        const auto it = records.find(asset_id);
        return it == records.end() ? std::string() : it->second.matched_at;
    };
    finding_writes::Batch batch(sql, dialect, now, stats);
    if (only) {
        // A delta compares its CVEs' findings alone; an asset whose findings it changes loses its digest.
        auto stored = read_stored(sql, ids, only);
        for (const auto& asset : assets) {
            const auto wanted = asset.in_use ? matcher.evaluate(asset.device, asset.exposure)
                                             : std::map<std::string, finding_writes::Wanted>{};
            batch.asset(asset.organisation_id, asset.id, wanted, stored[asset.id], confirmed_at(asset.id));
            ++stats.assets;
        }
        batch.write();
        match_records::forget(sql, batch.changed_assets());
        return stats;
    }
    // A whole match: an asset whose findings would be the ones its last whole match made true (same digest)
    // has nothing to compare; only the others' stored findings are read.
    std::vector<std::pair<const AssetToMatch*, std::map<std::string, finding_writes::Wanted>>> to_compare;
    std::vector<std::pair<std::int64_t, std::string>> new_digests;
    std::vector<std::int64_t> confirmed;
    const Device retired;
    for (const auto& asset : assets) {
        const Device& device = asset.in_use ? asset.device : retired;
        matcher.find(device);
        auto digest = matcher.digest(device, asset.exposure).text();
        ++stats.assets;
        if (const auto it = records.find(asset.id); it != records.end() && it->second.digest == digest) {
            stats.unchanged += static_cast<std::int64_t>(matcher.affected());
            confirmed.push_back(asset.id);
            continue;
        }
        new_digests.emplace_back(asset.id, std::move(digest));
        to_compare.emplace_back(&asset, matcher.wanted(device, asset.exposure));
    }
    std::vector<std::int64_t> compare_ids;
    for (const auto& [asset, wanted] : to_compare) compare_ids.push_back(asset->id);
    auto stored = read_stored(sql, compare_ids, nullptr);
    for (const auto& [asset, wanted] : to_compare)
        batch.asset(asset->organisation_id, asset->id, wanted, stored[asset->id], confirmed_at(asset->id));
    batch.write();
    match_records::save(sql, new_digests, now);
    match_records::confirm(sql, confirmed, now);
    return stats;
}

// kMaxSubset: a delta of more CVEs than this compares every finding of the assets it touches instead (the id
// list would be too long for one statement).
constexpr std::size_t kMaxSubset = 5'000;

bool is_cve_id(const std::string& id) {
    if (id.size() < 13 || id.size() > 30 || id.compare(0, 4, "CVE-") != 0 || id[8] != '-') return false;
    for (std::size_t i = 4; i < id.size(); ++i)
        if (i != 8 && (id[i] < '0' || id[i] > '9')) return false;
    return true;
}

std::optional<CveSubset> subset_of(const FeedIndex::Impl& index, const std::vector<std::string>& cve_ids) {
    if (cve_ids.empty() || cve_ids.size() > kMaxSubset) return std::nullopt;
    CveSubset subset;
    for (const auto& id : cve_ids) {
        if (!is_cve_id(id)) return std::nullopt;
        subset.sql_list += fmt::format("{}'{}'", subset.sql_list.empty() ? "" : ",", id);
        if (const auto it = index.by_id.find(id); it != index.by_id.end()) subset.slots.insert(it->second);
    }
    return subset;
}

}  // namespace

MatchStats match_asset_ids(soci::session& sql, store::Dialect dialect, const FeedIndex& index,
                           const std::vector<std::int64_t>& asset_ids, const std::string& now) {
    Matcher matcher{index.impl(), nullptr};
    return match_assets(sql, dialect, matcher, asset_ids, now);
}

namespace {

// feeds_stamp: the feed imports' record as it is now; it changes with every import.
// feeds_stamp: the newest imported_at of the CVEs and of KEV (both indexed): every import, and the demo's
// load, moves it.
std::pair<std::string, std::string> feeds_stamp(soci::session& sql) {
    for (const soci::row& r : store::query(sql, "SELECT COALESCE((SELECT MAX(imported_at) FROM cves), ''), "
                                                "COALESCE((SELECT MAX(imported_at) FROM kev_entries), '')"))
        return {r.get<std::string>(0), r.get<std::string>(1)};
    return {};
}

bool fresh(const SharedFeedIndex& shared, const std::pair<std::string, std::string>& stamp) {
    return shared.loaded && shared.stamp == stamp.first + "|" + stamp.second;
}

// make_fresh: loads or refreshes the index; the caller holds the exclusive lock. A stamp older than the
// index's means the database was made anew under the same URL (tests do): it is loaded again.
void make_fresh(SharedFeedIndex& shared, soci::session& sql, const std::pair<std::string, std::string>& stamp) {
    const std::string text = stamp.first + "|" + stamp.second;
    if (!shared.loaded || text < shared.stamp)
        shared.index = FeedIndex::load(sql);
    else if (text != shared.stamp)
        shared.index.refresh(sql);
    shared.loaded = true;
    shared.stamp = text;
}

}  // namespace

SharedFeedIndex& shared_feed_index(const store::Database& db) {
    static std::mutex registry_lock;
    // Never destroyed: freeing a loaded index (about a gigabyte in many small pieces) at exit took a second.
    static auto& registry = *new std::map<std::string, std::unique_ptr<SharedFeedIndex>>();
    std::lock_guard guard(registry_lock);
    auto& entry = registry[store::redacted(db.url())];
    if (!entry) entry = std::make_unique<SharedFeedIndex>();
    return *entry;
}

std::optional<MatchStats> rematch_assets_in(const store::Database& db, soci::session& sql,
                                            const std::vector<std::int64_t>& asset_ids) {
    auto& shared = shared_feed_index(db);
    const auto stamp = feeds_stamp(sql);
    bool up_to_date = false;
    {
        std::shared_lock read(shared.lock);
        up_to_date = fresh(shared, stamp);
    }
    if (!up_to_date) {
        std::unique_lock write(shared.lock, std::try_to_lock);
        if (write.owns_lock()) make_fresh(shared, sql, stamp);
    }
    std::shared_lock read(shared.lock);
    if (!shared.loaded) return std::nullopt;
    return match_asset_ids(sql, db.dialect(), shared.index, asset_ids, to_iso_utc(std::chrono::system_clock::now()));
}

void ExposureMatching::refresh_index() {
    auto lease = db_.acquire();
    const auto stamp = feeds_stamp(*lease);
    {
        std::shared_lock read(shared_.lock);
        if (fresh(shared_, stamp)) return;
    }
    std::unique_lock write(shared_.lock);
    make_fresh(shared_, *lease, stamp);
}

Result<MatchStats> ExposureMatching::run(const std::vector<std::int64_t>& asset_ids) {
    std::shared_lock read(shared_.lock);
    return run_with(shared_.index, asset_ids, {});
}

Result<MatchStats> ExposureMatching::run_with(const FeedIndex& index, const std::vector<std::int64_t>& asset_ids,
                                              const std::vector<std::string>& only_cves) {
    const auto subset = only_cves.empty() ? std::nullopt : subset_of(index.impl(), only_cves);
    Matcher matcher{index.impl(), subset ? &*subset : nullptr};
    MatchStats total;
    const std::string now = to_iso_utc(std::chrono::system_clock::now());
    // A delta evaluates few CVEs per asset, so its transactions can hold more assets for the same time.
    const std::size_t per_transaction = subset ? kBatch * 4 : kBatch;
    for (std::size_t from = 0; from < asset_ids.size(); from += per_transaction) {
        const std::vector<std::int64_t> batch(
            asset_ids.begin() + static_cast<std::ptrdiff_t>(from),
            asset_ids.begin() + static_cast<std::ptrdiff_t>(std::min(asset_ids.size(), from + per_transaction)));
        auto stats = db_.transaction([&](soci::session& sql) -> Result<MatchStats> {
            return match_assets(sql, db_.dialect(), matcher, batch, now);
        });
        if (!stats) return fail(stats.error());
        total.assets += stats->assets;
        total.found += stats->found;
        total.returned += stats->returned;
        total.gone += stats->gone;
        total.unchanged += stats->unchanged;
    }
    return total;
}

Result<MatchStats> ExposureMatching::match_all() {
    refresh_index();
    std::vector<std::int64_t> ids;
    {
        auto lease = db_.acquire();
        for (const soci::row& r : store::query(*lease, "SELECT id FROM assets ORDER BY id"))
            ids.push_back(store::int64_at(r, 0));
    }
    return run(ids);
}

Result<MatchStats> ExposureMatching::match_all(const identity::Caller& caller,
                                               const audit::Context& context) {
    if (caller.organisation.kind != identity::OrgKind::ministry || !caller.has(identity::Role::administrator))
        return fail(ErrorCode::not_found, "only the operator's administrators re-match every asset");
    if (!identity::allows_write(caller))
        return fail(ErrorCode::forbidden, "a token without the write scope does not re-match");
    auto stats = match_all();
    if (!stats) return stats;
    auto logged = db_.transaction([&](soci::session& sql) -> Status {
        audit::append(sql,
                      audit::caller_entry(caller, "exposure.rematched", "findings",
                                          {{"assets", stats->assets},
                                           {"found", stats->found},
                                           {"returned", stats->returned},
                                           {"gone", stats->gone}}),
                      context);
        return {};
    });
    if (!logged) return fail(logged.error());
    return stats;
}

Result<MatchStats> ExposureMatching::rematch_assets(const std::vector<std::int64_t>& asset_ids) {
    refresh_index();
    return run(asset_ids);
}

namespace {

// assets_touched: the assets naming a product one of these CVEs can apply to (a vulnerable criterion's, or any
// the CVE names when it keeps the broad rule), and those holding a finding of one (it may be gone now).
std::vector<std::int64_t> assets_touched(soci::session& sql, const FeedIndex::Impl& index,
                                         const std::vector<std::string>& cve_ids) {
    std::unordered_set<std::string> keys;
    for (const auto& cve_id : cve_ids)
        if (auto it = index.by_id.find(cve_id); it != index.by_id.end()) {
            const auto& cve = index.cves[it->second];
            keys.insert(cve.vulnerable_products.begin(), cve.vulnerable_products.end());
            if (cve.unkeyed_vulnerable) keys.insert(cve.products.begin(), cve.products.end());
        }
    std::vector<std::int64_t> ids;
    for (const auto& key : keys) {
        const auto parts = rules::split_product_key(key);
        for (const soci::row& r :
             store::query(sql, "SELECT asset_id FROM asset_cpes WHERE part = :p AND vendor = :v AND product = :r",
                          parts.part, parts.vendor, parts.product))
            ids.push_back(store::int64_at(r, 0));
    }
    if (const auto subset = subset_of(index, cve_ids)) {
        for (const soci::row& r : store::query(
                 sql, fmt::format("SELECT asset_id FROM findings WHERE cve_id IN ({})", subset->sql_list)))
            ids.push_back(store::int64_at(r, 0));
    } else {
        for (const auto& cve_id : cve_ids)
            for (const soci::row& r : store::query(sql, "SELECT asset_id FROM findings WHERE cve_id = :c", cve_id))
                ids.push_back(store::int64_at(r, 0));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

}  // namespace

bool ExposureMatching::any_asset() {
    auto lease = db_.acquire();
    for (const soci::row& r : store::query(*lease, "SELECT COUNT(*) FROM (SELECT 1 FROM assets LIMIT 1) a"))
        return store::int64_at(r, 0) > 0;
    return false;
}

Result<std::size_t> ExposureMatching::prepare() {
    if (!any_asset()) return std::size_t{0};
    refresh_index();
    std::shared_lock read(shared_.lock);
    return shared_.index.size();
}

Result<MatchStats> ExposureMatching::rematch_cves(const std::vector<std::string>& cve_ids) {
    // No device, no finding: a feed import into a fresh installation does not load the index for nothing.
    if (!any_asset()) return MatchStats{};
    bool loaded = false;
    {
        std::shared_lock read(shared_.lock);
        loaded = shared_.loaded;
    }
    if (!loaded && cve_ids.size() <= kMaxSubset) {
        // Only these CVEs are evaluated, so an index of them alone will do: a process that has not loaded the
        // whole feed (the CLI after a day's import) does not load it for a delta.
        FeedIndex changed;
        std::vector<std::int64_t> ids;
        {
            auto lease = db_.acquire();
            changed.reload(*lease, cve_ids);
            ids = assets_touched(*lease, changed.impl(), cve_ids);
        }
        return run_with(changed, ids, cve_ids);
    }
    refresh_index();
    std::vector<std::int64_t> ids;
    {
        auto lease = db_.acquire();
        {
            std::unique_lock write(shared_.lock);
            shared_.index.reload(*lease, cve_ids);
        }
        std::shared_lock read(shared_.lock);
        ids = assets_touched(*lease, shared_.index.impl(), cve_ids);
    }
    std::shared_lock read(shared_.lock);
    return run_with(shared_.index, ids, cve_ids);
}

Result<std::vector<DeviceHit>> ExposureMatching::check(const std::vector<std::string>& cpes) {
    Device device;
    for (std::size_t i = 0; i < cpes.size(); ++i) {
        auto cpe = exposure::parse_cpe(cpes[i]);
        if (!cpe)
            return fail(ErrorCode::invalid_input, fmt::format("cpes[{}]: {}", i, cpe.error().message),
                        fmt::format("cpes[{}]", i));
        device.add(*cpe, exposure::to_formatted(*cpe));
    }
    refresh_index();
    std::shared_lock read(shared_.lock);
    const auto& index = shared_.index.impl();
    std::vector<DeviceHit> out;
    Matcher matcher{index, nullptr};
    for (auto& [cve_id, wanted] : matcher.evaluate(device, exposure::PriorityInput{})) {
        const auto& cve = index.cves[index.by_id.at(cve_id)];
        out.push_back(
            {cve_id, cve.kev, cve.ransomware_use, cve.cvss, cve.severity, std::move(wanted.matched)});
    }
    std::stable_sort(out.begin(), out.end(), [](const DeviceHit& a, const DeviceHit& b) {
        if (a.kev != b.kev) return a.kev;
        return a.cvss_score.value_or(-1) > b.cvss_score.value_or(-1);
    });
    return out;
}

}  // namespace mamori::services
