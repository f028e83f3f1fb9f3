// Moving a checklist onto a newer edition: answers through the mapping (rows merged, forms merged), evidence
// following its line, lines the newer form lacks kept but hidden. The merged-form edition is the FICTIONAL
// fixture tests/fixtures/catalog/r8-merged-bundle.json (R7 items, no official wording).
#include "mamori/assessment/edition_move.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/time.hpp"
#include "testing/catalog_fixtures.hpp"

namespace mamori::assessment {
namespace {

std::shared_ptr<const catalog::Catalog> catalog_with_merged_r8() {
    static const auto catalog = testing::catalog_with_fixture("r8-merged-bundle.json");
    return catalog;
}

std::vector<PriorAnswer> every_line_answered(const std::string& edition, const std::string& form,
                                             AnswerValue value) {
    std::vector<PriorAnswer> out;
    for (const auto& item : catalog_with_merged_r8()->latest(edition)->find(form)->items)
        for (const auto& row : item.rows)
            out.push_back(
                {{item.canonical_id, row.key},
                 Answer{.value = value, .confirmed_on = *parse_iso_date("2026-05-01"), .note = form}});
    return out;
}

std::vector<std::string> names(const std::vector<RowKey>& keys) {
    std::vector<std::string> out;
    for (const auto& k : keys) out.push_back(k.canonical_id + "/" + k.row);
    return out;
}

struct MergedFormCase {
    std::string from_form;
};

class MoveOntoMergedForm : public ::testing::TestWithParam<MergedFormCase> {};

TEST_P(MoveOntoMergedForm, AnswersReachTheMergedFormAndEveryOtherLineIsKeptHidden) {
    const auto& from_form = GetParam().from_form;
    auto answers = every_line_answered("r7", from_form, AnswerValue::yes);
    auto plan = plan_edition_move(*catalog_with_merged_r8(),
                                  {"r7", from_form, "r8", "institution", answers, {{"GOV-01", "main"}}});
    ASSERT_TRUE(plan) << plan.error().message;

    std::vector<RowKey> carried;
    for (const auto& c : plan->carried) {
        carried.push_back(c.key);
        EXPECT_TRUE(c.needs_reconfirmation) << c.key.canonical_id;
        EXPECT_EQ(c.answer.value, AnswerValue::yes);
        EXPECT_EQ(c.answer.note, from_form) << "the institution's own earlier form is the source";
        EXPECT_FALSE(c.answer.confirmed_on) << "the earlier confirmation date is not carried";
    }
    EXPECT_EQ(names(carried), (std::vector<std::string>{"GOV-01/main", "AST-01/general", "VUL-01/general"}));
    EXPECT_EQ(names(plan->new_items), (std::vector<std::string>{"IAM-06/main"}));
    // 18 R7 items, 3 of them in the merged form: the other lines stay stored, not shown.
    EXPECT_EQ(plan->hidden.size() + carried.size(), answers.size());
    EXPECT_TRUE(std::any_of(plan->hidden.begin(), plan->hidden.end(),
                            [](const RowKey& k) { return k.canonical_id == "NET-01"; }));
    EXPECT_TRUE(plan->evidence.empty()) << "GOV-01/main keeps its key: its evidence stays where it is";
}

INSTANTIATE_TEST_SUITE_P(EditionMove, MoveOntoMergedForm,
                         ::testing::Values(MergedFormCase{"medical"}, MergedFormCase{"pharmacy"}),
                         [](const auto& info) { return info.param.from_form; });

TEST(EditionMove, MergedRowsCarryTheMostCautiousAnswerAndTheirEvidenceToTheMergedRow) {
    // R6 2-(7) asked サーバ / 端末PC / ネットワーク機器 separately; R7 2-⑥ asks once (全般).
    auto answers = every_line_answered("r6", "medical", AnswerValue::yes);
    for (auto& a : answers)
        if (a.key == RowKey{"VUL-01", "terminal"}) a.answer.value = AnswerValue::no;
    auto plan = plan_edition_move(*catalog_with_merged_r8(),
                                  {"r6",
                                   "medical",
                                   "r7",
                                   "medical",
                                   answers,
                                   {{"VUL-01", "server"}, {"VUL-01", "network"}, {"GOV-01", "main"}}});
    ASSERT_TRUE(plan) << plan.error().message;
    const auto vul = std::find_if(plan->carried.begin(), plan->carried.end(), [](const CarriedAnswer& c) {
        return c.key == RowKey{"VUL-01", "general"};
    });
    ASSERT_NE(vul, plan->carried.end());
    EXPECT_EQ(vul->answer.value, AnswerValue::no) << "いいえ on any merged row is the carried answer";
    EXPECT_EQ(names(vul->from),
              (std::vector<std::string>{"VUL-01/server", "VUL-01/terminal", "VUL-01/network"}));
    EXPECT_EQ(plan->evidence, (std::vector<LineMove>{{{"VUL-01", "server"}, {"VUL-01", "general"}},
                                                     {{"VUL-01", "network"}, {"VUL-01", "general"}}}))
        << "evidence of a merged row follows it; evidence whose line keeps its key needs no move";
    for (const auto& key :
         {RowKey{"VUL-01", "server"}, RowKey{"VUL-01", "terminal"}, RowKey{"VUL-01", "network"}})
        EXPECT_NE(std::find(plan->hidden.begin(), plan->hidden.end(), key), plan->hidden.end())
            << key.row << ": the earlier row stays stored but is not a line of R7";
}

TEST(EditionMove, LineMovesListEveryMappedRowOfTheLaterForm) {
    auto moves = line_moves(*catalog_with_merged_r8(), "r7", "r8", "pharmacy", "institution");
    ASSERT_TRUE(moves) << moves.error().message;
    std::vector<std::string> to;
    for (const auto& m : *moves) {
        EXPECT_EQ(m.from, m.to) << "the fixture keeps each carried item's id and row";
        to.push_back(m.to.canonical_id + "/" + m.to.row);
    }
    EXPECT_EQ(to, (std::vector<std::string>{"GOV-01/main", "AST-01/general", "VUL-01/general"}))
        << "IAM-06 is new: nothing maps to it";
}

TEST(EditionMove, AnUnknownEditionOrUnjoinedFormsAreNotFound) {
    EXPECT_FALSE(
        plan_edition_move(*catalog_with_merged_r8(), {"r7", "medical", "r9", "institution", {}, {}}));
    EXPECT_FALSE(plan_edition_move(*catalog_with_merged_r8(), {"r7", "vendor", "r8", "institution", {}, {}}));
}

}  // namespace
}  // namespace mamori::assessment
