/// @file
/// @brief LIKE patterns from user text: the same escaping on SQLite and PostgreSQL.
///
///     "... WHERE name LIKE :q ESCAPE '!'", soci::use(fmt::format("%{}%", store::like_escaped(text)))
#pragma once

#include <string>
#include <string_view>

namespace mamori::store {

// like_escaped: `text` with LIKE's wildcards (% and _) and the escape character itself escaped by '!', for
// a LIKE … ESCAPE '!' clause ('!' rather than '\', whose meaning in string literals differs between dialects).
inline std::string like_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '%' || c == '_' || c == '!') out += '!';
        out += c;
    }
    return out;
}

}  // namespace mamori::store
