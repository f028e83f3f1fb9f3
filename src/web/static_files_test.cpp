#include "mamori/web/static_files.hpp"

#include <gtest/gtest.h>

namespace mamori::web {
namespace {

const embedded::File kFiles[] = {
    {"index.html", "<html lang=\"ja\"></html>"},
    {"assets/index-abc123.js", "console.log(1)"},
    {"robots.txt", "User-agent: *"},
};

TEST(StaticFiles, ServesIndexAtRootWithoutLongCaching) {
    StaticFiles spa(kFiles);
    auto r = spa.serve("/", std::nullopt);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "<html lang=\"ja\"></html>");
    EXPECT_EQ(r->header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(r->header("Cache-Control"), "no-cache");
}

TEST(StaticFiles, HashedAssetsAreImmutable) {
    StaticFiles spa(kFiles);
    auto r = spa.serve("/assets/index-abc123.js", std::nullopt);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->header("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(r->header("Cache-Control"), "public, max-age=31536000, immutable");
}

TEST(StaticFiles, ClientRoutesFallBackToIndexButMissingFilesDoNot) {
    StaticFiles spa(kFiles);
    auto route = spa.serve("/catalog/r7/medical", std::nullopt);
    ASSERT_TRUE(route);
    EXPECT_EQ(route->body, "<html lang=\"ja\"></html>");
    EXPECT_FALSE(spa.serve("/assets/missing.js", std::nullopt));
    EXPECT_FALSE(spa.serve("/favicon.ico", std::nullopt));
}

TEST(StaticFiles, MatchingEtagGivesNotModified) {
    StaticFiles spa(kFiles);
    auto first = spa.serve("/robots.txt", std::nullopt);
    ASSERT_TRUE(first);
    const std::string etag(*first->header("ETag"));
    auto again = spa.serve("/robots.txt", etag);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 304);
    EXPECT_TRUE(again->body.empty());
    EXPECT_EQ(spa.serve("/robots.txt", "\"other\"")->status, 200);
    EXPECT_NE(etag, *spa.serve("/", std::nullopt)->header("ETag"));
}

TEST(StaticFiles, ContentTypes) {
    EXPECT_EQ(content_type_for("a.css"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type_for("a.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_for("a.woff2"), "font/woff2");
    EXPECT_EQ(content_type_for("a"), "application/octet-stream");
}

TEST(StaticFiles, TheEmbeddedShellHasAnIndex) {
    StaticFiles spa(embedded::web_assets());
    auto r = spa.serve("/", std::nullopt);
    ASSERT_TRUE(r) << "web/dist was not embedded";
    EXPECT_NE(r->body.find("<html lang=\"ja\""), std::string::npos);
}

}  // namespace
}  // namespace mamori::web
