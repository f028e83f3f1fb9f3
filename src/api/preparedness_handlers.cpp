#include "preparedness_handlers.hpp"

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/core/field_problems.hpp"
#include "mamori/core/json_null.hpp"
#include "mamori/services/preparedness.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
using preparedness::RecordKind;
using services::PreparednessRecord;
using services::PreparednessService;

// An incident with 200 events of 1,000 characters is the largest record the rules accept; bodies beyond
// this are refused before they are read (the domain's limits apply within it).
constexpr std::size_t kMaxBodyBytes = std::size_t{256} * 1024;

json record_json(const PreparednessRecord& r) {
    json out = r.body;
    out["id"] = r.id;
    out["organisation_id"] = r.organisation_id;
    out["removed"] = r.status == "removed";  // not "status": an incident's status is open or closed
    out["version"] = r.version;
    out["created_at"] = r.created_at;
    out["updated_at"] = r.updated_at;
    json history = json::array();
    for (const auto& v : r.history)
        history.push_back(
            {{"version", v.version}, {"action", v.action}, {"by", v.by}, {"at", v.at}, {"record", v.body}});
    out["history"] = history;
    return out;
}

json codes_json(const std::vector<preparedness::Code>& codes) {
    json out = json::array();
    for (const auto& c : codes)
        out.push_back({{"code", c.code},
                       {"label_ja", c.label_ja},
                       {"label_en", c.label_en},
                       {"required", c.required},
                       {"source", c.source},
                       {"confidence", c.confidence},
                       {"wording", c.wording}});
    return out;
}

}  // namespace

Result<int> version_field(const json& body, int min) {
    auto version = optional_int_field(body, "version", min, 1'000'000);
    if (!version) return fail(version.error());
    if (!*version) return fail(ErrorCode::invalid_input, "version is required", "version");
    return static_cast<int>(**version);
}

namespace {

// without_version: the body as the record's fields (version is the request's, not the record's).
json without_version(json body) {
    body.erase("version");
    return body;
}

Response answer(const Result<PreparednessRecord>& r, const Request& request, int status = 200) {
    if (!r) return problem(r.error(), request);
    return Response::json(status, record_json(*r));
}

// Kind routes: list (not for contacts: the chart lists them), create, one, change (whole record), remove.
void register_kind(ApiRoutes& routes, const std::shared_ptr<PreparednessService>& service, RecordKind kind,
                   const std::string& path, const char* list_name) {
    const http::RouteOptions limited{.max_body_bytes = kMaxBodyBytes};
    if (kind != RecordKind::contact)
        routes.authenticated(
            Method::get, path, [service, kind, list_name](Request& request, const Caller& caller) {
                auto list = service->list(caller, kind);
                if (!list) return problem(list.error(), request);
                json records = json::array();
                for (const auto& r : list->records) records.push_back(record_json(r));
                return Response::json(200, {{list_name, records}, {"can_write", list->can_write}});
            });
    routes.authenticated(
        Method::post, path,
        [service, kind](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            return answer(service->create(caller, kind, *body, audit_context(request)), request, 201);
        },
        limited);
    // One record says whether the caller may change it (an inspector reading a reported incident may not).
    routes.authenticated(Method::get, path + "/{id}",
                         with_id([service, kind](Request& request, const Caller& caller, std::int64_t id) {
                             auto record = service->get(caller, kind, id);
                             if (!record) return problem(record.error(), request);
                             json body = record_json(*record);
                             body["can_write"] = PreparednessService::may_change(caller, *record);
                             return Response::json(200, body);
                         }));
    routes.authenticated(
        Method::put, path + "/{id}",
        with_id([service, kind](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body);
            if (!version) return problem(version.error(), request);
            return answer(service->update(caller, kind, id, *version,
                                          services::replace(without_version(*body)), audit_context(request)),
                          request);
        }),
        limited);
    routes.authenticated(
        Method::post, path + "/{id}/remove",
        with_id([service, kind](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body);
            if (!version) return problem(version.error(), request);
            return answer(service->remove(caller, kind, id, *version, audit_context(request)), request);
        }),
        http::RouteOptions{.max_body_bytes = 1024});
}

// Incident parts: each adds to (or sets in) the stored incident, then the whole is checked again.
using Edit = std::function<Result<json>(json incident, const json& part)>;

void register_incident_part(ApiRoutes& routes, const std::shared_ptr<PreparednessService>& service,
                            const std::string& suffix, Edit edit) {
    routes.authenticated(
        Method::post, "/api/v1/preparedness/incidents/{id}/" + suffix,
        with_id([service, edit](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body);
            if (!version) return problem(version.error(), request);
            const json part = without_version(*body);
            const services::Change change = [&](const json& current) { return edit(current, part); };
            return answer(
                service->update(caller, RecordKind::incident, id, *version, change, audit_context(request)),
                request);
        }),
        http::RouteOptions{.max_body_bytes = std::size_t{16} * 1024});
}

