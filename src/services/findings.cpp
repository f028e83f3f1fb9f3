// Findings: the institution's findings, triage with history, summary and the national numbers.
#include "mamori/services/findings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/store/id_set.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "query_conditions.hpp"
#include "vendor_scope.hpp"

namespace mamori::services {

namespace {

using identity::Caller;
using identity::OrgKind;
using identity::Role;
using nlohmann::json;

// Scope: which findings a caller reads: one institution's, or (a vendor) those of the systems it runs.
struct Scope {
    std::optional<std::int64_t> organisation_id;
    std::vector<std::int64_t> system_ids;  // vendor: only assets of these systems
    bool vendor = false;
    bool can_write = false;
};

bool own_reader(const Caller& c) {
    return identity::is_institution(c.organisation.kind) &&
           (c.has(Role::administrator) || c.has(Role::security_manager) || c.has(Role::editor) ||
            c.has(Role::viewer));
}

bool own_writer(const Caller& c) {
    return own_reader(c) && identity::allows_write(c) &&
           (c.has(Role::administrator) || c.has(Role::security_manager) || c.has(Role::editor));
}

tl::unexpected<Error> no_findings() {
    return fail(ErrorCode::not_found, "there are no findings here for you");
}

// scope_for: the caller's scope over `organisation_id` (default: its own institution).
Result<Scope> scope_for(soci::session& sql, const Caller& caller,
                        std::optional<std::int64_t> organisation_id) {
    Scope s;
    const auto kind = caller.organisation.kind;
    if (identity::is_institution(kind)) {
        if (!own_reader(caller) || (organisation_id && *organisation_id != caller.organisation.id))
            return no_findings();
        s.organisation_id = caller.organisation.id;
        s.can_write = own_writer(caller);
        return s;
    }
    if (kind == OrgKind::health_centre || kind == OrgKind::prefecture) {
        if (!organisation_id)
            return fail(ErrorCode::invalid_input, "organisation_id: which institution's findings",
                        "organisation_id");
        auto target = records::find_organisation(sql, *organisation_id);
        // The same readers as the ledger the findings are of (ledger_access): inspectors and administrators.
        if (!target || !identity::can_inspect(caller, target->ref)) return no_findings();
        s.organisation_id = *organisation_id;
        return s;
    }
    if (kind == OrgKind::vendor) {
        if (!caller.has(identity::Role::administrator) && !caller.has(identity::Role::vendor_respondent))
            return no_findings();
        s.vendor = true;
        for (const auto& system : vendor_scope::systems_run_by(sql, caller.organisation.id))
            if (!organisation_id || system.institution_id == *organisation_id)
                s.system_ids.push_back(system.system_id);
        if (s.system_ids.empty()) return no_findings();
        return s;
    }
    return no_findings();
}

std::string id_list(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (const auto id : ids) {
        if (!out.empty()) out += ',';
        out += std::to_string(id);
    }
    return out;
}

// scope_condition: the WHERE part of a scope over findings `f` and assets `a` (integers only, no input).
std::string scope_condition(const Scope& s) {
    if (s.vendor) return fmt::format("a.system_id IN ({})", id_list(s.system_ids));
    return fmt::format("f.organisation_id = {}", *s.organisation_id);
}

constexpr std::string_view kRowColumns =
    "f.id, f.organisation_id, f.asset_id, a.name, a.asset_class, a.internet_facing, f.cve_id, f.state, "
    "f.state_reason, f.active, f.priority, c.cvss_score, COALESCE(c.cvss_severity, ''), k.date_added, "
    "k.due_date, "
    "k.ransomware_use, (SELECT MIN(j.jvndb_id) FROM jvn_cves j WHERE j.cve_id = f.cve_id), f.matched_cpes, "
    "f.first_found_at, "
    // An active finding was last confirmed by its asset's last whole match, when that is later than its own time
    // (the matcher records a whole match per asset, not per finding: exposure_match_records.hpp).
    "CASE WHEN f.active = 1 AND m.matched_at > f.last_matched_at THEN m.matched_at ELSE f.last_matched_at END, "
    "f.inactive_since, f.version, f.updated_at";
constexpr std::string_view kRowJoins =
    "FROM findings f JOIN assets a ON a.id = f.asset_id LEFT JOIN cves c ON c.cve_id = f.cve_id "
    "LEFT JOIN kev_entries k ON k.cve_id = f.cve_id LEFT JOIN asset_matches m ON m.asset_id = f.asset_id";
constexpr std::string_view kOrder = "ORDER BY f.priority DESC, COALESCE(c.cvss_score, -1) DESC, f.id";

FindingRow read_row(const soci::row& r) {
    FindingRow f;
    f.id = store::int64_at(r, 0);
    f.organisation_id = store::int64_at(r, 1);
    f.asset_id = store::int64_at(r, 2);
    f.asset_name = r.get<std::string>(3);
    f.asset_class = r.get<std::string>(4);
    f.internet_facing = store::int64_at(r, 5) != 0;
    f.exposed = f.internet_facing || f.asset_class == "connection_point";
    f.cve_id = r.get<std::string>(6);
    f.state = r.get<std::string>(7);
    f.state_reason = r.get<std::string>(8);
    f.active = store::int64_at(r, 9) != 0;
    f.priority = static_cast<int>(store::int64_at(r, 10));
    if (r.get_indicator(11) != soci::i_null) f.cvss_score = r.get<double>(11);
    f.cvss_severity = r.get<std::string>(12);
    if (auto added = store::optional_text_at(r, 13)) {
        f.kev = true;
        f.kev_date_added = *added;
        f.kev_due_date = store::optional_text_at(r, 14).value_or("");
        f.ransomware_use = store::optional_text_at(r, 15).value_or("");
    }
    f.jvndb_id = store::optional_text_at(r, 16).value_or("");
    const auto matched = json::parse(r.get<std::string>(17), nullptr, false);
    if (matched.is_array())
        for (const auto& m : matched)
            if (m.is_string()) f.matched_cpes.push_back(m.get<std::string>());
    f.first_found_at = r.get<std::string>(18);
    f.last_matched_at = r.get<std::string>(19);
    f.inactive_since = store::optional_text_at(r, 20).value_or("");
    f.version = static_cast<int>(store::int64_at(r, 21));
    f.updated_at = r.get<std::string>(22);
    return f;
}

// add_jvn_titles: the JVN iPedia titles of the rows that have a JVNDB id, in one query for the page (which
// names its rows by their finding ids).
void add_jvn_titles(soci::session& sql, std::vector<FindingRow>& rows) {
    std::map<std::int64_t, FindingRow*> by_id;
    for (auto& f : rows)
        if (!f.jvndb_id.empty()) by_id.emplace(f.id, &f);
    std::vector<std::int64_t> ids;
    for (const auto& [id, row] : by_id) ids.push_back(id);
    const auto text = fmt::format(
        "SELECT f.id, e.jvndb_id, e.title FROM findings f JOIN jvn_cves j ON j.cve_id = f.cve_id JOIN "
        "jvn_entries e ON e.jvndb_id = j.jvndb_id WHERE {}",
        store::in_id_set(sql, "f.id"));
    store::each_id_chunk(ids, [&](std::span<const std::int64_t> chunk) {
        for (const soci::row& r : store::query(sql, text, store::id_set(sql, chunk))) {
            FindingRow& f = *by_id.at(store::int64_at(r, 0));
            if (r.get<std::string>(1) == f.jvndb_id) f.jvn_title = r.get<std::string>(2);
        }
    });
}

// allowed_move: the triage moves a person may make (the matcher makes the others).
bool allowed_move(std::string_view from, std::string_view to) {
    if (from == to) return false;
    if (to == "open") return from != "open";  // reopen anything
    return true;
}

Result<FindingDetail> read_detail(soci::session& sql, const Scope& scope, std::int64_t id) {
    FindingDetail d;
    bool found = false;
    for (const soci::row& r : store::query(sql,
                                           fmt::format("SELECT {} {} WHERE f.id = :id AND {}", kRowColumns,
                                                       kRowJoins, scope_condition(scope)),
                                           id)) {
        d.finding = read_row(r);
        found = true;
    }
    if (!found) return fail(ErrorCode::not_found, fmt::format("no finding {}", id));
    std::vector<FindingRow> one{d.finding};
    add_jvn_titles(sql, one);
    d.finding = one.front();
    for (const soci::row& r : store::query(sql,
                                           "SELECT description, cvss_version, cvss_vector, published, "
                                           "last_modified FROM cves WHERE cve_id = :c",
                                           d.finding.cve_id)) {
        d.description = r.get<std::string>(0);
        d.cvss_version = r.get<std::string>(1);
        d.cvss_vector = r.get<std::string>(2);
        d.published = r.get<std::string>(3);
        d.last_modified = r.get<std::string>(4);
    }
    for (const soci::row& r : store::query(sql,
                                           "SELECT vulnerability_name, required_action, short_description "
                                           "FROM kev_entries WHERE cve_id = :c",
                                           d.finding.cve_id)) {
        d.kev_vulnerability_name = r.get<std::string>(0);
        d.kev_required_action = r.get<std::string>(1);
        d.kev_short_description = r.get<std::string>(2);
    }
    if (!d.finding.jvndb_id.empty())
        for (const soci::row& r : store::query(
                 sql, "SELECT summary, link FROM jvn_entries WHERE jvndb_id = :j", d.finding.jvndb_id)) {
            d.jvn_summary = r.get<std::string>(0);
            d.jvn_link = r.get<std::string>(1);
        }
    for (const soci::row& r : store::query(
             sql,
             "SELECT e.seq, e.action, COALESCE(e.from_state, ''), COALESCE(e.to_state, ''), e.reason, "
             "COALESCE(u.display_name, ''), e.at FROM finding_events e LEFT JOIN users u ON u.id = e.user_id "
             "WHERE e.finding_id = :f ORDER BY e.seq",
             id))
        d.events.push_back({static_cast<int>(store::int64_at(r, 0)), r.get<std::string>(1),
                            r.get<std::string>(2), r.get<std::string>(3), r.get<std::string>(4),
                            r.get<std::string>(5), r.get<std::string>(6)});
    d.can_write = scope.can_write;
    return d;
}

std::string small_cell(std::int64_t institutions) {
    if (institutions > 0 && institutions < kSmallCell) return "<10";
    return std::to_string(institutions);
}

}  // namespace

Result<FindingsPage> Findings::list(const Caller& caller, const FindingsQuery& query) {
    if (!query.state.empty() && std::find(std::begin(kFindingStates), std::end(kFindingStates),
                                          query.state) == std::end(kFindingStates))
        return fail(ErrorCode::invalid_input,
                    "state: one of open, in_progress, mitigated, risk_accepted, "
                    "false_positive",
                    "state");
    if (query.limit < 1 || query.limit > kMaxFindingsPage)
        return fail(ErrorCode::invalid_input, fmt::format("limit: 1 to {}", kMaxFindingsPage), "limit");
    if (query.offset < 0) return fail(ErrorCode::invalid_input, "offset: 0 or more", "offset");
    auto lease = db_.acquire();
    auto scope = scope_for(*lease, caller, query.organisation_id);
    if (!scope) return fail(scope.error());
    Conditions where;
    where.add(scope_condition(*scope));
    where.add("f.active = 1");
    if (query.state.empty())
        where.add("f.state IN ('open', 'in_progress')");
    else
        where.add("f.state = :state", {query.state});
    if (query.kev_only) where.add("k.cve_id IS NOT NULL");
    if (query.asset_id) where.add("f.asset_id = :asset", {std::to_string(*query.asset_id)});
    if (!query.asset_class.empty()) where.add("a.asset_class = :class", {query.asset_class});
    FindingsPage page;
    page.can_write = scope->can_write;
    with_values(where.values, [&](const auto&... v) {
        for (const soci::row& r :
             store::query(*lease, fmt::format("SELECT COUNT(*) {} WHERE {}", kRowJoins, where.text), v...))
            page.total = store::int64_at(r, 0);
        const long long limit = query.limit, offset = query.offset;
        for (const soci::row& r :
             store::query(*lease,
                          fmt::format("SELECT {} {} WHERE {} {} LIMIT :limit OFFSET :offset", kRowColumns,
                                      kRowJoins, where.text, kOrder),
                          v..., limit, offset))
            page.rows.push_back(read_row(r));
    });
    add_jvn_titles(*lease, page.rows);
    return page;
}

Result<FindingsPage> Findings::for_asset(const Caller& caller, std::int64_t asset_id) {
    auto lease = db_.acquire();
    std::optional<std::int64_t> organisation;
    for (const soci::row& r :
         store::query(*lease, "SELECT organisation_id FROM assets WHERE id = :id", asset_id))
        organisation = store::int64_at(r, 0);
    if (!organisation) return fail(ErrorCode::not_found, fmt::format("no asset {}", asset_id));
    auto scope = scope_for(*lease, caller, organisation);
    if (!scope) return fail(ErrorCode::not_found, fmt::format("no asset {}", asset_id));
    FindingsPage page;
    page.can_write = scope->can_write;
    for (const soci::row& r : store::query(
             *lease,
             fmt::format(
                 "SELECT {} {} WHERE f.asset_id = :a AND {} ORDER BY f.active DESC, f.priority DESC, f.id",
                 kRowColumns, kRowJoins, scope_condition(*scope)),
             asset_id))
        page.rows.push_back(read_row(r));
    if (scope->vendor && page.rows.empty()) {
        bool runs = false;
        for (const soci::row& r : store::query(
                 *lease,
                 fmt::format("SELECT 1 FROM assets a WHERE a.id = :a AND {}", scope_condition(*scope)),
                 asset_id)) {
            (void)r;
            runs = true;
        }
        if (!runs) return fail(ErrorCode::not_found, fmt::format("no asset {}", asset_id));
    }
    page.total = static_cast<std::int64_t>(page.rows.size());
    add_jvn_titles(*lease, page.rows);
    return page;
}

Result<FindingsSummary> Findings::summary(const Caller& caller, std::optional<std::int64_t> organisation_id) {
    auto lease = db_.acquire();
    auto scope = scope_for(*lease, caller, organisation_id);
    if (!scope) return fail(scope.error());
    FindingsSummary s;
    const std::string text = fmt::format(
        "SELECT COUNT(*), "
        "COALESCE(SUM(CASE WHEN k.cve_id IS NOT NULL THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN k.ransomware_use = 'Known' THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN a.internet_facing = 1 OR a.asset_class = 'connection_point' THEN 1 ELSE 0 "
        "END), 0), "
        "COALESCE(SUM(CASE WHEN k.cve_id IS NOT NULL AND (a.internet_facing = 1 OR a.asset_class = "
        "'connection_point') THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN f.state = 'in_progress' THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN k.due_date IS NOT NULL AND k.due_date < :today THEN 1 ELSE 0 END), 0), "
        "COUNT(DISTINCT f.asset_id) {} WHERE {} AND f.active = 1 AND f.state IN ('open', 'in_progress')",
        kRowJoins, scope_condition(*scope));
    const std::string today = to_iso_date(japan_date(std::chrono::system_clock::now()));
    for (const soci::row& r : store::query(*lease, text, today)) {
        s.open = store::int64_at(r, 0);
        s.open_kev = store::int64_at(r, 1);
        s.ransomware = store::int64_at(r, 2);
        s.exposed = store::int64_at(r, 3);
        s.exposed_kev = store::int64_at(r, 4);
        s.in_progress = store::int64_at(r, 5);
        s.overdue_kev = store::int64_at(r, 6);
        s.assets_affected = store::int64_at(r, 7);
    }
    return s;
}

Result<FindingDetail> Findings::get(const Caller& caller, std::int64_t id) {
    auto lease = db_.acquire();
    std::optional<std::int64_t> organisation;
    for (const soci::row& r : store::query(*lease, "SELECT organisation_id FROM findings WHERE id = :id", id))
        organisation = store::int64_at(r, 0);
    if (!organisation) return fail(ErrorCode::not_found, fmt::format("no finding {}", id));
    auto scope = scope_for(*lease, caller, organisation);
    if (!scope) return fail(ErrorCode::not_found, fmt::format("no finding {}", id));
    return read_detail(*lease, *scope, id);
}

Result<FindingDetail> Findings::change_state(const Caller& caller, std::int64_t id, const StateChange& change,
                                             const audit::Context& context) {
    if (std::find(std::begin(kFindingStates), std::end(kFindingStates), change.state) ==
        std::end(kFindingStates))
        return fail(ErrorCode::invalid_input,
                    "state: one of open, in_progress, mitigated, risk_accepted, false_positive", "state");
    if (auto problem = text_problem(change.reason)) return fail(ErrorCode::invalid_input, *problem, "reason");
    if (character_count(change.reason) > kMaxFindingReason)
        return fail(ErrorCode::invalid_input, fmt::format("reason: at most {} characters", kMaxFindingReason),
                    "reason");
    const bool blank = change.reason.find_first_not_of(" \t\r\n") == std::string::npos;
    if ((change.state == "risk_accepted" || change.state == "false_positive") && blank)
        return fail(ErrorCode::invalid_input,
                    fmt::format("reason: required when the state is {}", change.state), "reason");
    return db_.transaction([&](soci::session& sql) -> Result<FindingDetail> {
        std::optional<std::int64_t> organisation;
        for (const soci::row& r :
             store::query(sql, "SELECT organisation_id FROM findings WHERE id = :id", id))
            organisation = store::int64_at(r, 0);
        if (!organisation) return fail(ErrorCode::not_found, fmt::format("no finding {}", id));
        auto scope = scope_for(sql, caller, organisation);
        if (!scope) return fail(ErrorCode::not_found, fmt::format("no finding {}", id));
        if (!scope->can_write)
            return fail(
                ErrorCode::forbidden,
                "only the institution's administrators, security managers and editors triage its findings");
        // Lock the row, then read it as it is now.
        store::execute(sql, "UPDATE findings SET version = version WHERE id = :id", id);
        std::string from;
        int version = 0;
        for (const soci::row& r :
             store::query(sql, "SELECT state, version FROM findings WHERE id = :id", id)) {
            from = r.get<std::string>(0);
            version = static_cast<int>(store::int64_at(r, 1));
        }
        if (version != change.version)
            return fail(ErrorCode::conflict,
                        fmt::format("the finding changed meanwhile (version {}, not {}): reload it", version,
                                    change.version),
                        "version");
        if (!allowed_move(from, change.state))
            return fail(ErrorCode::conflict, fmt::format("the finding is already {}", from), "state");
        const std::string now = to_iso_utc(std::chrono::system_clock::now());
        const std::string reason = blank ? std::string() : change.reason;
        const long long user = caller.user_id;
        store::execute(
            sql,
            "UPDATE findings SET state = :s, state_reason = :r, version = version + 1, updated_by = :u, "
            "updated_at = :at WHERE id = :id",
            change.state, reason, user, now, id);
        long long seq = 1;
        for (const soci::row& r : store::query(
                 sql, "SELECT COALESCE(MAX(seq), 0) + 1 FROM finding_events WHERE finding_id = :f", id))
            seq = store::int64_at(r, 0);
        store::execute(
            sql,
            "INSERT INTO finding_events (finding_id, seq, action, from_state, to_state, reason, user_id, "
            "at) VALUES (:f, :s, 'state_changed', :fr, :t, :r, :u, :at)",
            id, seq, from, change.state, reason, user, now);
        audit::append(sql,
                      audit::caller_entry(caller, "finding.state_changed", fmt::format("finding:{}", id),
                                          {{"from", from}, {"to", change.state}, {"reason", reason}}),
                      context);
        return read_detail(sql, *scope, id);
    });
}

Result<NationalExposure> Findings::national(const Caller& caller) {
    const auto kind = caller.organisation.kind;
    if (kind != OrgKind::ministry || !(caller.has(Role::administrator) || caller.has(Role::analyst)))
        return fail(ErrorCode::not_found, "the national numbers are the ministry's");
    auto lease = db_.acquire();
    NationalExposure out;
    const std::string open_kev =
        "FROM findings f JOIN kev_entries k ON k.cve_id = f.cve_id WHERE f.active = 1 AND f.state IN "
        "('open', "
        "'in_progress')";
    for (const soci::row& r : store::query(
             *lease, fmt::format("SELECT COUNT(DISTINCT f.organisation_id), COUNT(*) {}", open_kev))) {
        out.institutions_with_open_kev = small_cell(store::int64_at(r, 0));
        out.open_kev_findings = store::int64_at(r, 1);
    }
    for (const soci::row& r : store::query(
             *lease,
             "SELECT COUNT(*) FROM organisations WHERE kind IN ('hospital', 'clinic', 'dental_clinic', "
             "'pharmacy')"))
        out.institutions_total = store::int64_at(r, 0);
    for (const soci::row& r : store::query(
             *lease,
             fmt::format(
                 "SELECT f.cve_id, COUNT(DISTINCT f.organisation_id), COUNT(*), MAX(k.ransomware_use) "
                 "{} GROUP BY f.cve_id ORDER BY COUNT(DISTINCT f.organisation_id) DESC, COUNT(*) "
                 "DESC, f.cve_id LIMIT 20",
                 open_kev)))
        out.top_cves.push_back({r.get<std::string>(0), small_cell(store::int64_at(r, 1)),
                                store::int64_at(r, 2), r.get<std::string>(3) == "Known"});
    return out;
}

}  // namespace mamori::services
