#include "mamori/http/message.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace mamori::http {
namespace {

TEST(Message, HeadersAreCaseInsensitive) {
    Request r;
    r.headers = {{"Content-Type", "application/json"}, {"X-Request-Id", "abc"}};
    EXPECT_EQ(r.header("content-type"), "application/json");
    EXPECT_EQ(r.header("X-REQUEST-ID"), "abc");
    EXPECT_FALSE(r.header("Accept").has_value());

    Response response;
    response.set_header("Cache-Control", "no-cache");
    response.set_header("cache-control", "no-store");
    ASSERT_EQ(response.headers.size(), 1u);
    EXPECT_EQ(response.header("CACHE-CONTROL"), "no-store");
}

TEST(Message, QueryParametersAreDecoded) {
    Request r;
    r.query = "q=%E5%AE%88%E3%82%8A&empty&plus=a+b&bad=%zz";
    EXPECT_EQ(r.query_param("q"), "守り");
    EXPECT_EQ(r.query_param("empty"), "");
    EXPECT_EQ(r.query_param("plus"), "a b");
    EXPECT_FALSE(r.query_param("bad").has_value());
    EXPECT_FALSE(r.query_param("missing").has_value());
}

TEST(Message, PercentDecodeRejectsMalformedEscapes) {
    EXPECT_EQ(percent_decode("/a%20b"), "/a b");
    EXPECT_FALSE(percent_decode("/a%2").has_value());
    EXPECT_FALSE(percent_decode("/a%").has_value());
    EXPECT_FALSE(percent_decode("/%g0").has_value());
    EXPECT_EQ(percent_decode("a+b"), "a+b");
    EXPECT_EQ(percent_decode("a+b", true), "a b");
}

TEST(Message, MethodsRoundTrip) {
    for (auto m :
         {Method::get, Method::head, Method::post, Method::put, Method::patch, Method::del, Method::options})
        EXPECT_EQ(parse_method(to_string(m)), m);
    EXPECT_EQ(parse_method("BREW"), Method::other);
    EXPECT_EQ(parse_method("get"), Method::other);  // methods are case-sensitive (RFC 9110)
}

TEST(Message, JsonResponseSetsContentType) {
    auto r = Response::json(201, {{"id", 5}});
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(nlohmann::json::parse(r.body)["id"], 5);
}

}  // namespace
}  // namespace mamori::http
