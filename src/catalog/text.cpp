#include "text.hpp"

#include <array>
#include <charconv>
#include <chrono>

namespace mamori::catalog {

namespace {

// next_code_point: decodes the UTF-8 sequence at `i` and advances past it; malformed bytes decode as
// U+FFFD (the parser has already refused invalid UTF-8, so this only guards against misuse).
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
    i += length;
    return cp;
}

bool is_japanese(char32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF)        // hiragana, katakana
           || (cp >= 0x31F0 && cp <= 0x31FF)     // katakana phonetic extensions
           || (cp >= 0xFF66 && cp <= 0xFF9F)     // half-width katakana
           || cp == 0x3005                       // 々
           || (cp >= 0x3400 && cp <= 0x4DBF)     // CJK extension A
           || (cp >= 0x4E00 && cp <= 0x9FFF)     // CJK unified ideographs
           || (cp >= 0xF900 && cp <= 0xFAFF)     // CJK compatibility ideographs
           || (cp >= 0x20000 && cp <= 0x3FFFF);  // CJK extensions B and later
}

// circled_value: ① … ⑳ (U+2460…), ㉑ … ㉟ (U+3251…), ㊱ … ㊿ (U+32B1…); 0 if not a circled number.
int circled_value(char32_t cp) {
    if (cp >= 0x2460 && cp <= 0x2473) return static_cast<int>(cp - 0x2460) + 1;
    if (cp >= 0x3251 && cp <= 0x325F) return static_cast<int>(cp - 0x3251) + 21;
    if (cp >= 0x32B1 && cp <= 0x32BF) return static_cast<int>(cp - 0x32B1) + 36;
    return 0;
}

std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    if (s.empty() || s.front() == '-' || s.front() == '+') return std::nullopt;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

bool contains_japanese(std::string_view text) {
    for (std::size_t i = 0; i < text.size();)
        if (is_japanese(next_code_point(text, i))) return true;
    return false;
}

std::optional<PrintedNumber> parse_printed_number(std::string_view text, NumberingStyle style) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const auto section = parse_int(text.substr(0, dash));
    if (!section || *section < 1 || *section > 9) return std::nullopt;
    const std::string_view rest = text.substr(dash + 1);
    if (style == NumberingStyle::paren) {
        if (rest.size() < 3 || rest.front() != '(' || rest.back() != ')') return std::nullopt;
        const auto ordinal = parse_int(rest.substr(1, rest.size() - 2));
        if (!ordinal || *ordinal < 1) return std::nullopt;
        return PrintedNumber{*section, *ordinal};
    }
    std::size_t i = 0;
    if (rest.empty()) return std::nullopt;
    const int ordinal = circled_value(next_code_point(rest, i));
    if (ordinal == 0 || i != rest.size()) return std::nullopt;
    return PrintedNumber{*section, ordinal};
}

bool is_url(std::string_view text) {
    std::string_view rest;
    if (text.rfind("https://", 0) == 0) {
        rest = text.substr(8);
    } else if (text.rfind("http://", 0) == 0) {
        rest = text.substr(7);
    } else {
        return false;
    }
    if (rest.empty() || rest.front() == '/') return false;
    for (char c : text)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
    return true;
}

std::optional<std::string> date_precision(std::string_view text) {
    using namespace std::chrono;
    const auto digits = [&](std::size_t at, std::size_t n) -> std::optional<int> {
        if (at + n > text.size()) return std::nullopt;
        for (std::size_t k = at; k < at + n; ++k)
            if (text[k] < '0' || text[k] > '9') return std::nullopt;
        return parse_int(text.substr(at, n));
    };
    const auto y = digits(0, 4);
    if (!y) return std::nullopt;
    if (text.size() == 4) return "year";
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    const auto m = digits(5, 2);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    if (text.size() == 7) return "month";
    if (text.size() != 10 || text[7] != '-') return std::nullopt;
    const auto d = digits(8, 2);
    if (!d) return std::nullopt;
    const year_month_day date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok()) return std::nullopt;
    return "day";
}

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

}  // namespace mamori::catalog
