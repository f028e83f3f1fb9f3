#include "catalog_admin_handlers.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mamori/audit/caller_entry.hpp"
#include "mamori/http/problem.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;

// The checklist is national: only the ministry's administrators may change it.
bool may_import(const Caller& caller) {
    return caller.organisation.kind == identity::OrgKind::ministry &&
           caller.has(identity::Role::administrator) && identity::allows_write(caller);
}

nlohmann::json summary_json(const services::CatalogSummary& s) {
    nlohmann::json forms = nlohmann::json::array();
    for (const auto& f : s.forms)
        forms.push_back({{"form", f.form}, {"items", f.items}, {"unconfirmed", f.unconfirmed}});
    return {{"edition", s.edition_id},          {"fiscal_year", s.fiscal_year},
            {"title_ja", s.title_ja},           {"current_revision", s.current_revision},
            {"next_revision", s.next_revision}, {"forms", forms}};
}

}  // namespace

void register_catalog_admin_routes(ApiRoutes& routes, services::CatalogService& catalog,
                                   store::Database& db) {
    // POST body: an edition file or edition bundle (JSON). ?dry_run=true only validates.
    routes.authenticated(
        Method::post, "/api/v1/admin/catalog/imports",
        [&catalog, &db](Request& request, const Caller& caller) {
            if (!may_import(caller))
                return http::problem_response(
                    Error{ErrorCode::forbidden,
                          "only administrators of the ministry may import catalog editions",
                          {}},
                    request.request_id);
            if (auto body = http::parse_json_body(request); !body)
                return http::problem_response(body.error(), request.request_id);
            const std::string file = request.query_param("file").value_or("upload.json");
            if (file.size() > 200)
                return http::problem_response(
                    Error{ErrorCode::invalid_input, "the file name is too long", {{"file", "too long"}}},
                    request.request_id);
            if (request.query_param("dry_run").value_or("") == "true") {
                auto summary = catalog.validate_file(file, request.body);
                if (!summary) return http::problem_response(summary.error(), request.request_id);
                return Response::json(200, {{"valid", true}, {"summary", summary_json(*summary)}});
            }
            auto report = catalog.import_file(
                db, file, request.body, fmt::format("api: user {} ({})", caller.user_id, file),
                audit::caller_entry(caller, "catalog.imported", ""), audit_context(request));
            if (!report) return http::problem_response(report.error(), request.request_id);
            return Response::json(report->imported ? 201 : 200, {{"imported", report->imported},
                                                                 {"revision", report->revision},
                                                                 {"sha256", report->sha256},
                                                                 {"summary", summary_json(report->summary)}});
        });
}

}  // namespace mamori::api
