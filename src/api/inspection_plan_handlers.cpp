#include "inspection_plan_handlers.hpp"

#include <fmt/format.h>

#include <charconv>
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/core/json_null.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/inspection_plan.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
namespace plan = services::inspection_plan;

Result<long long> int_param(const Request& request, std::string_view name, long long fallback) {
    const auto text = request.query_param(name);
    if (!text || text->empty()) return fallback;
    long long value = 0;
    const auto* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end)
        return fail(ErrorCode::invalid_input, fmt::format("{} must be a whole number", name), std::string(name));
    return value;
}

int this_fiscal_year() {
    return fiscal_year(japan_date(std::chrono::system_clock::now()));
}

json policy_json(const plan::Policy& p) {
    json rules = json::array();
    for (const auto& r : p.rules)
        rules.push_back({{"inspection_class", inspection::to_string(r.rule.inspection_class)},
                         {"every_years", or_null(r.rule.every_years)},
                         {"source", r.rule.source},
                         {"confidence", catalog::to_string(r.rule.confidence)},
                         {"prefecture_rule", r.prefecture_rule},
                         {"updated_at", or_null(r.updated_at)}});
    return {{"prefecture_code", p.prefecture_code},
            {"prefecture_name", p.prefecture_name},
            {"rules", rules},
            {"permissions", {{"edit", p.may_edit}}}};
}

json visit_json(const plan::Visit& v) {
    json inspectors = json::array();
    for (const auto& p : v.inspectors) inspectors.push_back({{"id", p.id}, {"name", p.name}});
    return {{"id", v.id},
            {"organisation_id", v.organisation_id},
            {"institution_name", v.institution_name},
            {"institution_kind", v.institution_kind},
            {"facility_id", v.facility_id},
            {"inspecting_organisation_id", v.inspecting_organisation_id},
            {"inspecting_organisation_name", v.inspecting_organisation_name},
            {"fiscal_year", v.fiscal_year},
            {"reason", v.reason},
            {"planned_on", or_null(v.planned_on)},
            {"checklist_due_on", or_null(v.checklist_due_on)},
            {"postponed_reason", or_null(v.postponed_reason)},
            {"notified_at", or_null(v.notified_at)},
            {"status", inspection::to_string(v.status)},
            {"version", v.version},
            {"inspectors", inspectors},
            {"updated_at", v.updated_at}};
}

json detail_json(const plan::VisitDetail& d) {
    json out = visit_json(d.visit);
    json history = json::array();
    for (const auto& h : d.history)
        history.push_back({{"action", h.action},
                           {"detail", json::parse(h.detail, nullptr, false)},
                           {"user_name", h.user_name},
                           {"at", h.at}});
    out["history"] = history;
    return out;
}

std::string_view due_text(inspection::Due due) {
    switch (due) {
        case inspection::Due::due: return "due";
        case inspection::Due::not_due: return "not_due";
        case inspection::Due::on_cause: return "on_cause";
    }
    return "on_cause";
}

// id_list: an array of at most `max` positive ids.
Result<std::vector<std::int64_t>> id_list(const json& body, std::string_view name, std::size_t max) {
    std::vector<std::int64_t> out;
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) return out;
    if (!it->is_array() || it->size() > max)
        return fail(ErrorCode::invalid_input, fmt::format("{} must be a list of at most {} ids", name, max),
                    std::string(name));
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& v = (*it)[i];
        if (!v.is_number_integer() || v.get<long long>() < 1)
            return fail(ErrorCode::invalid_input, "must be a positive id", fmt::format("{}[{}]", name, i));
        out.push_back(v.get<long long>());
    }
    return out;
}

Result<int> version_field(const json& body) {
    auto v = optional_int_field(body, "version", 1, 1000000000);
    if (!v) return fail(v.error());
    if (!*v) return fail(ErrorCode::invalid_input, "version is required", "version");
    return static_cast<int>(**v);
}

