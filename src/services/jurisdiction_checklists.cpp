#include "mamori/services/jurisdiction_checklists.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "mamori/assessment/checklist.hpp"
#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/store/like.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "query_conditions.hpp"

namespace mamori::services {

namespace {

using identity::OrgKind;

// scope_condition: the institutions the caller oversees, as a condition on organisations `o` with one
// parameter, the caller's organisation id; nullopt when the caller oversees none.
std::optional<std::string_view> scope_condition(const identity::Caller& caller) {
    if (!identity::names_institutions(caller)) return std::nullopt;
    switch (caller.organisation.kind) {
        case OrgKind::health_centre:
            return "o.municipality_code IN (SELECT j.municipality_code FROM jurisdictions j "
                   "WHERE j.organisation_id = :scope)";
        case OrgKind::prefecture:
            return "o.prefecture_code IN (SELECT p.prefecture_code FROM organisations p "
                   "WHERE p.id = :scope AND p.prefecture_code IS NOT NULL)";
        case OrgKind::ministry: return "o.id <> :scope";  // every institution (the ministry is none)
        default: return std::nullopt;
    }
}

std::string_view order_by(JurisdictionSort sort) {
    switch (sort) {
        case JurisdictionSort::facility_id: return "COALESCE(o.facility_id, ''), o.name, o.id";
        case JurisdictionSort::municipality: return "COALESCE(o.municipality_code, ''), o.name, o.id";
        case JurisdictionSort::status:
            return "CASE WHEN a.id IS NULL THEN 0 WHEN a.status = 'draft' THEN 1 ELSE 2 END, o.name, o.id";
        case JurisdictionSort::name: break;
    }
    return "o.name, o.id";
}

constexpr std::string_view kInstitutions = "o.kind IN ('hospital', 'clinic', 'dental_clinic', 'pharmacy')";
constexpr std::string_view kOverdueCount =
    "(SELECT COUNT(*) FROM answers x WHERE x.assessment_id = a.id AND x.value = 'no' "
    "AND x.needs_reconfirmation = 0 AND x.target_date < :today_rows)";

std::string_view status_text(const std::optional<JurisdictionStatus>& status) {
    if (!status) return "";
    switch (*status) {
        case JurisdictionStatus::not_started: return "not_started";
        case JurisdictionStatus::draft: return "draft";
        case JurisdictionStatus::submitted: return "submitted";
    }
    return "";
}

// filters_checklist: whether a filter looks at the checklist of the year (the join on assessments `a`);
// without, the count reads organisations only, and so does the choice of the page unless it is ordered by the
// checklist's status.
bool filters_checklist(const JurisdictionFilter& f) { return f.status || f.with_no || f.overdue; }

// conditions: the institutions in the caller's scope (`scope`) that the query's active filters keep, on
// organisations `o` (and assessments `a` when filters_checklist). The いいえ filters are semi-joins over the
// partial index answers_open_no (a correlated EXISTS per row planned worse on PostgreSQL).
Conditions conditions(std::string_view scope, long long scope_id, const JurisdictionQuery& query,
                      const std::string& today) {
    const auto& f = query.filter;
    Conditions c;
    c.add(kInstitutions);
    c.add(scope, {std::to_string(scope_id)});
    if (!query.q.empty()) {
        const std::string pattern = fmt::format("%{}%", store::like_escaped(query.q));
        c.add("(o.name LIKE :q1 ESCAPE '!' OR COALESCE(o.facility_id, '') LIKE :q2 ESCAPE '!')",
              {pattern, pattern});
    }
    if (!f.kind.empty()) c.add("o.kind = :kind", {f.kind});
    if (f.bed_band) {
        const auto range = inspection::bed_range(*f.bed_band);
        c.add("o.kind = :band_kind AND o.beds_total BETWEEN :band_min AND :band_max",
              {std::string(range.kind), std::to_string(range.min_beds), std::to_string(range.max_beds)});
    }
    if (!f.municipality_code.empty()) c.add("o.municipality_code = :municipality", {f.municipality_code});
    if (!f.prefecture_code.empty()) c.add("o.prefecture_code = :prefecture", {f.prefecture_code});
    if (f.health_centre_id != 0)
        c.add("o.municipality_code IN (SELECT h.municipality_code FROM jurisdictions h "
              "WHERE h.organisation_id = :centre)",
              {std::to_string(f.health_centre_id)});
    if (f.status == JurisdictionStatus::not_started) c.add("a.id IS NULL");
    else if (f.status) c.add("a.status = :status", {std::string(status_text(f.status))});
    if (f.with_no)
        c.add("a.id IN (SELECT x.assessment_id FROM answers x WHERE x.value = 'no' "
              "AND x.needs_reconfirmation = 0)");
    if (f.overdue)
        c.add("a.id IN (SELECT x.assessment_id FROM answers x WHERE x.value = 'no' "
              "AND x.needs_reconfirmation = 0 AND x.target_date < :today)",
              {today});
    return c;
}

bool all_digits(std::string_view text, std::size_t length) {
    return text.size() == length &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// check_filter: invalid_input naming the field; a health centre must be one the caller oversees.
Status check_filter(soci::session& sql, const identity::Caller& caller, const JurisdictionFilter& f) {
    if (!f.kind.empty() && f.kind != "hospital" && f.kind != "clinic" && f.kind != "dental_clinic" &&
        f.kind != "pharmacy")
        return fail(ErrorCode::invalid_input, "kind must be one of hospital, clinic, dental_clinic, pharmacy",
                    "kind");
    if (!f.municipality_code.empty() && !all_digits(f.municipality_code, 6))
        return fail(ErrorCode::invalid_input, "municipality must be a 6-digit municipality code",
                    "municipality");
    if (!f.prefecture_code.empty() && !all_digits(f.prefecture_code, 2))
        return fail(ErrorCode::invalid_input, "prefecture must be a 2-digit prefecture code", "prefecture");
    if (f.health_centre_id == 0) return {};
    long long found = 0;
    const long long centre = f.health_centre_id, scope = caller.organisation.id;
    if (caller.organisation.kind == OrgKind::health_centre) {
        found = centre == scope ? 1 : 0;
    } else if (caller.organisation.kind == OrgKind::prefecture) {
        for (const auto& r :
             store::query(sql,
                          "SELECT COUNT(*) FROM organisations h JOIN organisations p "
                          "ON p.prefecture_code = h.prefecture_code "
                          "WHERE h.id = :centre AND h.kind = 'health_centre' AND p.id = :scope",
                          centre, scope))
            found = store::int64_at(r, 0);
    } else {
        for (const auto& r : store::query(
                 sql, "SELECT COUNT(*) FROM organisations WHERE id = :centre AND kind = 'health_centre'",
                 centre))
            found = store::int64_at(r, 0);
    }
    if (found == 0)
        return fail(ErrorCode::invalid_input,
                    fmt::format("there is no health centre {} in your jurisdiction", f.health_centre_id),
                    "health_centre");
    return {};
}

int form_lines(const catalog::Catalog& catalog, const std::string& edition, int revision,
               const std::string& form) {
    const auto* revisions = catalog.revisions(edition);
    const auto* found = revisions ? revisions->find(revision) : nullptr;
    const auto* f = found ? found->find(form) : nullptr;
    return f ? static_cast<int>(assessment::checklist_rows(*f).size()) : 0;
}

}  // namespace

std::optional<JurisdictionStatus> parse_jurisdiction_status(std::string_view text) {
    if (text == "not_started") return JurisdictionStatus::not_started;
    if (text == "draft") return JurisdictionStatus::draft;
    if (text == "submitted") return JurisdictionStatus::submitted;
    return std::nullopt;
}

std::optional<JurisdictionSort> parse_jurisdiction_sort(std::string_view text) {
    if (text == "name") return JurisdictionSort::name;
    if (text == "facility_id") return JurisdictionSort::facility_id;
    if (text == "municipality") return JurisdictionSort::municipality;
    if (text == "status") return JurisdictionSort::status;
    return std::nullopt;
}

Result<JurisdictionChoices> jurisdiction_choices(store::Database& db, const identity::Caller& caller) {
    const auto scope = scope_condition(caller);
    if (!scope)
        return fail(ErrorCode::forbidden,
                    "only a health centre, a prefecture or the ministry has a jurisdiction");
    const long long scope_id = caller.organisation.id;
    JurisdictionChoices out;
    auto lease = db.acquire();
    if (caller.organisation.kind == OrgKind::ministry) {
        for (const auto& r : store::query(*lease, "SELECT code, name_ja FROM prefectures ORDER BY code"))
            out.prefectures.push_back({r.get<std::string>(0), r.get<std::string>(1)});
        return out;
    }
    const std::string municipalities = fmt::format(
        "SELECT DISTINCT o.municipality_code, COALESCE(m.name, o.municipality_code) FROM organisations o "
        "LEFT JOIN municipalities m ON m.code = o.municipality_code "
        "WHERE {} AND {} AND o.municipality_code IS NOT NULL ORDER BY o.municipality_code",
        kInstitutions, *scope);
    for (const auto& r : store::query(*lease, municipalities, scope_id))
        out.municipalities.push_back({r.get<std::string>(0), r.get<std::string>(1)});
    if (caller.organisation.kind == OrgKind::prefecture)
        for (const auto& r :
             store::query(*lease,
                          "SELECT h.id, h.name FROM organisations h JOIN organisations p "
                          "ON p.prefecture_code = h.prefecture_code "
                          "WHERE h.kind = 'health_centre' AND p.id = :scope ORDER BY h.name, h.id",
                          scope_id))
            out.health_centres.push_back({std::to_string(store::int64_at(r, 0)), r.get<std::string>(1)});
    return out;
}

Result<JurisdictionPage> jurisdiction_checklists(store::Database& db, CatalogService& catalog,
                                                 const identity::Caller& caller,
                                                 const JurisdictionQuery& query) {
    const auto scope = scope_condition(caller);
    if (!scope)
        return fail(
            ErrorCode::forbidden,
            "only a health centre, a prefecture or the ministry has a list of a jurisdiction's checklists");
    if (query.fiscal_year < 2000 || query.fiscal_year > 2100)
        return fail(ErrorCode::invalid_input, "the fiscal year must be between 2000 and 2100", "fiscal_year");
    const long characters = character_count(query.q);
    if (characters < 0) return fail(ErrorCode::invalid_input, "the search text is not valid UTF-8", "q");
    if (characters > kJurisdictionMaxQueryCharacters)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("the search text must have at most {} characters", kJurisdictionMaxQueryCharacters),
            "q");
    if (query.page < 1 || query.page > 100000)
        return fail(ErrorCode::invalid_input, "the page must be between 1 and 100000", "page");
    if (query.page_size < 1 || query.page_size > kJurisdictionMaxPageSize)
        return fail(ErrorCode::invalid_input,
                    fmt::format("the page size must be between 1 and {}", kJurisdictionMaxPageSize),
                    "page_size");

