#include "system_handlers.hpp"

#include <nlohmann/json.hpp>

#include "mamori/http/problem.hpp"

namespace mamori::api {

void register_system_routes(http::Router& router, Dependencies deps) {
    using http::Method;
    using http::Request;
    using http::Response;

    router.add(Method::get, "/healthz", [](Request&) { return Response::json(200, {{"status", "ok"}}); });

    router.add(Method::get, "/readyz", [&db = deps.db](Request& request) {
        if (auto ok = db.ping(); !ok) return http::problem_response(ok.error(), request.request_id);
        return Response::json(200, {{"status", "ready"}, {"database", to_string(db.dialect())}});
    });

    router.add(Method::get, "/metrics", [&metrics = deps.metrics](Request&) {
        return Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
    });

    router.add(Method::get, "/api/v1/version", [](Request&) {
        return Response::json(200, {{"name", "mamori"}, {"version", MAMORI_VERSION}});
    });
}

}  // namespace mamori::api
