// ExposureMatching: the feed index and bringing findings up to date (see exposure_matching.hpp).
#include "mamori/services/exposure_matching.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "exposure_matching_rules.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/exposure/configuration.hpp"
#include "mamori/exposure/priority.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace rules = exposure_rules;
using nlohmann::json;

struct IndexedCve {
    std::string cve_id;
    std::vector<exposure::Configuration> configurations;
    std::vector<std::string> products;
    bool kev = false;
    bool ransomware_known = false;
    std::string ransomware_use;
    std::optional<double> cvss;
    std::string severity;
    std::string kev_due_date;  // YYYY-MM-DD or empty
};

struct FeedIndex::Impl {
    std::vector<IndexedCve> cves;  // a removed CVE stays as an empty slot (no products)
    std::unordered_map<std::string, std::size_t> by_id;
    std::unordered_map<std::string, std::vector<std::size_t>> by_product;
    std::string cves_watermark, kev_watermark;  // newest imported_at read

    void unlink(std::size_t slot) {
        for (const auto& key : cves[slot].products) {
            auto& list = by_product[key];
            list.erase(std::remove(list.begin(), list.end(), slot), list.end());
        }
        cves[slot].products.clear();
        cves[slot].configurations.clear();
    }

    void put(IndexedCve cve) {
        std::size_t slot;
        if (auto it = by_id.find(cve.cve_id); it != by_id.end()) {
            slot = it->second;
            unlink(slot);
        } else {
            slot = cves.size();
            cves.emplace_back();
            by_id.emplace(cve.cve_id, slot);
        }
        for (const auto& key : cve.products) by_product[key].push_back(slot);
        cves[slot] = std::move(cve);
    }

    void remove(const std::string& cve_id) {
        if (auto it = by_id.find(cve_id); it != by_id.end()) unlink(it->second);
    }

    // read: the CVE rows `where` selects (with their KEV entries); rejected ones leave the index.
    template <typename... A>
    std::vector<std::string> read(soci::session& sql, std::string_view where, const A&... values) {
        std::vector<std::string> ids;
        const std::string text = fmt::format(
            "SELECT c.cve_id, c.status, c.configurations, c.cvss_score, c.cvss_severity, c.imported_at, "
            "k.ransomware_use, k.imported_at, k.due_date FROM cves c LEFT JOIN kev_entries k ON k.cve_id = "
            "c.cve_id {}",
            where);
        for (const soci::row& r : store::query(sql, text, values...)) {
            IndexedCve cve;
            cve.cve_id = r.get<std::string>(0);
            ids.push_back(cve.cve_id);
            const std::string imported = r.get<std::string>(5);
            if (imported > cves_watermark) cves_watermark = imported;
            if (auto kev_at = store::optional_text_at(r, 7); kev_at && *kev_at > kev_watermark)
                kev_watermark = *kev_at;
            if (!exposure::is_matchable(r.get<std::string>(1))) {
                remove(cve.cve_id);
                continue;
            }
            // A record whose configurations do not parse matches nothing (the feed importer reports it).
            auto parsed = exposure::parse_configurations(json::parse(r.get<std::string>(2), nullptr, false));
            if (!parsed) {
                remove(cve.cve_id);
                continue;
            }
            cve.configurations = std::move(*parsed);
            for (const auto& key : exposure::products_named(cve.configurations))
                cve.products.push_back(rules::product_key(key));
            if (r.get_indicator(3) != soci::i_null) cve.cvss = r.get<double>(3);
            cve.severity = r.get<std::string>(4);
            cve.kev_due_date = store::optional_text_at(r, 8).value_or("");
            if (auto use = store::optional_text_at(r, 6)) {
                cve.kev = true;
                cve.ransomware_use = *use;
                cve.ransomware_known = *use == "Known";
            }
            put(std::move(cve));
        }
        return ids;
    }
};

FeedIndex::FeedIndex() : impl_(std::make_unique<Impl>()) {}
FeedIndex::~FeedIndex() = default;
FeedIndex::FeedIndex(FeedIndex&&) noexcept = default;
FeedIndex& FeedIndex::operator=(FeedIndex&&) noexcept = default;

FeedIndex FeedIndex::load(soci::session& sql) {
    FeedIndex index;
    index.impl_->read(sql, "");
    for (const soci::row& r : store::query(sql, "SELECT COALESCE(MAX(imported_at), '') FROM kev_entries"))
        index.impl_->kev_watermark = std::max(index.impl_->kev_watermark, r.get<std::string>(0));
    return index;
}

