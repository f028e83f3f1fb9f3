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
#include "exposure_matching_rules.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/exposure/configuration.hpp"
#include "mamori/exposure/priority.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace rules = exposure_rules;

namespace {

// Device: the CPE names of one device, parsed, with their text.
struct Device {
    std::vector<exposure::Cpe> cpes;
    std::vector<std::string> texts;
    void add(exposure::Cpe cpe, std::string text) {
        cpes.push_back(std::move(cpe));
        texts.push_back(std::move(text));
    }
};

struct AssetToMatch {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    bool in_use = true;
    exposure::PriorityInput exposure;  // the asset's routes in; the CVE's part is filled per finding
    Device device;
};

// CveSubset: a match limited to some CVEs (a feed delta): only they are evaluated and only their findings
// compared. `sql_list` is their ids as SQL text (checked to be CVE ids).
struct CveSubset {
    std::unordered_set<std::size_t> slots;
    std::string sql_list;
};

// HoldingCache: FeedIndex::Impl::holding by CPE name for one run: the same names recur across a ledger (a
// hospital's PCs run the same OS build), so each is looked up once.
class HoldingCache {
  public:
    explicit HoldingCache(const FeedIndex::Impl& index) : index_(index) {}
    const std::vector<std::uint32_t>& of(const exposure::Cpe& cpe, const std::string& text) {
        if (const auto it = slots_.find(text); it != slots_.end()) return it->second;
        if (slots_.size() >= kMaxNames) slots_.clear();
        return slots_.emplace(text, index_.holding(cpe)).first->second;
    }

  private:
    static constexpr std::size_t kMaxNames = 200'000;
    const FeedIndex::Impl& index_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> slots_;
};

// Matcher: what one run evaluates with.
struct Matcher {
    const FeedIndex::Impl& index;
    const CveSubset* only;  // nullptr: every CVE
    std::string today = to_iso_date(japan_date(std::chrono::system_clock::now()));
    HoldingCache cache{index};

    // evaluate: the CVEs the device's CPE names make true, by CVE id.
    std::map<std::string, finding_writes::Wanted> evaluate(const Device& device,
                                                           const exposure::PriorityInput& routes) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> hits;  // CVE slot, index of the device's name
        for (std::size_t i = 0; i < device.cpes.size(); ++i)
            for (const auto slot : cache.of(device.cpes[i], device.texts[i]))
                if (!only || only->slots.contains(slot)) hits.emplace_back(slot, static_cast<std::uint32_t>(i));
        std::sort(hits.begin(), hits.end());
        std::map<std::string, finding_writes::Wanted> out;
        for (std::size_t from = 0; from < hits.size();) {
            std::size_t end = from;
            while (end < hits.size() && hits[end].first == hits[from].first) ++end;
            const auto& cve = index.cves[hits[from].first];
            finding_writes::Wanted w;
            if (cve.simple) {
                for (std::size_t h = from; h < end; ++h) w.matched.push_back(device.texts[hits[h].second]);
            } else {
                const auto result = exposure::evaluate(cve.configurations, device.cpes);
                for (const auto i : result.matched) w.matched.push_back(device.texts[i]);
            }
            from = end;
            if (w.matched.empty()) continue;
            std::sort(w.matched.begin(), w.matched.end());
            w.matched.erase(std::unique(w.matched.begin(), w.matched.end()), w.matched.end());
            w.priority = priority(cve, routes);
            out.emplace(cve.cve_id, std::move(w));
        }
        return out;
    }

    int priority(const IndexedCve& cve, exposure::PriorityInput input) const {
        input.in_kev = cve.kev;
        input.ransomware_known = cve.ransomware_known;
        input.kev_due_passed = cve.kev && !cve.kev_due_date.empty() && cve.kev_due_date < today;
        input.cvss_score = cve.cvss;
        return static_cast<int>(exposure::prioritise(input).rank_key);
    }
};

