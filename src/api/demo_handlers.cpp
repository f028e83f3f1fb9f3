#include "demo_handlers.hpp"

#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/services/demo.hpp"

namespace mamori::api {

namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;
}  // namespace

void register_demo_routes(ApiRoutes& routes, store::Database& db) {
    // Whether this is a demo database, so the login page asks for the personas only when there are some.
    routes.open(Method::get, "/api/v1/demo", [&db](Request& request) {
        auto personas = services::demo_personas(db);
        if (!personas) return problem(personas.error(), request);
        return Response::json(200, {{"demo", personas->has_value()}});
    });
    routes.open(Method::get, "/api/v1/demo/personas", [&db](Request& request) {
        auto personas = services::demo_personas(db);
        if (!personas) return problem(personas.error(), request);
        if (!*personas)
            return problem(Error{ErrorCode::not_found, "this is not a demo installation", {}}, request);
        json out = json::array();
        for (const auto& p : **personas)
            out.push_back({{"login", p.login},
                           {"password", p.password},
                           {"display_name", p.display_name},
                           {"role", p.role},
                           {"organisation_name", p.organisation_name},
                           {"organisation_kind", p.organisation_kind}});
        return Response::json(200, {{"personas", out}});
    });
}

}  // namespace mamori::api
