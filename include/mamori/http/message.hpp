/// @file
/// @brief mamori's own HTTP request and response types. Only http/server.cpp knows Boost.Beast; everything
/// else (router, handlers, tests) works with these plain values.
///
///     Response r = Response::json(200, {{"status", "ok"}});
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mamori::http {

// Method: the request methods the router distinguishes; anything else is `other`.
enum class Method { get, head, post, put, patch, del, options, other };

// parse_method: "GET" → Method::get; unknown names → Method::other.
Method parse_method(std::string_view name);

// to_string: Method::get → "GET".
std::string_view to_string(Method method);

// Headers: name/value pairs in arrival order; names are compared case-insensitively.
using Headers = std::vector<std::pair<std::string, std::string>>;

// Request: one parsed request. `params` holds the path parameters of the matched route.
struct Request {
    Method method = Method::get;
    std::string path;   // decoded path without the query, e.g. "/api/v1/catalog/editions/r7"
    std::string query;  // raw query string without '?'
    Headers headers;
    std::string body;
    std::string remote_address;
    std::string request_id;
    std::vector<std::pair<std::string, std::string>> params;

    // header: the first value of header `name` (case-insensitive), if present.
    std::optional<std::string_view> header(std::string_view name) const;
    // param: the path parameter `name`; empty when the route has none of that name.
    std::string_view param(std::string_view name) const;
    // query_param: the decoded value of query parameter `name`, if present.
    std::optional<std::string> query_param(std::string_view name) const;
};

// Response: status, headers and body. Handlers build it; the server adds the common headers.
struct Response {
    int status = 200;
    Headers headers;
    std::string body;
    bool close_connection = false;

    // set_header: replaces header `name` (case-insensitive) or adds it.
    void set_header(std::string_view name, std::string value);
    // header: the value of header `name`, if set.
    std::optional<std::string_view> header(std::string_view name) const;

    // json: a response with a JSON body and `application/json; charset=utf-8`.
    static Response json(int status, const nlohmann::json& body);
    // text: a response with a plain-text body.
    static Response text(int status, std::string body,
                         std::string content_type = "text/plain; charset=utf-8");
    // download: a file to save, not to show: attachment with its (UTF-8) name, never cached by proxies.
    static Response download(std::string body, std::string content_type, std::string_view file_name);
};

// iequals: ASCII case-insensitive comparison, as HTTP header names need.
bool iequals(std::string_view a, std::string_view b);

// percent_decode: decodes %XX escapes (and '+' as space when `plus_is_space`); nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space = false);

}  // namespace mamori::http
