#include "http/beast_request.hpp"

#include <gtest/gtest.h>

#include <boost/asio/buffer.hpp>
#include <string>

namespace mamori::http {
namespace {

// header_of: a parser that has read the header of `text` (and no body byte), as the server's read does.
void read_header(RequestParser& parser, const std::string& text) {
    limit_header(parser, 8 * 1024);
    boost::beast::error_code ec;
    parser.put(boost::asio::buffer(text.data(), text.size()), ec);
    ASSERT_FALSE(ec) << ec.message();
    ASSERT_TRUE(parser.is_header_done());
}

// The fuzz harness found that a body limit set after the header no longer checks the declared length: the
// first body byte made the parser reserve 8.9 GB. limit_body refuses it before any body is read.
TEST(LimitBody, ADeclaredLengthOverTheRoutesLimitIsRefusedBeforeTheBody) {
    RequestParser parser;
    read_header(parser, "POST /api/v1/session HTTP/1.1\r\nHost: a\r\nContent-Length: 8888888838\r\n\r\n{");
    EXPECT_FALSE(limit_body(parser, 1024 * 1024));

    RequestParser small;
    read_header(small, "POST /api/v1/session HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}");
    EXPECT_TRUE(limit_body(small, 1024 * 1024));
    boost::beast::error_code ec;
    const std::string body = "{}";
    small.put(boost::asio::buffer(body.data(), body.size()), ec);
    EXPECT_TRUE(small.is_done());
    EXPECT_EQ(small.get().body(), "{}");
}

TEST(LimitBody, AChunkedBodyIsHeldToTheLimitAsItArrives) {
    RequestParser parser;
    read_header(parser, "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n");
    ASSERT_TRUE(limit_body(parser, 4));
    const std::string chunks = "5\r\nhello\r\n0\r\n\r\n";
    boost::beast::error_code ec;
    parser.put(boost::asio::buffer(chunks.data(), chunks.size()), ec);
    EXPECT_EQ(ec, boost::beast::http::error::body_limit);
}

}  // namespace
}  // namespace mamori::http
