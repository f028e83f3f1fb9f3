// Integration tests of the HTTP server: the real `mamori serve` on an ephemeral loopback port with a
// temporary SQLite database, driven over raw TCP so that malformed, oversized and slow requests can be sent
// too.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"

namespace mamori::testing {
namespace {

using Clock = std::chrono::steady_clock;
using Fields = std::vector<std::pair<std::string, std::string>>;

long long ms_since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// poll_until: calls `done` every 10 ms until it returns true or timeout_ms pass.
template <typename F>
bool poll_until(int timeout_ms, F done) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
        if (done()) return true;
        if (Clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

// The headers every response carries, whatever produced it.
void expect_common_headers(const HttpResult& r) {
    const auto id = r.header("X-Request-Id");
    ASSERT_TRUE(id.has_value()) << "no X-Request-Id";
    EXPECT_TRUE(std::regex_match(*id, std::regex("[A-Za-z0-9._-]{1,64}"))) << *id;
    const auto csp = r.header("Content-Security-Policy").value_or("");
    EXPECT_TRUE(contains(csp, "default-src 'self'")) << csp;
    EXPECT_TRUE(contains(csp, "frame-ancestors 'none'")) << csp;
    EXPECT_EQ(r.header("X-Content-Type-Options").value_or(""), "nosniff");
    EXPECT_EQ(r.header("Referrer-Policy").value_or(""), "no-referrer");
    EXPECT_EQ(r.header("X-Frame-Options").value_or(""), "DENY");
}

// An RFC 9457 problem with mamori's fields, whose request_id matches the X-Request-Id header.
void expect_problem(const HttpResult& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.header("Content-Type").value_or(""), "application/problem+json; charset=utf-8");
    expect_common_headers(r);
    nlohmann::json body;
    ASSERT_NO_THROW(body = r.json()) << r.body;
    ASSERT_TRUE(body.is_object()) << r.body;
    EXPECT_EQ(body.value("type", ""), "urn:mamori:problem:" + code) << r.body;
    EXPECT_EQ(body.value("code", ""), code) << r.body;
    EXPECT_EQ(body.value("status", 0), status) << r.body;
    EXPECT_FALSE(body.value("title", "").empty()) << r.body;
    EXPECT_FALSE(body.value("detail", "").empty()) << r.body;
    EXPECT_EQ(body.value("request_id", ""), r.header("X-Request-Id").value_or("<none>")) << r.body;
}

std::string raw_get(const std::string& target, const Fields& headers = {}, bool close = false) {
    std::string raw = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (close) raw += "Connection: close\r\n";
    for (const auto& [k, v] : headers) raw += k + ": " + v + "\r\n";
    return raw + "\r\n";
}

// A server per test (ctest runs every test as its own process anyway); `args` are extra serve flags.
class Server : public ::testing::Test {
  protected:
    virtual std::vector<std::string> args() const { return {}; }

    void SetUp() override { server_ = std::make_unique<ServerProcess>(dir_.path() / "mamori.db", args()); }

