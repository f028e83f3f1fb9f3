#include "mamori/inspection/frequency.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace mamori::inspection {

namespace {

constexpr std::array<std::pair<InspectionClass, std::string_view>, 5> kClassIds = {{
    {InspectionClass::hospital, "hospital"},
    {InspectionClass::clinic_with_beds, "clinic_with_beds"},
    {InspectionClass::clinic_without_beds, "clinic_without_beds"},
    {InspectionClass::dental_clinic, "dental_clinic"},
    {InspectionClass::pharmacy, "pharmacy"},
}};

// The regime document, §4.6: a WG16 slide as quoted by unifi-es, and 大分県's page for clinics.
constexpr std::string_view kSlideSource = "https://official.unifi-es.com/?p=2778";

}  // namespace

std::string_view to_string(InspectionClass c) {
    for (const auto& [value, id] : kClassIds)
        if (value == c) return id;
    return "hospital";  // unreachable: every enumerator is listed
}

std::optional<InspectionClass> parse_inspection_class(std::string_view text) {
    for (const auto& [value, id] : kClassIds)
        if (id == text) return value;
    return std::nullopt;
}

const std::vector<InspectionClass>& all_inspection_classes() {
    static const std::vector<InspectionClass> all = [] {
        std::vector<InspectionClass> out;
        for (const auto& entry : kClassIds) out.push_back(entry.first);
        return out;
    }();
    return all;
}

std::optional<InspectionClass> inspection_class(std::string_view kind, std::optional<int> beds) {
    if (kind == "hospital") return InspectionClass::hospital;
    if (kind == "clinic")
        return beds && *beds > 0 ? InspectionClass::clinic_with_beds : InspectionClass::clinic_without_beds;
    if (kind == "dental_clinic") return InspectionClass::dental_clinic;
    if (kind == "pharmacy") return InspectionClass::pharmacy;
    return std::nullopt;
}

const FrequencyRule* FrequencyPolicy::find(InspectionClass c) const {
    const auto it =
        std::find_if(rules.begin(), rules.end(), [c](const auto& r) { return r.inspection_class == c; });
    return it == rules.end() ? nullptr : &*it;
}

const FrequencyPolicy& default_policy() {
    using catalog::Confidence;
    static const FrequencyPolicy policy{{
        {InspectionClass::hospital, 1, std::string(kSlideSource), Confidence::secondary},
        {InspectionClass::clinic_with_beds, 3, std::string(kSlideSource), Confidence::secondary},
        {InspectionClass::clinic_without_beds, std::nullopt, std::string(kSlideSource),
         Confidence::secondary},
        {InspectionClass::dental_clinic, std::nullopt, std::string(kSlideSource), Confidence::secondary},
        {InspectionClass::pharmacy, std::nullopt, std::string(kSlideSource), Confidence::secondary},
    }};
    return policy;
}

Result<FrequencyPolicy> with_override(FrequencyPolicy policy, FrequencyRule rule) {
    if (rule.every_years && (*rule.every_years < 1 || *rule.every_years > kMaxEveryYears))
        return fail(
            ErrorCode::invalid_input,
            fmt::format("every_years must be between 1 and {} (or empty for on cause only)", kMaxEveryYears),
            "every_years");
    auto it = std::find_if(policy.rules.begin(), policy.rules.end(),
                           [&](const auto& r) { return r.inspection_class == rule.inspection_class; });
    if (it == policy.rules.end())
        policy.rules.push_back(std::move(rule));
    else
        *it = std::move(rule);
    return policy;
}

DueReason due_in(const FrequencyPolicy& policy, InspectionClass c, std::optional<int> last_fiscal_year,
                 int fiscal_year) {
    DueReason out;
    out.last_fiscal_year = last_fiscal_year;
    const FrequencyRule* rule = policy.find(c);
    if (!rule || !rule->every_years) return out;  // on cause
    out.every_years = rule->every_years;
    if (!last_fiscal_year || fiscal_year - *last_fiscal_year >= *rule->every_years) {
        out.due = Due::due;
        out.next_fiscal_year = fiscal_year;
    } else {
        out.due = Due::not_due;
        out.next_fiscal_year = *last_fiscal_year + *rule->every_years;
    }
    return out;
}

}  // namespace mamori::inspection
