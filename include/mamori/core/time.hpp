/// @file
/// @brief Time rules of mamori: UTC inside, Japan dates (JST, fixed +09:00) for people, and the fiscal
/// year (年度, April to March).
///
///     auto today = japan_date(std::chrono::system_clock::now());
///     int fy = fiscal_year(today);   // 2026-03-31 → 2025, 2026-04-01 → 2026
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mamori {

// japan_date: the calendar date in Japan (UTC+9, no daylight saving) at instant `t`.
std::chrono::year_month_day japan_date(std::chrono::system_clock::time_point t);

// fiscal_year: the Japanese fiscal year (年度) a date belongs to; it starts on 1 April.
int fiscal_year(std::chrono::year_month_day date);

// fiscal_year_bounds: the first (1 April) and last (31 March) day of fiscal year `fy`.
std::pair<std::chrono::year_month_day, std::chrono::year_month_day> fiscal_year_bounds(int fy);

// kReiwaOffset: Reiwa year N is Western year N + 2018 (令和7年度 = FY2025, edition r7).
inline constexpr int kReiwaOffset = 2018;

// fiscal_year_ja: the fiscal year as printed on Japanese forms: 2025 → "令和7年度", 2019 → "令和元年度".
std::string fiscal_year_ja(int fy);

// parse_iso_date: "YYYY-MM-DD" to a valid date, or nullopt (wrong shape, or a day that does not exist).
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);

// to_iso_date: a date as "YYYY-MM-DD".
std::string to_iso_date(std::chrono::year_month_day date);

// to_iso_utc: an instant as "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string to_iso_utc(std::chrono::system_clock::time_point t);

// parse_iso_utc: the inverse of to_iso_utc (what mamori stores), or nullopt for any other shape.
std::optional<std::chrono::system_clock::time_point> parse_iso_utc(std::string_view text);

}  // namespace mamori
