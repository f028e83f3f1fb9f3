#include "mamori/services/jurisdiction_checklists.hpp"

#include <fmt/format.h>

#include "mamori/assessment/checklist.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/store/like.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

using identity::OrgKind;

// scope_condition: the institutions the caller oversees, as a condition on organisations `o` with one
// parameter, the caller's organisation id; nullopt when the caller oversees none.
std::optional<std::string_view> scope_condition(const identity::Caller& caller) {
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
constexpr std::string_view kSearch =
    "(o.name LIKE :q1 ESCAPE '!' OR COALESCE(o.facility_id, '') LIKE :q2 ESCAPE '!')";

int form_lines(const catalog::Catalog& catalog, const std::string& edition, int revision,
               const std::string& form) {
    const auto* revisions = catalog.revisions(edition);
    const auto* found = revisions ? revisions->find(revision) : nullptr;
    const auto* f = found ? found->find(form) : nullptr;
    return f ? static_cast<int>(assessment::checklist_rows(*f).size()) : 0;
}

}  // namespace

std::optional<JurisdictionSort> parse_jurisdiction_sort(std::string_view text) {
    if (text == "name") return JurisdictionSort::name;
    if (text == "facility_id") return JurisdictionSort::facility_id;
    if (text == "municipality") return JurisdictionSort::municipality;
    if (text == "status") return JurisdictionSort::status;
    return std::nullopt;
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
    const std::string pattern = fmt::format("%{}%", store::like_escaped(query.q));
    const std::string where = fmt::format("{} AND {} AND {}", kInstitutions, *scope, kSearch);
    const std::string count_text = fmt::format("SELECT COUNT(*) FROM organisations o WHERE {}", where);
    // The page's institutions are chosen first; only its rows then count their answers (counting in the
    // same SELECT made both databases count every institution's answers before sorting and cutting).
    // joins(p): the institutions with their checklist of the year, bound as parameter `p` (each use is
    // named apart: SOCI's PostgreSQL backend numbers every occurrence).
    const auto joins = [](std::string_view p) {
        return fmt::format(
            "FROM organisations o LEFT JOIN assessments a ON a.organisation_id = o.id AND a.fiscal_year = :{} "
            "AND a.form <> 'vendor'",
            p);
    };
    const std::string page_text = fmt::format(
        "WITH page AS (SELECT o.id AS organisation_id {page_joins} WHERE {where} ORDER BY {order} "
        "LIMIT :limit OFFSET :offset) "
        "SELECT o.id, o.kind, o.name, o.facility_id, o.municipality_code, m.name, a.id, a.status, a.form, "
        "a.edition, a.edition_revision, a.submitted_at, "
        "(SELECT COUNT(*) FROM answers x WHERE x.assessment_id = a.id AND x.value IS NOT NULL "
        "AND x.needs_reconfirmation = 0), "
        "(SELECT COUNT(*) FROM answers x WHERE x.assessment_id = a.id AND x.value = 'no' "
        "AND x.needs_reconfirmation = 0), "
        "o.prefecture_code, o.parent_id "
        "{row_joins} JOIN page ON page.organisation_id = o.id "
        "LEFT JOIN municipalities m ON m.code = o.municipality_code "
        "ORDER BY {order}",
        fmt::arg("page_joins", joins("fy")), fmt::arg("row_joins", joins("fy_rows")), fmt::arg("where", where), fmt::arg("order", order_by(query.sort)));

    const auto snapshot = catalog.snapshot();
    JurisdictionPage out;
    out.page = query.page;
    out.page_size = query.page_size;
    out.fiscal_year = query.fiscal_year;
    auto lease = db.acquire();
    for (const auto& r : store::query(*lease, count_text, scope_id, pattern, pattern))
        out.total = store::int64_at(r, 0);
    for (const auto& r : store::query(*lease, page_text, fy, scope_id, pattern, pattern, limit, offset, fy)) {
        JurisdictionRow row;
        row.organisation_id = store::int64_at(r, 0);
        row.kind = r.get<std::string>(1);
        row.name = r.get<std::string>(2);
        row.facility_id = store::optional_text_at(r, 3).value_or("");
        row.municipality_code = store::optional_text_at(r, 4).value_or("");
        row.municipality_name = store::optional_text_at(r, 5).value_or("");
        if (auto id = store::optional_int64_at(r, 6)) {
            JurisdictionChecklist c;
            c.id = *id;
            c.status = r.get<std::string>(7);
            c.form = r.get<std::string>(8);
            c.edition = r.get<std::string>(9);
            c.submitted_at = store::optional_text_at(r, 11);
            c.answered = static_cast<int>(store::int64_at(r, 12));
            c.no_count = static_cast<int>(store::int64_at(r, 13));
            c.lines =
                form_lines(snapshot->catalog(), c.edition, static_cast<int>(store::int64_at(r, 10)), c.form);
            row.checklist = std::move(c);
        }
        identity::OrganisationRef ref;
        ref.id = row.organisation_id;
        ref.kind = identity::parse_org_kind(row.kind).value_or(OrgKind::clinic);
        ref.parent_id = store::optional_int64_at(r, 15);
        ref.prefecture_code = store::optional_text_at(r, 14).value_or("");
        ref.municipality_code = row.municipality_code;
        row.readable = identity::can_read_organisation(caller, ref);
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace mamori::services
