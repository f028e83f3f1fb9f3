#include "asset_import_handlers.hpp"

#include <memory>
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/feeds/asset_template.hpp"
#include "services/asset_import.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;

json summary_json(const services::AssetImportSummary& s) {
    return {{"id", s.id},
            {"format", s.format},
            {"file_name", s.file_name},
            {"file_sha256", s.file_sha256},
            {"file_size", s.file_size},
            {"status", s.status},
            {"counts",
             {{"create", s.created}, {"update", s.updated}, {"unchanged", s.unchanged}, {"error", s.errors}}},
            {"created_by", s.created_by},
            {"created_at", s.created_at},
            {"decided_by", s.decided_by},
            {"decided_at", s.decided_at ? json(*s.decided_at) : json(nullptr)}};
}

json detail_json(const services::AssetImportDetail& detail) {
    json out = summary_json(detail.summary);
    out["plan"] = detail.plan;
    return out;
}

}  // namespace

void register_asset_import_routes(ApiRoutes& routes, store::Database& db) {
    auto service = std::make_shared<services::AssetImports>(db);
    // The template routes come before /api/v1/ledger/imports/{id}: the first matching pattern answers.
    routes.authenticated(Method::get, "/api/v1/ledger/imports/template.csv", [](Request&, const Caller&) {
        return Response::download(feeds::asset_template_csv(), "text/csv; charset=utf-8",
                                  "機器台帳テンプレート.csv");
    });
    routes.authenticated(
        Method::get, "/api/v1/ledger/imports/template.xlsx", [](Request& request, const Caller&) {
            auto bytes = feeds::asset_template_xlsx();
            if (!bytes) return problem(bytes.error(), request);
            return Response::download(std::move(*bytes),
                                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                      "機器台帳テンプレート.xlsx");
        });
    routes.authenticated(Method::get, "/api/v1/ledger/imports",
                         [service](Request& request, const Caller& caller) {
                             auto list = service->list(caller);
                             if (!list) return problem(list.error(), request);
                             json imports = json::array();
                             for (const auto& s : *list) imports.push_back(summary_json(s));
                             return Response::json(200, {{"imports", imports}});
                         });
    routes.authenticated(Method::post, "/api/v1/ledger/imports",
                         [service](Request& request, const Caller& caller) {
                             const std::string format = request.query_param("format").value_or("auto");
                             const std::string file_name = request.query_param("file_name").value_or("");
                             auto made = service->preview(caller, format, file_name, request.body,
                                                          audit_context(request));
                             if (!made) return problem(made.error(), request);
                             return Response::json(201, detail_json(*made));
                         },
                         {.blocking = true, .max_body_bytes = services::kMaxImportFileBytes});
    routes.authenticated(Method::get, "/api/v1/ledger/imports/{id}",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto found = service->get(caller, id);
                             if (!found) return problem(found.error(), request);
                             return Response::json(200, detail_json(*found));
                         }));
    routes.authenticated(Method::post, "/api/v1/ledger/imports/{id}/confirm",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto done = service->confirm(caller, id, audit_context(request));
                             if (!done) return problem(done.error(), request);
                             return Response::json(200, detail_json(*done));
                         }),
                         {.blocking = true, .max_body_bytes = 4096});
    routes.authenticated(Method::post, "/api/v1/ledger/imports/{id}/discard",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto done = service->discard(caller, id, audit_context(request));
                             if (!done) return problem(done.error(), request);
                             return Response::json(200, detail_json(*done));
                         }),
                         {.max_body_bytes = 4096});
}

}  // namespace mamori::api
