#include "mamori/inspection/frequency_sql.hpp"

#include <fmt/format.h>

namespace mamori::inspection {

std::string_view class_condition(InspectionClass c) {
    switch (c) {
        case InspectionClass::hospital: return "o.kind = 'hospital'";
        case InspectionClass::clinic_with_beds: return "(o.kind = 'clinic' AND COALESCE(o.beds_total, 0) > 0)";
        case InspectionClass::clinic_without_beds:
            return "(o.kind = 'clinic' AND COALESCE(o.beds_total, 0) <= 0)";
        case InspectionClass::dental_clinic: return "o.kind = 'dental_clinic'";
        case InspectionClass::pharmacy: return "o.kind = 'pharmacy'";
    }
    return "1 = 0";  // unreachable: every class is listed
}

DueCondition due_condition(const FrequencyPolicy& policy, int fiscal_year, std::string_view last) {
    DueCondition out;
    for (const auto c : all_inspection_classes()) {
        const FrequencyRule* rule = policy.find(c);
        if (!rule || !rule->every_years) continue;  // on cause: never due
        // CAST: a value bound as text still compares as a number with an expression without a type (SQLite).
        out.text += fmt::format("{}({} AND ({} IS NULL OR {} <= CAST(:latest_{} AS INTEGER)))", out.text.empty() ? "" : " OR ",
                                class_condition(c), last, last, to_string(c));
        out.values.push_back(static_cast<long long>(fiscal_year) - *rule->every_years);
    }
    out.text = out.text.empty() ? "1 = 0" : fmt::format("({})", out.text);
    return out;
}

}  // namespace mamori::inspection
