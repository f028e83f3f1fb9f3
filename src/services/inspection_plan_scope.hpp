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
#include "query_conditions.hpp"

namespace mamori::services::inspection_plan {

// kInstitutionScope: the institutions the caller's health centre or prefecture oversees, one parameter (the
// caller's organisation id) for health centres and prefectures alike.
std::string_view institution_scope(const identity::Caller& caller);

// in_scope: the institution scope, narrowed to a health centre's municipalities unless `centre` is 0, as
// conditions on organisations `o` with their values (the caller's organisation id, then the centre's).
Conditions in_scope(const identity::Caller& caller, std::int64_t centre);

// due_conditions: inspection::due_condition on `d.last` (kLastInspection) as Conditions.
Conditions due_conditions(const inspection::FrequencyPolicy& policy, int fiscal_year);

// kLastInspection: joins `d.last`, each institution's last fiscal year with a completed inspection before the
// year (one parameter, the fiscal year); NULL when never inspected.
inline constexpr std::string_view kLastInspection =
    "LEFT JOIN (SELECT d.organisation_id, MAX(d.fiscal_year) AS last FROM inspection_visits d "
    "WHERE d.status = 'done' AND d.fiscal_year < :fy_last GROUP BY d.organisation_id) d "
    "ON d.organisation_id = o.id";

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

Status check_page(int page, int page_size, int max_page_size);

}  // namespace mamori::services::inspection_plan
