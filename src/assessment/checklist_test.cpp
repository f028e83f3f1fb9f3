#include "mamori/assessment/checklist.hpp"

#include <gtest/gtest.h>

#include "mamori/assessment/progress.hpp"
#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/time.hpp"

namespace mamori::assessment {
namespace {

std::shared_ptr<const catalog::Catalog> embedded_catalog() {
    static const auto catalog = *catalog::CatalogBuilder::from_files(embedded::catalog_files())->build();
    return catalog;
}

const catalog::Form& form(const char* edition, const char* id) {
    return *embedded_catalog()->latest(edition)->find(id);
}

std::chrono::year_month_day date(const char* text) {
    return *parse_iso_date(text);
}

Answer yes() {
    return {.value = AnswerValue::yes, .confirmed_on = date("2026-06-01")};
}

TEST(Checklist, R6MedicalStartsWithTheGateAndListsEveryDeviceRow) {
    const auto rows = checklist_rows(form("r6", "medical"));
    ASSERT_FALSE(rows.empty());
    EXPECT_TRUE(rows.front().is_gate());
    EXPECT_EQ(rows.front().key, (RowKey{"PRE-00", "main"}));
    // 2-(7) is answered per device class: サーバ, 端末PC, ネットワーク機器.
    const auto vul = std::count_if(rows.begin(), rows.end(),
                                   [](const ChecklistRow& r) { return r.key.canonical_id == "VUL-01"; });
    EXPECT_EQ(vul, 3);
    EXPECT_TRUE(has_second_confirmation(form("r6", "medical")));
}

TEST(Checklist, R7MedicalHasNoGateAndNoSecondConfirmation) {
    const auto& r7 = form("r7", "medical");
    EXPECT_FALSE(gate_id(r7).has_value());
    EXPECT_FALSE(has_second_confirmation(r7));
    EXPECT_FALSE(checklist_rows(r7).front().is_gate());
    EXPECT_FALSE(find_row(r7, {"PRE-00", "main"}).has_value());
    EXPECT_TRUE(find_row(r7, {"GOV-01", "main"}).has_value());
    EXPECT_FALSE(find_row(r7, {"GOV-01", "server"}).has_value());
}

TEST(Checklist, GateAnsweredNoMakesGatedRowsNotRequiredAndFlippingItBackRestoresThem) {
    const auto& r6 = form("r6", "medical");
    RowAnswers stored;
    stored[{"GOV-01", "main"}] = {yes(), false, false};
    stored[{"PRE-00", "main"}] = {Answer{.value = AnswerValue::no, .confirmed_on = date("2026-05-10")}, false,
                                  false};

    auto effective = effective_answers(r6, stored, true);
    const auto& gov = effective.at({"GOV-01", "main"});
    EXPECT_TRUE(gov.derived);
    EXPECT_EQ(gov.answer->value, AnswerValue::not_required);
    EXPECT_EQ(gov.answer->reason, NotRequiredReason::gate);
    EXPECT_EQ(gov.answer->confirmed_on, date("2026-05-10"));
    EXPECT_TRUE(effective.at({"VUL-01", "network"}).derived);
    EXPECT_FALSE(effective.at({"PRE-00", "main"}).derived);

    // Everything is answered once the gate says いいえ.
    const auto p = progress(r6, embedded_catalog()->priorities, effective, date("2026-06-01"));
    EXPECT_TRUE(p.incomplete.empty());
    EXPECT_EQ(p.rows_answered, p.rows_total);
    EXPECT_EQ(p.no, 1);
    EXPECT_TRUE(p.open.empty()) << "いいえ to the gate is not a task with a target date";

    stored[{"PRE-00", "main"}].answer->value = AnswerValue::yes;
    effective = effective_answers(r6, stored, true);
    EXPECT_FALSE(effective.at({"GOV-01", "main"}).derived);
    EXPECT_EQ(effective.at({"GOV-01", "main"}).answer->value, AnswerValue::yes);
    EXPECT_FALSE(effective.contains({"VUL-01", "network"}));
}

TEST(Checklist, NoVendorContractMakesVendorRowsNotRequired) {
    const auto& r7 = form("r7", "medical");
    const auto effective = effective_answers(r7, {}, /*has_vendor_contract=*/false);
    const auto& vnd = effective.at({"VND-01", "general"});
    EXPECT_TRUE(vnd.derived);
    EXPECT_EQ(vnd.answer->reason, NotRequiredReason::no_vendor_contract);
    EXPECT_FALSE(effective.contains({"GOV-01", "main"}));
    EXPECT_TRUE(effective_answers(r7, {}, true).empty());
}

TEST(Checklist, GateAnswerNeedsADateAndNothingElse) {
    const auto today = date("2026-06-01");
    EXPECT_TRUE(check_gate_answer({.value = AnswerValue::no, .confirmed_on = date("2026-05-01")}, today));
    auto missing = check_gate_answer({.value = AnswerValue::yes}, today);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().fields.front().field, "confirmed_on");
    auto wrong = check_gate_answer({.value = AnswerValue::not_required,
                                    .confirmed_on = date("2026-05-01"),
                                    .target_date = date("2027-03-31")},
                                   today);
    ASSERT_FALSE(wrong);
    ASSERT_EQ(wrong.error().fields.size(), 2u);
    EXPECT_EQ(wrong.error().fields[0].field, "value");
    EXPECT_EQ(wrong.error().fields[1].field, "target_date");
}

TEST(Checklist, AnswerContextCarriesTheRowsOwnTargetYear) {
    const auto& r7 = form("r7", "medical");
    for (const auto& line : checklist_rows(r7)) {
        const auto context = answer_context(r7, line, 2026, false, true);
        EXPECT_EQ(context.assessment_fiscal_year, 2026);
        EXPECT_EQ(context.row_target_fiscal_year, line.row->target_fiscal_year);
        EXPECT_EQ(context.requires_vendor_contract, requires_vendor_contract(*line.item));
        EXPECT_FALSE(context.gated);  // R7 prints no gate
    }
}

}  // namespace
}  // namespace mamori::assessment
