#include "mamori/core/utf8.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>

namespace mamori {

namespace {

constexpr std::uint32_t kInvalid = 0xFFFFFFFF;

// Decoded: one code point of strict UTF-8 and its length in bytes; kInvalid with length 1 for a byte that
// does not start a well-formed sequence (overlong, surrogate, beyond U+10FFFF, truncated).
struct Decoded {
    std::uint32_t code_point;
    std::size_t length;
};

Decoded decode(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    std::uint32_t cp = 0, minimum = 0;
    if ((lead >> 5) == 0x6) {
        length = 2, cp = lead & 0x1F, minimum = 0x80;
    } else if ((lead >> 4) == 0xE) {
        length = 3, cp = lead & 0x0F, minimum = 0x800;
    } else if ((lead >> 3) == 0x1E) {
        length = 4, cp = lead & 0x07, minimum = 0x10000;
    } else {
        return {kInvalid, 1};
    }
    if (at + length > text.size()) return {kInvalid, 1};
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(at + k) >> 6) != 0x2) return {kInvalid, 1};
        cp = (cp << 6) | (byte(at + k) & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {kInvalid, 1};
    return {cp, length};
}

bool is_control(std::uint32_t cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

bool is_noncharacter(std::uint32_t cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

}  // namespace

long character_count(std::string_view utf8) {
    long count = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = c < 0x80           ? 1
                                   : (c >> 5) == 0x6  ? 2
                                   : (c >> 4) == 0xe  ? 3
                                   : (c >> 3) == 0x1e ? 4
                                                      : 0;
        if (length == 0 || i + length > utf8.size()) return -1;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(utf8[i + k]) >> 6) != 0x2) return -1;
        i += length;
        ++count;
    }
    return count;
}

std::optional<std::string> text_problem(std::string_view text) {
    long position = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, length] = decode(text, i);
        ++position;
        if (cp == kInvalid)
            return fmt::format("the text is not valid UTF-8 (byte {} of {})", i + 1, text.size());
        if (is_control(cp))
            return fmt::format("the text holds a control character (U+{:04X}) at character {}", cp, position);
        if (is_noncharacter(cp))
            return fmt::format("the text holds U+{:04X}, which is not a character, at character {}", cp,
                               position);
        i += length;
    }
    return std::nullopt;
}

std::string printable_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, length] = decode(text, i);
        if (cp == kInvalid || is_control(cp) || is_noncharacter(cp)) {
            out += "\xEF\xBF\xBD";
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

}  // namespace mamori
