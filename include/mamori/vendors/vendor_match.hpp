/// @file
/// @brief Finding a vendor that is already in mamori, so a vendor is linked and never registered twice: by
/// 法人番号 when one is given, else by its name in a normal form, which a person then confirms.
///
///     auto m = match_vendor({"株式会社デモ電子カルテ", std::nullopt}, known);
///     if (m.kind == MatchKind::name_needs_confirmation) …   // ask: 「この事業者ですか」
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::vendors {

// VendorIdentity: what is known of a vendor: its name and, where given, its 法人番号 (already checked).
struct VendorIdentity {
    std::string name;
    std::optional<std::string> corporate_number;
};

// KnownVendor: a vendor organisation in mamori.
struct KnownVendor {
    long long id = 0;
    VendorIdentity identity;
};

enum class MatchKind {
    corporate_number,         // the same 法人番号: the same legal person, linked without asking
    name_needs_confirmation,  // the same name in normal form: a person confirms before linking
    none,                     // a new vendor
};

// VendorMatch: the outcome, with the matching vendors' ids (one for corporate_number; one or more for a
// name, in the order given).
struct VendorMatch {
    MatchKind kind = MatchKind::none;
    std::vector<long long> ids;
};

// normalise_vendor_name: the form in which vendor names are compared: NFKC with case folding (full-width
// letters and digits, ㈱ and half-width katakana folded), the legal-form words (株式会社, 有限会社, 合同会社,
// (株), (有), …) and every space and middle dot removed. "株式会社 ＡＢＣメディカル" and "ABCメディカル(株)"
// compare equal. Empty when nothing is left (or the text is not valid UTF-8).
std::string normalise_vendor_name(std::string_view name);

// match_vendor: a known vendor with the same 法人番号 wins; a known vendor with a different 法人番号 is a
// different legal person even under the same name; otherwise the known vendors whose normalised names
// equal the candidate's need a person's confirmation.
VendorMatch match_vendor(const VendorIdentity& candidate, std::span<const KnownVendor> known);

}  // namespace mamori::vendors
