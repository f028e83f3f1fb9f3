#include "auth.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include "mamori/http/problem.hpp"

namespace mamori::api {

namespace {

bool changes_state(http::Method m) {
    return m == http::Method::post || m == http::Method::put || m == http::Method::patch ||
           m == http::Method::del;
}

bool same_secret(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// host_of_origin: "https://example.jp:8443" → "example.jp:8443".
std::string_view host_of_origin(std::string_view origin) {
    const auto scheme = origin.find("://");
    return scheme == std::string_view::npos ? origin : origin.substr(scheme + 3);
}

}  // namespace

audit::Context audit_context(const http::Request& request) {
    return {request.remote_address, request.request_id};
}

std::string session_token(const http::Request& request) {
    const auto cookies = request.header("Cookie");
    if (!cookies) return {};
    std::string_view rest = *cookies;
    while (!rest.empty()) {
        const auto semi = rest.find(';');
        std::string_view pair = rest.substr(0, semi);
        rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == kSessionCookie)
            return std::string(pair.substr(eq + 1));
    }
    return {};
}

Status check_csrf(const http::Request& request, std::string_view token) {
    if (!changes_state(request.method)) return {};
    const auto sent = request.header("X-CSRF-Token");
    if (!sent || !same_secret(*sent, services::IdentityService::csrf_token_for(token)))
        return fail(ErrorCode::forbidden, "missing or wrong CSRF token (X-CSRF-Token); reload the page",
                    "X-CSRF-Token");
    if (auto origin = request.header("Origin")) {
        const auto host = request.header("Host");
        if (!host || host_of_origin(*origin) != *host)
            return fail(ErrorCode::forbidden, "the request comes from another site", "Origin");
    }
    return {};
}

void set_session_cookie(http::Response& response, std::string_view token, const AuthSettings& settings) {
    response.headers.emplace_back(
        "Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}", kSessionCookie, token,
                                  settings.secure_cookies ? "; Secure" : ""));
}

void clear_session_cookie(http::Response& response, const AuthSettings& settings) {
    response.headers.emplace_back(
        "Set-Cookie", fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}", kSessionCookie,
                                  settings.secure_cookies ? "; Secure" : ""));
}

void ApiRoutes::open(http::Method method, std::string pattern, http::Handler handler,
                     http::RouteOptions options) {
    router_.add(method, std::move(pattern), std::move(handler), options);
}

void ApiRoutes::authenticated(http::Method method, std::string pattern, CallerHandler handler,
                              http::RouteOptions options) {
    add(method, std::move(pattern), std::move(handler), options, services::SessionUse::full);
}

void ApiRoutes::mfa_pending(http::Method method, std::string pattern, CallerHandler handler,
                            http::RouteOptions options) {
    add(method, std::move(pattern), std::move(handler), options, services::SessionUse::mfa_pending);
}

void ApiRoutes::add(http::Method method, std::string pattern, CallerHandler handler,
                    http::RouteOptions options, services::SessionUse use) {
    auto& identity = identity_;
    router_.add(
        method, std::move(pattern),
        [&identity, handler = std::move(handler), use, method](http::Request& request) -> http::Response {
            const auto context = audit_context(request);
            const auto authorization = request.header("Authorization");
            Result<identity::Caller> caller = fail(ErrorCode::unauthenticated, "please log in");
            if (authorization && authorization->rfind("Bearer ", 0) == 0) {
                caller = identity.authenticate_api_token(authorization->substr(7), context);
                if (caller && changes_state(method) && !identity::allows_write(*caller))
                    caller = fail(ErrorCode::forbidden, "this API token may only read");
            } else if (const auto token = session_token(request); !token.empty()) {
                caller = identity.authenticate_session(token, context, use);
                if (caller) {
                    if (auto csrf = check_csrf(request, token); !csrf) caller = fail(csrf.error());
                }
            }
            if (!caller) return http::problem_response(caller.error(), request.request_id);
            return handler(request, *caller);
        },
        options);
}

}  // namespace mamori::api
