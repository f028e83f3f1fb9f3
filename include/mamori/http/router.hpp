/// @file
/// @brief Maps method and path to a handler. Patterns are literal segments and `{name}` parameters.
///
///     router.add(Method::get, "/api/v1/catalog/editions/{id}", get_edition);
///     auto match = router.match(Method::get, "/api/v1/catalog/editions/r7");  // param "id" = "r7"
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/http/message.hpp"

namespace mamori::http {

// Handler: turns a request into a response. Expected failures become problem responses via
// problem_response(); exceptions are caught by the dispatcher and become 500.
using Handler = std::function<Response(Request&)>;

// RouteMatch: the outcome of a lookup. `route` is the pattern (used as the metrics label).
struct RouteMatch {
    enum class Kind { found, method_not_allowed, not_found } kind = Kind::not_found;
    const Handler* handler = nullptr;
    std::string_view route;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<Method> allowed;     // for method_not_allowed
    bool blocking = false;           // the handler must run on the worker pool (see RouteOptions)
    std::size_t max_body_bytes = 0;  // the route's own body limit; 0: the server's
};

// RouteOptions: how a route runs. `blocking` handlers do slow CPU work (Argon2id, PDF rendering) or wait
// long; the server runs them on its bounded worker pool so the I/O threads keep serving everyone else.
struct RouteOptions {
    bool blocking = false;
    std::size_t max_body_bytes = 0;    // a larger body limit than the server's (uploads); 0: the server's
    std::string_view access = "open";  // who may call it, as listed by routes(): "open", "authenticated", …
};

// RouteInfo: one registered route, for listings and the authorization matrix test.
struct RouteInfo {
    Method method;
    std::string pattern;
    std::string_view access;
};

// Router: a small table of routes; lookups are linear, which is fastest for the few dozen routes we have.
class Router {
  public:
    // add: registers `handler` for `method` on `pattern` ("/a/{id}/b"). Throws std::logic_error on a
    // malformed pattern or a duplicate (method, pattern): both are programming errors.
    void add(Method method, std::string pattern, Handler handler, RouteOptions options = {});

    // match: finds the handler for a request. HEAD falls back to a GET route.
    RouteMatch match(Method method, std::string_view path) const;

    // routes: every registered route in registration order.
    std::vector<RouteInfo> routes() const;

  private:
    struct Route {
        Method method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
        RouteOptions options;
    };
    std::vector<Route> routes_;
};

}  // namespace mamori::http
