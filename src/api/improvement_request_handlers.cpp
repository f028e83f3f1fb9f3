#include "improvement_request_handlers.hpp"

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "mamori/core/json_null.hpp"
#include "mamori/services/improvement_requests.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
using services::ImprovementRequest;

constexpr std::size_t kMaxTextBytes = 8000;  // 2,000 characters of Japanese text in UTF-8

json request_json(const ImprovementRequest& r) {
    json events = json::array();
    for (const auto& e : r.events)
        events.push_back({{"id", e.id},
                          {"action", e.action},
                          {"text", e.text},
                          {"file_name", or_null(e.file_name)},
                          {"by", e.by},
                          {"by_side", e.by_side},
                          {"at", e.at}});
    return {{"id", r.id},
            {"visit_id", r.visit_id},
            {"organisation_id", r.organisation_id},
            {"organisation_name", r.organisation_name},
            {"inspecting_organisation_name", r.inspecting_organisation_name},
            {"fiscal_year", r.fiscal_year},
            {"visit_on", or_null(r.visit_on)},
            {"canonical_id", or_null(r.canonical_id)},
            {"item_label", r.item_label},
            {"item_text", r.item_text},
            {"finding", r.finding},
            {"text", r.text},
            {"due_on", r.due_on},
            {"status", inspection::to_string(r.status)},
            {"version", r.version},
            {"overdue", r.overdue},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at},
            {"side", r.side},
            {"actions", r.actions},
            {"events", events}};
}

json item_json(const services::RequestItem& i) {
    return {{"canonical_id", i.canonical_id},
            {"label", i.label},
            {"text", i.text},
            {"finding", i.finding},
            {"answered_no", i.answered_no}};
}

json package_json(const inspection::Package& p) {
    const auto line = [](const inspection::PackageLine& l) {
        return json{
            {"canonical_id", l.canonical_id}, {"row_key", l.row_key}, {"label", l.label}, {"text", l.text},
            {"target_date", l.target_date},   {"overdue", l.overdue}};
    };
    json nos = json::array(), overdue = json::array(), changes = json::array(), findings = json::array();
    for (const auto& l : p.no_lines) nos.push_back(line(l));
    for (const auto& l : p.overdue) overdue.push_back(line(l));
    for (const auto& c : p.changes)
        changes.push_back({{"line", line(c.line)}, {"before", c.before}, {"after", c.after}});
    for (const auto& f : p.last_findings)
        findings.push_back(
            {{"label", f.label},
             {"finding", f.finding},
             {"request_status",
              f.request_status ? json(inspection::to_string(*f.request_status)) : json(nullptr)},
             {"request_due_on", f.request_due_on}});
    const auto& i = p.institution;
    return {{"fiscal_year", p.fiscal_year},
            {"institution",
             {{"name", i.name},
              {"kind", i.kind},
              {"facility_id", i.facility_id},
              {"address", i.address},
              {"municipality_name", i.municipality_name},
              {"beds", or_null(i.beds)}}},
            {"checklist",
             {{"status", p.checklist_status},
              {"submitted_at", p.submitted_at},
              {"answered", p.answered},
              {"lines", p.lines}}},
            {"no_lines", nos},
            {"overdue", overdue},
            {"has_last_year", p.has_last_year},
            {"changes", changes},
            {"vendor_forms_available", p.vendor_forms_available},
            {"last_visit", p.last_visit_fiscal_year ? json{{"fiscal_year", *p.last_visit_fiscal_year},
                                                           {"visited_on", p.last_visit_on},
                                                           {"open_requests", p.last_findings_open}}
                                                    : json(nullptr)},
            {"last_findings", findings}};
}

Result<int> version_field(const json& body) {
    auto version = optional_int_field(body, "version", 1, 1'000'000);
    if (!version) return fail(version.error());
    if (!*version) return fail(ErrorCode::invalid_input, "version is required", "version");
    return static_cast<int>(**version);
}

Response pdf(Result<std::string> bytes, const std::string& file_name, const Request& request) {
    if (!bytes) return problem(bytes.error(), request);
    return Response::download(std::move(*bytes), "application/pdf", file_name);
}

// RequestWording: what a request says, as both its creation and its edit send it.
struct RequestWording {
    std::string canonical_id;
    std::string text;
    std::string due_on;
};

