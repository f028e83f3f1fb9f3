// The inspection plan: visits listed, created, changed and moved through their workflow.
#include "mamori/services/inspection_plan.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "identity_records.hpp"
#include "inspection_plan_scope.hpp"
#include "inspection_visit_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/json_null.hpp"
#include "mamori/core/time.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::inspection_plan {

namespace {

using inspection::Side;
using inspection::VisitAction;
using inspection::VisitStatus;
using nlohmann::json;

constexpr std::string_view kVisitSelect =
    "SELECT v.id, v.organisation_id, o.name, o.kind, o.facility_id, v.inspecting_organisation_id, i.name, "
    "v.fiscal_year, v.reason, v.planned_on, v.checklist_due_on, v.postponed_reason, v.notified_at, v.status, "
    "v.version, v.updated_at "
    "FROM inspection_visits v JOIN organisations o ON o.id = v.organisation_id "
    "JOIN organisations i ON i.id = v.inspecting_organisation_id ";

std::vector<Person> inspectors_of(soci::session& sql, std::int64_t visit_id) {
    std::vector<Person> out;
    const long long id = visit_id;
    for (const auto& r : store::query(sql,
                                      "SELECT u.id, u.display_name FROM inspection_visit_inspectors x "
                                      "JOIN users u ON u.id = x.user_id WHERE x.visit_id = :v ORDER BY u.id",
                                      id))
        out.push_back({store::int64_at(r, 0), r.get<std::string>(1)});
    return out;
}

Visit visit_from(soci::session& sql, const soci::row& r) {
    Visit v;
    v.id = store::int64_at(r, 0);
    v.organisation_id = store::int64_at(r, 1);
    v.institution_name = r.get<std::string>(2);
    v.institution_kind = r.get<std::string>(3);
    v.facility_id = store::optional_text_at(r, 4).value_or("");
    v.inspecting_organisation_id = store::int64_at(r, 5);
    v.inspecting_organisation_name = r.get<std::string>(6);
    v.fiscal_year = static_cast<int>(store::int64_at(r, 7));
    v.reason = r.get<std::string>(8);
    v.planned_on = store::optional_text_at(r, 9);
    v.checklist_due_on = store::optional_text_at(r, 10);
    v.postponed_reason = store::optional_text_at(r, 11);
    v.notified_at = store::optional_text_at(r, 12);
    v.status = inspection::parse_visit_status(r.get<std::string>(13)).value_or(VisitStatus::planned);
    v.version = static_cast<int>(store::int64_at(r, 14));
    v.updated_at = r.get<std::string>(15);
    v.inspectors = inspectors_of(sql, v.id);
    return v;
}

VisitDetail detail_of(soci::session& sql, std::int64_t id) {
    VisitDetail out;
    const long long visit_id = id;
    for (const auto& r : store::query(sql, fmt::format("{} WHERE v.id = :id", kVisitSelect), visit_id))
        out.visit = visit_from(sql, r);
    for (const auto& r : store::query(sql,
                                      "SELECT e.action, e.detail, COALESCE(u.display_name, ''), e.at "
                                      "FROM inspection_visit_events e LEFT JOIN users u ON u.id = e.user_id "
                                      "WHERE e.visit_id = :v ORDER BY e.id",
                                      visit_id))
        out.history.push_back(
            {r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3)});
    return out;
}

// check_inspectors: users of the caller's organisation with the inspector or administrator role.
Status check_inspectors(soci::session& sql, const identity::Caller& caller,
                        const std::vector<std::int64_t>& inspectors) {
    if (inspectors.size() > kMaxInspectors)
        return fail(ErrorCode::invalid_input, fmt::format("at most {} inspectors", kMaxInspectors), "inspectors");
    const long long org = caller.organisation.id;
    for (std::size_t i = 0; i < inspectors.size(); ++i) {
        const long long user = inspectors[i];
        long long found = 0;
        for (const auto& r : store::query(sql,
                                          "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id "
                                          "WHERE u.id = :u AND u.organisation_id = :o AND u.disabled_at IS NULL "
                                          "AND r.role IN ('inspector', 'administrator')",
                                          user, org))
            found = store::int64_at(r, 0);
        if (found == 0)
            return fail(ErrorCode::invalid_input,
                        fmt::format("user {} is not an inspector of your organisation", user),
                        fmt::format("inspectors[{}]", i));
    }
    return {};
}