std::vector<std::string> FeedIndex::refresh(soci::session& sql) {
    const std::string cves_after = impl_->cves_watermark, kev_after = impl_->kev_watermark;
    auto ids = impl_->read(sql,
                           "WHERE c.imported_at > :c OR c.cve_id IN (SELECT cve_id FROM kev_entries WHERE "
                           "imported_at > :k)",
                           cves_after, kev_after);
    for (const soci::row& r : store::query(sql, "SELECT COALESCE(MAX(imported_at), '') FROM kev_entries"))
        impl_->kev_watermark = std::max(impl_->kev_watermark, r.get<std::string>(0));
    return ids;
}

void FeedIndex::reload(soci::session& sql, const std::vector<std::string>& cve_ids) {
    for (const auto& id : cve_ids) {
        const auto read = impl_->read(sql, "WHERE c.cve_id = :id", id);
        if (read.empty()) impl_->remove(id);
    }
}

std::size_t FeedIndex::size() const {
    std::size_t n = 0;
    for (const auto& c : impl_->cves) n += c.products.empty() ? 0 : 1;
    return n;
}

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

struct Wanted {
    std::vector<std::string> matched;
    int priority = 0;
};

struct Stored {
    std::int64_t id = 0;
    bool active = true;
    std::string state;
    std::string matched_cpes;
    int priority = 0;
};

