/// @file
/// @brief The request pipeline between the socket and the handlers: request id, routing (API routes, then
/// the embedded SPA), exception boundary, security headers, metrics and the access log. It knows nothing of
/// sockets, so tests call it directly.
///
///     Dispatcher d(router, metrics, &spa);
///     Response r = d.handle(request);
#pragma once

#include <algorithm>
#include <chrono>
#include <string_view>

#include "mamori/http/message.hpp"
#include "mamori/http/metrics.hpp"
#include "mamori/http/router.hpp"
#include "mamori/web/static_files.hpp"

namespace mamori::http {

// Dispatcher: stateless apart from the metrics it feeds; safe to call from many threads.
class Dispatcher {
  public:
    Dispatcher(const Router& router, Metrics& metrics, const web::StaticFiles* spa);

    // handle: the response for a parsed request; never throws. Sets `request.request_id`.
    Response handle(Request& request) const;

    // runs_on_worker: whether the request's route is marked blocking (the server then calls handle() on its
    // worker pool instead of an I/O thread).
    bool runs_on_worker(const Request& request) const;

    // body_limit: the largest body accepted for `method` on `target` (path and query, undecoded): the route's
    // own limit when it has one, else `server_limit`.
    std::size_t body_limit(Method method, std::string_view target, std::size_t server_limit) const;

    // finish: adds common headers, then records metrics and the access log line. The server calls it for
    // responses it makes itself (timeouts, oversized requests) under the route label `label`.
    void finish(const Request& request, Response& response, std::string_view label,
                std::chrono::steady_clock::time_point started) const;

    Metrics& metrics() const { return metrics_; }

  private:
    Response route(Request& request, std::string_view& label) const;

    const Router& router_;
    Metrics& metrics_;
    const web::StaticFiles* spa_;
};

// assign_request_id: keeps a well-formed incoming X-Request-Id (1–64 of [A-Za-z0-9._-]) or makes a new one.
std::string assign_request_id(const Request& request);

}  // namespace mamori::http
