// The HTTP request path up to the dispatcher: Boost.Beast's request parser with the limits the server sets
// (limit_header, then limit_body with the default body limit; default ServerOptions), several pipelined
// requests per input as on a keep-alive connection, then to_request with the peer a trusted proxy (so
// X-Forwarded-For is read) and the body through parse_json_body. A target to_request accepts is an absolute
// path without NUL; the client address is the peer or an address X-Forwarded-For names; every JSON error
// becomes a 400 problem response.
#include <boost/asio/buffer.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "http/beast_request.hpp"
#include "mamori/http/problem.hpp"
#include "mamori/http/server.hpp"

namespace {

using mamori::fuzz::fuzz_check;
namespace bhttp = boost::beast::http;

constexpr std::string_view kPeer = "10.0.0.1";
constexpr int kMaxRequestsPerInput = 8;

const mamori::http::TrustedProxies& trusted() {
    static const auto proxies = *mamori::http::TrustedProxies::parse("10.0.0.0/8, ::1");
    return proxies;
}

// put_until: feeds the front of `rest` to the parser, consuming what it used, until `done()`; false when the
// bytes are malformed or run out first (then the peer has closed).
template <class Done>
bool put_until(std::string_view& rest, mamori::http::RequestParser& parser, Done done) {
    boost::beast::error_code ec;
    while (!done()) {
        std::size_t used = 0;
        if (!rest.empty()) {
            used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
            rest.remove_prefix(used);
            if (ec && ec != bhttp::error::need_more) return false;
        }
        if (used == 0) {
            parser.put_eof(ec);
            return !ec && done();
        }
    }
    return true;
}

// read_one: one request from the front of `rest` as the server reads it when every byte has already
// arrived: the header under the server's limits, then the body under the limit of a route without its own.
bool read_one(std::string_view& rest, mamori::http::RequestParser& parser) {
    const mamori::http::ServerOptions options;
    mamori::http::limit_header(parser, options.max_header_bytes);
    if (!put_until(rest, parser, [&parser] { return parser.is_header_done(); })) return false;
    if (!mamori::http::limit_body(parser, options.max_body_bytes)) return false;
    parser.eager(true);
    return put_until(rest, parser, [&parser] { return parser.is_done(); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    for (int n = 0; n < kMaxRequestsPerInput && !rest.empty(); ++n) {
        mamori::http::RequestParser parser;
        if (!read_one(rest, parser)) return 0;
        auto message = parser.release();
        const bool keep_alive = message.keep_alive();
        bool bad_target = false;
        const auto request =
            mamori::http::to_request(std::move(message), std::string(kPeer), trusted(), bad_target);
        if (!bad_target) {
            fuzz_check(!request.path.empty() && request.path.front() == '/', "an accepted path is absolute");
            fuzz_check(request.path.find('\0') == std::string::npos, "an accepted path holds no NUL");
        }
        fuzz_check(request.remote_address == kPeer ||
                       mamori::http::IpAddress::parse(request.remote_address).has_value(),
                   "the client address is the peer or an IP address");
        (void)request.query_param("page");
        if (auto body = mamori::http::parse_json_body(request); !body)
            fuzz_check(mamori::http::problem_response(body.error(), "fuzz").status == 400,
                       "a malformed body is answered with 400");
        if (!keep_alive) return 0;
    }
    return 0;
}