    const long long scope_id = caller.organisation.id, fy = query.fiscal_year;
    const long long limit = query.page_size,
                    offset = static_cast<long long>(query.page - 1) * query.page_size;
    const std::string today = to_iso_date(japan_date(std::chrono::system_clock::now()));
    const bool filtered = filters_checklist(query.filter),
               ordered = filtered || query.sort == JurisdictionSort::status;
    // The institutions, with their checklist of the year only when a filter or the order needs it; the year
    // is then the first value bound.
    const auto where = conditions(*scope, scope_id, query, today);
    const auto from = [&](bool checklist) {
        return std::string(checklist ? "FROM organisations o LEFT JOIN assessments a ON a.organisation_id = o.id "
                                       "AND a.fiscal_year = :fy AND a.form <> 'vendor'"
                                     : "FROM organisations o");
    };
    const auto values = [&](bool checklist) {
        auto out = where.values;
        if (checklist) out.insert(out.begin(), std::to_string(fy));
        return out;
    };
    // The page's institutions are chosen first; only its rows then count their answers (counting in the
    // same SELECT made both databases count every institution's answers before sorting and cutting).
    const std::string page_text = fmt::format(
        "WITH page AS (SELECT o.id AS organisation_id {from} WHERE {where} ORDER BY {order} "
        "LIMIT :limit OFFSET :offset) "
        "SELECT o.id, o.kind, o.name, o.facility_id, o.municipality_code, m.name, a.id, a.status, a.form, "
        "a.edition, a.edition_revision, a.submitted_at, {overdue}, o.beds_total, "
        "(SELECT COUNT(*) FROM answers x WHERE x.assessment_id = a.id AND x.value IS NOT NULL "
        "AND x.needs_reconfirmation = 0), "
        "(SELECT COUNT(*) FROM answers x WHERE x.assessment_id = a.id AND x.value = 'no' "
        "AND x.needs_reconfirmation = 0), "
        "o.prefecture_code, o.parent_id "
        "FROM organisations o JOIN page ON page.organisation_id = o.id "
        "LEFT JOIN assessments a ON a.organisation_id = o.id AND a.fiscal_year = :fy_rows AND a.form <> 'vendor' "
        "LEFT JOIN municipalities m ON m.code = o.municipality_code "
        "ORDER BY {order}",
        fmt::arg("from", from(ordered)), fmt::arg("where", where.text), fmt::arg("overdue", kOverdueCount),
        fmt::arg("order", order_by(query.sort)));
    const std::string count_text = fmt::format("SELECT COUNT(*) {} WHERE {}", from(filtered), where.text);

