#include "mamori/core/time.hpp"

#include <gtest/gtest.h>

namespace mamori {
namespace {

using namespace std::chrono;

TEST(FiscalYear, StartsOnFirstOfApril) {
    EXPECT_EQ(fiscal_year(year{2026} / March / 31), 2025);
    EXPECT_EQ(fiscal_year(year{2026} / April / 1), 2026);
    EXPECT_EQ(fiscal_year(year{2026} / December / 31), 2026);
    EXPECT_EQ(fiscal_year(year{2027} / January / 1), 2026);
}

TEST(FiscalYear, BoundsAreAprilFirstToMarchThirtyFirst) {
    const auto [first, last] = fiscal_year_bounds(2025);
    EXPECT_EQ(to_iso_date(first), "2025-04-01");
    EXPECT_EQ(to_iso_date(last), "2026-03-31");
}

TEST(JapanDate, IsNineHoursAheadOfUtc) {
    // 2026-03-31T15:00:00Z is 2026-04-01 00:00 in Japan: a new fiscal year there.
    const auto instant = sys_days{year{2026} / March / 31} + hours{15};
    EXPECT_EQ(to_iso_date(japan_date(instant)), "2026-04-01");
    EXPECT_EQ(fiscal_year(japan_date(instant)), 2026);
    EXPECT_EQ(to_iso_date(japan_date(instant - seconds{1})), "2026-03-31");
}

TEST(IsoDate, ParsesOnlyRealDates) {
    EXPECT_TRUE(parse_iso_date("2024-02-29").has_value());
    EXPECT_FALSE(parse_iso_date("2023-02-29").has_value());
    EXPECT_FALSE(parse_iso_date("2024-13-01").has_value());
    EXPECT_FALSE(parse_iso_date("2024-1-01").has_value());
    EXPECT_FALSE(parse_iso_date("2024/01/01").has_value());
    EXPECT_FALSE(parse_iso_date("").has_value());
    EXPECT_EQ(to_iso_date(*parse_iso_date("2025-05-13")), "2025-05-13");
}

TEST(FiscalYearJa, NamesTheReiwaYearAsPrinted) {
    EXPECT_EQ(fiscal_year_ja(2025), "令和7年度");
    EXPECT_EQ(fiscal_year_ja(2026), "令和8年度");
    EXPECT_EQ(fiscal_year_ja(2019), "令和元年度");
}

TEST(IsoUtc, FormatsMilliseconds) {
    const auto instant =
        sys_days{year{2026} / November / 24} + hours{20} + minutes{4} + seconds{5} + milliseconds{7};
    EXPECT_EQ(to_iso_utc(instant), "2026-11-24T20:04:05.007Z");
}

TEST(IsoUtc, ParsesWhatItWrites) {
    const auto instant = sys_days{year{2026} / December / 2} + hours{20} + minutes{5} + milliseconds{7};
    EXPECT_EQ(parse_iso_utc(to_iso_utc(instant)), instant);
    EXPECT_EQ(parse_iso_utc("2026-12-02T20:05:00.007"), std::nullopt);
    EXPECT_EQ(parse_iso_utc("2026-02-30T20:05:00.007Z"), std::nullopt);
    EXPECT_EQ(parse_iso_utc("2026-12-02T24:05:00.007Z"), std::nullopt);
}

}  // namespace
}  // namespace mamori
