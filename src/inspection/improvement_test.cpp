#include "mamori/inspection/improvement.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mamori::inspection {
namespace {

using namespace std::chrono;
constexpr year_month_day kToday{year(2026), month(12), day(6)};

TEST(ImprovementRequestRules, OverdueOnlyAfterTheDueDayAndUntilClosed) {
    struct Case {
        RequestStatus status;
        const char* due_on;
        bool overdue;
    };
    const Case cases[] = {
        {RequestStatus::open, "2026-12-05", true},
        {RequestStatus::open, "2026-12-06", false},  // the due day itself is still in time
        {RequestStatus::open, "2026-12-07", false},
        {RequestStatus::plan_submitted, "2026-01-01", true},
        {RequestStatus::returned, "2025-03-31", true},
        {RequestStatus::completion_reported, "2026-11-30", true},  // still waits for the inspector
        {RequestStatus::closed, "2025-03-31", false},
        {RequestStatus::open, "not a date", false},
    };
    for (const auto& c : cases)
        EXPECT_EQ(is_overdue(c.status, c.due_on, kToday), c.overdue)
            << to_string(c.status) << " due " << c.due_on;
}

TEST(ImprovementRequestRules, DueDateFromTodayUpToThreeYears) {
    struct Case {
        const char* due_on;
        bool ok;
    };
    const Case cases[] = {{"2026-12-06", true},  {"2026-12-05", false}, {"2029-12-06", true},
                          {"2029-12-07", false}, {"2026-13-01", false}, {"20261206", false},
                          {"", false},           {"2027-02-29", false}, {"2028-02-29", true}};
    for (const auto& c : cases) {
        const auto result = check_due_on(c.due_on, kToday);
        EXPECT_EQ(result.has_value(), c.ok) << c.due_on;
        if (!result) {
            ASSERT_EQ(result.error().fields.size(), 1u);
            EXPECT_EQ(result.error().fields[0].field, "due_on");
        }
    }
}

TEST(ImprovementRequestRules, TextsAreNeitherEmptyNorTooLong) {
    EXPECT_TRUE(check_request_text("バックアップの手順書を整備すること", "text"));
    EXPECT_FALSE(check_request_text(" \n", "text"));
    std::string long_text;
    for (int i = 0; i < kMaxRequestTextCharacters; ++i) long_text += "あ";
    EXPECT_TRUE(check_request_text(long_text, "text"));
    long_text += "あ";
    const auto refused = check_request_text(long_text, "plan");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields[0].field, "plan");
    EXPECT_FALSE(check_request_text("\xff\xfe", "text"));
}

}  // namespace
}  // namespace mamori::inspection