Result<RequestWording> request_wording(const nlohmann::json& body) {
    auto item = string_field(body, "canonical_id", 40);
    if (!item) return fail(item.error());
    auto text = string_field(body, "text", kMaxTextBytes);
    if (!text) return fail(text.error());
    auto due = string_field(body, "due_on", 10);
    if (!due) return fail(due.error());
    return RequestWording{std::move(*item), std::move(*text), std::move(*due)};
}

json finding_json(const services::FindingForRequest& f) {
    return {{"canonical_id", f.canonical_id},
            {"row_key", f.row_key},
            {"label", f.label},
            {"item_text", f.item_text},
            {"finding", f.finding},
            {"request_id", or_null(f.request_id)}};
}

// finding_choices: {"due_on": default for all, "findings": [{canonical_id, row_key, text?, due_on?}]}, each
// problem named by its JSON path.
Result<std::vector<services::FindingChoice>> finding_choices(const json& body) {
    const auto in = [](std::size_t i, const Error& e) {
        Error out{e.code, e.message, {}};
        for (const auto& f : e.fields)
            out.fields.push_back({fmt::format("findings[{}].{}", i, f.field), f.message});
        if (out.fields.empty()) out.fields.push_back({fmt::format("findings[{}]", i), e.message});
        return tl::unexpected<Error>(std::move(out));
    };
    auto due = optional_string_field(body, "due_on", 10);
    if (!due) return fail(due.error());
    if (!body.contains("findings") || !body["findings"].is_array())
        return fail(ErrorCode::invalid_input, "findings must be a list of the findings to turn into requests",
                    "findings");
    const auto& list = body["findings"];
    if (list.size() > services::kMaxFindingsAtOnce)
        return fail(ErrorCode::invalid_input,
                    fmt::format("at most {} findings at once", services::kMaxFindingsAtOnce), "findings");
    std::vector<services::FindingChoice> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& f = list[i];
        if (!f.is_object())
            return in(i, Error{ErrorCode::invalid_input, "each finding is {canonical_id, row_key}", {}});
        auto item = string_field(f, "canonical_id", 40);
        if (!item) return in(i, item.error());
        auto row = string_field(f, "row_key", 100);
        if (!row) return in(i, row.error());
        auto text = optional_string_field(f, "text", kMaxTextBytes);
        if (!text) return in(i, text.error());
        auto own_due = optional_string_field(f, "due_on", 10);
        if (!own_due) return in(i, own_due.error());
        const auto due_on = own_due->value_or(due->value_or(""));
        if (due_on.empty())
            return in(
                i, Error{ErrorCode::invalid_input, "due_on is required", {{"due_on", "due_on is required"}}});
        out.push_back({std::move(*item), std::move(*row), std::move(*text), due_on});
    }
    return out;
}

}  // namespace

