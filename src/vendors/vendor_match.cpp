#include "mamori/vendors/vendor_match.hpp"

#include <array>

#include "mamori/core/utf8.hpp"

namespace mamori::vendors {

namespace {

// The legal-form words as they stand after NFKC_Casefold (full-width parentheses become ASCII ones, ㈱
// becomes "(株)"). Longer words first, so 特定非営利活動法人 is not cut as 法人.
constexpr std::array<std::string_view, 17> kLegalForms = {
    "特定非営利活動法人", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "株式会社",
    "有限会社", "合同会社", "合資会社", "合名会社", "医療法人", "(株)", "(有)", "(同)", "(資)", "(名)",
    "(医)",
};
// Spaces and separators that people put between words of a company name, after NFKC_Casefold.
constexpr std::array<std::string_view, 4> kSeparators = {" ", "\t", "・", ","};

void remove_all(std::string& text, std::string_view word) {
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at)) text.erase(at, word.size());
}

}  // namespace

std::string normalise_vendor_name(std::string_view name) {
    if (text_problem(name)) return {};
    auto folded = nfkc_casefold(name);
    if (!folded) return {};
    std::string text = std::move(*folded);
    for (const auto word : kLegalForms) remove_all(text, word);
    for (const auto separator : kSeparators) remove_all(text, separator);
    return text;
}

VendorMatch match_vendor(const VendorIdentity& candidate, std::span<const KnownVendor> known) {
    if (candidate.corporate_number)
        for (const auto& vendor : known)
            if (vendor.identity.corporate_number == candidate.corporate_number)
                return {MatchKind::corporate_number, {vendor.id}};
    const std::string name = normalise_vendor_name(candidate.name);
    VendorMatch match;
    if (name.empty()) return match;
    for (const auto& vendor : known) {
        const bool other_legal_person = candidate.corporate_number && vendor.identity.corporate_number;
        if (!other_legal_person && normalise_vendor_name(vendor.identity.name) == name) match.ids.push_back(vendor.id);
    }
    if (!match.ids.empty()) match.kind = MatchKind::name_needs_confirmation;
    return match;
}

}  // namespace mamori::vendors
