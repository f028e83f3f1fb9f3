// What the server does with Boost.Beast's request parser before a request reaches the dispatcher: the limits
// it sets on the parser and the conversion of Beast's message into our Request. Kept apart from server.cpp
// (the sockets and coroutines) so that the HTTP fuzz harness drives the same parser and conversion.
#pragma once

#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <string>

#include "mamori/http/forwarded_address.hpp"
#include "mamori/http/message.hpp"

namespace mamori::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// limit_header: a header of at most `max_header_bytes`, and no body limit while the header is read: the
// route's limit is set (or a declared length refused, naming that limit) once the header says which route
// it is.
void limit_header(RequestParser& parser, std::size_t max_header_bytes);

// limit_body: once the header is read, the body limit of its route, `limit`. False, with nothing set, when
// the declared Content-Length is already over it: the request must be refused (413) before any body is read,
// since the parser would reserve the declared length at its first body byte.
bool limit_body(RequestParser& parser, std::size_t limit);

// to_request: our Request from a parsed message from `peer` (the client's address as X-Forwarded-For
// names it when `peer` is a trusted proxy). `bad_target` is set when the target's path is not an absolute
// path that percent-decodes without a NUL byte; the request must then be refused.
Request to_request(BeastRequest&& in, const std::string& peer, const TrustedProxies& trusted,
                   bool& bad_target);

}  // namespace mamori::http