// evaluate: the CVEs the device's CPE names make true, by CVE id.
std::map<std::string, Wanted> evaluate(const FeedIndex::Impl& index, const Device& device,
                                       const exposure::PriorityInput& routes) {
    const std::string today = to_iso_date(japan_date(std::chrono::system_clock::now()));
    std::vector<std::size_t> candidates;
    for (const auto& cpe : device.cpes) {
        const auto key = rules::product_key(cpe);
        if (!key) continue;
        const auto it = index.by_product.find(*key);
        if (it != index.by_product.end())
            candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::map<std::string, Wanted> out;
    for (const auto slot : candidates) {
        const auto& cve = index.cves[slot];
        const auto result = exposure::evaluate(cve.configurations, device.cpes);
        if (!result.affected) continue;
        Wanted w;
        for (const auto i : result.matched) w.matched.push_back(device.texts[i]);
        std::sort(w.matched.begin(), w.matched.end());
        w.matched.erase(std::unique(w.matched.begin(), w.matched.end()), w.matched.end());
        exposure::PriorityInput input = routes;
        input.in_kev = cve.kev;
        input.ransomware_known = cve.ransomware_known;
        input.kev_due_passed = cve.kev && !cve.kev_due_date.empty() && cve.kev_due_date < today;
        input.cvss_score = cve.cvss;
        w.priority = static_cast<int>(exposure::prioritise(input).rank_key);
        out.emplace(cve.cve_id, std::move(w));
    }
    return out;
}

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

std::int64_t next_seq(soci::session& sql, std::int64_t finding) {
    for (const soci::row& r :
         store::query(sql, "SELECT COALESCE(MAX(seq), 0) FROM finding_events WHERE finding_id = :f", finding))
        return store::int64_at(r, 0) + 1;
    return 1;
}

void add_event(soci::session& sql, std::int64_t finding, std::int64_t seq, const std::string& action,
               const std::optional<std::string>& from, const std::optional<std::string>& to,
               const std::string& reason, const std::string& now) {
    store::execute(sql,
                   "INSERT INTO finding_events (finding_id, seq, action, from_state, to_state, reason, at) "
                   "VALUES (:f, :s, :a, :fr, :t, :r, :at)",
                   finding, seq, action, from, to, reason, now);
}

// NewFinding: a finding to insert with the rest of its batch.
struct NewFinding {
    long long organisation_id = 0, asset_id = 0, priority = 0;
    std::string cve_id, matched;
};

// insert_new: the batch's new findings, up to kRowsPerStatement per INSERT, and each one's found event. A row
// another matcher made meanwhile is skipped (ON CONFLICT) and gets no event here.
void insert_new(soci::session& sql, store::Dialect dialect, const std::vector<NewFinding>& rows,
                const std::string& now, MatchStats& stats) {
    if (dialect == store::Dialect::sqlite) {
        // In process, one cached statement per row is the quicker way.
        for (const auto& r : rows) {
            std::optional<std::int64_t> made;
            for (const soci::row& row : store::query(
                     sql,
                     "INSERT INTO findings (organisation_id, asset_id, cve_id, matched_cpes, priority, "
                     "first_found_at, last_matched_at, updated_at) VALUES (:o, :a, :c, :m, :p, :f, :l, :u) "
                     "ON CONFLICT (asset_id, cve_id) DO NOTHING RETURNING id",
                     r.organisation_id, r.asset_id, r.cve_id, r.matched, r.priority, now, now, now))
                made = store::int64_at(row, 0);
            if (!made) continue;
            add_event(sql, *made, 1, "found", std::nullopt, std::string("open"), "", now);
            ++stats.found;
        }
        return;
    }
    // PostgreSQL: a round trip per statement, so many rows in each.
    constexpr std::size_t kRowsPerStatement = 200;
    for (std::size_t from = 0; from < rows.size(); from += kRowsPerStatement) {
        const std::size_t end = std::min(rows.size(), from + kRowsPerStatement);
        std::string text =
            "INSERT INTO findings (organisation_id, asset_id, cve_id, matched_cpes, priority, "
            "first_found_at, "
            "last_matched_at, updated_at) VALUES ";
        soci::statement st(sql);
        for (std::size_t i = from; i < end; ++i) {
            // `now` is our own ISO time, never input; the rest is bound.
            text += fmt::format("{}(:o{}, :a{}, :c{}, :m{}, :p{}, '{}', '{}', '{}')", i == from ? "" : ", ",
                                i, i, i, i, i, now, now, now);
            const auto& r = rows[i];
            st.exchange(soci::use(r.organisation_id));
            st.exchange(soci::use(r.asset_id));
            st.exchange(soci::use(r.cve_id));
            st.exchange(soci::use(r.matched));
            st.exchange(soci::use(r.priority));
        }
        text += " ON CONFLICT (asset_id, cve_id) DO NOTHING RETURNING id";
        long long id = 0;
        st.exchange(soci::into(id));
        st.alloc();
        st.prepare(text);
        st.define_and_bind();
        std::vector<long long> made;
        if (st.execute(true)) {
            do made.push_back(id);
            while (st.fetch());
        }
        if (made.empty()) continue;
        std::string events =
            "INSERT INTO finding_events (finding_id, seq, action, to_state, reason, at) VALUES ";
        for (std::size_t i = 0; i < made.size(); ++i)
            events += fmt::format("{}({}, 1, 'found', 'open', '', '{}')", i == 0 ? "" : ", ", made[i], now);
        sql << events;
        stats.found += static_cast<std::int64_t>(made.size());
    }
}

void write_asset(soci::session& sql, const AssetToMatch& asset, const std::map<std::string, Wanted>& wanted,
                 std::map<std::string, Stored>& stored, const std::string& now, MatchStats& stats,
                 std::vector<NewFinding>& pending) {
    for (const auto& [cve_id, w] : wanted) {
        const std::string matched = json(w.matched).dump();
        auto it = stored.find(cve_id);
        if (it == stored.end()) {
            pending.push_back({asset.organisation_id, asset.id, w.priority, cve_id, matched});
            continue;
        }
        const Stored& s = it->second;
        if (!s.active) {
            const bool reopen = s.state == "mitigated";
            const std::string state = reopen ? "open" : s.state;
            store::execute(
                sql,
                "UPDATE findings SET active = 1, inactive_since = NULL, state = :s, matched_cpes = :m, "
                "priority = :p, last_matched_at = :l, updated_at = :u, updated_by = NULL, "
                "version = version + 1 WHERE id = :id",
                state, matched, w.priority, now, now, s.id);
            add_event(sql, s.id, next_seq(sql, s.id), "returned", s.state, state,
                      reopen ? "true again after it was mitigated: back to open" : "", now);
            ++stats.returned;
        } else {
            if (s.matched_cpes != matched || s.priority != w.priority)
                store::execute(sql, "UPDATE findings SET matched_cpes = :m, priority = :p WHERE id = :id",
                               matched, w.priority, s.id);
            ++stats.unchanged;
        }
    }
    for (const auto& [cve_id, s] : stored) {
        if (!s.active || wanted.contains(cve_id)) continue;
        store::execute(
            sql,
            "UPDATE findings SET active = 0, inactive_since = :n, updated_at = :u, version = version + 1 "
            "WHERE id = :id",
            now, now, s.id);
        add_event(sql, s.id, next_seq(sql, s.id), "gone", s.state, s.state, "", now);
        ++stats.gone;
    }
}

}  // namespace

