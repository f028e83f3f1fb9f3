#include "mamori/http/router.hpp"

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

Handler returning(int status) {
    return [status](Request&) {
        Response r;
        r.status = status;
        return r;
    };
}

TEST(Router, MatchesLiteralAndParameterSegments) {
    Router router;
    router.add(Method::get, "/api/v1/catalog/editions", returning(1));
    router.add(Method::get, "/api/v1/catalog/editions/{id}", returning(2));
    router.add(Method::get, "/api/v1/catalog/editions/{id}/forms/{form}", returning(3));

    auto m = router.match(Method::get, "/api/v1/catalog/editions/r7/forms/medical");
    ASSERT_EQ(m.kind, RouteMatch::Kind::found);
    EXPECT_EQ(m.route, "/api/v1/catalog/editions/{id}/forms/{form}");
    ASSERT_EQ(m.params.size(), 2u);
    EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"id", "r7"}));
    EXPECT_EQ(m.params[1], (std::pair<std::string, std::string>{"form", "medical"}));
    Request request;
    EXPECT_EQ((*m.handler)(request).status, 3);

    EXPECT_EQ(router.match(Method::get, "/api/v1/catalog/editions").route, "/api/v1/catalog/editions");
}

TEST(Router, EmptyParameterAndExtraSegmentsDoNotMatch) {
    Router router;
    router.add(Method::get, "/a/{id}", returning(1));
    EXPECT_EQ(router.match(Method::get, "/a/").kind, RouteMatch::Kind::not_found);
    EXPECT_EQ(router.match(Method::get, "/a/1/2").kind, RouteMatch::Kind::not_found);
    EXPECT_EQ(router.match(Method::get, "/b/1").kind, RouteMatch::Kind::not_found);
    EXPECT_EQ(router.match(Method::get, "").kind, RouteMatch::Kind::not_found);
}

TEST(Router, WrongMethodListsAllowedMethods) {
    Router router;
    router.add(Method::get, "/items/{id}", returning(1));
    router.add(Method::put, "/items/{id}", returning(2));
    auto m = router.match(Method::del, "/items/5");
    ASSERT_EQ(m.kind, RouteMatch::Kind::method_not_allowed);
    EXPECT_EQ(m.allowed, (std::vector<Method>{Method::get, Method::put, Method::head}));
}

TEST(Router, HeadFallsBackToGet) {
    Router router;
    router.add(Method::get, "/healthz", returning(7));
    auto m = router.match(Method::head, "/healthz");
    ASSERT_EQ(m.kind, RouteMatch::Kind::found);
    Request request;
    EXPECT_EQ((*m.handler)(request).status, 7);
}

TEST(Router, RejectsMalformedAndDuplicateRoutes) {
    Router router;
    router.add(Method::get, "/x", returning(1));
    EXPECT_THROW(router.add(Method::get, "/x", returning(1)), std::logic_error);
    EXPECT_THROW(router.add(Method::get, "x", returning(1)), std::logic_error);
    EXPECT_NO_THROW(router.add(Method::post, "/x", returning(1)));
}

}  // namespace
}  // namespace mamori::http
