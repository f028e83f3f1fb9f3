/// @file
/// @brief Rules of an improvement request (改善指導) that do not need the database: the due date it may be
/// given, when it is overdue, and the limits of its texts.
///
///     check_due_on("2026-12-01", today);                               // invalid_input when in the past
///     is_overdue(RequestStatus::plan_submitted, "2026-04-30", today);  // true once that day has passed
#pragma once

#include <chrono>
#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/inspection/workflow.hpp"

namespace mamori::inspection {

inline constexpr long kMaxRequestTextCharacters = 2000;  // the request, a plan, a reason
inline constexpr int kMaxDueYearsAhead = 3;

// check_due_on: an ISO date (YYYY-MM-DD) from today up to kMaxDueYearsAhead years ahead (field "due_on").
Status check_due_on(std::string_view due_on, std::chrono::year_month_day today);

// check_request_text: 1 to kMaxRequestTextCharacters characters after trimming (field `field`).
Status check_request_text(std::string_view text, std::string_view field);

// is_overdue: the due date has passed (the due day itself is still in time) and the request is not closed.
bool is_overdue(RequestStatus status, std::string_view due_on, std::chrono::year_month_day today);

}  // namespace mamori::inspection