MatchStats match_asset_ids(soci::session& sql, store::Dialect dialect, const FeedIndex& index,
                           const std::vector<std::int64_t>& asset_ids, const std::string& now) {
    MatchStats stats;
    if (asset_ids.empty()) return stats;
    std::vector<std::int64_t> ids = asset_ids;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // Lock in id order: a second matcher of the same assets waits and then sees these findings.
    if (dialect == store::Dialect::postgresql)
        sql << fmt::format("SELECT id FROM assets WHERE id IN ({}) ORDER BY id FOR UPDATE", id_list(ids));
    const auto assets = read_assets(sql, ids);
    std::unordered_map<std::int64_t, std::map<std::string, Stored>> stored;
    for (const soci::row& r : store::query(
             sql,
             fmt::format("SELECT asset_id, cve_id, id, active, state, matched_cpes, priority FROM findings "
                         "WHERE asset_id IN ({})",
                         id_list(ids)))) {
        Stored s{store::int64_at(r, 2), store::int64_at(r, 3) != 0, r.get<std::string>(4),
                 r.get<std::string>(5), static_cast<int>(store::int64_at(r, 6))};
        stored[store::int64_at(r, 0)].emplace(r.get<std::string>(1), std::move(s));
    }
    std::vector<NewFinding> pending;
    for (const auto& asset : assets) {
        const auto wanted = asset.in_use ? evaluate(index.impl(), asset.device, asset.exposure)
                                         : std::map<std::string, Wanted>{};
        write_asset(sql, asset, wanted, stored[asset.id], now, stats, pending);
        ++stats.assets;
    }
    insert_new(sql, dialect, pending, now, stats);
    // Still true: when they were last confirmed, kept to the hour: rewriting every row of every run would be
    // most of a re-run's cost (on PostgreSQL each update is a new row version), so a value younger than an
    // hour stands.
    const auto at = parse_iso_utc(now);
    const std::string hour_ago =
        to_iso_utc((at ? *at : std::chrono::system_clock::now()) - std::chrono::hours(1));
    sql << fmt::format(
        "UPDATE findings SET last_matched_at = '{}' WHERE asset_id IN ({}) AND active = 1 AND "
        "last_matched_at < '{}'",
        now, id_list(ids), hour_ago);
    return stats;
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
    MatchStats total;
    const std::string now = to_iso_utc(std::chrono::system_clock::now());
    for (std::size_t from = 0; from < asset_ids.size(); from += kBatch) {
        const std::vector<std::int64_t> batch(
            asset_ids.begin() + static_cast<std::ptrdiff_t>(from),
            asset_ids.begin() + static_cast<std::ptrdiff_t>(std::min(asset_ids.size(), from + kBatch)));
        auto stats = db_.transaction([&](soci::session& sql) -> Result<MatchStats> {
            return match_asset_ids(sql, db_.dialect(), shared_.index, batch, now);
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

Result<MatchStats> ExposureMatching::rematch_cves(const std::vector<std::string>& cve_ids) {
    {
        // No device, no finding: a feed import into a fresh installation does not load the index for nothing.
        auto lease = db_.acquire();
        bool any_asset = false;
        for (const soci::row& r : store::query(*lease, "SELECT COUNT(*) FROM (SELECT 1 FROM assets LIMIT 1) a"))
            any_asset = store::int64_at(r, 0) > 0;
        if (!any_asset) return MatchStats{};
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
        // The assets naming a product of these CVEs, and those holding a finding of one (it may be gone now).
        std::unordered_set<std::string> keys;
        for (const auto& cve_id : cve_ids)
            if (auto it = shared_.index.impl().by_id.find(cve_id); it != shared_.index.impl().by_id.end())
                for (const auto& key : shared_.index.impl().cves[it->second].products) keys.insert(key);
        for (const auto& key : keys) {
            const auto parts = rules::split_product_key(key);
            for (const soci::row& r : store::query(
                     *lease,
                     "SELECT asset_id FROM asset_cpes WHERE part = :p AND vendor = :v AND product = :r",
                     parts.part, parts.vendor, parts.product))
                ids.push_back(store::int64_at(r, 0));
        }
        for (const auto& cve_id : cve_ids)
            for (const soci::row& r :
                 store::query(*lease, "SELECT asset_id FROM findings WHERE cve_id = :c", cve_id))
                ids.push_back(store::int64_at(r, 0));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return run(ids);
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
    for (auto& [cve_id, wanted] : evaluate(index, device, exposure::PriorityInput{})) {
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
