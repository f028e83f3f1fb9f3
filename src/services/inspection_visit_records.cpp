#include "inspection_visit_records.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::inspection_visits {

namespace {

// who: the user as stored; 0 (the CLI, the demo loader) is stored as no user.
std::optional<long long> who(std::int64_t user_id) {
    return user_id > 0 ? std::optional<long long>(user_id) : std::nullopt;
}

constexpr std::string_view kVisitColumns =
    "id, organisation_id, inspecting_organisation_id, fiscal_year, reason, planned_on, status, "
    "postponed_reason, checklist_due_on, notified_at, version, created_at, updated_at";

std::vector<std::int64_t> inspectors_of(soci::session& sql, std::int64_t visit_id) {
    std::vector<std::int64_t> out;
    const long long id = visit_id;
    for (const auto& r : store::query(
             sql, "SELECT user_id FROM inspection_visit_inspectors WHERE visit_id = :v ORDER BY user_id", id))
        out.push_back(store::int64_at(r, 0));
    return out;
}

void write_inspectors(soci::session& sql, std::int64_t visit_id, std::vector<std::int64_t> inspectors) {
    const long long id = visit_id;
    store::execute(sql, "DELETE FROM inspection_visit_inspectors WHERE visit_id = :v", id);
    std::sort(inspectors.begin(), inspectors.end());
    inspectors.erase(std::unique(inspectors.begin(), inspectors.end()), inspectors.end());
    for (const long long user : inspectors)
        store::execute(sql, "INSERT INTO inspection_visit_inspectors (visit_id, user_id) VALUES (:v, :u)", id,
                       user);
}

}  // namespace

std::optional<VisitRecord> find_visit(soci::session& sql, std::int64_t id) {
    const long long visit_id = id;
    for (const auto& r : store::query(
             sql, fmt::format("SELECT {} FROM inspection_visits WHERE id = :id", kVisitColumns), visit_id)) {
        VisitRecord v;
        v.id = store::int64_at(r, 0);
        v.organisation_id = store::int64_at(r, 1);
        v.inspecting_organisation_id = store::int64_at(r, 2);
        v.fiscal_year = static_cast<int>(store::int64_at(r, 3));
        v.reason = r.get<std::string>(4);
        v.planned_on = store::optional_text_at(r, 5);
        v.status =
            inspection::parse_visit_status(r.get<std::string>(6)).value_or(inspection::VisitStatus::planned);
        v.postponed_reason = store::optional_text_at(r, 7);
        v.checklist_due_on = store::optional_text_at(r, 8);
        v.notified_at = store::optional_text_at(r, 9);
        v.version = static_cast<int>(store::int64_at(r, 10));
        v.created_at = r.get<std::string>(11);
        v.updated_at = r.get<std::string>(12);
        v.inspectors = inspectors_of(sql, v.id);
        return v;
    }
    return std::nullopt;
}

void lock_visit(soci::session& sql, std::int64_t id) {
    const long long visit_id = id;
    store::execute(sql, "UPDATE inspection_visits SET version = version WHERE id = :id", visit_id);
}

std::int64_t insert_visit(soci::session& sql, const VisitRecord& visit, std::int64_t user_id) {
    const long long org = visit.organisation_id, inspecting = visit.inspecting_organisation_id;
    const auto user = who(user_id);
    const int fy = visit.fiscal_year;
    const std::string status(inspection::to_string(visit.status)), now = records::iso_now();
    long long id = 0;
    for (const auto& r : store::query(
             sql,
             "INSERT INTO inspection_visits (organisation_id, inspecting_organisation_id, fiscal_year, "
             "reason, "
             "planned_on, status, postponed_reason, checklist_due_on, notified_at, version, created_by, "
             "created_at, updated_by, updated_at) VALUES (:o, :i, :fy, :r, :p, :s, :pr, :d, :n, 1, :cb, :ca, "
             ":ub, :ua) RETURNING id",
             org, inspecting, fy, visit.reason, visit.planned_on, status, visit.postponed_reason,
             visit.checklist_due_on, visit.notified_at, user, now, user, now))
        id = store::int64_at(r, 0);
    write_inspectors(sql, id, visit.inspectors);
    insert_visit_event(
        sql, id, "created",
        {{"fiscal_year", fy}, {"planned_on", visit.planned_on ? nlohmann::json(*visit.planned_on) : nullptr}},
        user_id);
    return id;
}

bool update_visit(soci::session& sql, const VisitRecord& next, std::int64_t user_id) {
    const long long id = next.id, version = next.version, previous = next.version - 1;
    const auto user = who(user_id);
    const std::string status(inspection::to_string(next.status)), now = records::iso_now();
    const auto changed =
        store::execute(sql,
                       "UPDATE inspection_visits SET planned_on = :p, status = :s, postponed_reason = :pr, "
                       "checklist_due_on = :d, "
                       "notified_at = :n, reason = :r, version = :v, updated_by = :u, updated_at = :a "
                       "WHERE id = :id AND version = :previous",
                       next.planned_on, status, next.postponed_reason, next.checklist_due_on,
                       next.notified_at, next.reason, version, user, now, id, previous);
    if (changed != 1) return false;
    if (inspectors_of(sql, next.id) != next.inspectors) write_inspectors(sql, next.id, next.inspectors);
    return true;
}

void insert_visit_event(soci::session& sql, std::int64_t visit_id, const std::string& action,
                        const nlohmann::json& detail, std::int64_t user_id) {
    const long long id = visit_id;
    const auto user = who(user_id);
    const std::string text = detail.dump(), now = records::iso_now();
    store::execute(sql,
                   "INSERT INTO inspection_visit_events (visit_id, action, detail, user_id, at) "
                   "VALUES (:v, :a, :d, :u, :at)",
                   id, action, text, user, now);
}

std::vector<VisitEvent> visit_events(soci::session& sql, std::int64_t visit_id) {
    std::vector<VisitEvent> out;
    const long long id = visit_id;
    for (const auto& r : store::query(sql,
                                      "SELECT action, detail, user_id, at FROM inspection_visit_events WHERE "
                                      "visit_id = :v ORDER BY id",
                                      id))
        out.push_back({r.get<std::string>(0), nlohmann::json::parse(r.get<std::string>(1), nullptr, false),
                       store::optional_int64_at(r, 2), r.get<std::string>(3)});
    return out;
}

Result<OpenVisit> open_visit(soci::session& sql, const identity::Caller& caller, std::int64_t visit_id,
                             inspection::Side side) {
    const auto not_found = [&] {
        return fail(ErrorCode::not_found, fmt::format("no inspection visit {}", visit_id));
    };
    auto visit = find_visit(sql, visit_id);
    if (!visit) return not_found();
    auto institution = records::find_organisation(sql, visit->organisation_id);
    if (!institution) return not_found();
    const bool allowed = side == inspection::Side::inspector
                             ? identity::can_inspect(caller, institution->ref)
                             : caller.organisation.id == visit->organisation_id;
    if (!allowed) return not_found();
    return OpenVisit{std::move(*visit), std::move(*institution)};
}

}  // namespace mamori::services::inspection_visits
