/// @file
/// @brief ASCII text helpers for machine-written values (inventory fields, feed text, addresses, CPE
/// names): white space trimmed and letters lower-cased byte by byte, whatever the locale. Bytes outside
/// ASCII are left as they are; for text people write, see nfkc_casefold in utf8.hpp.
///
///     if (ascii_lowercase(trimmed(type)) == "loopback") …
#pragma once

#include <string>
#include <string_view>

namespace mamori {

// is_ascii_space: ' ', '\t', '\n', '\v', '\f' or '\r' (what std::isspace accepts in the C locale).
constexpr bool is_ascii_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

constexpr char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// trimmed: the text without surrounding ASCII white space.
inline std::string trimmed(std::string_view text) {
    while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

// trimmed_blanks: the text without surrounding spaces and tabs (line breaks and other white space kept).
inline std::string trimmed_blanks(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return std::string(text);
}

inline std::string ascii_lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

}  // namespace mamori
