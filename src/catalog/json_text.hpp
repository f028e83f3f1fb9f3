// Reading one catalog file as JSON, with the limits of the format: at most kMaxFileBytes, nesting at most
// kMaxNesting, UTF-8 without a byte-order mark, no key twice in one object. Syntax errors give the line and
// column (counted in characters).
#pragma once

#include <optional>
#include <string_view>

#include "diagnostics.hpp"
#include "mamori/catalog/catalog.hpp"

namespace mamori::catalog {

// parse_json_text: the parsed document, or nullopt after adding the reasons to `out` (under `file`).
std::optional<Json> parse_json_text(std::string_view file, std::string_view text, Diagnostics& out);

}  // namespace mamori::catalog