json visit_state(const inspection_visits::VisitRecord& v) {
    return {{"status", inspection::to_string(v.status)},
            {"planned_on", or_null(v.planned_on)},
            {"checklist_due_on", or_null(v.checklist_due_on)},
            {"postponed_reason", or_null(v.postponed_reason)},
            {"reason", v.reason},
            {"inspectors", v.inspectors}};
}

Error stale(int stored) {
    return Error{ErrorCode::conflict,
                 fmt::format("the visit was changed by someone else (it is at version {}); reload it", stored),
                 {{"version", "stale"}}};
}

// save: writes `next` over `before`, with an event and an audit entry.
Status save(soci::session& sql, const identity::Caller& caller, const inspection_visits::VisitRecord& before,
            inspection_visits::VisitRecord next, const std::string& action, json detail,
            const audit::Context& context) {
    next.version = before.version + 1;
    if (!inspection_visits::update_visit(sql, next, caller.user_id)) return fail(stale(before.version));
    detail["before"] = visit_state(before);
    detail["after"] = visit_state(next);
    inspection_visits::insert_visit_event(sql, next.id, action, detail, caller.user_id);
    auto entry = audit::caller_entry(caller, fmt::format("inspection.visit_{}", action),
                                     fmt::format("inspection_visit:{}", next.id), detail);
    audit::append(sql, entry, context);
    return {};
}

}  // namespace

Result<VisitPage> list_visits(store::Database& db, const identity::Caller& caller, const VisitQuery& query) {
    if (auto ok = check_planner(caller, false); !ok) return fail(ok.error());
    if (auto ok = check_fiscal_year(query.fiscal_year); !ok) return fail(ok.error());
    if (auto ok = check_page(query.page, query.page_size, kMaxPageSize); !ok) return fail(ok.error());
    if (query.month < 0 || query.month > 12)
        return fail(ErrorCode::invalid_input, "the month must be between 1 and 12", "month");
    auto lease = db.acquire();
    if (auto ok = check_centre(*lease, caller, query.health_centre_id); !ok) return fail(ok.error());
    // The month's first day: April to December in the fiscal year, January to March in the next calendar year.
    std::string month_prefix;
    if (query.month > 0)
        month_prefix = fmt::format("{:04}-{:02}-%", query.month >= 4 ? query.fiscal_year : query.fiscal_year + 1,
                                   query.month);
    const std::string status = query.status ? std::string(inspection::to_string(*query.status)) : "";
    const std::string where = fmt::format(
        "WHERE {} AND v.fiscal_year = :fy AND (:centre = 0 OR v.inspecting_organisation_id = :centre_is) "
        "AND (:status = '' OR v.status = :status_is) AND (:month = '' OR v.planned_on LIKE :month_is)",
        institution_scope(caller));
    const long long scope = caller.organisation.id, fy = query.fiscal_year, centre = query.health_centre_id;
    VisitPage out;
    out.page = query.page;
    out.page_size = query.page_size;
    out.fiscal_year = query.fiscal_year;
    for (const auto& r : store::query(
             *lease,
             fmt::format("SELECT COUNT(*) FROM inspection_visits v JOIN organisations o ON o.id = v.organisation_id {}",
                         where),
             scope, fy, centre, centre, status, status, month_prefix, month_prefix))
        out.total = store::int64_at(r, 0);
    const long long limit = query.page_size, offset = static_cast<long long>(query.page - 1) * query.page_size;
    for (const auto& r : store::query(
             *lease,
             fmt::format("{} {} ORDER BY CASE WHEN v.planned_on IS NULL THEN 1 ELSE 0 END, v.planned_on, o.name, "
                         "v.id LIMIT :limit OFFSET :offset",
                         kVisitSelect, where),
             scope, fy, centre, centre, status, status, month_prefix, month_prefix, limit, offset))
        out.rows.push_back(visit_from(*lease, r));
    return out;
}

