/// @file
/// @brief How long a request's body is, decided before anything reads it (RFC 9112 §6). A request whose
/// framing is in doubt is refused with 400 and its connection closed: if mamori and a proxy in front of it
/// disagreed about where a body ends, the rest of the body would run as a second request (request
/// smuggling). Only `Transfer-Encoding: chunked` (alone, once, last) or a `Content-Length` is accepted.
///
///     if (auto refused = refuse_framing(transfer_encodings, has_content_length, version))
///         answer 400 with *refused, then close the connection
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::http {

// refuse_framing: why a request with these Transfer-Encoding field values (one entry per field line, in
// order), with or without a Content-Length, in HTTP/1.`minor_version`, cannot be framed safely; nullopt when
// it can.
std::optional<std::string> refuse_framing(const std::vector<std::string_view>& transfer_encodings,
                                          bool has_content_length, unsigned minor_version);

}  // namespace mamori::http