// appended: the incident with `part` at the end of its list `name` (the checks name the entry's fields as
// `name[n].field`).
Result<json> appended(json incident, const json& part, const char* name) {
    if (!incident[name].is_array()) incident[name] = json::array();
    incident[name].push_back(part);
    return incident;
}

}  // namespace

void register_preparedness_routes(ApiRoutes& routes, store::Database& db) {
    register_preparedness_document_routes(routes, db);
    auto service = std::make_shared<PreparednessService>(db);
    const http::RouteOptions small{.max_body_bytes = std::size_t{16} * 1024};

    routes.authenticated(Method::get, "/api/v1/preparedness/reference", [](Request&, const Caller&) {
        const auto& ref = preparedness::builtin_reference();
        return Response::json(200, {{"internal_roles", codes_json(ref.internal_roles)},
                                    {"external_bodies", codes_json(ref.external_bodies)},
                                    {"scenarios", codes_json(ref.scenarios)}});
    });
    routes.authenticated(
        Method::get, "/api/v1/preparedness/summary", [service](Request& request, const Caller& caller) {
            auto summary = service->summary(caller);
            if (!summary) return problem(summary.error(), request);
            json counts = json::object();
            for (const auto& [kind, n] : summary->counts) counts[kind] = n;
            json warnings = json::array();
            for (const auto& w : summary->warnings)
                warnings.push_back({{"code", w.code},
                                    {"kind", w.kind},
                                    {"record_id", or_null(w.record_id)},
                                    {"details", w.details}});
            return Response::json(
                200,
                {{"counts", counts}, {"open_incidents", summary->open_incidents}, {"warnings", warnings}});
        });
    routes.authenticated(Method::get, "/api/v1/preparedness/contacts",
                         [service](Request& request, const Caller& caller) {
                             auto chart = service->contact_chart(caller, audit_context(request));
                             if (!chart) return problem(chart.error(), request);
                             json contacts = json::array();
                             for (const auto& c : chart->contacts) contacts.push_back(record_json(c));
                             return Response::json(200, {{"chart", record_json(chart->chart)},
                                                         {"contacts", contacts},
                                                         {"can_write", chart->can_write}});
                         });
    // Before /contacts/{id}: the first matching pattern answers.
    routes.authenticated(
        Method::put, "/api/v1/preparedness/contacts/review",
        [service](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body);
            if (!version) return problem(version.error(), request);
            return answer(
                service->review_chart(caller, *version, without_version(*body), audit_context(request)),
                request);
        },
        small);
    register_kind(routes, service, RecordKind::contact, "/api/v1/preparedness/contacts", "contacts");
    register_kind(routes, service, RecordKind::backup, "/api/v1/preparedness/backups", "backups");
    register_kind(routes, service, RecordKind::restore_test, "/api/v1/preparedness/restore-tests",
                  "restore_tests");
    register_kind(routes, service, RecordKind::drill, "/api/v1/preparedness/drills", "drills");
    register_kind(routes, service, RecordKind::incident, "/api/v1/preparedness/incidents", "incidents");

    register_incident_part(routes, service, "events", [](json incident, const json& part) {
        return appended(std::move(incident), part, "events");
    });
    register_incident_part(routes, service, "reports", [](json incident, const json& part) {
        return appended(std::move(incident), part, "reports");
    });
    // checklist: {item, done, by, at} replaces that item.
    register_incident_part(routes, service, "checklist", [](json incident, const json& part) -> Result<json> {
        auto wanted = string_field(part, "item", 64);
        if (!wanted) return fail(wanted.error());
        json items = json::array();
        bool found = false;
        for (const auto& item : incident["checklist"]) {
            if (item.is_object() && item.value("item", "") == *wanted) {
                items.push_back(part);
                found = true;
            } else {
                items.push_back(item);
            }
        }
        if (!found)
            return fail(ErrorCode::invalid_input,
                        fmt::format("item: one of {}", listed(preparedness::kChecklistItems)), "item");
        incident["checklist"] = items;
        return incident;
    });
    // close: {closed_at, lessons, bcp_rows}.
    register_incident_part(routes, service, "close", [](json incident, const json& part) -> Result<json> {
        if (incident.value("status", "") == "closed")
            return fail(ErrorCode::conflict, "the incident is already closed", "status");
        incident["status"] = "closed";
        incident["closed_at"] = part.contains("closed_at") ? part["closed_at"] : json(nullptr);
        if (part.contains("lessons")) incident["lessons"] = part["lessons"];
        if (part.contains("bcp_rows")) incident["bcp_rows"] = part["bcp_rows"];
        return incident;
    });
}

}  // namespace mamori::api
