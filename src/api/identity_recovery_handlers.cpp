// HTTP routes for account recovery and pending invitations: reset a user, list, renew and revoke invitations.
#include <nlohmann/json.hpp>

#include "identity_handlers.hpp"
#include "mamori/http/problem.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;

Response code_response(const services::Invitation& inv) {
    return Response::json(201, {{"id", inv.id}, {"code", inv.code}, {"expires_at", inv.expires_at}});
}

Response no_content() {
    Response r;
    r.status = 204;
    return r;
}

}  // namespace

void register_recovery_routes(ApiRoutes& routes) {
    auto& identity = routes.identity();

    routes.authenticated(Method::post, "/api/v1/users/{id}/reset",
                         with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
                             auto inv = identity.reset_account(caller, id, audit_context(request));
                             if (!inv) return problem(inv.error(), request);
                             return code_response(*inv);
                         }));

    routes.authenticated(Method::get, "/api/v1/organisations/{id}/invitations",
                         with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
                             auto list = identity.invitations(caller, id);
                             if (!list) return problem(list.error(), request);
                             json out = json::array();
                             for (const auto& v : *list)
                                 out.push_back({{"id", v.id},
                                                {"organisation_id", v.organisation_id},
                                                {"login", v.login},
                                                {"display_name", v.display_name},
                                                {"roles", v.roles},
                                                {"account_reset", v.account_reset},
                                                {"created_at", v.created_at},
                                                {"expires_at", v.expires_at},
                                                {"expired", v.expired}});
                             return Response::json(200, {{"invitations", out}});
                         }));

    routes.authenticated(Method::post, "/api/v1/invitations/{id}/renewal",
                         with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
                             auto inv = identity.renew_invitation(caller, id, audit_context(request));
                             if (!inv) return problem(inv.error(), request);
                             return code_response(*inv);
                         }));

    routes.authenticated(Method::del, "/api/v1/invitations/{id}",
                         with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
                             if (auto ok = identity.revoke_invitation(caller, id, audit_context(request));
                                 !ok)
                                 return problem(ok.error(), request);
                             return no_content();
                         }));
}

}  // namespace mamori::api
