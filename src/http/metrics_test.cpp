#include "mamori/http/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace mamori::http {
namespace {

TEST(Metrics, CountsAndBucketsByRouteMethodAndStatus) {
    Metrics m;
    m.observe("/healthz", Method::get, 200, 0.0004);
    m.observe("/healthz", Method::get, 200, 0.003);
    m.observe("/healthz", Method::get, 503, 0.2);
    const std::string text = m.render();
    EXPECT_NE(text.find("mamori_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 2"),
              std::string::npos);
    EXPECT_NE(text.find("mamori_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"503\"} 1"),
              std::string::npos);
    // 0.0004 s falls in every bucket; 0.003 s first in le=0.005.
    EXPECT_NE(text.find("route=\"/healthz\",method=\"GET\",status=\"200\",le=\"0.0005\"} 1"),
              std::string::npos);
    EXPECT_NE(text.find("route=\"/healthz\",method=\"GET\",status=\"200\",le=\"0.005\"} 2"),
              std::string::npos);
    EXPECT_NE(text.find("route=\"/healthz\",method=\"GET\",status=\"200\",le=\"+Inf\"} 2"),
              std::string::npos);
    EXPECT_NE(
        text.find(
            "mamori_http_request_duration_seconds_count{route=\"/healthz\",method=\"GET\",status=\"503\"} 1"),
        std::string::npos);
}

TEST(Metrics, EscapesLabelValues) {
    Metrics m;
    m.observe("a\"b\\c", Method::post, 400, 0.001);
    EXPECT_NE(m.render().find("route=\"a\\\"b\\\\c\""), std::string::npos);
}

TEST(Metrics, ConcurrentObservationsAreAllCounted) {
    Metrics m;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&m] {
            for (int i = 0; i < 10000; ++i) m.observe("/x", Method::get, 200, 0.0001);
        });
    for (auto& t : threads) t.join();
    EXPECT_NE(m.render().find("mamori_http_requests_total{route=\"/x\",method=\"GET\",status=\"200\"} 40000"),
              std::string::npos);
}

TEST(Metrics, OpenConnectionsGauge) {
    Metrics m;
    m.connection_opened();
    m.connection_opened();
    m.connection_closed();
    EXPECT_NE(m.render().find("mamori_http_open_connections 1\n"), std::string::npos);
}

}  // namespace
}  // namespace mamori::http