Result<VisitDetail> visit(store::Database& db, const identity::Caller& caller, std::int64_t id) {
    if (auto ok = check_planner(caller, false); !ok) return fail(ok.error());
    auto lease = db.acquire();
    auto open = inspection_visits::open_visit(*lease, caller, id, Side::inspector);
    if (!open) return fail(open.error());
    return detail_of(*lease, id);
}

Result<std::vector<std::int64_t>> create_visits(store::Database& db, const identity::Caller& caller,
                                                const NewVisits& visits, const audit::Context& context) {
    if (auto ok = check_planner(caller, true); !ok) return fail(ok.error());
    if (auto ok = check_fiscal_year(visits.fiscal_year); !ok) return fail(ok.error());
    if (visits.organisation_ids.empty() || visits.organisation_ids.size() > kMaxVisitsAtOnce)
        return fail(ErrorCode::invalid_input, fmt::format("give 1 to {} institutions", kMaxVisitsAtOnce),
                    "organisation_ids");
    if (visits.reason != "regular" && visits.reason != "cause")
        return fail(ErrorCode::invalid_input, "the reason must be regular or cause", "reason");
    if (visits.planned_on)
        if (auto ok = inspection::check_plan_date(*visits.planned_on, visits.fiscal_year, "planned_on"); !ok)
            return fail(ok.error());
    return db.transaction([&](soci::session& sql) -> Result<std::vector<std::int64_t>> {
        records::lock_organisation(sql, caller.organisation.id);
        if (auto ok = check_inspectors(sql, caller, visits.inspectors); !ok) return fail(ok.error());
        std::vector<std::int64_t> created;
        for (std::size_t i = 0; i < visits.organisation_ids.size(); ++i) {
            const auto org_id = visits.organisation_ids[i];
            const auto field = fmt::format("organisation_ids[{}]", i);
            auto institution = records::find_organisation(sql, org_id);
            if (!institution || !identity::is_institution(institution->ref.kind) ||
                !identity::can_inspect(caller, institution->ref))
                return fail(Error{ErrorCode::not_found, fmt::format("no institution {} in your jurisdiction", org_id),
                                  {{field, "not in your jurisdiction"}}});
            const long long org = org_id, fy = visits.fiscal_year;
            long long open = 0;
            for (const auto& r : store::query(sql,
                                              "SELECT COUNT(*) FROM inspection_visits WHERE organisation_id = :o "
                                              "AND fiscal_year = :fy AND status <> 'done'",
                                              org, fy))
                open = store::int64_at(r, 0);
            if (open > 0)
                return fail(Error{ErrorCode::conflict,
                                  fmt::format("{} already has a visit planned in fiscal year {}", institution->name,
                                              visits.fiscal_year),
                                  {{field, "already planned"}}});
            inspection_visits::VisitRecord v;
            v.organisation_id = org_id;
            v.inspecting_organisation_id = caller.organisation.id;
            v.fiscal_year = visits.fiscal_year;
            v.reason = visits.reason;
            v.planned_on = visits.planned_on;
            v.inspectors = visits.inspectors;
            const auto id = inspection_visits::insert_visit(sql, v, caller.user_id);
            auto entry = audit::caller_entry(caller, "inspection.visit_created", fmt::format("inspection_visit:{}", id),
                                             {{"organisation_id", org_id}, {"after", visit_state(v)}});
            audit::append(sql, entry, context);
            created.push_back(id);
        }
        return created;
    });
}

