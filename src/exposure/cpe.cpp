// CPE names per NISTIR 7695 (CPE 2.3 Naming): unbinding formatted strings (6.2) and URIs (6.1), binding
// to the canonical formatted string. A value's text is kept in formatted-string form: lower case, letters,
// digits, '_', '.' and '-' bare, every other printable character quoted with '\', unquoted '*' and '?'
// only as wildcards at the ends of the value.
#include "mamori/exposure/cpe.hpp"

#include <fmt/format.h>

#include <array>
#include <vector>

#include "mamori/core/ascii.hpp"

namespace mamori::exposure {
namespace {

constexpr std::array<std::string_view, 11> kAttributeNames = {
    "part",     "vendor",     "product",   "version",   "update", "edition",
    "language", "sw_edition", "target_sw", "target_hw", "other"};

// Positions as counted in a formatted string split at ':' ("cpe" = 0, "2.3" = 1, part = 2 … other = 12).
std::string component_label(std::size_t attribute) {
    return fmt::format("component {} ({})", attribute + 2, kAttributeNames[attribute]);
}

tl::unexpected<Error> component_error(std::size_t attribute, std::string_view what) {
    return fail(ErrorCode::invalid_input, fmt::format("{}: {}", component_label(attribute), what));
}

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_printable(char c) {
    return c > 0x20 && c < 0x7f;
}

// Bare in the formatted string: letters, digits, '_' and, per 6.2.2.2, '.' and '-'.
bool stays_bare(char c) {
    return is_alnum(c) || c == '_' || c == '.' || c == '-';
}

// One character of a value being assembled: its literal (already lower-cased) and whether it is an unquoted
// wildcard.
struct ValueChar {
    char c;
    bool wildcard;
};

// Checks wildcard placement and writes the canonical text. Leading: one '*' or a run of '?'; trailing the
// same; anything else unquoted in the middle is an error.
Result<CpeValue> finish_value(std::size_t attribute, const std::vector<ValueChar>& chars) {
    if (chars.empty()) return CpeValue{CpeValue::Kind::any, {}};
    std::size_t lead = 0;
    if (chars[0].wildcard) {
        if (chars[0].c == '*') {
            lead = 1;
        } else {
            while (lead < chars.size() && chars[lead].wildcard && chars[lead].c == '?') ++lead;
        }
    }
    std::size_t trail_begin = chars.size();
    if (trail_begin > lead && chars[trail_begin - 1].wildcard) {
        if (chars[trail_begin - 1].c == '*') {
            --trail_begin;
        } else {
            while (trail_begin > lead && chars[trail_begin - 1].wildcard && chars[trail_begin - 1].c == '?')
                --trail_begin;
        }
    }
    for (std::size_t i = lead; i < trail_begin; ++i) {
        if (chars[i].wildcard)
            return component_error(attribute, fmt::format("unquoted '{}' inside a value", chars[i].c));
    }
    if (chars.size() == 1 && chars[0].wildcard && chars[0].c == '*') return CpeValue{CpeValue::Kind::any, {}};
    CpeValue value{CpeValue::Kind::value, {}};
    value.text.reserve(chars.size() + 4);
    for (const auto& ch : chars) {
        if (!ch.wildcard && !stays_bare(ch.c)) value.text.push_back('\\');
        value.text.push_back(ch.c);
    }
    // A lone literal hyphen must not read back as NA.
    if (value.text == "-") value.text = "\\-";
    return value;
}

Result<CpeValue> unbind_formatted_value(std::size_t attribute, std::string_view raw) {
    if (raw == "*") return CpeValue{CpeValue::Kind::any, {}};
    if (raw == "-") return CpeValue{CpeValue::Kind::na, {}};
    if (raw.empty()) return component_error(attribute, "empty (use '*' for ANY or '-' for NA)");
    std::vector<ValueChar> chars;
    chars.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (!is_printable(c))
            return component_error(attribute, "contains a space, a control or a non-ASCII character");
        if (c == '\\') {
            if (i + 1 == raw.size()) return component_error(attribute, "ends with an unfinished '\\' quote");
            char next = raw[++i];
            if (!is_printable(next))
                return component_error(attribute, "quotes a space, a control or a non-ASCII character");
            chars.push_back({ascii_lower(next), false});
        } else if (c == '*' || c == '?') {
            chars.push_back({c, true});
        } else {
            chars.push_back({ascii_lower(c), false});
        }
    }
    return finish_value(attribute, chars);
}

// Splits at ':' not preceded by an unconsumed '\'.
std::vector<std::string_view> split_formatted(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == ':') {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

CpeValue* attribute_slot(Cpe& cpe, std::size_t attribute) {
    switch (attribute) {
        case 1: return &cpe.vendor;
        case 2: return &cpe.product;
        case 3: return &cpe.version;
        case 4: return &cpe.update;
        case 5: return &cpe.edition;
        case 6: return &cpe.language;
        case 7: return &cpe.sw_edition;
        case 8: return &cpe.target_sw;
        case 9: return &cpe.target_hw;
        case 10: return &cpe.other;
        default: return nullptr;
    }
}

Result<char> unbind_part(std::string_view raw) {
    if (raw.size() == 1) {
        char c = ascii_lower(raw[0]);
        if (c == 'a' || c == 'o' || c == 'h') return c;
    }
    if (raw.empty()) return component_error(0, "missing (must be 'a', 'o' or 'h')");
    return component_error(0, fmt::format("'{}' is not 'a', 'o' or 'h'", raw));
}

Result<Cpe> parse_formatted(std::string_view body) {
    auto parts = split_formatted(body);
    if (parts.size() > 11)
        return fail(ErrorCode::invalid_input,
                    fmt::format("a CPE 2.3 name has 11 components after \"cpe:2.3:\", this one has {}",
                                parts.size()));
    Cpe cpe;
    auto part = unbind_part(parts[0]);
    if (!part) return fail(part.error());
    cpe.part = *part;
    // Components left off the end are ANY (a lenient reading of truncated names users type).
    for (std::size_t attribute = 1; attribute < parts.size(); ++attribute) {
        auto value = unbind_formatted_value(attribute, parts[attribute]);
        if (!value) return fail(value.error());
        *attribute_slot(cpe, attribute) = std::move(*value);
    }
    return cpe;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = ascii_lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// One URI component (6.1.3.2 decode): empty is ANY, "-" is NA; %01 is an unquoted '?', %02 an unquoted '*',
// other percent-encoded punctuation is that character, quoted in the result.
Result<CpeValue> unbind_uri_value(std::size_t attribute, std::string_view raw) {
    if (raw.empty()) return CpeValue{CpeValue::Kind::any, {}};
    if (raw == "-") return CpeValue{CpeValue::Kind::na, {}};
    std::vector<ValueChar> chars;
    chars.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (!is_printable(c))
            return component_error(attribute, "contains a space, a control or a non-ASCII character");
        if (c == '%') {
            int high = i + 2 < raw.size() ? hex_digit(raw[i + 1]) : -1;
            int low = i + 2 < raw.size() ? hex_digit(raw[i + 2]) : -1;
            if (high < 0 || low < 0)
                return component_error(attribute, "'%' not followed by two hexadecimal digits");
            i += 2;
            int code = high * 16 + low;
            if (code == 0x01) {
                chars.push_back({'?', true});
            } else if (code == 0x02) {
                chars.push_back({'*', true});
            } else if (code > 0x20 && code < 0x7f && !is_alnum(static_cast<char>(code))) {
                chars.push_back({static_cast<char>(code), false});
            } else {
                return component_error(attribute, fmt::format("'%{}' does not encode a punctuation character",
                                                              raw.substr(i - 1, 2)));
            }
        } else if (c == '~') {
            return component_error(attribute, "'~' outside a packed edition");
        } else {
            // '*' and '?' written bare in a URI are literal characters, not wildcards.
            chars.push_back({ascii_lower(c), false});
        }
    }
    return finish_value(attribute, chars);
}

Result<Cpe> parse_uri(std::string_view body) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= body.size(); ++i) {
        if (i == body.size() || body[i] == ':') {
            parts.push_back(body.substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() > 7)
        return fail(ErrorCode::invalid_input,
                    fmt::format("a CPE 2.2 URI has at most 7 components after \"cpe:/\", this one has {}",
                                parts.size()));
    Cpe cpe;
    auto part = unbind_part(parts[0]);
    if (!part) return fail(part.error());
    cpe.part = *part;
    for (std::size_t attribute = 1; attribute < parts.size(); ++attribute) {
        std::string_view raw = parts[attribute];
        if (attribute == 5 && !raw.empty() && raw[0] == '~') {
            // Packed: ~edition~sw_edition~target_sw~target_hw~other
            std::array<std::string_view, 5> packed{};
            std::size_t count = 0;
            std::size_t from = 1;
            for (std::size_t i = 1; i <= raw.size(); ++i) {
                if (i == raw.size() || raw[i] == '~') {
                    if (count == packed.size())
                        return component_error(5, "a packed edition has 5 fields separated by '~'");
                    packed[count++] = raw.substr(from, i - from);
                    from = i + 1;
                }
            }
            if (count != packed.size())
                return component_error(5, "a packed edition has 5 fields separated by '~'");
            constexpr std::array<std::size_t, 5> kPackedTargets = {5, 7, 8, 9, 10};
            for (std::size_t k = 0; k < packed.size(); ++k) {
                auto value = unbind_uri_value(kPackedTargets[k], packed[k]);
                if (!value) return fail(value.error());
                *attribute_slot(cpe, kPackedTargets[k]) = std::move(*value);
            }
            continue;
        }
        auto value = unbind_uri_value(attribute, raw);
        if (!value) return fail(value.error());
        *attribute_slot(cpe, attribute) = std::move(*value);
    }
    return cpe;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (ascii_lower(text[i]) != prefix[i]) return false;
    }
    return true;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() &&
           (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
        text.remove_prefix(1);
    while (!text.empty() &&
           (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

std::size_t canonical_length(const Cpe& cpe) {
    std::size_t length = 9;  // "cpe:2.3:" and the part
    for (const CpeValue* value : {&cpe.vendor, &cpe.product, &cpe.version, &cpe.update, &cpe.edition,
                                  &cpe.language, &cpe.sw_edition, &cpe.target_sw, &cpe.target_hw, &cpe.other})
        length += 1 + (value->kind == CpeValue::Kind::value ? value->text.size() : 1);
    return length;
}

}  // namespace

Result<Cpe> parse_cpe(std::string_view text) {
    if (text.size() > kMaxCpeLength)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("a CPE name is at most {} characters, this one has {}", kMaxCpeLength, text.size()));
    text = trim(text);
    if (text.empty()) return fail(ErrorCode::invalid_input, "the CPE name is empty");
    Result<Cpe> cpe = fail(ErrorCode::invalid_input, "");
    if (starts_with_nocase(text, "cpe:2.3:")) {
        cpe = parse_formatted(text.substr(8));
    } else if (starts_with_nocase(text, "cpe:/")) {
        cpe = parse_uri(text.substr(5));
    } else {
        return fail(ErrorCode::invalid_input,
                    "a CPE name starts with \"cpe:2.3:\" (CPE 2.3) or \"cpe:/\" (CPE 2.2 URI)");
    }
    // Quoting and the components a URI leaves off make the canonical form longer than the text read.
    if (cpe && canonical_length(*cpe) > kMaxCpeLength)
        return fail(ErrorCode::invalid_input,
                    fmt::format("a CPE name is at most {} characters, this one has {} in its CPE 2.3 form",
                                kMaxCpeLength, canonical_length(*cpe)));
    return cpe;
}

std::string to_formatted(const Cpe& cpe) {
    std::string out;
    out.reserve(64);
    out += "cpe:2.3:";
    out.push_back(cpe.part);
    for (const CpeValue* value :
         {&cpe.vendor, &cpe.product, &cpe.version, &cpe.update, &cpe.edition, &cpe.language, &cpe.sw_edition,
          &cpe.target_sw, &cpe.target_hw, &cpe.other}) {
        out.push_back(':');
        out += formatted_text(*value);
    }
    return out;
}

std::string_view formatted_text(const CpeValue& value) {
    switch (value.kind) {
        case CpeValue::Kind::any: return "*";
        case CpeValue::Kind::na: return "-";
        case CpeValue::Kind::value: break;
    }
    return value.text;
}

Result<std::string> normalise_cpe(std::string_view text) {
    auto cpe = parse_cpe(text);
    if (!cpe) return fail(cpe.error());
    return to_formatted(*cpe);
}

Result<Cpe> from_scanner_uri(std::string_view text) {
    auto cpe = parse_cpe(text);
    if (!cpe) return cpe;
    std::string_view trimmed = trim(text);
    if (!starts_with_nocase(trimmed, "cpe:/")) return cpe;
    // Raw URI components: part, vendor, product, version, update…; the rule looks at the written text, so an
    // explicit %02 in the version is left as it is.
    std::array<std::string_view, 5> raw{};
    std::size_t count = 0;
    std::size_t start = 5;
    for (std::size_t i = 5; i <= trimmed.size() && count < raw.size(); ++i) {
        if (i == trimmed.size() || trimmed[i] == ':') {
            raw[count++] = trimmed.substr(start, i - start);
            start = i + 1;
        }
    }
    if (count == raw.size() && raw[3].empty() && !raw[4].empty())
        cpe->version = CpeValue{CpeValue::Kind::na, {}};
    return cpe;
}

Result<std::string> normalise_scanner_cpe(std::string_view text) {
    auto cpe = from_scanner_uri(text);
    if (!cpe) return fail(cpe.error());
    return to_formatted(*cpe);
}

std::string unquoted_text(std::string_view formatted_text) {
    std::string out;
    out.reserve(formatted_text.size());
    for (std::size_t i = 0; i < formatted_text.size(); ++i) {
        if (formatted_text[i] == '\\' && i + 1 < formatted_text.size()) ++i;
        out.push_back(formatted_text[i]);
    }
    return out;
}

}  // namespace mamori::exposure
