/// @file
/// @brief Parsing JSON from outside (request bodies, imported files) without letting the text decide how
/// deep anything recursive goes: the nesting is measured on the raw text before a tree exists, and numbers
/// too large for a double are refused instead of escaping as an exception.
///
///     auto doc = parse_limited_json(body, kMaxRequestNesting);
///     if (!doc) return fail(doc.error());   // names the byte offset
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori {

// kMaxRequestNesting: the deepest arrays/objects a request body may nest (catalog editions need the most).
inline constexpr int kMaxRequestNesting = 64;

// first_too_deep: the byte offset of the first '[' or '{' that opens level max_depth + 1 (strings are
// skipped), if any. Linear, no recursion, no allocation.
std::optional<std::size_t> first_too_deep(std::string_view text, int max_depth);

// parse_limited_json: the document, or invalid_input (field `field`) naming the byte offset of the problem:
// malformed text, nesting deeper than max_depth, or a number out of range (e.g. 1e400).
template <class Json = nlohmann::json>
Result<Json> parse_limited_json(std::string_view text, int max_depth, std::string_view field = "body");

}  // namespace mamori