std::string id_list(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (const auto id : ids) {
        if (!out.empty()) out += ',';
        out += std::to_string(id);
    }
    return out;
}

std::vector<AssetToMatch> read_assets(soci::session& sql, const std::vector<std::int64_t>& ids) {
    std::vector<AssetToMatch> out;
    std::unordered_map<std::int64_t, std::size_t> at;
    const std::string list = id_list(ids);
    for (const soci::row& r : store::query(
             sql, fmt::format("SELECT id, organisation_id, status, internet_facing, asset_class, "
                              "remote_maintenance FROM assets WHERE id IN ({}) ORDER BY id",
                              list))) {
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
    for (const soci::row& r : store::query(
             sql, fmt::format("SELECT asset_id, cpe FROM asset_cpes WHERE asset_id IN ({})", list))) {
        std::string text = r.get<std::string>(1);
        if (auto cpe = exposure::parse_cpe(text))
            out[at.at(store::int64_at(r, 0))].device.add(*cpe, std::move(text));
    }
    return out;
}

MatchStats match_assets(soci::session& sql, store::Dialect dialect, Matcher& matcher,
                        const std::vector<std::int64_t>& asset_ids, const std::string& now) {
    const CveSubset* only = matcher.only;
    MatchStats stats;
    if (asset_ids.empty()) return stats;
    std::vector<std::int64_t> ids = asset_ids;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // Lock in id order: a second matcher of the same assets waits and then sees these findings.
    if (dialect == store::Dialect::postgresql)
        sql << fmt::format("SELECT id FROM assets WHERE id IN ({}) ORDER BY id FOR UPDATE", id_list(ids));
    const auto assets = read_assets(sql, ids);
    const std::string of_subset = only ? fmt::format(" AND cve_id IN ({})", only->sql_list) : "";
    // With a subset SQLite is told to walk each CVE's few rows of the (cve_id, asset_id) index and pass over
    // other assets there, rather than probe every asset × CVE pair ('+' keeps the asset_id term off the index).
    const std::string asset_column = only && dialect == store::Dialect::sqlite ? "+asset_id" : "asset_id";
    std::unordered_map<std::int64_t, std::map<std::string, finding_writes::Stored>> stored;
    for (const soci::row& r : store::query(
             sql, fmt::format("SELECT asset_id, cve_id, id, active, state, matched_cpes, priority FROM findings "
                              "WHERE {} IN ({}){}",
                              asset_column, id_list(ids), of_subset))) {
        finding_writes::Stored s{store::int64_at(r, 2), store::int64_at(r, 3) != 0, r.get<std::string>(4),
                                 r.get<std::string>(5), static_cast<int>(store::int64_at(r, 6))};
        stored[store::int64_at(r, 0)].emplace(r.get<std::string>(1), std::move(s));
    }
    finding_writes::Batch batch(sql, dialect, now, stats);
    for (const auto& asset : assets) {
        const auto wanted = asset.in_use ? matcher.evaluate(asset.device, asset.exposure)
                                         : std::map<std::string, finding_writes::Wanted>{};
        batch.asset(asset.organisation_id, asset.id, wanted, stored[asset.id]);
        ++stats.assets;
    }
    batch.write();
    // Still true: when they were last confirmed, kept to the hour: rewriting every row of every run would be
    // most of a re-run's cost (on PostgreSQL each update is a new row version), so a value younger than an
    // hour stands.
    const auto at = parse_iso_utc(now);
    const std::string hour_ago =
        to_iso_utc((at ? *at : std::chrono::system_clock::now()) - std::chrono::hours(1));
    sql << fmt::format(
        "UPDATE findings SET last_matched_at = '{}' WHERE {} IN ({}) AND active = 1 AND "
        "last_matched_at < '{}'{}",
        now, asset_column, id_list(ids), hour_ago, of_subset);
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
    static std::map<std::string, std::unique_ptr<SharedFeedIndex>> registry;
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
