#include "mamori/http/dispatcher.hpp"

#include <fmt/format.h>

#include <random>

#include "mamori/core/log.hpp"
#include "mamori/http/problem.hpp"

namespace mamori::http {

namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

bool valid_request_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

void add_common_headers(const Request& request, Response& response) {
    response.set_header("X-Request-Id", request.request_id);
    response.set_header("Content-Security-Policy", std::string(kContentSecurityPolicy));
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Cross-Origin-Opener-Policy", "same-origin");
    response.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    // API answers may hold an institution's security posture: never let a shared cache keep them.
    if (!response.header("Cache-Control")) response.set_header("Cache-Control", "no-store");
}

}  // namespace

std::string assign_request_id(const Request& request) {
    if (auto incoming = request.header("X-Request-Id"); incoming && valid_request_id(*incoming))
        return std::string(*incoming);
    thread_local std::mt19937_64 generator{std::random_device{}()};
    return fmt::format("{:016x}", generator());
}

Dispatcher::Dispatcher(const Router& router, Metrics& metrics, const web::StaticFiles* spa)
    : router_(router), metrics_(metrics), spa_(spa) {}

bool Dispatcher::runs_on_worker(const Request& request) const {
    return router_.match(request.method, request.path).blocking;
}

std::size_t Dispatcher::body_limit(Method method, std::string_view target, std::size_t server_limit) const {
    const auto match = router_.match(method, target.substr(0, target.find('?')));
    return match.kind == RouteMatch::Kind::found && match.max_body_bytes > 0 ? match.max_body_bytes
                                                                             : server_limit;
}

Response Dispatcher::handle(Request& request) const {
    const auto started = std::chrono::steady_clock::now();
    request.request_id = assign_request_id(request);
    std::string_view label = "unmatched";
    Response response;
    try {
        response = route(request, label);
    } catch (const std::exception& e) {
        log_event(spdlog::level::err, "unhandled exception",
                  {{"request_id", request.request_id}, {"path", request.path}, {"error", e.what()}});
        response = problem_response(
            500, "an internal error occurred; it has been logged with this request id", request.request_id);
    }
    finish(request, response, label, started);
    return response;
}

Response Dispatcher::route(Request& request, std::string_view& label) const {
    auto match = router_.match(request.method, request.path);
    switch (match.kind) {
        case RouteMatch::Kind::found:
            label = match.route;
            request.params = std::move(match.params);
            return (*match.handler)(request);
        case RouteMatch::Kind::method_not_allowed: {
            label = "method_not_allowed";
            std::string allow;
            for (auto m : match.allowed)
                allow += fmt::format("{}{}", allow.empty() ? "" : ", ", to_string(m));
            Response r = problem_response(405,
                                          fmt::format("{} is not allowed on {}; use {}",
                                                      to_string(request.method), request.path, allow),
                                          request.request_id);
            r.set_header("Allow", allow);
            return r;
        }
        case RouteMatch::Kind::not_found: break;
    }
    const bool readable = request.method == Method::get || request.method == Method::head;
    const bool api = request.path == "/api" || request.path.rfind("/api/", 0) == 0;
    if (readable && !api && spa_ != nullptr) {
        if (auto file = spa_->serve(request.path, request.header("If-None-Match"))) {
            label = "static";
            return std::move(*file);
        }
    }
    return problem_response(404, fmt::format("nothing is at {}", request.path), request.request_id);
}

void Dispatcher::finish(const Request& request, Response& response, std::string_view label,
                        std::chrono::steady_clock::time_point started) const {
    add_common_headers(request, response);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    metrics_.observe(label, request.method, response.status, seconds);
    log_event(spdlog::level::info, "request",
              {{"request_id", request.request_id},
               {"method", to_string(request.method)},
               {"path", request.path},
               {"route", label},
               {"status", response.status},
               {"bytes", response.body.size()},
               {"duration_ms", seconds * 1000.0},
               {"remote", request.remote_address}});
}

}  // namespace mamori::http
