// Shared by the inspection plan's services: who plans, which institutions they plan for (as SQL on
// organisations `o`), the health centre filter, today's date in Japan.
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/inspection/frequency.hpp"
#include "mamori/services/inspection_plan.hpp"

namespace mamori::services::inspection_plan {

// kInstitutionScope: the institutions the caller's health centre or prefecture oversees, one parameter (the
// caller's organisation id) for health centres and prefectures alike.
std::string_view institution_scope(const identity::Caller& caller);

// kCentreFilter: narrows `o` to a health centre's municipalities; parameters: the centre id twice (0: none).
inline constexpr std::string_view kCentreFilter =
    "(:centre = 0 OR o.municipality_code IN (SELECT h.municipality_code FROM jurisdictions h "
    "WHERE h.organisation_id = :centre_is))";

inline constexpr std::string_view kInstitutionKinds =
    "o.kind IN ('hospital', 'clinic', 'dental_clinic', 'pharmacy')";

// check_planner: forbidden unless the caller is an inspector or administrator of a health centre or
// prefecture; `write` also needs a session or a token with the write scope.
Status check_planner(const identity::Caller& caller, bool write);

// check_centre: 0, the caller's own health centre, or (for a prefecture) one of its health centres;
// invalid_input naming "health_centre" otherwise.
Status check_centre(soci::session& sql, const identity::Caller& caller, std::int64_t centre);

std::chrono::year_month_day today_in_japan();

Status check_fiscal_year(int fiscal_year);

// effective_policy: the prefecture's own rules over the national default (inspection_policies.cpp).
inspection::FrequencyPolicy effective_policy(soci::session& sql, const std::string& prefecture);

// due_rows: every institution in the caller's scope (narrowed to `centre`) with its class, its last completed
// inspection before `fiscal_year` and the year's visit; `due_only` keeps those due.
std::vector<DueRow> due_rows(soci::session& sql, const identity::Caller& caller, int fiscal_year,
                             std::int64_t centre, bool due_only, bool unplanned_only);
Status check_page(int page, int page_size, int max_page_size);

}  // namespace mamori::services::inspection_plan
