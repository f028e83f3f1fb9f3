// The demo's synthetic national sample (issue 18): about 4,500 plainly fictional institutions in the 45
// prefectures the demo organisations are not in, with checklists of fiscal years 2024 (R6) and 2025 (R7)
// and EHRs in the systems register, so that national statistics in a demo database show numbers instead of
// 秘匿 everywhere. Deterministic (a fixed seed); written once, in one transaction.
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

#include "mamori/catalog/catalog.hpp"
#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// kStatisticsSampleFacilityPrefix: the sample's facility ids are "96" + prefecture code + kind digit + an
// 8-digit serial (13 characters); 96… is used neither by the MHLW open data (prefecture codes start them)
// nor by the other demo or benchmark sets (99…, 98…, 97…).
inline constexpr std::string_view kStatisticsSampleFacilityPrefix = "96";

// StatisticsSample: what create_statistics_sample wrote (all zero when the sample was there already).
struct StatisticsSample {
    std::size_t institutions = 0;
    std::size_t assessments = 0;
    std::size_t answers = 0;
    std::size_t systems = 0;
    std::size_t survey_responses = 0;  // the hospitals' submitted survey responses (demo_surveys.hpp)
};

// create_statistics_sample: writes the sample unless the database holds it already; `today` (the Japan
// date) bounds every date written, so no 確認日 is in the future.
Result<StatisticsSample> create_statistics_sample(store::Database& db, const catalog::Catalog& catalog,
                                                  std::chrono::year_month_day today);

}  // namespace mamori::services
