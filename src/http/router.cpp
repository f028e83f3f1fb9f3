#include "mamori/http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace mamori::http {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        parts.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

bool is_parameter(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(Method method, std::string pattern, Handler handler, RouteOptions options) {
    if (pattern.empty() || pattern.front() != '/')
        throw std::logic_error("route must start with '/': " + pattern);
    for (const auto& r : routes_)
        if (r.method == method && r.pattern == pattern) throw std::logic_error("duplicate route: " + pattern);
    Route route{method, pattern, {}, std::move(handler), options};
    for (auto part : split_path(pattern)) route.segments.emplace_back(part);
    routes_.push_back(std::move(route));
}

std::vector<RouteInfo> Router::routes() const {
    std::vector<RouteInfo> out;
    for (const auto& r : routes_) out.push_back({r.method, r.pattern, r.options.access});
    return out;
}

RouteMatch Router::match(Method method, std::string_view path) const {
    RouteMatch result;
    if (path.empty() || path.front() != '/') return result;
    const auto parts = split_path(path);
    const Route* fallback_get = nullptr;
    for (const auto& route : routes_) {
        if (route.segments.size() != parts.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < parts.size() && same; ++i)
            same = is_parameter(route.segments[i]) ? !parts[i].empty() : route.segments[i] == parts[i];
        if (!same) continue;
        if (route.method == method) {
            result.kind = RouteMatch::Kind::found;
            result.handler = &route.handler;
            result.route = route.pattern;
            result.blocking = route.options.blocking;
            result.max_body_bytes = route.options.max_body_bytes;
            for (std::size_t i = 0; i < parts.size(); ++i) {
                if (is_parameter(route.segments[i])) {
                    const auto& s = route.segments[i];
                    result.params.emplace_back(s.substr(1, s.size() - 2), std::string(parts[i]));
                }
            }
            return result;
        }
        if (method == Method::head && route.method == Method::get) fallback_get = &route;
        if (std::find(result.allowed.begin(), result.allowed.end(), route.method) == result.allowed.end())
            result.allowed.push_back(route.method);
    }
    if (fallback_get != nullptr) return match(Method::get, path);
    if (!result.allowed.empty()) {
        result.kind = RouteMatch::Kind::method_not_allowed;
        if (std::find(result.allowed.begin(), result.allowed.end(), Method::get) != result.allowed.end())
            result.allowed.push_back(Method::head);
    }
    return result;
}

}  // namespace mamori::http
