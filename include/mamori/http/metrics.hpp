/// @file
/// @brief Request counters and latency histograms by route, method and status, rendered as Prometheus
/// text for `/metrics`.
///
///     metrics.observe("/healthz", Method::get, 200, 0.0004);
///     std::string text = metrics.render();
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

#include "mamori/http/message.hpp"

namespace mamori::http {

// Metrics: thread-safe; one short lock per observation keeps it simple and measured cheap (docs/perf.md).
class Metrics {
  public:
    // kBucketBounds: upper bounds (seconds) of the latency histogram buckets; +Inf is implicit.
    static constexpr std::array<double, 12> kBucketBounds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                             0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

    // observe: records one finished request.
    void observe(std::string_view route, Method method, int status, double seconds);

    // connection_opened / connection_closed: track open connections for the gauge.
    void connection_opened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
    void connection_closed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }
    std::int64_t open_connections() const { return open_connections_.load(std::memory_order_relaxed); }

    // render: the Prometheus text exposition format (version 0.0.4).
    std::string render() const;

  private:
    struct Series {
        std::uint64_t count = 0;
        double sum = 0;
        std::array<std::uint64_t, kBucketBounds.size()> buckets{};
    };
    using Key = std::tuple<std::string, Method, int>;

    mutable std::mutex mutex_;
    std::map<Key, Series, std::less<>> series_;
    std::atomic<std::int64_t> open_connections_{0};
};

}  // namespace mamori::http
