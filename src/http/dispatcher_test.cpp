#include "mamori/http/dispatcher.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace mamori::http {
namespace {

const embedded::File kFiles[] = {{"index.html", "<html lang=\"ja\"></html>"}};

class DispatcherTest : public ::testing::Test {
  protected:
    DispatcherTest() : spa_(kFiles), dispatcher_(router_, metrics_, &spa_) {
        router_.add(Method::get, "/api/v1/things/{id}", [](Request& r) {
            return Response::json(200, {{"id", std::string(r.param("id"))}});
        });
        router_.add(Method::get, "/boom",
                    [](Request&) -> Response { throw std::runtime_error("secret detail"); });
    }

    Response get(const std::string& path) {
        Request r;
        r.path = path;
        return dispatcher_.handle(r);
    }

    Router router_;
    Metrics metrics_;
    web::StaticFiles spa_;
    Dispatcher dispatcher_;
};

TEST_F(DispatcherTest, PassesPathParametersAndAddsSecurityHeaders) {
    auto r = get("/api/v1/things/42");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(nlohmann::json::parse(r.body)["id"], "42");
    EXPECT_TRUE(r.header("X-Request-Id"));
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
    EXPECT_EQ(r.header("Cache-Control"), "no-store");
    EXPECT_NE(r.header("Content-Security-Policy")->find("frame-ancestors 'none'"), std::string::npos);
}

TEST_F(DispatcherTest, ExceptionsBecome500WithoutLeakingDetails) {
    auto r = get("/boom");
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(r.body.find("secret detail"), std::string::npos);
    auto body = nlohmann::json::parse(r.body);
    EXPECT_EQ(body["code"], "internal");
    EXPECT_EQ(body["request_id"], *r.header("X-Request-Id"));
}

TEST_F(DispatcherTest, UnknownApiPathIsProblemNotIndex) {
    auto r = get("/api/v1/nothing");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.header("Content-Type"), "application/problem+json; charset=utf-8");
    auto spa = get("/inspections");
    EXPECT_EQ(spa.status, 200);
    EXPECT_EQ(spa.body, "<html lang=\"ja\"></html>");
}

TEST_F(DispatcherTest, RequestIdsAreKeptWhenWellFormedAndReplacedOtherwise) {
    Request good;
    good.path = "/api/v1/things/1";
    good.headers = {{"X-Request-Id", "trace-123.abc_DEF"}};
    EXPECT_EQ(dispatcher_.handle(good).header("X-Request-Id"), "trace-123.abc_DEF");

    Request bad;
    bad.path = "/api/v1/things/1";
    bad.headers = {{"X-Request-Id", "has space\r\nInjected: yes"}};
    const auto id = std::string(*dispatcher_.handle(bad).header("X-Request-Id"));
    EXPECT_EQ(id.size(), 16u);
    EXPECT_EQ(id.find(' '), std::string::npos);
    EXPECT_NE(id, std::string(*get("/api/v1/things/1").header("X-Request-Id")));
}

TEST_F(DispatcherTest, MetricsUseTheRoutePatternNotThePath) {
    get("/api/v1/things/1");
    get("/api/v1/things/2");
    EXPECT_NE(metrics_.render().find("route=\"/api/v1/things/{id}\",method=\"GET\",status=\"200\"} 2"),
              std::string::npos);
}

}  // namespace
}  // namespace mamori::http
