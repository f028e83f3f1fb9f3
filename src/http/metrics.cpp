#include "mamori/http/metrics.hpp"

#include <fmt/format.h>

namespace mamori::http {

namespace {

// Prometheus label values escape backslash, double quote and newline.
std::string label_value(std::string_view v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"') out.push_back('\\');
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out.push_back(c);
    }
    return out;
}

}  // namespace

void Metrics::observe(std::string_view route, Method method, int status, double seconds) {
    std::lock_guard lock(mutex_);
    auto it = series_.find(std::forward_as_tuple(route, method, status));
    if (it == series_.end()) it = series_.emplace(Key{std::string(route), method, status}, Series{}).first;
    Series& s = it->second;
    s.count += 1;
    s.sum += seconds;
    for (std::size_t i = 0; i < kBucketBounds.size(); ++i)
        if (seconds <= kBucketBounds[i]) s.buckets[i] += 1;
}

std::string Metrics::render() const {
    std::map<Key, Series, std::less<>> copy;
    {
        std::lock_guard lock(mutex_);
        copy = series_;
    }
    std::string out;
    out += "# HELP mamori_http_requests_total Requests served, by route pattern, method and status.\n";
    out += "# TYPE mamori_http_requests_total counter\n";
    for (const auto& [key, s] : copy) {
        const auto& [route, method, status] = key;
        out += fmt::format("mamori_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                           label_value(route), to_string(method), status, s.count);
    }
    out += "# HELP mamori_http_request_duration_seconds Time from parsed request to response, server side.\n";
    out += "# TYPE mamori_http_request_duration_seconds histogram\n";
    for (const auto& [key, s] : copy) {
        const auto& [route, method, status] = key;
        const auto labels = fmt::format("route=\"{}\",method=\"{}\",status=\"{}\"", label_value(route),
                                        to_string(method), status);
        for (std::size_t i = 0; i < kBucketBounds.size(); ++i)
            out += fmt::format("mamori_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels,
                               kBucketBounds[i], s.buckets[i]);
        out += fmt::format("mamori_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels,
                           s.count);
        out += fmt::format("mamori_http_request_duration_seconds_sum{{{}}} {}\n", labels, s.sum);
        out += fmt::format("mamori_http_request_duration_seconds_count{{{}}} {}\n", labels, s.count);
    }
    out += "# HELP mamori_http_open_connections Connections currently open.\n";
    out += "# TYPE mamori_http_open_connections gauge\n";
    out += fmt::format("mamori_http_open_connections {}\n", open_connections());
    return out;
}

}  // namespace mamori::http