Response policies_put(store::Database& db, Request& request, const Caller& caller) {
    auto body = json_object(request);
    if (!body) return problem(body.error(), request);
    const auto rules = body->find("rules");
    if (rules == body->end() || !rules->is_array() || rules->size() > 10)
        return problem(Error{ErrorCode::invalid_input, "rules must be a list", {{"rules", "a list of rules"}}}, request);
    std::vector<plan::PolicyChange> changes;
    for (std::size_t i = 0; i < rules->size(); ++i) {
        const auto& r = (*rules)[i];
        const auto at = [&](std::string_view f) { return fmt::format("rules[{}].{}", i, f); };
        if (!r.is_object()) return problem(Error{ErrorCode::invalid_input, "a rule is an object", {{at(""), "object"}}}, request);
        plan::PolicyChange c;
        auto cls = r.contains("inspection_class") && r["inspection_class"].is_string()
                       ? inspection::parse_inspection_class(r["inspection_class"].get<std::string>())
                       : std::nullopt;
        if (!cls)
            return problem(fail(ErrorCode::invalid_input, "unknown inspection class", at("inspection_class")).value(),
                           request);
        c.inspection_class = *cls;
        auto years = optional_int_field(r, "every_years", -1000, 1000);
        if (!years) return problem(Error{ErrorCode::invalid_input, years.error().message, {{at("every_years"), years.error().message}}}, request);
        if (*years) c.every_years = static_cast<int>(**years);
        auto source = optional_string_field(r, "source", 500);
        if (!source) return problem(Error{ErrorCode::invalid_input, source.error().message, {{at("source"), source.error().message}}}, request);
        c.source = source->value_or("");
        auto use_default = optional_bool_field(r, "use_default");
        if (!use_default) return problem(use_default.error(), request);
        c.use_default = use_default->value_or(false);
        changes.push_back(std::move(c));
    }
    auto p = plan::set_policy(db, caller, changes, audit_context(request));
    if (!p) return problem(p.error(), request);
    return Response::json(200, policy_json(*p));
}

Response visits_post(store::Database& db, Request& request, const Caller& caller) {
    auto body = json_object(request);
    if (!body) return problem(body.error(), request);
    plan::NewVisits v;
    auto ids = id_list(*body, "organisation_ids", plan::kMaxVisitsAtOnce);
    if (!ids) return problem(ids.error(), request);
    v.organisation_ids = std::move(*ids);
    auto inspectors = id_list(*body, "inspectors", plan::kMaxInspectors);
    if (!inspectors) return problem(inspectors.error(), request);
    v.inspectors = std::move(*inspectors);
    auto fy = optional_int_field(*body, "fiscal_year", 2000, 2100);
    if (!fy) return problem(fy.error(), request);
    v.fiscal_year = fy->value_or(this_fiscal_year());
    auto planned = optional_string_field(*body, "planned_on", 10);
    if (!planned) return problem(planned.error(), request);
    v.planned_on = *planned;
    auto reason = optional_string_field(*body, "reason", 10);
    if (!reason) return problem(reason.error(), request);
    v.reason = reason->value_or("regular");
    auto created = plan::create_visits(db, caller, v, audit_context(request));
    if (!created) return problem(created.error(), request);
    return Response::json(201, {{"created", *created}});
}

Response visit_patch(store::Database& db, Request& request, const Caller& caller, std::int64_t id) {
    auto body = json_object(request);
    if (!body) return problem(body.error(), request);
    plan::VisitChange c;
    auto version = version_field(*body);
    if (!version) return problem(version.error(), request);
    c.version = *version;
    if (body->contains("planned_on")) {
        auto planned = optional_string_field(*body, "planned_on", 10);
        if (!planned) return problem(planned.error(), request);
        c.planned_on = *planned;
    }
    if (body->contains("inspectors")) {
        auto inspectors = id_list(*body, "inspectors", plan::kMaxInspectors);
        if (!inspectors) return problem(inspectors.error(), request);
        c.inspectors = std::move(*inspectors);
    }
    auto reason = optional_string_field(*body, "reason", 10);
    if (!reason) return problem(reason.error(), request);
    c.reason = *reason;
    auto d = plan::change_visit(db, caller, id, c, audit_context(request));
    if (!d) return problem(d.error(), request);
    return Response::json(200, detail_json(*d));
}

Response visit_transition(store::Database& db, Request& request, const Caller& caller, std::int64_t id) {
    auto body = json_object(request);
    if (!body) return problem(body.error(), request);
    plan::VisitStep s;
    auto version = version_field(*body);
    if (!version) return problem(version.error(), request);
    s.version = *version;
    auto action = string_field(*body, "action", 20);
    if (!action) return problem(action.error(), request);
    auto parsed = inspection::parse_visit_action(*action);
    if (!parsed)
        return problem(fail(ErrorCode::invalid_input, "action must be notify, postpone or reschedule", "action").value(),
                       request);
    s.action = *parsed;
    auto planned = optional_string_field(*body, "planned_on", 10);
    if (!planned) return problem(planned.error(), request);
    s.planned_on = *planned;
    auto due = optional_string_field(*body, "checklist_due_on", 10);
    if (!due) return problem(due.error(), request);
    s.checklist_due_on = *due;
    auto reason = optional_string_field(*body, "reason", 2000);
    if (!reason) return problem(reason.error(), request);
    s.reason = reason->value_or("");
    auto d = plan::step_visit(db, caller, id, s, audit_context(request));
    if (!d) return problem(d.error(), request);
    return Response::json(200, detail_json(*d));
}

}  // namespace

