/// @file
/// @brief How often an institution is due for an on-site inspection (立入検査, 医療法第25条第1項): a policy
/// per prefecture, as data. The national default is what the regime document knows (§4.6, [S] only):
/// hospitals in principle yearly, 有床診療所 about every 3 years, other clinics, dental clinics and
/// pharmacies on cause (随時). A prefecture edits its own policy (e.g. 大分県: clinics at least every 5
/// years).
///
///     auto due = due_in(default_policy(), InspectionClass::hospital, 2025, 2026);  // Due::due
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/catalog/catalog.hpp"
#include "mamori/core/error.hpp"

namespace mamori::inspection {

// InspectionClass: the classes a frequency policy distinguishes.
enum class InspectionClass { hospital, clinic_with_beds, clinic_without_beds, dental_clinic, pharmacy };

std::string_view to_string(InspectionClass c);
std::optional<InspectionClass> parse_inspection_class(std::string_view text);
const std::vector<InspectionClass>& all_inspection_classes();

// inspection_class: the class of an institution of `kind` with `beds` beds in total; nullopt for kinds that
// are not inspected as institutions. A clinic whose bed count is not known counts as without beds (the
// facility master gives a count for 有床診療所).
std::optional<InspectionClass> inspection_class(std::string_view kind, std::optional<int> beds);

// FrequencyRule: every how many fiscal years a class is due; nullopt: on cause only (随時).
struct FrequencyRule {
    InspectionClass inspection_class = InspectionClass::hospital;
    std::optional<int> every_years;
    std::string source;  // where the rule comes from (a URL, or the prefecture's own decision)
    catalog::Confidence confidence = catalog::Confidence::secondary;
};

// FrequencyPolicy: one rule per class.
struct FrequencyPolicy {
    std::vector<FrequencyRule> rules;
    const FrequencyRule* find(InspectionClass c) const;
};

// kMaxEveryYears: the longest interval a policy may set.
inline constexpr int kMaxEveryYears = 10;

// default_policy: the national default described above, with its sources and confidence.
const FrequencyPolicy& default_policy();

// with_override: `policy` with the rule of `rule.inspection_class` replaced; invalid_input (field
// "every_years") when the interval is outside 1…kMaxEveryYears.
Result<FrequencyPolicy> with_override(FrequencyPolicy policy, FrequencyRule rule);

// Due: whether an institution is due in a fiscal year.
enum class Due { due, not_due, on_cause };

// DueReason: the answer and what it rests on.
struct DueReason {
    Due due = Due::on_cause;
    std::optional<int> every_years;
    std::optional<int> last_fiscal_year;  // the last fiscal year with a completed inspection
    std::optional<int> next_fiscal_year;  // the first fiscal year it is due again (for not_due and due)
};

// due_in: a class with an interval is due when it was never inspected or its last inspection is at least
// that many fiscal years before `fiscal_year`.
DueReason due_in(const FrequencyPolicy& policy, InspectionClass c, std::optional<int> last_fiscal_year,
                 int fiscal_year);

}  // namespace mamori::inspection
