// FeedIndex: the CVEs' configurations in memory, by product and by vulnerable criterion (exposure_feed_index.hpp).
#include "exposure_feed_index.hpp"

#include <fmt/format.h>
#include <malloc.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <nlohmann/json.hpp>

#include "exposure_matching_rules.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace rules = exposure_rules;
using nlohmann::json;

namespace {

template <typename F>
void each_match(const exposure::Node& node, F&& f) {
    for (const auto& match : node.matches) f(match);
    for (const auto& child : node.children) each_match(child, f);
}

// each_vulnerable: f(match, index of its configuration) for every vulnerable criterion of the CVE.
template <typename F>
void each_vulnerable(const IndexedCve& cve, F&& f) {
    for (std::size_t c = 0; c < cve.configurations.size(); ++c)
        for (const auto& node : cve.configurations[c].nodes)
            each_match(node, [&](const exposure::CpeMatch& match) {
                if (match.vulnerable) f(match, static_cast<std::uint32_t>(c));
            });
}

bool plain_or_node(const exposure::Node& node) {
    return node.op == exposure::Operator::or_ && !node.negate && node.children.empty();
}

// exact_version: the one version a criterion names, when it names exactly one (no range, no pattern).
const std::string* exact_version(const exposure::CpeMatch& match) {
    if (match.has_range() || !exposure::is_index_key(match.criteria.version)) return nullptr;
    return &match.criteria.version.text;
}

template <typename T>
void erase_slot(std::vector<T>& list, std::size_t slot) {
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const T& item) {
                                  if constexpr (std::is_same_v<T, VulnerableCriterion>) return item.slot == slot;
                                  else return item == slot;
                              }),
               list.end());
}

}  // namespace

void FeedIndex::Impl::link(std::size_t slot) {
    auto& cve = cves[slot];
    for (const auto& key : cve.products) by_product[key].push_back(slot);
    each_vulnerable(cve, [&](const exposure::CpeMatch& match, std::uint32_t configuration) {
        const auto key = rules::product_key(match.criteria);
        const bool keyed = key && exposure::is_index_key(match.criteria.vendor) &&
                           exposure::is_index_key(match.criteria.product);
        if (!keyed) {
            cve.unkeyed_vulnerable = true;
            return;
        }
        auto& criteria = vulnerable_by_product[*key];
        const VulnerableCriterion entry{static_cast<std::uint32_t>(slot), configuration, &match};
        if (const auto* version = exact_version(match)) criteria.by_version[*version].push_back(entry);
        else criteria.other.push_back(entry);
        cve.vulnerable_products.push_back(*key);
    });
    std::sort(cve.vulnerable_products.begin(), cve.vulnerable_products.end());
    cve.vulnerable_products.erase(std::unique(cve.vulnerable_products.begin(), cve.vulnerable_products.end()),
                                  cve.vulnerable_products.end());
    if (cve.unkeyed_vulnerable)
        for (const auto& key : cve.products) unkeyed_by_product[key].push_back(slot);
    cve.plain.clear();
    for (const auto& c : cve.configurations)
        cve.plain.push_back(c.op == exposure::Operator::or_ && !c.negate &&
                            std::all_of(c.nodes.begin(), c.nodes.end(), plain_or_node));
}

void FeedIndex::Impl::unlink(std::size_t slot) {
    auto& cve = cves[slot];
    for (const auto& key : cve.products) {
        erase_slot(by_product[key], slot);
        if (cve.unkeyed_vulnerable) erase_slot(unkeyed_by_product[key], slot);
    }
    for (const auto& key : cve.vulnerable_products) {
        auto& criteria = vulnerable_by_product[key];
        erase_slot(criteria.other, slot);
        for (auto& [version, list] : criteria.by_version) erase_slot(list, slot);
    }
    cve.products.clear();
    cve.vulnerable_products.clear();
    cve.unkeyed_vulnerable = false;
    cve.plain.clear();
    cve.configurations.clear();
}

