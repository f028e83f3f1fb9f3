/// @file
/// @brief A frequency policy as an SQL condition, so that the plan's due list and the jurisdiction's summary
/// count and page in the database instead of reading every institution: the same answer as
/// inspection_class() and due_in() (frequency.hpp, the one statement of the policy), checked against them
/// case by case in frequency_sql_test.cpp.
///
///     auto due = due_condition(policy, 2026, "d.last");  // text on organisations `o`, values to bind in order
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mamori/inspection/frequency.hpp"

namespace mamori::inspection {

// class_condition: SQL on organisations `o`, true exactly for the institutions inspection_class() puts in `c`
// (a clinic with a positive bed count has beds; an unknown count counts as none). No parameters.
std::string_view class_condition(InspectionClass c);

// DueCondition: a condition and the values of its placeholders, in order (each placeholder named apart).
struct DueCondition {
    std::string text;
    std::vector<long long> values;
};

// due_condition: SQL true exactly for the institutions due_in(policy, class, last, fiscal_year) finds due,
// where `last` is an SQL expression for the last fiscal year with a completed inspection (NULL: never).
// A class with an interval of N years is due when `last` is NULL or at most fiscal_year − N (bound); classes
// on cause are never due; no class with an interval gives a condition that is never true.
DueCondition due_condition(const FrequencyPolicy& policy, int fiscal_year, std::string_view last);

}  // namespace mamori::inspection