void register_improvement_request_routes(ApiRoutes& routes, store::Database& db,
                                         services::AssessmentService& assessments) {
    auto service = std::make_shared<services::ImprovementRequestService>(db, assessments);

    routes.authenticated(Method::get, "/api/v1/improvement-requests",
                         [service](Request& request, const Caller& caller) {
                             services::RequestQuery query;
                             if (auto status = request.query_param("status"); status && !status->empty()) {
                                 query.status = inspection::parse_request_status(*status);
                                 if (!query.status)
                                     return problem(Error{ErrorCode::invalid_input,
                                                          "status is not a request status",
                                                          {{"status",
                                                            "status must be open, plan_submitted, "
                                                            "completion_reported, returned or closed"}}},
                                                    request);
                             }
                             query.overdue_only = request.query_param("overdue").value_or("") == "true";
                             query.open_only = request.query_param("open").value_or("") == "true";
                             auto list = service->list(caller, query);
                             if (!list) return problem(list.error(), request);
                             json rows = json::array();
                             int overdue = 0;
                             for (const auto& r : *list) {
                                 rows.push_back(request_json(r));
                                 if (r.overdue) ++overdue;
                             }
                             return Response::json(200, {{"requests", rows}, {"overdue", overdue}});
                         });
    routes.authenticated(
        Method::post, "/api/v1/improvement-requests", [service](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto visit = optional_int_field(*body, "visit_id", 1, std::numeric_limits<std::int64_t>::max());
            if (!visit) return problem(visit.error(), request);
            if (!*visit)
                return problem(Error{ErrorCode::invalid_input,
                                     "visit_id is required",
                                     {{"visit_id", "visit_id is required"}}},
                               request);
            auto wording = request_wording(*body);
            if (!wording) return problem(wording.error(), request);
            auto made =
                service->create(caller, {**visit, wording->canonical_id, wording->text, wording->due_on},
                                audit_context(request));
            if (!made) return problem(made.error(), request);
            return Response::json(201, request_json(*made));
        });
    routes.authenticated(Method::get, "/api/v1/improvement-requests/{id}",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto found = service->get(caller, id);
                             if (!found) return problem(found.error(), request);
                             return Response::json(200, request_json(*found));
                         }));
    routes.authenticated(
        Method::put, "/api/v1/improvement-requests/{id}",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body);
            if (!version) return problem(version.error(), request);
            auto wording = request_wording(*body);
            if (!wording) return problem(wording.error(), request);
            auto edited =
                service->edit(caller, id, {*version, wording->canonical_id, wording->text, wording->due_on},
                              audit_context(request));
            if (!edited) return problem(edited.error(), request);
            return Response::json(200, request_json(*edited));
        }));
    routes.authenticated(
        Method::post, "/api/v1/improvement-requests/{id}/steps",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body);
            if (!version) return problem(version.error(), request);
            auto action_text = string_field(*body, "action", 40);
            if (!action_text) return problem(action_text.error(), request);
            const auto action = inspection::parse_request_action(*action_text);
            if (!action)
                return problem(
                    Error{ErrorCode::invalid_input,
                          "action is not a step",
                          {{"action", "action must be submit_plan, report_completion, close or send_back"}}},
                    request);
            auto text = optional_string_field(*body, "text", kMaxTextBytes);
            if (!text) return problem(text.error(), request);
            services::RequestStep step{*version, *action, text->value_or(""), std::nullopt, std::nullopt};
            if (body->contains("evidence") && !(*body)["evidence"].is_null()) {
                const auto& evidence = (*body)["evidence"];
                if (!evidence.is_object())
                    return problem(Error{ErrorCode::invalid_input,
                                         "evidence must be an object",
                                         {{"evidence", "evidence must be {sha256, file_name}"}}},
                                   request);
                auto sha = string_field(evidence, "sha256", 64);
                if (!sha)
                    return problem(Error{ErrorCode::invalid_input,
                                         "evidence.sha256 is required",
                                         {{"evidence.sha256", sha.error().message}}},
                                   request);
                auto name = string_field(evidence, "file_name", 800);
                if (!name)
                    return problem(Error{ErrorCode::invalid_input,
                                         "evidence.file_name is required",
                                         {{"evidence.file_name", name.error().message}}},
                                   request);
                step.evidence_sha256 = *sha;
                step.file_name = *name;
            }
            auto done = service->step(caller, id, step, audit_context(request));
            if (!done) return problem(done.error(), request);
            return Response::json(200, request_json(*done));
        }));
    routes.authenticated(Method::post, "/api/v1/improvement-requests/{id}/evidence",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto uploaded = service->upload_evidence(
                                 caller, id, request.query_param("file_name").value_or(""), request.body,
                                 audit_context(request));
                             if (!uploaded) return problem(uploaded.error(), request);
                             return Response::json(201, {{"sha256", uploaded->sha256},
                                                         {"file_name", uploaded->file_name},
                                                         {"media_type", uploaded->media_type}});
                         }),
                         {.max_body_bytes = services::kMaxRequestEvidenceBytes});
    routes.authenticated(Method::get, "/api/v1/improvement-requests/{id}/steps/{step}/evidence",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto step = id_param(request, "step");
                             if (!step) return problem(step.error(), request);
                             auto file = service->evidence_file(caller, id, *step);
                             if (!file) return problem(file.error(), request);
                             return Response::download(std::move(file->content), file->media_type,
                                                       file->file_name);
                         }));
    routes.authenticated(Method::get, "/api/v1/improvement-requests/{id}/document",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             return pdf(service->request_pdf(caller, id),
                                        fmt::format("改善指導書_{}.pdf", id), request);
                         }),
                         {.blocking = true});
    routes.authenticated(Method::get, "/api/v1/inspections/visits/{id}/improvement-requests",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto visit = service->of_visit(caller, id);
                             if (!visit) return problem(visit.error(), request);
                             json requests = json::array(), items = json::array();
                             for (const auto& r : visit->requests) requests.push_back(request_json(r));
                             for (const auto& i : visit->items) items.push_back(item_json(i));
                             return Response::json(200, {{"visit_id", visit->visit_id},
                                                         {"organisation_name", visit->organisation_name},
                                                         {"fiscal_year", visit->fiscal_year},
                                                         {"visit_on", or_null(visit->visit_on)},
                                                         {"visit_status", visit->visit_status},
                                                         {"record_status", or_null(visit->record_status)},
                                                         {"can_create", visit->can_create},
                                                         {"requests", requests},
                                                         {"items", items}});
                         }));
    routes.authenticated(Method::get, "/api/v1/inspections/visits/{id}/improvement-requests/from-findings",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto visit = service->findings(caller, id);
                             if (!visit) return problem(visit.error(), request);
                             json findings = json::array();
                             for (const auto& f : visit->findings) findings.push_back(finding_json(f));
                             return Response::json(200, {{"visit_id", visit->visit_id},
                                                         {"organisation_name", visit->organisation_name},
                                                         {"record_status", or_null(visit->record_status)},
                                                         {"can_create", visit->can_create},
                                                         {"findings", findings}});
                         }));
    routes.authenticated(Method::post, "/api/v1/inspections/visits/{id}/improvement-requests/from-findings",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto body = json_object(request);
                             if (!body) return problem(body.error(), request);
                             auto choices = finding_choices(*body);
                             if (!choices) return problem(choices.error(), request);
                             auto made = service->from_findings(caller, id, *choices, audit_context(request));
                             if (!made) return problem(made.error(), request);
                             json created = json::array(), already = json::array();
                             for (const auto& r : made->created) created.push_back(request_json(r));
                             for (const auto& f : made->already) already.push_back(finding_json(f));
                             return Response::json(made->created.empty() ? 200 : 201,
                                                   {{"created", created}, {"already", already}});
                         }));
    routes.authenticated(Method::get, "/api/v1/inspections/visits/{id}/package",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             const auto format = request.query_param("format").value_or("json");
                             if (format == "pdf")
                                 return pdf(service->package_pdf(caller, id),
                                            fmt::format("事前資料_{}.pdf", id), request);
                             if (format != "json")
                                 return problem(Error{ErrorCode::invalid_input,
                                                      "format must be json or pdf",
                                                      {{"format", "format must be json or pdf"}}},
                                                request);
                             auto package = service->package(caller, id);
                             if (!package) return problem(package.error(), request);
                             return Response::json(200, package_json(*package));
                         }),
                         {.blocking = true});
    routes.authenticated(Method::get, "/api/v1/inspections/visits/{id}/documents/result-notice",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             return pdf(service->result_notice_pdf(caller, id),
                                        fmt::format("立入検査結果通知書_{}.pdf", id), request);
                         }),
                         {.blocking = true});
    routes.authenticated(
        Method::get, "/api/v1/organisations/{id}/inspections",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            auto history = service->history(caller, id);
            if (!history) return problem(history.error(), request);
            json visits = json::array(), requests = json::array();
            for (const auto& v : history->visits) {
                json findings = json::array();
                for (const auto& f : v.findings) findings.push_back(item_json(f));
                visits.push_back({{"id", v.id},
                                  {"fiscal_year", v.fiscal_year},
                                  {"status", v.status},
                                  {"planned_on", or_null(v.planned_on)},
                                  {"notified_at", or_null(v.notified_at)},
                                  {"checklist_due_on", or_null(v.checklist_due_on)},
                                  {"inspecting_organisation_name", v.inspecting_organisation_name},
                                  {"has_result", v.has_result},
                                  {"summary", v.summary},
                                  {"findings", findings}});
            }
            for (const auto& r : history->requests) requests.push_back(request_json(r));
            return Response::json(200, {{"organisation_id", history->organisation_id},
                                        {"organisation_name", history->organisation_name},
                                        {"visits", visits},
                                        {"requests", requests},
                                        {"overdue", history->overdue},
                                        {"open", history->open}});
        }));
}

}  // namespace mamori::api
