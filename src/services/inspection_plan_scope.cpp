#include "inspection_plan_scope.hpp"

#include <fmt/format.h>

#include "mamori/core/time.hpp"
#include "mamori/inspection/frequency_sql.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::inspection_plan {

using identity::OrgKind;
using identity::Role;

std::string_view institution_scope(const identity::Caller& caller) {
    if (caller.organisation.kind == OrgKind::prefecture)
        return "o.prefecture_code IN (SELECT p.prefecture_code FROM organisations p "
               "WHERE p.id = :scope AND p.prefecture_code IS NOT NULL)";
    return "o.municipality_code IN (SELECT j.municipality_code FROM jurisdictions j "
           "WHERE j.organisation_id = :scope)";
}

Conditions in_scope(const identity::Caller& caller, std::int64_t centre) {
    Conditions out;
    out.add(institution_scope(caller), {std::to_string(caller.organisation.id)});
    if (centre != 0)
        out.add("o.municipality_code IN (SELECT h.municipality_code FROM jurisdictions h "
                "WHERE h.organisation_id = :centre)",
                {std::to_string(centre)});
    return out;
}

Conditions due_conditions(const inspection::FrequencyPolicy& policy, int fiscal_year) {
    const auto due = inspection::due_condition(policy, fiscal_year, "d.last");
    Conditions out;
    out.add(due.text);
    for (const auto v : due.values) out.values.push_back(std::to_string(v));
    return out;
}

Status check_planner(const identity::Caller& caller, bool write) {
    const auto kind = caller.organisation.kind;
    if ((kind != OrgKind::health_centre && kind != OrgKind::prefecture) ||
        !(caller.has(Role::inspector) || caller.has(Role::administrator)))
        return fail(ErrorCode::forbidden,
                    "only inspectors and administrators of a health centre or prefecture plan inspections");
    if (write && !identity::allows_write(caller))
        return fail(ErrorCode::forbidden, "this API token may not change anything (it lacks the write scope)");
    return {};
}

Status check_centre(soci::session& sql, const identity::Caller& caller, std::int64_t centre) {
    if (centre == 0) return {};
    const auto refused = [&] {
        return fail(ErrorCode::invalid_input, fmt::format("there is no health centre {} in your jurisdiction", centre),
                    "health_centre");
    };
    if (caller.organisation.kind == OrgKind::health_centre) return centre == caller.organisation.id ? Status{} : refused();
    const long long id = centre, scope = caller.organisation.id;
    long long found = 0;
    for (const auto& r : store::query(sql,
                                      "SELECT COUNT(*) FROM organisations h JOIN organisations p "
                                      "ON p.prefecture_code = h.prefecture_code "
                                      "WHERE h.id = :centre AND h.kind = 'health_centre' AND p.id = :scope",
                                      id, scope))
        found = store::int64_at(r, 0);
    return found > 0 ? Status{} : refused();
}

std::chrono::year_month_day today_in_japan() {
    return japan_date(std::chrono::system_clock::now());
}

Status check_fiscal_year(int fiscal_year) {
    if (fiscal_year < 2000 || fiscal_year > 2100)
        return fail(ErrorCode::invalid_input, "the fiscal year must be between 2000 and 2100", "fiscal_year");
    return {};
}

Status check_page(int page, int page_size, int max_page_size) {
    if (page < 1 || page > 100000)
        return fail(ErrorCode::invalid_input, "the page must be between 1 and 100000", "page");
    if (page_size < 1 || page_size > max_page_size)
        return fail(ErrorCode::invalid_input, fmt::format("the page size must be between 1 and {}", max_page_size),
                    "page_size");
    return {};
}

}  // namespace mamori::services::inspection_plan
