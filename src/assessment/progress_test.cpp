#include "mamori/assessment/progress.hpp"

#include <gtest/gtest.h>

#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/time.hpp"

namespace mamori::assessment {
namespace {

std::shared_ptr<const catalog::Catalog> embedded_catalog() {
    static const auto catalog = *catalog::CatalogBuilder::from_files(embedded::catalog_files())->build();
    return catalog;
}

std::chrono::year_month_day date(const char* text) {
    return *parse_iso_date(text);
}

class ProgressTest : public ::testing::Test {
  protected:
    const catalog::Form& r7 = *embedded_catalog()->latest("r7")->find("medical");
    const std::vector<catalog::Priority>& priorities = embedded_catalog()->priorities;
    const std::chrono::year_month_day today = date("2026-11-24");

    // every_row_yes: every R7 medical row answered はい.
    RowAnswers every_row_yes() {
        RowAnswers out;
        for (const auto& line : checklist_rows(r7))
            out[line.key] = {Answer{.value = AnswerValue::yes, .confirmed_on = date("2026-06-01")}, false,
                             false};
        return out;
    }
};

TEST_F(ProgressTest, NothingAnsweredIsZeroPercentAndTheRoadmapFollowsThePriorities) {
    const auto p = progress(r7, priorities, {}, today);
    EXPECT_EQ(p.rows_total, static_cast<int>(checklist_rows(r7).size()));
    EXPECT_EQ(p.rows_answered, 0);
    EXPECT_EQ(p.percent, 0);
    EXPECT_EQ(p.incomplete.size(), checklist_rows(r7).size());
    ASSERT_GE(p.roadmap.size(), 3u);
    // The editorial order: security manager, then the ledger, then vendor remote maintenance.
    EXPECT_EQ(p.roadmap[0].item->canonical_id, "GOV-01");
    EXPECT_EQ(p.roadmap[1].item->canonical_id, "AST-01");
    EXPECT_EQ(p.roadmap[2].item->canonical_id, "VND-01");
    EXPECT_EQ(p.roadmap.size(), r7.items.size());
    EXPECT_FALSE(p.roadmap[0].answered_no);
}

TEST_F(ProgressTest, CountsOpenAndOverdueTargetsAndReconfirmations) {
    auto answers = every_row_yes();
    answers[{"AST-01", "general"}] = {
        Answer{
            .value = AnswerValue::no, .confirmed_on = date("2026-06-01"), .target_date = date("2026-09-30")},
        false, false};
    answers[{"GOV-01", "main"}] = {
        Answer{
            .value = AnswerValue::no, .confirmed_on = date("2026-06-01"), .target_date = date("2027-03-31")},
        false, false};
    answers[{"VND-01", "general"}] = {Answer{.value = AnswerValue::yes}, /*needs_reconfirmation=*/true,
                                      false};
    const auto p = progress(r7, priorities, answers, today);
    EXPECT_EQ(p.no, 2);
    EXPECT_EQ(p.needs_reconfirmation, 1);
    EXPECT_EQ(p.rows_answered, p.rows_total - 1);
    ASSERT_EQ(p.open.size(), 2u);
    EXPECT_EQ(p.open[0].key.canonical_id, "GOV-01");  // printed order
    ASSERT_EQ(p.overdue.size(), 1u);
    EXPECT_EQ(p.overdue[0].key.canonical_id, "AST-01");
    ASSERT_EQ(p.incomplete.size(), 1u);
    EXPECT_EQ(p.incomplete[0].key.canonical_id, "VND-01");
    EXPECT_EQ(p.incomplete[0].reason, "to be confirmed again (要再確認)");
    ASSERT_EQ(p.roadmap.size(), 3u);
    EXPECT_EQ(p.roadmap[0].item->canonical_id, "GOV-01");
    EXPECT_TRUE(p.roadmap[0].answered_no);
    EXPECT_FALSE(p.roadmap[2].answered_no);  // VND-01: to be confirmed
}

TEST_F(ProgressTest, EverythingAnsweredIsCompleteWithAnEmptyRoadmap) {
    const auto p = progress(r7, priorities, every_row_yes(), today);
    EXPECT_EQ(p.percent, 100);
    EXPECT_EQ(p.yes, p.rows_total);
    EXPECT_TRUE(p.incomplete.empty());
    EXPECT_TRUE(p.roadmap.empty());
    EXPECT_TRUE(p.overdue.empty());
}

TEST_F(ProgressTest, AClearedAnswerCountsAsUnanswered) {
    auto answers = every_row_yes();
    answers[{"GOV-01", "main"}].answer.reset();
    const auto p = progress(r7, priorities, answers, today);
    ASSERT_EQ(p.incomplete.size(), 1u);
    EXPECT_EQ(p.incomplete[0].reason, "not answered");
    EXPECT_EQ(p.percent, (p.rows_total - 1) * 100 / p.rows_total);
}

}  // namespace
}  // namespace mamori::assessment
