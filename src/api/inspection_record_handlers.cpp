#include "inspection_record_handlers.hpp"

#include <fmt/format.h>

#include "json_input.hpp"
#include "mamori/services/inspection_record.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
namespace record = services::inspection_record;

constexpr std::size_t kMaxRecordFileBody = inspection::kRecordFileMaxBytes + 1024;

json line_json(const record::RecordLine& l, bool notes_visible) {
    json out = {{"canonical_id", l.canonical_id},
                {"row", l.row},
                {"verdict", inspection::to_string(l.verdict)},
                {"finding", l.finding},
                {"evidence_seen", l.evidence_seen},
                {"version", l.version},
                {"updated_at", l.updated_at}};
    if (notes_visible) {
        out["note"] = l.note;
        out["device"] = l.device;
    }
    return out;
}

json view_json(const record::RecordView& v) {
    json lines = json::array(), proposals = json::array();
    for (const auto& l : v.lines) lines.push_back(line_json(l, v.notes_visible));
    for (const auto& p : v.proposals)
        proposals.push_back({{"canonical_id", p.canonical_id}, {"row", p.row}, {"missing", p.missing}});
    json checklist = v.checklist_of_record;
    if (!v.notes_visible) proposals = json::array();
    return {{"visit_id", v.visit_id},
            {"organisation_id", v.organisation_id},
            {"institution_name", v.institution_name},
            {"fiscal_year", v.fiscal_year},
            {"planned_on", v.planned_on ? json(*v.planned_on) : json(nullptr)},
            {"visit_status", v.visit_status},
            {"status", v.status},
            {"summary", v.summary},
            {"version", v.version},
            {"checklist_of_record", checklist},
            {"lines", lines},
            {"proposals", proposals},
            {"counts", v.counts},
            {"started_at", v.started_at},
            {"completed_at", v.completed_at ? json(*v.completed_at) : json(nullptr)},
            {"notes_visible", v.notes_visible}};
}

std::string_view outcome_name(inspection::SyncOutcome o) {
    switch (o) {
        case inspection::SyncOutcome::applied: return "applied";
        case inspection::SyncOutcome::unchanged: return "unchanged";
        case inspection::SyncOutcome::conflict: return "conflict";
    }
    return "conflict";
}

// conflict_response: a 409 carrying the server's line so the page shows both.
Response conflict_response(const Request& request, const record::RecordLine& current) {
    Response r = problem(Error{ErrorCode::conflict,
                               "someone else changed this line since your device last saw it",
                               {{"base_version", "the line has a newer version"}}},
                         request);
    json body = json::parse(r.body);
    body["current"] = line_json(current, true);
    r.body = body.dump();
    return r;
}

}  // namespace

void register_inspection_record_routes(ApiRoutes& routes, store::Database& db,
                                       services::CatalogService& catalog) {
    const std::string base = "/api/v1/inspections/visits/{id}/record";
    routes.authenticated(Method::post, base,
                         with_id([&db, &catalog](Request& request, const Caller& caller, std::int64_t id) {
                             auto view = record::start(db, catalog, caller, id, audit_context(request));
                             if (!view) return problem(view.error(), request);
                             return Response::json(201, view_json(*view));
                         }));
    routes.authenticated(Method::get, base,
                         with_id([&db](Request& request, const Caller& caller, std::int64_t id) {
                             auto view = record::get(db, caller, id);
                             if (!view) return problem(view.error(), request);
                             return Response::json(200, view_json(*view));
                         }));
    routes.authenticated(Method::put, base + "/lines/{item}/{row}",
                         with_id([&db](Request& request, const Caller& caller, std::int64_t id) {
                             auto body = json_object(request);
                             if (!body) return problem(body.error(), request);
                             (*body)["canonical_id"] = std::string(request.param("item"));
                             (*body)["row"] = std::string(request.param("row"));
                             auto device = optional_string_field(*body, "device", 400);
                             if (!device) return problem(device.error(), request);
                             auto edit = inspection::parse_line_edit(*body);
                             if (!edit) return problem(edit.error(), request);
                             auto saved = record::save_line(db, caller, id, *edit, device->value_or(""),
                                                            audit_context(request));
                             if (!saved) return problem(saved.error(), request);
                             if (saved->outcome == inspection::SyncOutcome::conflict)
                                 return conflict_response(request, saved->line);
                             return Response::json(200, {{"outcome", outcome_name(saved->outcome)},
                                                         {"line", line_json(saved->line, true)}});
                         }));
    routes.authenticated(Method::get, base + "/lines/{item}/{row}/history",
                         with_id([&db](Request& request, const Caller& caller, std::int64_t id) {
                             auto versions =
                                 record::line_history(db, caller, id, std::string(request.param("item")),
                                                      std::string(request.param("row")));
                             if (!versions) return problem(versions.error(), request);
                             json out = json::array();
                             for (const auto& v : *versions) out.push_back(line_json(v, true));
                             return Response::json(200, {{"versions", out}});
                         }));
    routes.authenticated(
        Method::post, base + "/complete",
        with_id([&db](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto summary = optional_string_field(*body, "summary", 4 * inspection::kSummaryMaxCharacters);
            if (!summary) return problem(summary.error(), request);
            auto version = optional_int_field(*body, "version", 1, 1'000'000);
            if (!version) return problem(version.error(), request);
            if (!*version)
                return problem(
                    Error{ErrorCode::invalid_input, "version is required", {{"version", "missing"}}},
                    request);
            auto view = record::complete(db, caller, id, summary->value_or(""), static_cast<int>(**version),
                                         audit_context(request));
            if (!view) return problem(view.error(), request);
            return Response::json(200, view_json(*view));
        }));
    routes.authenticated(Method::get, base + "/package",
                         with_id([&db](Request& request, const Caller& caller, std::int64_t id) {
                             auto package = record::package(db, caller, id);
                             if (!package) return problem(package.error(), request);
                             return Response::download(package->dump(), "application/json; charset=utf-8",
                                                       fmt::format("inspection-{}-package.json", id));
                         }));
    routes.authenticated(
        Method::post, base + "/import",
        with_id([&db](Request& request, const Caller& caller, std::int64_t id) {
            auto report = record::import_file(db, caller, id, request.body, audit_context(request));
            if (!report) return problem(report.error(), request);
            json lines = json::array();
            for (const auto& l : report->lines)
                lines.push_back({{"outcome", outcome_name(l.outcome)}, {"line", line_json(l.line, true)}});
            return Response::json(200, {{"lines", lines}, {"completed", report->completed}});
        }),
        {.blocking = true, .max_body_bytes = kMaxRecordFileBody});
}

}  // namespace mamori::api
