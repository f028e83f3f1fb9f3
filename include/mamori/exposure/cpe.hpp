/// @file
/// @brief CPE names (NISTIR 7695, CPE 2.3 Naming): the well-formed name (WFN) with its eleven attributes,
/// read from a CPE 2.3 formatted string ("cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*") or a CPE 2.2 URI
/// ("cpe:/o:microsoft:windows_7::sp1", percent-encoding and packed editions included), and written back as
/// the canonical formatted string. Pure; implemented in src/exposure/cpe.cpp.
#pragma once

#include <string>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::exposure {

// One attribute value of a WFN: ANY ("*"), NA ("-"), or a string value kept in the formatted-string form
// (lower case, with '\' before every character other than letters, digits, '_', '.' and '-' that is not an
// unquoted wildcard — NISTIR 7695 6.2.2.2 writes '.', '-' and '_' bare, so "12.2\(55\)se6"; a lone literal
// hyphen stays "\-" so it does not read as NA; unquoted '*' and '?' at the ends are wildcards in a match
// pattern).
struct CpeValue {
    enum class Kind { any, na, value };
    Kind kind = Kind::any;
    std::string text;  // formatted-string form when kind == value
    bool operator==(const CpeValue&) const = default;
};

struct Cpe {
    char part = 'a';  // 'a', 'o' or 'h'
    CpeValue vendor, product, version, update, edition, language, sw_edition, target_sw, target_hw, other;
    bool operator==(const Cpe&) const = default;
};

// kMaxCpeLength: the most characters of a name read and of its canonical formatted string (quoting and the
// components a URI leaves off make that longer than the text read).
inline constexpr std::size_t kMaxCpeLength = 500;

// parse_cpe: a CPE 2.3 formatted string or a CPE 2.2 URI; the error (invalid_input) says what is wrong and at
// which component (e.g. "component 5 (version): unquoted '?' inside a value").
Result<Cpe> parse_cpe(std::string_view text);

// to_formatted: the canonical CPE 2.3 formatted string (all eleven attributes).
std::string to_formatted(const Cpe& cpe);

// formatted_text: a value as the canonical formatted string writes it: "*" for ANY, "-" for NA, else its
// text.
std::string_view formatted_text(const CpeValue& value);

// normalise_cpe: parse_cpe then to_formatted; what the ledger stores.
Result<std::string> normalise_cpe(std::string_view text);

// from_scanner_uri: parse_cpe plus one documented policy for CPE 2.2 URIs written by scanners (nmap):
// an EMPTY version followed by a non-empty update ("cpe:/o:microsoft:windows_7::sp1") is read as NA, not
// ANY, because NVD names service packs that way ("cpe:2.3:o:microsoft:windows_7:-:sp1:…"). Strictly, an
// empty URI component is ANY (NISTIR 7695 6.1.3) and parse_cpe keeps to that; formatted strings and URIs
// without an update are read exactly as parse_cpe reads them.
Result<Cpe> from_scanner_uri(std::string_view text);
Result<std::string> normalise_scanner_cpe(std::string_view text);

// unquoted_text: a value's formatted-string text without its '\' quotes ("12.2\(55\)se6" -> "12.2(55)se6").
std::string unquoted_text(std::string_view formatted_text);

}  // namespace mamori::exposure
