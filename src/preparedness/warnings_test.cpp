#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mamori/preparedness/records.hpp"
#include "test_records.hpp"

namespace mamori::preparedness {
namespace {

using nlohmann::json;
using namespace std::chrono;
using namespace test_records;

struct Case {
    std::string name;
    std::vector<StoredRecord> records;
    std::vector<Warning> expected;
};

std::vector<Case> cases() {
    const auto base = complete();
    return {
        {"complete records: no warning", base, {}},
        {"nothing at all",
         {},
         {{"contact_role_missing", "chart", std::nullopt, {"manager", "security_officer"}},
          {"contact_body_missing", "chart", std::nullopt, {"ministry", "police"}},
          {"chart_not_reviewed", "chart", std::nullopt, {}},
          {"no_recent_drill", "drill", std::nullopt, {}}}},
        {"security officer and police missing",
         without(without(base, 3), 5),
         {{"contact_role_missing", "chart", 1, {"security_officer"}},
          {"contact_body_missing", "chart", 1, {"police"}}}},
        {"chart reviewed a year and a day ago",
         with(without(base, 1), checked(1, RecordKind::chart, {{"reviewed_on", "2025-12-06"}})),
         {{"chart_not_reviewed", "chart", 1, {}}}},
        {"chart never reviewed",
         with(without(base, 1), checked(1, RecordKind::chart, json::object())),
         {{"chart_not_reviewed", "chart", 1, {}}}},
        {"backup without offline copy and untested",
         with(base, checked(10, RecordKind::backup,
                            {{"system_name", "レセコン"}, {"what", "DB"}, {"frequency", "weekly"}})),
         {{"backup_without_offline_copy", "backup", 10, {}}, {"no_recent_restore_test", "backup", 10, {}}}},
        {"restore test a year and a day ago",
         with(
             without(base, 7),
             checked(
                 7, RecordKind::restore_test,
                 {{"backup_id", 6}, {"tested_on", "2025-12-06"}, {"restored", "DB"}, {"result", "success"}})),
         {{"no_recent_restore_test", "backup", 6, {}}}},
        {"recent restore test that failed",
         with(without(base, 7),
              checked(
                  7, RecordKind::restore_test,
                  {{"backup_id", 6}, {"tested_on", "2026-11-01"}, {"restored", "DB"}, {"result", "failed"}})),
         {{"no_recent_restore_test", "backup", 6, {}}}},
        {"drill a year and a day ago",
         with(without(base, 8),
              checked(8, RecordKind::drill,
                      {{"held_on", "2025-12-06"}, {"scenario", "other"}, {"scenario_note", "停電"}})),
         {{"no_recent_drill", "drill", std::nullopt, {}}}},
        {"open incident with two items done",
         with(base, checked(11, RecordKind::incident,
                            {{"title", "不審な通信"},
                             {"detected_at", "2026-12-06T10:00"},
                             {"checklist",
                              {{{"item", "disconnect_network"}, {"done", true}},
                               {{"item", "call_vendor"}, {"done", true}}}}})),
         {{"incident_first_response_open",
           "incident",
           11,
           {"preserve_logs", "report_ministry", "report_police", "paper_operations"}}}},
    };
}

TEST(PreparednessWarnings, EachCase) {
    for (const auto& c : cases())
        EXPECT_EQ(warnings(c.records, builtin_reference(), kToday), c.expected) << c.name;
}

TEST(PreparednessWarnings, YearBeforeOfLeapDay) {
    EXPECT_EQ(year_before(year_month_day{year(2028), month(2), day(29)}),
              (year_month_day{year(2027), month(2), day(28)}));
    EXPECT_EQ(year_before(kToday), (year_month_day{year(2025), month(12), day(7)}));
}

}  // namespace
}  // namespace mamori::preparedness
