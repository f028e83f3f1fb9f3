/// @file
/// @brief 製造業者/サービス事業者による医療情報セキュリティ開示書 (MDS/SDS, the JAHIS/JIRA format) of a
/// vendor's product, as pure rules: what a version label and a date of issue may be, which upload of a
/// product is its current disclosure, and what an institution's system shows about it.
///
///     if (auto ok = check_version_label("Ver.5.0"); !ok) …            // field "version_label"
///     auto state = disclosure_state(entries, DisclosureKind::mds, today);   // current, outdated or missing
///
/// Current: the newest upload of a product and kind that is not withdrawn, when issued within the last
/// kDisclosureValidYears years (an older one is "outdated": the product and the guideline it answers to have
/// most likely changed since; see docs/vendor-disclosures-api.md).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::vendors {

enum class DisclosureKind { mds, sds };

// kDisclosureValidYears: a disclosure issued on D is current through the day before D + 3 years.
inline constexpr int kDisclosureValidYears = 3;
inline constexpr long kMaxVersionLabelChars = 40;
inline constexpr long kMaxDisclosureNoteChars = 1000;

std::string_view kind_code(DisclosureKind kind);                             // "mds", "sds"
std::optional<DisclosureKind> parse_disclosure_kind(std::string_view code);  // nullopt for anything else

// check_version_label: 1–40 characters of user text, not blank, on one line (as printed on the cover, e.g.
// 「Ver.5.0」). invalid_input, field "version_label".
Status check_version_label(std::string_view label);

// check_issued_on: a real "YYYY-MM-DD" date not after `today` (Japan's date). invalid_input, field
// "issued_on".
Status check_issued_on(std::string_view issued_on, std::chrono::year_month_day today);

// check_disclosure_note: at most 1000 characters of user text. invalid_input, field "note".
Status check_disclosure_note(std::string_view note);

// valid_until: the first day on which a disclosure issued on `issued_on` is no longer current (the same
// day three years later; 29 February → 1 March).
std::chrono::year_month_day valid_until(std::chrono::year_month_day issued_on);

// is_within_validity: issued on or before `today` and `today` is before valid_until(issued_on).
bool is_within_validity(std::chrono::year_month_day issued_on, std::chrono::year_month_day today);

// DisclosureEntry: one upload of a product's disclosure; a larger id is a later upload.
struct DisclosureEntry {
    std::int64_t id = 0;
    DisclosureKind kind = DisclosureKind::mds;
    std::chrono::year_month_day issued_on;
    bool withdrawn = false;
};

enum class DisclosureState { current, outdated, missing };
std::string_view state_code(DisclosureState state);  // "current", "outdated", "missing"

// latest_disclosure: the id of the newest upload of `kind` that is not withdrawn (it supersedes the ones
// before), or nullopt when there is none.
std::optional<std::int64_t> latest_disclosure(const std::vector<DisclosureEntry>& entries,
                                              DisclosureKind kind);

// disclosure_state: of the latest upload of `kind`: current, outdated (too old), or missing (none).
DisclosureState disclosure_state(const std::vector<DisclosureEntry>& entries, DisclosureKind kind,
                                 std::chrono::year_month_day today);

// SystemDisclosureStatus: what an institution sees for one system of its register.
enum class SystemDisclosureStatus { current, outdated, missing, no_vendor, product_unknown };
std::string_view status_code(SystemDisclosureStatus status);  // "current", …, "product_unknown"

// system_disclosure_status: no_vendor when no linked vendor runs the system; product_unknown when the vendor
// has not said which of its products it is; otherwise current when either kind is current (a product has an
// MDS, an SDS, or both), outdated when only outdated ones are there, missing when none.
SystemDisclosureStatus system_disclosure_status(bool has_vendor, bool has_product,
                                                const std::vector<DisclosureEntry>& product_entries,
                                                std::chrono::year_month_day today);

}  // namespace mamori::vendors