    HttpResult get(const std::string& target, const Fields& headers = {}) {
        return request(host(), port(), "GET", target, "", headers);
    }
    HttpResult send(const std::string& method, const std::string& target, const std::string& body = "",
                    const Fields& headers = {}) {
        return request(host(), port(), method, target, body, headers);
    }
    std::unique_ptr<Connection> connect() { return std::make_unique<Connection>(host(), port()); }
    const std::string& host() const { return server_->host(); }
    int port() const { return server_->port(); }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
};

// ---------------------------------------------------------------------------------------------------------
// Operational endpoints

TEST_F(Server, HealthzIsOkJson) {
    const auto r = get("/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("Content-Type").value_or(""), "application/json; charset=utf-8");
    EXPECT_EQ(r.json(), nlohmann::json({{"status", "ok"}}));
    EXPECT_EQ(r.header("Cache-Control").value_or(""), "no-store");
    expect_common_headers(r);
}

TEST_F(Server, ReadyzChecksTheSqliteDatabase) {
    const auto r = get("/readyz");
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("Content-Type").value_or(""), "application/json; charset=utf-8");
    const auto body = r.json();
    EXPECT_EQ(body.value("status", ""), "ready");
    EXPECT_EQ(body.value("database", ""), testing_postgres() ? "postgresql" : "sqlite");
}

TEST_F(Server, VersionEndpointNamesTheBinary) {
    const auto r = get("/api/v1/version");
    EXPECT_EQ(r.status, 200);
    const auto body = r.json();
    EXPECT_EQ(body.value("name", ""), "mamori");
    EXPECT_EQ(body.value("version", ""), MAMORI_VERSION);
}

TEST_F(Server, MetricsCountRequestsByRoutePatternWithALatencyHistogram) {
    for (int i = 0; i < 3; ++i) ASSERT_EQ(get("/api/v1/version").status, 200);
    ASSERT_EQ(get("/api/v1/no-such-thing-4711").status, 404);
    const auto r = get("/metrics");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.header("Content-Type").value_or(""), "text/plain; version=0.0.4; charset=utf-8");
    const std::string labels = R"(route="/api/v1/version",method="GET",status="200")";
    EXPECT_TRUE(contains(r.body, "# TYPE mamori_http_requests_total counter\n")) << r.body;
    EXPECT_TRUE(contains(r.body, "mamori_http_requests_total{" + labels + "} 3\n")) << r.body;
    EXPECT_TRUE(contains(r.body, "# TYPE mamori_http_request_duration_seconds histogram\n")) << r.body;
    EXPECT_TRUE(
        contains(r.body, "mamori_http_request_duration_seconds_bucket{" + labels + ",le=\"0.0005\"} "))
        << r.body;
    EXPECT_TRUE(
        contains(r.body, "mamori_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 3\n"))
        << r.body;
    EXPECT_TRUE(contains(r.body, "mamori_http_request_duration_seconds_count{" + labels + "} 3\n")) << r.body;
    EXPECT_TRUE(contains(r.body, "mamori_http_request_duration_seconds_sum{" + labels + "} ")) << r.body;
    // Unmatched paths share one label: a scanner cannot blow up the number of series.
    EXPECT_TRUE(
        contains(r.body, R"(mamori_http_requests_total{route="unmatched",method="GET",status="404"} 1)"))
        << r.body;
    EXPECT_FALSE(contains(r.body, "no-such-thing-4711")) << r.body;
    EXPECT_TRUE(contains(r.body, "mamori_http_open_connections ")) << r.body;
}

TEST_F(Server, MetricsBucketsAreCumulative) {
    ASSERT_EQ(get("/healthz").status, 200);
    const auto r = get("/metrics");
    const std::regex bucket(
        R"re(mamori_http_request_duration_seconds_bucket\{route="/healthz",method="GET",status="200",le="([^"]+)"\} (\d+))re");
    std::vector<long> counts;
    for (std::sregex_iterator it(r.body.begin(), r.body.end(), bucket), end; it != end; ++it)
        counts.push_back(std::stol((*it)[2]));
    ASSERT_EQ(counts.size(), 13u) << r.body;  // 12 bounds + Inf
    for (std::size_t i = 1; i < counts.size(); ++i) EXPECT_LE(counts[i - 1], counts[i]) << r.body;
    EXPECT_EQ(counts.back(), 1);
}

// ---------------------------------------------------------------------------------------------------------
// Common headers and request ids

TEST_F(Server, EveryKindOfResponseCarriesTheSecurityHeaders) {
    {
        SCOPED_TRACE("API");
        expect_common_headers(get("/healthz"));
    }
    {
        SCOPED_TRACE("static index");
        expect_common_headers(get("/"));
    }
    {
        SCOPED_TRACE("304");
        const auto etag = get("/").header("ETag").value_or("");
        const auto r = get("/", {{"If-None-Match", etag}});
        EXPECT_EQ(r.status, 304);
        expect_common_headers(r);
    }
    {
        SCOPED_TRACE("404 problem");
        expect_common_headers(get("/api/v1/nothing"));
    }
    {
        SCOPED_TRACE("405 problem");
        expect_common_headers(send("POST", "/healthz"));
    }
    {
        SCOPED_TRACE("400 made by the server before routing");
        auto c = connect();
        c->send("HELLO\r\n\r\n");
        expect_common_headers(c->read_response());
    }
}

TEST_F(Server, AWellFormedIncomingRequestIdIsEchoed) {
    for (const std::string& id : std::vector<std::string>{"abc-123_X.y", "0", std::string(64, 'a')}) {
        SCOPED_TRACE(id);
        const auto r = get("/healthz", {{"X-Request-Id", id}});
        EXPECT_EQ(r.header("X-Request-Id").value_or(""), id);
    }
    const auto problem = get("/api/v1/nothing", {{"X-Request-Id", "trace-42"}});
    EXPECT_EQ(problem.header("X-Request-Id").value_or(""), "trace-42");
    EXPECT_EQ(problem.json().value("request_id", ""), "trace-42");
}

TEST_F(Server, AMalformedIncomingRequestIdIsReplaced) {
    for (const std::string& id : std::vector<std::string>{"has spaces", std::string(100, 'a'),
                                                          std::string(65, 'b'), "semi;colon", "ünï", "a/b"}) {
        SCOPED_TRACE(id);
        const auto r = get("/healthz", {{"X-Request-Id", id}});
        const auto got = r.header("X-Request-Id").value_or("");
        EXPECT_NE(got, id);
        EXPECT_TRUE(std::regex_match(got, std::regex("[0-9a-f]{16}"))) << got;
    }
}

TEST_F(Server, RequestIdsDifferBetweenRequests) {
    std::set<std::string> ids;
    for (int i = 0; i < 20; ++i) {
        const auto id = get("/healthz").header("X-Request-Id").value_or("");
        EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{16}"))) << id;
        ids.insert(id);
    }
    EXPECT_EQ(ids.size(), 20u);
}

// ---------------------------------------------------------------------------------------------------------
// Routing errors

TEST_F(Server, UnknownApiRouteIs404Problem) {
    const auto r = get("/api/v1/nothing");
    expect_problem(r, 404, "not_found");
    EXPECT_TRUE(contains(r.json().value("detail", ""), "/api/v1/nothing")) << r.body;
    // API paths never fall back to the SPA's index.html, not even /api itself.
    expect_problem(get("/api"), 404, "not_found");
    expect_problem(get("/api/v1/nothing/deeper?x=1"), 404, "not_found");
}

TEST_F(Server, WrongMethodIs405WithAllowHeader) {
    const auto r = send("POST", "/healthz", "{}", {{"Content-Type", "application/json"}});
    expect_problem(r, 405, "invalid_input");
    EXPECT_EQ(r.header("Allow").value_or(""), "GET, HEAD");
    EXPECT_TRUE(contains(r.json().value("detail", ""), "POST")) << r.body;

    const auto del = send("DELETE", "/api/v1/version");
    expect_problem(del, 405, "invalid_input");
    EXPECT_EQ(del.header("Allow").value_or(""), "GET, HEAD");
}

TEST_F(Server, MalformedPercentEscapeInThePathIs400) {
    for (const std::string target : {"/%zz", "/api/v1/%4", "/a%00b"}) {
        SCOPED_TRACE(target);
        expect_problem(get(target), 400, "invalid_input");
    }
}

TEST_F(Server, GarbageBytesAre400ProblemAndTheConnectionCloses) {
    auto c = connect();
    c->send("HELLO\r\n\r\n");
    const auto r = c->read_response();
    expect_problem(r, 400, "invalid_input");
    EXPECT_EQ(r.header("Connection").value_or(""), "close");
    EXPECT_TRUE(c->closed_by_peer(2000));
}

// Request smuggling: a body framed by a Transfer-Encoding other than chunked has no length mamori could
// agree on with a proxy in front of it. Before the fix mamori read such a request as having no body and ran
// the body as the next request on the connection.
TEST_F(Server, TransferEncodingOtherThanChunkedIs400AndTheBodyNeverRunsAsARequest) {
    const std::string smuggled = "GET /api/v1/smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const std::vector<std::string> framings = {
        "Transfer-Encoding: gzip\r\n",
        "Transfer-Encoding: identity\r\n",
        "Transfer-Encoding: chunked, identity\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n",
        "Transfer-Encoding: gzip, chunked\r\n",
        "Transfer-Encoding: gzip\r\nContent-Length: " + std::to_string(smuggled.size()) + "\r\n",
    };
    for (const auto& framing : framings) {
        SCOPED_TRACE(framing);
        auto c = connect();
        c->send("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                framing + "\r\n" + smuggled);
        const auto r = c->read_response();
        expect_problem(r, 400, "invalid_input");
        EXPECT_TRUE(contains(r.json().value("detail", ""), "Transfer-Encoding")) << r.body;
        EXPECT_EQ(r.header("Connection").value_or(""), "close");
        EXPECT_EQ(c->read_rest(2000), "") << "a second response: the body ran as a request";
        EXPECT_TRUE(c->closed_by_peer(2000));
    }
    const auto log = server_->settled_log();
    EXPECT_FALSE(contains(log, "/api/v1/smuggled")) << log;
    EXPECT_FALSE(contains(log, "\"path\":\"/api/v1/session\"")) << "the refused requests reached a handler";
}

TEST_F(Server, ChunkedBodiesAreStillRead) {
    auto c = connect();
    c->send(
        "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        "5\r\n{\"log\r\n8\r\nin\":\"a\"}\r\n0\r\n\r\n");
    const auto r = c->read_response();
    // The JSON arrived whole: the answer is about the missing password, not about framing.
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_TRUE(contains(r.body, "password")) << r.body;
}

TEST_F(Server, OversizedHeadersAre431Problem) {
    auto c = connect();
    c->send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(40 * 1024, 'h') + "\r\n\r\n");
    const auto r = c->read_response();
    expect_problem(r, 431, "too_large");
    EXPECT_TRUE(contains(r.json().value("detail", ""), "16384")) << r.body;
}

TEST_F(Server, HeadersJustUnderTheLimitAreAccepted) {
    const auto r = get("/healthz", {{"X-Big", std::string(12 * 1024, 'h')}});
    EXPECT_EQ(r.status, 200);
}

// ---------------------------------------------------------------------------------------------------------
// Connections: keep-alive, HEAD, pipelining

TEST_F(Server, KeepAliveServesTwoRequestsOnOneConnection) {
    auto c = connect();
    c->send(raw_get("/healthz"));
    const auto first = c->read_response();
    ASSERT_EQ(first.status, 200);
    EXPECT_NE(first.header("Connection").value_or(""), "close");
    c->send(raw_get("/api/v1/version"));
    const auto second = c->read_response();
    EXPECT_EQ(second.status, 200);
    EXPECT_EQ(second.json().value("name", ""), "mamori");
    EXPECT_NE(first.header("X-Request-Id"), second.header("X-Request-Id"));
}

TEST_F(Server, PipelinedRequestsAreAnsweredInOrder) {
    auto c = connect();
    c->send(raw_get("/healthz") + raw_get("/api/v1/version") + raw_get("/readyz", {}, true));
    EXPECT_EQ(c->read_response().json().value("status", ""), "ok");
    EXPECT_EQ(c->read_response().json().value("name", ""), "mamori");
    EXPECT_EQ(c->read_response().json().value("status", ""), "ready");
    EXPECT_TRUE(c->closed_by_peer(2000));
}

TEST_F(Server, HeadHasTheHeadersOfGetButNoBody) {
    const auto get_result = get("/healthz");
    auto c = connect();
    c->send("HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const auto head = c->read_response(10000, true);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.header("Content-Length").value_or(""), std::to_string(get_result.body.size()));
    EXPECT_EQ(head.header("Content-Type"), get_result.header("Content-Type"));
    expect_common_headers(head);
    // Had a body been sent, it would now be read as the start of the next response.
    c->send(raw_get("/healthz", {}, true));
    const auto next = c->read_response();
    EXPECT_EQ(next.status, 200);
    EXPECT_EQ(next.body, R"({"status":"ok"})");
    EXPECT_EQ(c->read_rest(2000), "");
}

// ---------------------------------------------------------------------------------------------------------
// The embedded single-page app

TEST_F(Server, RootServesTheJapaneseShell) {
    const auto r = get("/");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.header("Content-Type").value_or(""), "text/html; charset=utf-8");
    EXPECT_TRUE(contains(r.body, "<html lang=\"ja\"")) << r.body.substr(0, 300);
    EXPECT_EQ(r.header("Cache-Control").value_or(""), "no-cache");
    EXPECT_TRUE(std::regex_match(r.header("ETag").value_or(""), std::regex("\"[0-9a-f]+\"")));
    EXPECT_EQ(get("/index.html").body, r.body);
}

TEST_F(Server, MatchingIfNoneMatchGives304WithoutBody) {
    const auto first = get("/");
    const auto etag = first.header("ETag").value_or("");
    ASSERT_FALSE(etag.empty());
    const auto again = get("/", {{"If-None-Match", etag}});
    EXPECT_EQ(again.status, 304);
    EXPECT_EQ(again.body, "");
    EXPECT_EQ(again.header("ETag").value_or(""), etag);
    EXPECT_EQ(again.header("Cache-Control").value_or(""), "no-cache");

    const auto stale = get("/", {{"If-None-Match", "\"0000000000000000\""}});
    EXPECT_EQ(stale.status, 200);
    EXPECT_EQ(stale.body, first.body);
}

TEST_F(Server, ClientRoutesFallBackToIndexHtml) {
    const auto index = get("/");
    for (const std::string route : {"/catalog", "/catalog/editions/r7", "/settings?tab=2"}) {
        SCOPED_TRACE(route);
        const auto r = get(route);
        EXPECT_EQ(r.status, 200);
        EXPECT_EQ(r.header("Content-Type").value_or(""), "text/html; charset=utf-8");
        EXPECT_EQ(r.header("ETag"), index.header("ETag"));
        EXPECT_EQ(r.body, index.body);
    }
}

TEST_F(Server, HashedAssetsAreServedWithTheirTypeAndCachedForever) {
    const auto index = get("/");
    std::smatch js;
    ASSERT_TRUE(std::regex_search(index.body, js, std::regex(R"re("(/assets/[^"]+\.js)")re"))) << index.body;
    const auto r = get(js[1]);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("Content-Type").value_or(""), "text/javascript; charset=utf-8");
    const auto cache = r.header("Cache-Control").value_or("");
    EXPECT_TRUE(contains(cache, "immutable")) << cache;
    EXPECT_TRUE(contains(cache, "max-age=31536000")) << cache;
    EXPECT_GT(r.body.size(), 1000u);
    expect_common_headers(r);

    std::smatch css;
    if (std::regex_search(index.body, css, std::regex(R"re("(/assets/[^"]+\.css)")re"))) {
        const auto style = get(css[1]);
        EXPECT_EQ(style.status, 200);
        EXPECT_EQ(style.header("Content-Type").value_or(""), "text/css; charset=utf-8");
        EXPECT_TRUE(contains(style.header("Cache-Control").value_or(""), "immutable"));
    }
}

TEST_F(Server, MissingAssetIs404Problem) {
    expect_problem(get("/assets/missing.js"), 404, "not_found");
    expect_problem(get("/favicon-nope.png"), 404, "not_found");
}

// ---------------------------------------------------------------------------------------------------------
// Limits and timeouts (a small body limit and a short request timeout)

class LimitedServer : public Server {
  protected:
    std::vector<std::string> args() const override {
        return {"--max-body-bytes", "2048", "--request-timeout-ms", "500"};
    }
};

TEST_F(LimitedServer, OversizedBodyIs413Problem) {
    auto c = connect();
    // Only the head is sent: the server must refuse on the announced length without reading the body.
    c->send(
        "POST /api/v1/things HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 4096\r\n\r\n");
    const auto r = c->read_response();
    expect_problem(r, 413, "too_large");
    EXPECT_TRUE(contains(r.json().value("detail", ""), "2048")) << r.body;
    EXPECT_TRUE(c->closed_by_peer(2000));
}

TEST_F(LimitedServer, BodyWithinTheLimitIsReadAndRouted) {
    const auto r = send("POST", "/api/v1/things", std::string(2000, 'x'), {{"Content-Type", "text/plain"}});
    expect_problem(r, 404, "not_found");
}

TEST_F(LimitedServer, SlowClientGets408ProblemAndIsDisconnected) {
    auto c = connect();
    const auto start = Clock::now();
    c->send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ");  // never finished
    const auto r = c->read_response(5000);
    const auto elapsed = ms_since(start);
    expect_problem(r, 408, "unavailable");
    EXPECT_GE(elapsed, 400);
    EXPECT_LT(elapsed, 3000);
    EXPECT_TRUE(c->closed_by_peer(2000));
}

TEST_F(LimitedServer, IdleKeepAliveConnectionIsClosedAfterTheTimeoutWithoutAResponse) {
    auto c = connect();
    c->send(raw_get("/healthz"));
    ASSERT_EQ(c->read_response().status, 200);
    const auto start = Clock::now();
    EXPECT_TRUE(c->closed_by_peer(5000));
    const auto elapsed = ms_since(start);
    EXPECT_GE(elapsed, 400);
    EXPECT_LT(elapsed, 3000);
    EXPECT_EQ(c->read_rest(500), "");
}

TEST_F(LimitedServer, ConnectionThatNeverSpeaksIsClosedSilently) {
    auto c = connect();
    EXPECT_TRUE(c->closed_by_peer(5000));
    EXPECT_EQ(c->read_rest(500), "");
}

// ---------------------------------------------------------------------------------------------------------
// Connection limit

class TwoConnectionServer : public Server {
  protected:
    std::vector<std::string> args() const override { return {"--max-connections", "2"}; }
};

TEST_F(TwoConnectionServer, AThirdConnectionGets503ProblemAndTheServerCarriesOn) {
    auto first = connect();
    auto second = connect();
    for (auto* c : {first.get(), second.get()}) {  // both accepted and kept alive
        c->send(raw_get("/healthz"));
        ASSERT_EQ(c->read_response().status, 200);
    }
    {
        auto third = connect();
        const auto r = third->read_response();
        expect_problem(r, 503, "unavailable");
        EXPECT_TRUE(third->closed_by_peer(2000));
    }
    first.reset();  // frees a slot
    EXPECT_TRUE(poll_until(5000, [&] {
        try {
            return get("/healthz").status == 200;
        } catch (const std::exception&) {
            return false;
        }
    })) << server_->log();
    second->send(raw_get("/api/v1/version"));
    EXPECT_EQ(second->read_response().status, 200);
    server_->signal(SIGTERM);
    EXPECT_EQ(server_->wait_exit(5000), 0) << server_->log();
}

// ---------------------------------------------------------------------------------------------------------
// Graceful shutdown

TEST_F(Server, SigtermLetsAnInFlightRequestFinishRefusesNewConnectionsAndExitsZero) {
    auto in_flight = connect();
    in_flight->send("GET /api/v1/version HTTP/1.1\r\nHost: 127.0.0.1\r\n");  // the request has begun
    // Make sure the server has read those bytes before it is told to stop.
    auto probe = connect();
    probe->send(raw_get("/healthz"));
    ASSERT_EQ(probe->read_response().status, 200);

    server_->signal(SIGTERM);
    ASSERT_TRUE(server_->wait_for_log("shutting down", 5000)) << server_->log();
    EXPECT_TRUE(poll_until(2000, [&] { return !can_connect(host(), port()); })) << "still accepting";
    in_flight->send("X-Last: 1\r\n\r\n");
    const auto r = in_flight->read_response(5000);
    EXPECT_EQ(r.status, 200) << "the in-flight request was dropped; log:\n" << server_->log();
    EXPECT_EQ(r.header("Connection").value_or(""), "close");
    const auto start = Clock::now();
    EXPECT_EQ(server_->wait_exit(5000), 0) << server_->log();
    EXPECT_LT(ms_since(start), 3000);
    EXPECT_FALSE(can_connect(host(), port()));
}

TEST_F(Server, IdleConnectionsDoNotDelayShutdown) {
    auto idle = connect();
    idle->send(raw_get("/healthz"));
    ASSERT_EQ(idle->read_response().status, 200);
    auto silent = connect();
    const auto start = Clock::now();
    server_->signal(SIGTERM);
    EXPECT_EQ(server_->wait_exit(5000), 0) << server_->log();
    EXPECT_LT(ms_since(start), 2000);  // the request timeout is 30 s: idle connections were closed at once
    EXPECT_TRUE(idle->closed_by_peer(1000));
    EXPECT_EQ(idle->read_rest(500), "");
    EXPECT_TRUE(silent->ended(1000));  // closed, or reset if it was still waiting to be accepted
    EXPECT_FALSE(can_connect(host(), port()));
    EXPECT_TRUE(contains(server_->log(), "\"msg\":\"stopped\"")) << server_->log();
}

// A supervisor may stop the server the moment it has announced its URL. SIGTERM must then be a graceful
// stop (exit 0), not the default action (killed, 143). The window is short, hence several rounds.
TEST(ServerStart, SigtermRightAfterTheUrlIsPrintedIsGraceful) {
    TempDir dir;
    for (int round = 0; round < 25; ++round) {
        SCOPED_TRACE(round);
        ServerProcess server(dir.path() / "start.db");
        server.signal(SIGTERM);
        ASSERT_EQ(server.wait_exit(5000), 0) << "143 = killed by SIGTERM before its handler was installed\n"
                                             << server.log();
    }
}

TEST_F(Server, SigintStopsGracefullyToo) {
    ASSERT_EQ(get("/healthz").status, 200);
    server_->signal(SIGINT);
    EXPECT_EQ(server_->wait_exit(5000), 0) << server_->log();
    EXPECT_TRUE(contains(server_->log(), "\"msg\":\"shutting down\"")) << server_->log();
    EXPECT_FALSE(can_connect(host(), port()));
}

// ---------------------------------------------------------------------------------------------------------
// Start-up and the access log

TEST_F(Server, TheChosenAddressIsLogged) {
    EXPECT_TRUE(server_->wait_for_log("\"address\":\"127.0.0.1:" + std::to_string(port()) + "\"", 5000))
        << server_->log();
}

std::vector<nlohmann::json> request_lines(const std::string& log) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        auto json = nlohmann::json::parse(line, nullptr, false);
        EXPECT_FALSE(json.is_discarded()) << "not a JSON line: " << line;
        if (!json.is_discarded() && json.value("msg", "") == "request") lines.push_back(std::move(json));
    }
    return lines;
}

TEST_F(Server, AccessLogHasOneJsonLinePerRequestWithItsRequestId) {
    struct Sent {
        std::string id;
        std::string method;
        std::string path;
        int status;
    };
    std::vector<Sent> sent;
    const auto note = [&](const HttpResult& r, std::string method, std::string path) {
        sent.push_back({r.header("X-Request-Id").value_or(""), std::move(method), std::move(path), r.status});
    };
    note(get("/healthz", {{"X-Request-Id", "access-log-1"}}), "GET", "/healthz");
    note(get("/healthz"), "GET", "/healthz");
    note(get("/api/v1/nothing"), "GET", "/api/v1/nothing");
    note(send("POST", "/readyz"), "POST", "/readyz");
    note(get("/catalog"), "GET", "/catalog");
    {
        auto c = connect();
        c->send(raw_get("/healthz", {{"X-Request-Id", "access-log-ka-1"}}));
        note(c->read_response(), "GET", "/healthz");
        c->send(raw_get("/readyz", {{"X-Request-Id", "access-log-ka-2"}}, true));
        note(c->read_response(), "GET", "/readyz");
    }
    ASSERT_TRUE(poll_until(5000, [&] {
        const auto log = server_->log();
        for (const auto& s : sent)
            if (!contains(log, "\"request_id\":\"" + s.id + "\"")) return false;
        return true;
    })) << server_->log();

    const auto lines = request_lines(server_->log());
    EXPECT_EQ(lines.size(), sent.size()) << server_->log();
    for (const auto& s : sent) {
        SCOPED_TRACE(s.id);
        ASSERT_FALSE(s.id.empty());
        int found = 0;
        for (const auto& line : lines) {
            if (line.value("request_id", "") != s.id) continue;
            ++found;
            EXPECT_EQ(line.value("method", ""), s.method);
            EXPECT_EQ(line.value("path", ""), s.path);
            EXPECT_EQ(line.value("status", 0), s.status);
            ASSERT_TRUE(line.contains("duration_ms") && line["duration_ms"].is_number()) << line.dump();
            EXPECT_GE(line["duration_ms"].get<double>(), 0.0);
            EXPECT_EQ(line.value("level", ""), "info");
            EXPECT_FALSE(line.value("ts", "").empty());
        }
        EXPECT_EQ(found, 1);
    }
}

TEST_F(Server, RequestsRejectedBeforeRoutingAreLoggedWithTheirRequestId) {
    auto c = connect();
    c->send("HELLO\r\n\r\n");
    const auto r = c->read_response();
    ASSERT_EQ(r.status, 400);
    const auto id = r.header("X-Request-Id").value_or("");
    ASSERT_TRUE(server_->wait_for_log("\"request_id\":\"" + id + "\"", 5000)) << server_->log();
    int found = 0;
    for (const auto& line : request_lines(server_->log())) {
        if (line.value("request_id", "") != id) continue;
        ++found;
        EXPECT_EQ(line.value("status", 0), 400);
        EXPECT_TRUE(line.contains("duration_ms"));
    }
    EXPECT_EQ(found, 1);
}

}  // namespace
}  // namespace mamori::testing