void FeedIndex::Impl::put(IndexedCve cve) {
    std::size_t slot;
    if (auto it = by_id.find(cve.cve_id); it != by_id.end()) {
        slot = it->second;
        unlink(slot);
    } else {
        slot = cves.size();
        cves.emplace_back();
        by_id.emplace(cve.cve_id, slot);
    }
    cves[slot] = std::move(cve);
    link(slot);
}

void FeedIndex::Impl::remove(const std::string& cve_id) {
    if (auto it = by_id.find(cve_id); it != by_id.end()) unlink(it->second);
}

std::vector<Holding> FeedIndex::Impl::holding(const exposure::Cpe& cpe) const {
    std::vector<Holding> out;
    const auto key = rules::product_key(cpe);
    if (!key) return out;
    if (const auto it = vulnerable_by_product.find(*key); it != vulnerable_by_product.end()) {
        auto consider = [&](const std::vector<VulnerableCriterion>& list) {
            for (const auto& entry : list)
                if (exposure::cpe_match_holds_for_product(*entry.match, cpe))
                    out.push_back({entry.slot, entry.configuration});
        };
        if (cpe.version.kind == exposure::CpeValue::Kind::value)
            if (const auto v = it->second.by_version.find(cpe.version.text); v != it->second.by_version.end())
                consider(v->second);
        consider(it->second.other);
    }
    if (const auto it = unkeyed_by_product.find(*key); it != unkeyed_by_product.end())
        for (const auto slot : it->second) out.push_back({static_cast<std::uint32_t>(slot), Holding::kEvery});
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace {

constexpr std::string_view kCveColumns =
    "SELECT c.cve_id, c.status, c.configurations, c.cvss_score, c.cvss_severity, c.imported_at, k.ransomware_use, "
    "k.imported_at, k.due_date FROM cves c LEFT JOIN kev_entries k ON k.cve_id = c.cve_id";

}  // namespace

// CveRow: one CVE as read, its configurations still JSON text; `matchable` false once it is rejected or its
// configurations do not parse (then it leaves the index; the feed importer reports the latter).
struct CveRow {
    IndexedCve cve;
    std::string configurations;
    std::string imported_at;
    std::optional<std::string> kev_imported_at;
    bool matchable = true;
};

namespace {

CveRow read_row(const soci::row& r) {
    CveRow row;
    row.cve.cve_id = r.get<std::string>(0);
    row.matchable = exposure::is_matchable(r.get<std::string>(1));
    row.configurations = r.get<std::string>(2);
    if (r.get_indicator(3) != soci::i_null) row.cve.cvss = r.get<double>(3);
    row.cve.severity = r.get<std::string>(4);
    row.imported_at = r.get<std::string>(5);
    row.kev_imported_at = store::optional_text_at(r, 7);
    row.cve.kev_due_date = store::optional_text_at(r, 8).value_or("");
    if (auto use = store::optional_text_at(r, 6)) {
        row.cve.kev = true;
        row.cve.ransomware_use = *use;
        row.cve.ransomware_known = *use == "Known";
    }
    return row;
}

// compile: the configurations parsed and the products they name listed (the costly part of a load).
void compile(CveRow& row) {
    if (!row.matchable) return;
    auto parsed = exposure::parse_configurations(json::parse(row.configurations, nullptr, false));
    std::string().swap(row.configurations);
    if (!parsed) {
        row.matchable = false;
        return;
    }
    row.cve.configurations = std::move(*parsed);
    for (const auto& key : exposure::products_named(row.cve.configurations))
        row.cve.products.push_back(rules::product_key(key));
}

}  // namespace

void FeedIndex::Impl::take(CveRow& row) {
    if (row.imported_at > cves_watermark) cves_watermark = row.imported_at;
    if (row.kev_imported_at && *row.kev_imported_at > kev_watermark) kev_watermark = *row.kev_imported_at;
    if (row.matchable) put(std::move(row.cve));
    else remove(row.cve.cve_id);
}

template <typename... A>
std::vector<std::string> FeedIndex::Impl::read(soci::session& sql, std::string_view where, const A&... values) {
    std::vector<std::string> ids;
    for (const soci::row& r : store::query(sql, fmt::format("{} {}", kCveColumns, where), values...)) {
        auto row = read_row(r);
        ids.push_back(row.cve.cve_id);
        compile(row);
        take(row);
    }
    return ids;
}

// read_all: every CVE, compiled on a second thread while this one reads the rows and indexes what is compiled.
void FeedIndex::Impl::read_all(soci::session& sql) {
    constexpr std::size_t kRowsPerBatch = 1'000;
    std::mutex lock;
    std::condition_variable changed;
    std::deque<std::vector<CveRow>> to_compile, compiled;
    bool reading = true;
    std::jthread compiler([&] {
        std::unique_lock guard(lock);
        while (true) {
            changed.wait(guard, [&] { return !to_compile.empty() || !reading; });
            if (to_compile.empty()) return;
            auto batch = std::move(to_compile.front());
            to_compile.pop_front();
            guard.unlock();
            for (auto& row : batch) compile(row);
            guard.lock();
            compiled.push_back(std::move(batch));
            changed.notify_all();
        }
    });
    const auto index_compiled = [&](bool wait_for_all) {
        std::unique_lock guard(lock);
        while (true) {
            if (wait_for_all)
                changed.wait(guard, [&] { return !compiled.empty() || to_compile.empty(); });
            if (compiled.empty()) return;
            auto batch = std::move(compiled.front());
            compiled.pop_front();
            guard.unlock();
            for (auto& row : batch) take(row);
            guard.lock();
        }
    };
    std::vector<CveRow> batch;
    const auto hand_over = [&] {
        {
            std::lock_guard guard(lock);
            to_compile.push_back(std::move(batch));
        }
        changed.notify_all();
        batch = {};
        index_compiled(false);
    };
    const auto done_reading = [&] {
        {
            std::lock_guard guard(lock);
            reading = false;
        }
        changed.notify_all();
        compiler.join();
    };
    try {
        for (const soci::row& r : store::query(sql, kCveColumns)) {
            batch.push_back(read_row(r));
            if (batch.size() == kRowsPerBatch) hand_over();
        }
        if (!batch.empty()) hand_over();
    } catch (...) {
        done_reading();
        throw;
    }
    done_reading();
    index_compiled(true);
    // The compiling thread's allocator arena still holds the pages of the JSON it parsed and freed: give them
    // back, or the server keeps about 150 MB it does not use.
    malloc_trim(0);
}

FeedIndex::FeedIndex() : impl_(std::make_unique<Impl>()) {}
FeedIndex::~FeedIndex() = default;
FeedIndex::FeedIndex(FeedIndex&&) noexcept = default;
FeedIndex& FeedIndex::operator=(FeedIndex&&) noexcept = default;

namespace {

std::string newest_kev(soci::session& sql) {
    for (const soci::row& r : store::query(sql, "SELECT COALESCE(MAX(imported_at), '') FROM kev_entries"))
        return r.get<std::string>(0);
    return {};
}

}  // namespace

FeedIndex FeedIndex::load(soci::session& sql) {
    FeedIndex index;
    index.impl_->read_all(sql);
    index.impl_->kev_watermark = std::max(index.impl_->kev_watermark, newest_kev(sql));
    return index;
}

std::vector<std::string> FeedIndex::refresh(soci::session& sql) {
    const std::string cves_after = impl_->cves_watermark, kev_after = impl_->kev_watermark;
    auto ids = impl_->read(sql,
                           "WHERE c.imported_at > :c OR c.cve_id IN (SELECT cve_id FROM kev_entries WHERE "
                           "imported_at > :k)",
                           cves_after, kev_after);
    impl_->kev_watermark = std::max(impl_->kev_watermark, newest_kev(sql));
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

}  // namespace mamori::services
