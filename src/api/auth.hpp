// Authentication at the HTTP edge and deny-by-default route registration. A route is either explicitly
// open (no login) or requires a caller: a full session (cookie, with a CSRF token on every state-changing
// request) or an API token (Authorization: Bearer mmr_…).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "json_input.hpp"
#include "mamori/audit/audit_log.hpp"
#include "mamori/http/router.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/identity_service.hpp"

namespace mamori::api {

// kSessionCookie: the name of the session cookie.
inline constexpr std::string_view kSessionCookie = "mamori_session";

// AuthSettings: how cookies are set.
struct AuthSettings {
    bool secure_cookies = false;  // add `Secure` (set when served over TLS, e.g. behind nginx)
    std::chrono::seconds session_idle{30 * 60};  // told to the page so that it can warn before the end
};

// audit_context: the audit context of a request (client address and request id).
audit::Context audit_context(const http::Request& request);

// session_token: the session cookie's value, or empty.
std::string session_token(const http::Request& request);

// check_csrf: for POST/PUT/PATCH/DELETE with a session cookie: the X-CSRF-Token header must match the
// session, and an Origin header, when sent, must name this host.
Status check_csrf(const http::Request& request, std::string_view token);

// set_session_cookie / clear_session_cookie: HttpOnly, SameSite=Strict, Path=/, Secure when configured.
void set_session_cookie(http::Response& response, std::string_view token, const AuthSettings& settings);
void clear_session_cookie(http::Response& response, const AuthSettings& settings);

// CallerHandler: a handler that runs only for an authenticated caller.
using CallerHandler = std::function<http::Response(http::Request&, const identity::Caller&)>;

// with_id: a CallerHandler for a route with an {id}: an id that cannot exist answers 404, any other is passed
// on, e.g. with_id([](Request& r, const Caller& c, std::int64_t id) { … }).
template <typename Handler>
CallerHandler with_id(Handler handler) {
    return [handler](http::Request& request, const identity::Caller& caller) {
        auto id = id_param(request, "id");
        if (!id) return problem(id.error(), request);
        return handler(request, caller, *id);
    };
}

// ApiRoutes: the only way api/ registers routes, so none is reachable without a decision about login.
class ApiRoutes {
  public:
    ApiRoutes(http::Router& router, services::IdentityService& identity, AuthSettings settings)
        : router_(router), identity_(identity), settings_(settings) {}

    // open: no login needed (public catalog, health, login itself).
    void open(http::Method method, std::string pattern, http::Handler handler,
              http::RouteOptions options = {});

    // authenticated: a full session or an API token; writes need CSRF (sessions) or the write scope (tokens).
    void authenticated(http::Method method, std::string pattern, CallerHandler handler,
                       http::RouteOptions options = {});

    // mfa_pending: also accepts a session that has only passed the password step (for MFA routes).
    void mfa_pending(http::Method method, std::string pattern, CallerHandler handler,
                     http::RouteOptions options = {});

    services::IdentityService& identity() { return identity_; }
    const AuthSettings& settings() const { return settings_; }

  private:
    void add(http::Method method, std::string pattern, CallerHandler handler, http::RouteOptions options,
             services::SessionUse use);

    http::Router& router_;
    services::IdentityService& identity_;
    AuthSettings settings_;
};

}  // namespace mamori::api
