// Reading a request: path ids, and fields of a JSON body with errors that name the field: missing, wrong
// type, too long.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/http/message.hpp"

namespace mamori::api {

// problem: the problem+json answer for `error` to `request`.
http::Response problem(const Error& error, const http::Request& request);

// id_param: a positive integer path parameter; not_found otherwise (an id that cannot exist is not found).
Result<std::int64_t> id_param(const http::Request& request, std::string_view name);

// json_object: the request body as a JSON object (invalid_input naming the problem otherwise).
Result<nlohmann::json> json_object(const http::Request& request);

// string_field: a required string of at most `max_bytes`.
Result<std::string> string_field(const nlohmann::json& body, std::string_view name, std::size_t max_bytes);

// optional_string_field: a string when present and not null.
Result<std::optional<std::string>> optional_string_field(const nlohmann::json& body, std::string_view name,
                                                         std::size_t max_bytes);

// optional_int_field: an integer in [min, max] when present and not null.
Result<std::optional<std::int64_t>> optional_int_field(const nlohmann::json& body, std::string_view name,
                                                       std::int64_t min, std::int64_t max);

// optional_bool_field: a boolean when present and not null.
Result<std::optional<bool>> optional_bool_field(const nlohmann::json& body, std::string_view name);

// string_list_field: an array of at most `max_items` strings of at most `max_bytes` each; absent when
// `required` is false and the field is missing.
Result<std::optional<std::vector<std::string>>> string_list_field(const nlohmann::json& body,
                                                                  std::string_view name,
                                                                  std::size_t max_items,
                                                                  std::size_t max_bytes, bool required);

// integer_query: an optional whole-number query parameter between `min` and `max`; the error names it.
Result<std::optional<std::int64_t>> integer_query(const http::Request& request, std::string_view name,
                                                  std::int64_t min, std::int64_t max);

}  // namespace mamori::api
