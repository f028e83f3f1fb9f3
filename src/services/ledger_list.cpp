// Ledger: the filtered, sorted, paged list (and the same list whole for the exports), the summary, the
// systems an asset may be linked to. Filters, order and paging all run in SQL.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "identity_records.hpp"
#include "ledger.hpp"
#include "ledger_access.hpp"
#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/store/like.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "query_conditions.hpp"

namespace mamori::services {

namespace {

namespace rec = asset_records;
using identity::Caller;
using ledger_access::Access;
using ledger_access::Reach;

constexpr int kMaxPage = 100000;

template <std::size_t N>
bool one_of(const std::string_view (&words)[N], std::string_view value) {
    return std::find(std::begin(words), std::end(words), value) != std::end(words);
}

Status check_filter(const LedgerFilter& f) {
    if (!f.asset_class.empty() && !one_of(ledger::kAssetClasses, f.asset_class))
        return fail(ErrorCode::invalid_input, "class: not a class of asset", "class");
    if (!f.status.empty() && f.status != "in_use" && f.status != "retired")
        return fail(ErrorCode::invalid_input, "status: in_use or retired", "status");
    if (!f.source.empty() && !one_of(ledger::kAssetSources, f.source))
        return fail(ErrorCode::invalid_input, "source: not a source of assets", "source");
    if (!f.seen_before.empty() && !parse_iso_date(f.seen_before))
        return fail(ErrorCode::invalid_input, "seen_before: a date is written YYYY-MM-DD", "seen_before");
    for (auto [name, value] : {std::pair{"place", &f.place}, std::pair{"q", &f.text}}) {
        if (auto problem = text_problem(*value)) return fail(ErrorCode::invalid_input, *problem, name);
        if (character_count(*value) > ledger::kMaxAssetText)
            return fail(ErrorCode::invalid_input,
                        fmt::format("{}: at most {} characters", name, ledger::kMaxAssetText), name);
    }
    static const std::string_view sorts[] = {"name",       "class",     "location",
                                             "department", "last_seen", "updated"};
    if (!one_of(sorts, f.sort))
        return fail(ErrorCode::invalid_input, "sort: name, class, location, department, last_seen or updated",
                    "sort");
    if (f.page < 1 || f.page > kMaxPage) return fail(ErrorCode::invalid_input, "page: from 1", "page");
    return {};
}

// scope: the assets of the ledger `access` reaches, as conditions on assets `a`.
Conditions scope(const Caller& caller, const Access& access) {
    Conditions c;
    c.add("a.organisation_id = :org", {std::to_string(access.organisation_id)});
    if (access.reach == Reach::vendor)
        c.add(ledger_access::kVendorCondition, {std::to_string(caller.organisation.id)});
    return c;
}

Conditions conditions(const Caller& caller, const Access& access, const LedgerFilter& f) {
    auto c = scope(caller, access);
    if (!f.asset_class.empty()) c.add("a.asset_class = :class", {f.asset_class});
    if (!f.status.empty()) c.add("a.status = :status", {f.status});
    if (f.system_id) c.add("a.system_id = :system", {std::to_string(*f.system_id)});
    if (!f.source.empty()) c.add("a.source = :source", {f.source});
    if (f.internet_facing) c.add("a.internet_facing = :internet", {*f.internet_facing ? "1" : "0"});
    if (f.has_cpe)
        c.add(*f.has_cpe ? "EXISTS (SELECT 1 FROM asset_cpes c WHERE c.asset_id = a.id)"
                         : "NOT EXISTS (SELECT 1 FROM asset_cpes c WHERE c.asset_id = a.id)");
    if (!f.seen_before.empty()) c.add("(a.last_seen_at IS NULL OR a.last_seen_at < :seen)", {f.seen_before});
    if (!f.place.empty()) {
        const auto like = fmt::format("%{}%", store::like_escaped(f.place));
        c.add(
            "(LOWER(a.department) LIKE LOWER(:p1) ESCAPE '!' OR LOWER(a.location) LIKE LOWER(:p2) ESCAPE "
            "'!')",
            {like, like});
    }
    if (!f.text.empty()) {
        const auto like = fmt::format("%{}%", store::like_escaped(f.text));
        c.add(
            "(LOWER(a.name) LIKE LOWER(:q1) ESCAPE '!' OR LOWER(a.serial) LIKE LOWER(:q2) ESCAPE '!' OR "
            "LOWER(a.model) LIKE LOWER(:q3) ESCAPE '!' OR EXISTS (SELECT 1 FROM asset_addresses x WHERE "
            "x.asset_id = a.id AND x.value LIKE LOWER(:q4) ESCAPE '!'))",
            {like, like, like, like});
    }
    return c;
}

std::string order_by(const LedgerFilter& f) {
    const char* direction = f.descending ? "DESC" : "ASC";
    std::string first;
    if (f.sort == "class")
        first = "a.asset_class";
    else if (f.sort == "location")
        first = "a.location";
    else if (f.sort == "department")
        first = "a.department";
    else if (f.sort == "last_seen")
        first = "COALESCE(a.last_seen_at, '')";
    else if (f.sort == "updated")
        first = "a.updated_at";
    else
        first = "a.name";
    return fmt::format("{} {}, a.name, a.id", first, direction);
}

Access reach(soci::session& sql, const Caller& caller, std::optional<std::int64_t> organisation_id) {
    return ledger_access::access_to(sql, caller, organisation_id);
}

}  // namespace

Result<LedgerPage> Ledger::query(const Caller& caller, const LedgerFilter& filter, bool paged) {
    if (auto ok = check_filter(filter); !ok) return fail(ok.error());
    auto lease = db_.acquire();
    auto& sql = *lease;
    const auto access = reach(sql, caller, filter.organisation_id);
    if (access.reach == Reach::none) return ledger_access::no_ledger();
    LedgerPage out;
    out.organisation_id = access.organisation_id;
    out.organisation_name = access.organisation_name;
    out.can_write = access.can_write;
    out.page = paged ? filter.page : 1;
    const auto where = conditions(caller, access, filter);
    with_values(where.values, [&](const auto&... v) {
        for (const auto& r :
             store::query(sql, fmt::format("SELECT COUNT(*) FROM assets a WHERE {}", where.text), v...))
            out.total = static_cast<long>(store::int64_at(r, 0));
    });
    if (!paged && out.total > kMaxLedgerExportRows)
        return fail(ErrorCode::too_large,
                    fmt::format("{} assets: narrow the filters to at most {} for an export", out.total,
                                kMaxLedgerExportRows));
    const std::string limit =
        paged ? fmt::format(" LIMIT {} OFFSET {}", kLedgerPageSize, (filter.page - 1) * kLedgerPageSize) : "";
    const auto text = fmt::format(
        "SELECT {}, COALESCE(s.name, '') FROM assets a LEFT JOIN systems s ON s.id = a.system_id WHERE {} "
        "ORDER BY {}{}",
        rec::kAssetColumns, where.text, order_by(filter), limit);
    with_values(where.values, [&](const auto&... v) {
        for (const soci::row& r : store::query(sql, text, v...)) {
            LedgerAsset a;
            a.asset = rec::read_asset(r);
            a.system_name = r.get<std::string>(25);
            out.assets.push_back(std::move(a));
        }
    });
    std::vector<rec::StoredAsset*> stored;
    stored.reserve(out.assets.size());
    for (auto& a : out.assets) stored.push_back(&a.asset);
    rec::read_children_of(sql, stored, false);
    return out;
}

Result<LedgerPage> Ledger::list(const Caller& caller, const LedgerFilter& filter) {
    return query(caller, filter, true);
}

Result<LedgerPage> Ledger::export_rows(const Caller& caller, const LedgerFilter& filter) {
    return query(caller, filter, false);
}

Result<LedgerSummary> Ledger::summary(const Caller& caller, std::optional<std::int64_t> organisation_id) {
    auto lease = db_.acquire();
    auto& sql = *lease;
    const auto access = reach(sql, caller, organisation_id);
    if (access.reach == Reach::none) return ledger_access::no_ledger();
    LedgerSummary out;
    out.organisation_id = access.organisation_id;
    for (const auto c : ledger::kAssetClasses) out.in_use_by_class.emplace_back(std::string(c), 0);
    const auto today = std::chrono::sys_days(japan_date(std::chrono::system_clock::now()));
    const auto cutoff = to_iso_date(std::chrono::year_month_day(today - std::chrono::days(ledger::kLedgerStaleDays)));
    const auto where = scope(caller, access);
    const auto text = fmt::format(
        "SELECT a.asset_class, a.status, COUNT(*), "
        "SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM asset_cpes c WHERE c.asset_id = a.id) THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN a.last_seen_at IS NOT NULL AND a.last_seen_at < :cutoff THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN a.last_seen_at IS NULL THEN 1 ELSE 0 END), SUM(a.internet_facing) "
        "FROM assets a WHERE {} GROUP BY a.asset_class, a.status",
        where.text);
    std::vector<std::string> values{cutoff};  // in the order of the placeholders
    values.insert(values.end(), where.values.begin(), where.values.end());
    with_values(values, [&](const auto&... v) {
        for (const soci::row& r : store::query(sql, text, v...)) {
            const auto cls = r.get<std::string>(0);
            const long count = static_cast<long>(store::int64_at(r, 2));
            if (r.get<std::string>(1) == "retired") {
                out.retired += count;
                continue;
            }
            out.in_use += count;
            for (auto& [name, n] : out.in_use_by_class)
                if (name == cls) n += count;
            out.without_cpe += static_cast<long>(store::int64_at(r, 3));
            out.stale += static_cast<long>(store::int64_at(r, 4));
            out.never_seen += static_cast<long>(store::int64_at(r, 5));
            out.internet_facing += static_cast<long>(store::int64_at(r, 6));
        }
    });
    return out;
}

Result<std::vector<LedgerSystem>> Ledger::systems(const Caller& caller,
                                                  std::optional<std::int64_t> organisation_id) {
    auto lease = db_.acquire();
    auto& sql = *lease;
    const auto access = reach(sql, caller, organisation_id);
    if (access.reach == Reach::none) return ledger_access::no_ledger();
    std::vector<LedgerSystem> out;
    const long long org = access.organisation_id;
    // A vendor sees only the systems it runs there (vendor_links keeps that to institutions it is linked to).
    const long long vendor = access.reach == Reach::vendor ? caller.organisation.id : 0;
    for (const auto& r : store::query(sql,
                                      "SELECT id, name FROM systems WHERE organisation_id = :o AND status = "
                                      "'in_use' AND (:v = 0 OR vendor_organisation_id = :v2) ORDER BY name, id",
                                      org, vendor, vendor))
        out.push_back({store::int64_at(r, 0), r.get<std::string>(1)});
    return out;
}

}  // namespace mamori::services