Result<VisitDetail> change_visit(store::Database& db, const identity::Caller& caller, std::int64_t id,
                                 const VisitChange& change, const audit::Context& context) {
    if (auto ok = check_planner(caller, true); !ok) return fail(ok.error());
    if (change.reason && *change.reason != "regular" && *change.reason != "cause")
        return fail(ErrorCode::invalid_input, "the reason must be regular or cause", "reason");
    return db.transaction([&](soci::session& sql) -> Result<VisitDetail> {
        inspection_visits::lock_visit(sql, id);
        auto open = inspection_visits::open_visit(sql, caller, id, Side::inspector);
        if (!open) return fail(open.error());
        const auto& before = open->visit;
        if (change.version != before.version) return fail(stale(before.version));
        if (before.status == VisitStatus::done)
            return fail(ErrorCode::conflict, "a visit that has taken place is not changed");
        auto next = before;
        if (change.planned_on) {
            if (*change.planned_on)
                if (auto ok = inspection::check_plan_date(**change.planned_on, before.fiscal_year, "planned_on"); !ok)
                    return fail(ok.error());
            if (before.status == VisitStatus::notified && !*change.planned_on)
                return fail(ErrorCode::invalid_input, "a notified visit keeps a date", "planned_on");
            next.planned_on = *change.planned_on;
        }
        if (change.inspectors) {
            if (auto ok = check_inspectors(sql, caller, *change.inspectors); !ok) return fail(ok.error());
            next.inspectors = *change.inspectors;
            std::sort(next.inspectors.begin(), next.inspectors.end());
            next.inspectors.erase(std::unique(next.inspectors.begin(), next.inspectors.end()), next.inspectors.end());
        }
        if (change.reason) next.reason = *change.reason;
        if (visit_state(next) == visit_state(before)) return detail_of(sql, id);
        if (auto ok = save(sql, caller, before, next, "changed", json::object(), context); !ok) return fail(ok.error());
        return detail_of(sql, id);
    });
}

Result<VisitDetail> step_visit(store::Database& db, const identity::Caller& caller, std::int64_t id,
                               const VisitStep& step, const audit::Context& context) {
    if (auto ok = check_planner(caller, true); !ok) return fail(ok.error());
    if (step.action == VisitAction::complete)
        return fail(ErrorCode::invalid_input, "a visit is completed from its on-site record", "action");
    return db.transaction([&](soci::session& sql) -> Result<VisitDetail> {
        inspection_visits::lock_visit(sql, id);
        auto open = inspection_visits::open_visit(sql, caller, id, Side::inspector);
        if (!open) return fail(open.error());
        const auto& before = open->visit;
        if (step.version != before.version) return fail(stale(before.version));
        auto status = inspection::visit_transition(before.status, step.action);
        if (!status) return fail(status.error());
        auto next = before;
        next.status = *status;
        json detail = json::object();
        switch (step.action) {
            case VisitAction::notify: {
                if (step.planned_on) next.planned_on = step.planned_on;
                next.checklist_due_on = step.checklist_due_on;
                if (next.planned_on)
                    if (auto ok = inspection::check_plan_date(*next.planned_on, before.fiscal_year, "planned_on"); !ok)
                        return fail(ok.error());
                if (auto ok = inspection::check_notice(next.planned_on, next.checklist_due_on, today_in_japan()); !ok)
                    return fail(ok.error());
                next.notified_at = records::iso_now();
                next.postponed_reason.reset();
                break;
            }
            case VisitAction::postpone: {
                if (auto ok = inspection::check_postpone_reason(step.reason); !ok) return fail(ok.error());
                next.postponed_reason = step.reason;
                detail["reason"] = step.reason;
                break;
            }
            case VisitAction::reschedule: {
                if (step.planned_on) {
                    if (auto ok = inspection::check_plan_date(*step.planned_on, before.fiscal_year, "planned_on"); !ok)
                        return fail(ok.error());
                    next.planned_on = step.planned_on;
                }
                next.checklist_due_on.reset();
                next.notified_at.reset();
                break;
            }
            case VisitAction::complete: break;
        }
        if (auto ok = save(sql, caller, before, next, std::string(inspection::to_string(step.action)), detail, context);
            !ok)
            return fail(ok.error());
        return detail_of(sql, id);
    });
}

Result<std::vector<Person>> assignable_inspectors(store::Database& db, const identity::Caller& caller) {
    if (auto ok = check_planner(caller, false); !ok) return fail(ok.error());
    auto lease = db.acquire();
    std::vector<Person> out;
    const long long org = caller.organisation.id;
    for (const auto& r : store::query(*lease,
                                      "SELECT DISTINCT u.id, u.display_name FROM users u JOIN user_roles r "
                                      "ON r.user_id = u.id WHERE u.organisation_id = :o AND u.disabled_at IS NULL "
                                      "AND r.role IN ('inspector', 'administrator') ORDER BY u.id",
                                      org))
        out.push_back({store::int64_at(r, 0), r.get<std::string>(1)});
    return out;
}

}  // namespace mamori::services::inspection_plan
