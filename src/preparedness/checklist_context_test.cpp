// The preparedness records beside the checklist's section 3: the facts read from the records, and for each
// answer the warnings (はい the records do not show, いいえ they already hold).
#include "mamori/preparedness/checklist_context.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "test_records.hpp"

namespace mamori::preparedness {
namespace {

using assessment::AnswerValue;
using W = ChecklistWarning;
using namespace test_records;

constexpr int kRows = 4;
const std::map<std::string, std::string> kAllDone{
    {"A-1", "done"}, {"A-2", "done"}, {"B-1", "not_applicable"}, {"B-2", "done"}};

TEST(PreparednessChecklistFacts, CompleteRecords) {
    const auto records = complete();
    const auto f = checklist_facts(records, kAllDone, kRows, builtin_reference(), kToday);
    EXPECT_EQ(f.contacts, 4);
    EXPECT_TRUE(f.roles_missing.empty());
    EXPECT_TRUE(f.bodies_missing.empty());
    EXPECT_EQ(f.chart_reviewed_on, "2026-04-01");
    EXPECT_TRUE(f.chart_reviewed_within_year);
    EXPECT_EQ(f.backups, 1);
    EXPECT_EQ(f.backups_without_offline, 0);
    EXPECT_EQ(f.backups_untested, 0);
    EXPECT_EQ(f.last_restore_test_on, "2025-12-07");
    EXPECT_EQ(f.bcp_rows, kRows);
    EXPECT_EQ(f.bcp_done, 3);
    EXPECT_EQ(f.bcp_not_done, 0);
    EXPECT_EQ(f.bcp_not_applicable, 1);
    EXPECT_EQ(f.last_drill_on, "2025-12-07");
}

TEST(PreparednessChecklistFacts, NothingRecorded) {
    const auto f = checklist_facts({}, {}, kRows, builtin_reference(), kToday);
    EXPECT_EQ(f.contacts, 0);
    EXPECT_EQ(f.roles_missing, (std::vector<std::string>{"manager", "security_officer"}));
    EXPECT_EQ(f.bodies_missing, (std::vector<std::string>{"ministry", "police"}));
    EXPECT_FALSE(f.chart_reviewed_on);
    EXPECT_FALSE(f.chart_reviewed_within_year);
    EXPECT_EQ(f.backups, 0);
    EXPECT_FALSE(f.last_restore_test_on);
    EXPECT_EQ(f.bcp_done + f.bcp_not_done + f.bcp_not_applicable, 0);
    EXPECT_FALSE(f.last_drill_on);
}

TEST(PreparednessChecklistFacts, TheNewestDatesAndEachBackupCounted) {
    auto records = with(complete(), checked(10, RecordKind::backup,
                                            {{"system_name", "レセコン"}, {"what", "DB"}, {"frequency", "weekly"}}));
    records = with(records, checked(11, RecordKind::restore_test,
                                    {{"backup_id", 10}, {"tested_on", "2026-11-30"}, {"restored", "DB"},
                                     {"result", "failed"}}));
    records = with(records, checked(12, RecordKind::drill, {{"held_on", "2024-05-01"}, {"scenario", "other"},
                                                            {"scenario_note", "停電"}}));
    const auto f = checklist_facts(records, {{"A-1", "not_done"}}, kRows, builtin_reference(), kToday);
    EXPECT_EQ(f.backups, 2);
    EXPECT_EQ(f.backups_without_offline, 1);
    EXPECT_EQ(f.backups_untested, 1) << "a failed test is no test";
    EXPECT_EQ(f.last_restore_test_on, "2026-11-30");
    EXPECT_EQ(f.last_drill_on, "2025-12-07");
    EXPECT_EQ(f.bcp_not_done, 1);
}

struct Case {
    std::string name;
    ChecklistFacts facts;
    ChecklistAnswers answers;
    std::vector<W> chart, backups, bcp;
};

ChecklistFacts ready() {
    return checklist_facts(complete(), kAllDone, kRows, builtin_reference(), kToday);
}

ChecklistFacts changed(std::function<void(ChecklistFacts&)> change) {
    auto f = ready();
    change(f);
    return f;
}

const ChecklistAnswers kAllYes{AnswerValue::yes, AnswerValue::yes, AnswerValue::yes};
const ChecklistAnswers kAllNo{AnswerValue::no, AnswerValue::no, AnswerValue::no};

std::vector<Case> cases() {
    const auto nothing = checklist_facts({}, {}, kRows, builtin_reference(), kToday);
    return {
        {"ready and はい: consistent", ready(), kAllYes, {}, {}, {}},
        {"not answered: nothing to contradict", nothing, {}, {}, {}, {}},
        {"記入不要 contradicts nothing", nothing,
         {AnswerValue::not_required, AnswerValue::not_required, AnswerValue::not_required}, {}, {}, {}},
        {"nothing recorded, はい everywhere", nothing, kAllYes,
         {W::chart_incomplete_though_yes, W::chart_not_reviewed_though_yes},
         {W::no_backup_though_yes},
         {W::bcp_not_done_though_yes}},
        {"nothing recorded, いいえ: consistent", nothing, kAllNo, {}, {}, {}},
        {"ready, いいえ everywhere", ready(), kAllNo,
         {W::records_ready_though_no}, {W::records_ready_though_no}, {W::records_ready_though_no}},
        {"police missing", changed([](auto& f) { f.bodies_missing = {"police"}; }), kAllYes,
         {W::chart_incomplete_though_yes}, {}, {}},
        {"police missing, いいえ: not ready", changed([](auto& f) { f.bodies_missing = {"police"}; }), kAllNo,
         {}, {W::records_ready_though_no}, {W::records_ready_though_no}},
        {"chart reviewed over a year ago", changed([](auto& f) { f.chart_reviewed_within_year = false; }),
         kAllYes, {W::chart_not_reviewed_though_yes}, {}, {}},
        {"a backup without offline copy, untested",
         changed([](auto& f) {
             f.backups = 2;
             f.backups_without_offline = 1;
             f.backups_untested = 1;
         }),
         kAllYes, {}, {W::no_offline_copy_though_yes, W::no_restore_test_though_yes}, {}},
        {"one BCP row 未対応", changed([](auto& f) {
             --f.bcp_done;
             ++f.bcp_not_done;
         }),
         kAllYes, {}, {}, {W::bcp_not_done_though_yes}},
        {"one BCP row not answered", changed([](auto& f) { --f.bcp_done; }), kAllYes, {}, {},
         {W::bcp_not_done_though_yes}},
        {"one BCP row not answered, いいえ: not ready", changed([](auto& f) { --f.bcp_done; }), kAllNo,
         {W::records_ready_though_no}, {W::records_ready_though_no}, {}},
    };
}

TEST(PreparednessChecklistContext, EachCase) {
    for (const auto& c : cases()) {
        const auto items = checklist_context(c.facts, c.answers);
        ASSERT_EQ(items.size(), 3u);
        EXPECT_EQ(items[0].canonical_id, "IR-01");
        EXPECT_EQ(items[1].canonical_id, "IR-02");
        EXPECT_EQ(items[2].canonical_id, "IR-03");
        EXPECT_EQ(items[0].warnings, c.chart) << c.name;
        EXPECT_EQ(items[1].warnings, c.backups) << c.name;
        EXPECT_EQ(items[2].warnings, c.bcp) << c.name;
    }
}

TEST(PreparednessChecklistContext, EveryWarningHasItsCode) {
    for (const auto w : {W::chart_incomplete_though_yes, W::chart_not_reviewed_though_yes, W::no_backup_though_yes,
                         W::no_offline_copy_though_yes, W::no_restore_test_though_yes, W::bcp_not_done_though_yes,
                         W::records_ready_though_no})
        EXPECT_FALSE(to_string(w).empty());
}

}  // namespace
}  // namespace mamori::preparedness