void register_inspection_plan_routes(ApiRoutes& routes, store::Database& db) {
    routes.authenticated(Method::get, "/api/v1/inspections/policies", [&db](Request& request, const Caller& caller) {
        auto p = plan::policy(db, caller);
        if (!p) return problem(p.error(), request);
        return Response::json(200, policy_json(*p));
    });
    routes.authenticated(Method::put, "/api/v1/inspections/policies", [&db](Request& request, const Caller& caller) {
        return policies_put(db, request, caller);
    });
    routes.authenticated(Method::get, "/api/v1/inspections/plan/due", [&db](Request& request, const Caller& caller) {
        plan::DueQuery q;
        auto fy = int_param(request, "fiscal_year", this_fiscal_year());
        auto centre = int_param(request, "health_centre", 0);
        auto page = int_param(request, "page", 1);
        auto size = int_param(request, "page_size", 100);
        for (const auto* r : {&fy, &centre, &page, &size})
            if (!*r) return problem(r->error(), request);
        q.fiscal_year = static_cast<int>(*fy);
        q.health_centre_id = *centre;
        q.page = static_cast<int>(*page);
        q.page_size = static_cast<int>(*size);
        q.due_only = request.query_param("all").value_or("") != "true";
        q.unplanned_only = request.query_param("unplanned").value_or("") == "true";
        auto due = plan::due_list(db, caller, q);
        if (!due) return problem(due.error(), request);
        json rows = json::array();
        for (const auto& r : due->rows)
            rows.push_back(
                {{"organisation_id", r.organisation_id},
                 {"name", r.name},
                 {"kind", r.kind},
                 {"facility_id", r.facility_id},
                 {"inspection_class", r.inspection_class ? json(inspection::to_string(*r.inspection_class)) : json(nullptr)},
                 {"due", due_text(r.reason.due)},
                 {"every_years", or_null(r.reason.every_years)},
                 {"last_fiscal_year", or_null(r.reason.last_fiscal_year)},
                 {"next_fiscal_year", or_null(r.reason.next_fiscal_year)},
                 {"visit_id", or_null(r.visit_id)},
                 {"visit_status", or_null(r.visit_status)}});
        return Response::json(200, {{"rows", rows},
                                    {"total", due->total},
                                    {"page", due->page},
                                    {"page_size", due->page_size},
                                    {"fiscal_year", due->fiscal_year}});
    });
    routes.authenticated(Method::get, "/api/v1/inspections/plan/inspectors",
                         [&db](Request& request, const Caller& caller) {
                             auto people = plan::assignable_inspectors(db, caller);
                             if (!people) return problem(people.error(), request);
                             json out = json::array();
                             for (const auto& p : *people) out.push_back({{"id", p.id}, {"name", p.name}});
                             return Response::json(200, {{"inspectors", out}});
                         });
    routes.authenticated(Method::get, "/api/v1/inspections/plan.csv", [&db](Request& request, const Caller& caller) {
        auto fy = int_param(request, "fiscal_year", this_fiscal_year());
        if (!fy) return problem(fy.error(), request);
        auto centre = int_param(request, "health_centre", 0);
        if (!centre) return problem(centre.error(), request);
        auto csv = plan::plan_csv(db, caller, static_cast<int>(*fy), *centre);
        if (!csv) return problem(csv.error(), request);
        return Response::download(std::move(*csv), "text/csv; charset=utf-8",
                                  fmt::format("inspection-plan-{}.csv", *fy));
    });
    routes.authenticated(Method::get, "/api/v1/inspections/plan.xlsx", [&db](Request& request, const Caller& caller) {
        auto fy = int_param(request, "fiscal_year", this_fiscal_year());
        if (!fy) return problem(fy.error(), request);
        auto centre = int_param(request, "health_centre", 0);
        if (!centre) return problem(centre.error(), request);
        auto xlsx = plan::plan_xlsx(db, caller, static_cast<int>(*fy), *centre);
        if (!xlsx) return problem(xlsx.error(), request);
        return Response::download(std::move(*xlsx),
                                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                  fmt::format("inspection-plan-{}.xlsx", *fy));
    });
    routes.authenticated(Method::post, "/api/v1/inspections/plan/import", [&db](Request& request, const Caller& caller) {
        auto fy = int_param(request, "fiscal_year", this_fiscal_year());
        if (!fy) return problem(fy.error(), request);
        const bool confirm = request.query_param("confirm").value_or("") == "true";
        auto result = plan::import_plan(db, caller, static_cast<int>(*fy), request.body, confirm, audit_context(request));
        if (!result) return problem(result.error(), request);
        json lines = json::array();
        for (const auto& l : result->lines)
            lines.push_back({{"line", l.line},
                             {"outcome", l.outcome},
                             {"facility_id", l.facility_id},
                             {"visit_id", or_null(l.visit_id)},
                             {"column", l.column},
                             {"message", l.message},
                             {"code", l.code},
                             {"params", {{"line", l.line}, {"column", l.column}, {"value", l.value}, {"cell", l.cell}}}});
        return Response::json(200, {{"lines", lines},
                                    {"created", result->created},
                                    {"updated", result->updated},
                                    {"unchanged", result->unchanged},
                                    {"errors", result->errors},
                                    {"applied", result->applied}});
    });
    routes.authenticated(Method::get, "/api/v1/inspections/visits", [&db](Request& request, const Caller& caller) {
        plan::VisitQuery q;
        auto fy = int_param(request, "fiscal_year", this_fiscal_year());
        auto centre = int_param(request, "health_centre", 0);
        auto month = int_param(request, "month", 0);
        auto page = int_param(request, "page", 1);
        auto size = int_param(request, "page_size", 100);
        for (const auto* r : {&fy, &centre, &month, &page, &size})
            if (!*r) return problem(r->error(), request);
        q.fiscal_year = static_cast<int>(*fy);
        q.health_centre_id = *centre;
        q.month = static_cast<int>(*month);
        q.page = static_cast<int>(*page);
        q.page_size = static_cast<int>(*size);
        if (auto status = request.query_param("status"); status && !status->empty()) {
            q.status = inspection::parse_visit_status(*status);
            if (!q.status)
                return problem(
                    fail(ErrorCode::invalid_input, "status must be planned, notified, postponed or done", "status").value(),
                    request);
        }
        auto visits = plan::list_visits(db, caller, q);
        if (!visits) return problem(visits.error(), request);
        json rows = json::array();
        for (const auto& v : visits->rows) rows.push_back(visit_json(v));
        return Response::json(200, {{"rows", rows},
                                    {"total", visits->total},
                                    {"page", visits->page},
                                    {"page_size", visits->page_size},
                                    {"fiscal_year", visits->fiscal_year}});
    });
    routes.authenticated(Method::post, "/api/v1/inspections/visits", [&db](Request& request, const Caller& caller) {
        return visits_post(db, request, caller);
    });
    routes.authenticated(Method::get, "/api/v1/inspections/visits/{id}",
                         with_id([&db](Request& request, const Caller& caller, std::int64_t id) {
                             auto d = plan::visit(db, caller, id);
                             if (!d) return problem(d.error(), request);
                             return Response::json(200, detail_json(*d));
                         }));
    routes.authenticated(Method::patch, "/api/v1/inspections/visits/{id}",
                         with_id([&db](Request& request, const Caller& caller, std::int64_t id) {
                             return visit_patch(db, request, caller, id);
                         }));
    routes.authenticated(Method::post, "/api/v1/inspections/visits/{id}/transition",
                         with_id([&db](Request& request, const Caller& caller, std::int64_t id) {
                             return visit_transition(db, request, caller, id);
                         }));
    routes.authenticated(Method::get, "/api/v1/inspections/notices", [&db](Request& request, const Caller& caller) {
        auto list = plan::notices(db, caller);
        if (!list) return problem(list.error(), request);
        json out = json::array();
        for (const auto& n : *list)
            out.push_back({{"visit_id", n.visit_id},
                           {"fiscal_year", n.fiscal_year},
                           {"inspecting_organisation_name", n.inspecting_organisation_name},
                           {"planned_on", or_null(n.planned_on)},
                           {"checklist_due_on", or_null(n.checklist_due_on)},
                           {"assessment_id", or_null(n.assessment_id)},
                           {"assessment_status", or_null(n.assessment_status)}});
        return Response::json(200, {{"notices", out}});
    });
    routes.authenticated(Method::get, "/api/v1/inspections/summary", [&db](Request& request, const Caller& caller) {
        auto fy = int_param(request, "fiscal_year", this_fiscal_year());
        if (!fy) return problem(fy.error(), request);
        auto centre = int_param(request, "health_centre", 0);
        if (!centre) return problem(centre.error(), request);
        auto s = plan::summary(db, caller, static_cast<int>(*fy), *centre);
        if (!s) return problem(s.error(), request);
        json kinds = json::array();
        for (const auto& k : s->submission)
            kinds.push_back({{"kind", k.kind}, {"institutions", k.institutions}, {"submitted", k.submitted}});
        return Response::json(200, {{"fiscal_year", s->fiscal_year},
                                    {"institutions", s->institutions},
                                    {"due", s->due},
                                    {"planned", s->planned},
                                    {"notified", s->notified},
                                    {"postponed", s->postponed},
                                    {"inspected", s->inspected},
                                    {"with_findings", s->with_findings},
                                    {"open_requests", s->open_requests},
                                    {"overdue_requests", s->overdue_requests},
                                    {"submission", kinds}});
    });
}

}  // namespace mamori::api