    const auto snapshot = catalog.snapshot();
    JurisdictionPage out;
    out.page = query.page;
    out.page_size = query.page_size;
    out.fiscal_year = query.fiscal_year;
    auto lease = db.acquire();
    if (auto checked = check_filter(*lease, caller, query.filter); !checked) return fail(checked.error());
    with_values(values(filtered), [&](const auto&... v) {
        for (const auto& r : store::query(*lease, count_text, v...)) out.total = store::int64_at(r, 0);
    });
    const auto read_row = [&](const soci::row& r) {
        JurisdictionRow row;
        row.organisation_id = store::int64_at(r, 0);
        row.kind = r.get<std::string>(1);
        row.name = r.get<std::string>(2);
        row.facility_id = store::optional_text_at(r, 3).value_or("");
        row.municipality_code = store::optional_text_at(r, 4).value_or("");
        row.municipality_name = store::optional_text_at(r, 5).value_or("");
        if (auto beds = store::optional_int64_at(r, 13)) row.beds = static_cast<int>(*beds);
        row.bed_band = inspection::bed_band_for(row.kind, row.beds);
        if (auto id = store::optional_int64_at(r, 6)) {
            JurisdictionChecklist c;
            c.id = *id;
            c.status = r.get<std::string>(7);
            c.form = r.get<std::string>(8);
            c.edition = r.get<std::string>(9);
            c.submitted_at = store::optional_text_at(r, 11);
            c.overdue_count = static_cast<int>(store::int64_at(r, 12));
            c.answered = static_cast<int>(store::int64_at(r, 14));
            c.no_count = static_cast<int>(store::int64_at(r, 15));
            c.lines =
                form_lines(snapshot->catalog(), c.edition, static_cast<int>(store::int64_at(r, 10)), c.form);
            row.checklist = std::move(c);
        }
        identity::OrganisationRef ref;
        ref.id = row.organisation_id;
        ref.kind = identity::parse_org_kind(row.kind).value_or(OrgKind::clinic);
        ref.parent_id = store::optional_int64_at(r, 17);
        ref.prefecture_code = store::optional_text_at(r, 16).value_or("");
        ref.municipality_code = row.municipality_code;
        row.readable = identity::can_read_organisation(caller, ref);
        out.rows.push_back(std::move(row));
    };
    with_values(values(ordered), [&](const auto&... v) {
        for (const auto& r : store::query(*lease, page_text, v..., limit, offset, today, fy)) read_row(r);
    });
    return out;
}

}  // namespace mamori::services
