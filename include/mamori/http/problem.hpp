/// @file
/// @brief The one place where errors become HTTP: `ErrorCode` → status, and `Error` → an RFC 9457
/// `application/problem+json` response. Also parses JSON request bodies into a Result.
///
///     if (!body) return problem_response(body.error(), request.request_id);
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/http/message.hpp"

namespace mamori::http {

// status_for: the HTTP status of an error code (invalid_input → 400, not_found → 404 …).
int status_for(ErrorCode code);

// problem_response: an RFC 9457 problem+json response for `error`, carrying the request id.
Response problem_response(const Error& error, std::string_view request_id);

// problem_response: the same for a bare status the server produces itself (404 route, 405, 408, 413 …).
Response problem_response(int status, std::string_view detail, std::string_view request_id);

// parse_json_body: the request body as JSON. Fails with invalid_input when the content type is not JSON, the
// text is malformed or nests deeper than kMaxRequestNesting (naming the byte offset), or a number is out of
// range (naming its field). Nothing recursive touches the text before its depth is known.
Result<nlohmann::json> parse_json_body(const Request& request);

}  // namespace mamori::http
