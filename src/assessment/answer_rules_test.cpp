#include "mamori/assessment/answer_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "mamori/core/time.hpp"

namespace mamori::assessment {
namespace {

std::chrono::year_month_day d(const char* iso) {
    return *parse_iso_date(iso);
}

const auto kToday = d("2025-11-24");

AnswerContext fy2025() {
    return AnswerContext{.assessment_fiscal_year = 2025};
}

Answer yes_on(const char* date) {
    return Answer{.value = AnswerValue::yes, .confirmed_on = d(date)};
}

Answer no_on(const char* date, const char* target) {
    return Answer{.value = AnswerValue::no, .confirmed_on = d(date), .target_date = d(target)};
}

std::vector<std::string> fields(const Status& s) {
    std::vector<std::string> out;
    if (!s)
        for (const auto& f : s.error().fields) out.push_back(f.field);
    return out;
}

TEST(AnswerRules, YesNeedsAConfirmationDateAndNoTarget) {
    EXPECT_TRUE(check_answer(yes_on("2025-06-01"), fy2025(), kToday));
    EXPECT_EQ(fields(check_answer(Answer{.value = AnswerValue::yes}, fy2025(), kToday)),
              std::vector<std::string>{"confirmed_on"});
    auto with_target = yes_on("2025-06-01");
    with_target.target_date = d("2026-01-31");
    EXPECT_EQ(fields(check_answer(with_target, fy2025(), kToday)), std::vector<std::string>{"target_date"});
    EXPECT_EQ(fields(check_answer(yes_on("2025-11-25"), fy2025(), kToday)),
              std::vector<std::string>{"confirmed_on"})
        << "a 確認日 in the future";
}

TEST(AnswerRules, NoNeedsATargetWithinTheFiscalYear) {
    EXPECT_TRUE(check_answer(no_on("2025-06-01", "2026-03-31"), fy2025(), kToday));
    const auto late = check_answer(no_on("2025-06-01", "2026-04-01"), fy2025(), kToday);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().fields.at(0).field, "target_date");
    EXPECT_NE(late.error().fields.at(0).message.find("2026-03-31"), std::string::npos);
    EXPECT_EQ(fields(check_answer(Answer{.value = AnswerValue::no, .confirmed_on = d("2025-06-01")}, fy2025(),
                                  kToday)),
              std::vector<std::string>{"target_date"});
    EXPECT_EQ(fields(check_answer(no_on("2025-06-01", "2025-05-31"), fy2025(), kToday)),
              std::vector<std::string>{"target_date"})
        << "a target before the check";
}

TEST(AnswerRules, AnItemsOwnTargetYearExtendsTheDeadline) {
    // R7 2-⑩ two-factor authentication: target 令和9年度 (FY2027), answered in FY2025.
    AnswerContext two_factor = fy2025();
    two_factor.row_target_fiscal_year = 2027;
    EXPECT_EQ(to_iso_date(latest_target_date(two_factor)), "2028-03-31");
    EXPECT_TRUE(check_answer(no_on("2025-06-01", "2028-03-31"), two_factor, kToday));
    EXPECT_FALSE(check_answer(no_on("2025-06-01", "2028-04-01"), two_factor, kToday));
    // An older target year never shortens the assessment's own fiscal year.
    AnswerContext old_target = fy2025();
    old_target.row_target_fiscal_year = 2023;
    EXPECT_TRUE(check_answer(no_on("2025-06-01", "2026-03-31"), old_target, kToday));
}

TEST(AnswerRules, TheGateMakesGatedItemsNotRequired) {
    AnswerContext gated = fy2025();
    gated.gated = true;
    gated.gate_answered_no = true;
    const Answer not_required{.value = AnswerValue::not_required, .reason = NotRequiredReason::gate};
    EXPECT_TRUE(check_answer(not_required, gated, kToday));
    EXPECT_EQ(fields(check_answer(yes_on("2025-06-01"), gated, kToday)), std::vector<std::string>{"value"});
    // Without the gate answered いいえ, "gate" is not a reason.
    gated.gate_answered_no = false;
    EXPECT_EQ(fields(check_answer(not_required, gated, kToday)), std::vector<std::string>{"reason"});
    AnswerContext ungated = fy2025();
    ungated.gate_answered_no = true;
    EXPECT_EQ(fields(check_answer(not_required, ungated, kToday)), std::vector<std::string>{"reason"});
}

TEST(AnswerRules, NoVendorContractOnlyForVendorItemsWithoutAContract) {
    const Answer no_contract{.value = AnswerValue::not_required,
                             .reason = NotRequiredReason::no_vendor_contract};
    AnswerContext vendor_item = fy2025();
    vendor_item.requires_vendor_contract = true;
    vendor_item.has_vendor_contract = false;
    EXPECT_TRUE(check_answer(no_contract, vendor_item, kToday));
    vendor_item.has_vendor_contract = true;
    EXPECT_EQ(fields(check_answer(no_contract, vendor_item, kToday)), std::vector<std::string>{"reason"});
    EXPECT_EQ(fields(check_answer(no_contract, fy2025(), kToday)), std::vector<std::string>{"reason"});
    EXPECT_EQ(fields(check_answer(Answer{.value = AnswerValue::not_required}, fy2025(), kToday)),
              std::vector<std::string>{"reason"});
    auto yes_with_reason = yes_on("2025-06-01");
    yes_with_reason.reason = NotRequiredReason::gate;
    EXPECT_EQ(fields(check_answer(yes_with_reason, fy2025(), kToday)), std::vector<std::string>{"reason"});
}

TEST(AnswerRules, SecondConfirmationOnlyWhereTheFormHasIt) {
    auto answer = no_on("2025-06-01", "2026-03-31");
    answer.second = SecondConfirmation{AnswerValue::yes, d("2025-10-01")};
    AnswerContext with_second = fy2025();
    with_second.form_has_second_confirmation = true;
    EXPECT_TRUE(check_answer(answer, with_second, kToday));
    EXPECT_EQ(fields(check_answer(answer, fy2025(), kToday)), std::vector<std::string>{"second"});
    answer.second->confirmed_on = d("2025-05-01");
    EXPECT_EQ(fields(check_answer(answer, with_second, kToday)), std::vector<std::string>{"second"})
        << "before the first confirmation";
}

TEST(AnswerRules, EveryBrokenRuleIsReportedAtOnce) {
    Answer bad{.value = AnswerValue::no, .reason = NotRequiredReason::gate, .note = std::string(2001, 'x')};
    auto result = check_answer(bad, fy2025(), kToday);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::invalid_input);
    auto f = fields(result);
    std::sort(f.begin(), f.end());
    EXPECT_EQ(f, (std::vector<std::string>{"confirmed_on", "note", "reason", "target_date"}));
    EXPECT_TRUE(check_answer(
        Answer{.value = AnswerValue::yes, .confirmed_on = d("2025-06-01"), .note = std::string(2000, 'x')},
        fy2025(), kToday));
    EXPECT_FALSE(
        check_answer(Answer{.value = AnswerValue::yes, .confirmed_on = d("2025-06-01"), .note = "\xff"},
                     fy2025(), kToday));
}

TEST(AnswerRules, AConfirmationDateBefore2000IsATypingSlip) {
    EXPECT_TRUE(check_answer(no_on("2000-01-01", "2026-03-31"), fy2025(), kToday));
    for (const char* slip : {"0000-01-01", "1999-12-31"}) {
        const auto result = check_answer(yes_on(slip), fy2025(), kToday);
        EXPECT_EQ(fields(result), std::vector<std::string>{"confirmed_on"}) << slip;
        if (!result) {
            EXPECT_NE(result.error().fields.at(0).message.find(slip), std::string::npos);
        }
    }
}

TEST(AnswerRules, ANoteHoldsOnlyCharactersEveryDocumentCarries) {
    for (const char* note : {"ok\xEF\xBF\xBE", "\xEF\xBF\xBF", "bell\x07", "\xC0\xAF"}) {
        const auto result =
            check_answer(Answer{.value = AnswerValue::yes, .confirmed_on = d("2025-06-01"), .note = note},
                         fy2025(), kToday);
        EXPECT_EQ(fields(result), std::vector<std::string>{"note"}) << note;
    }
    EXPECT_TRUE(check_answer(
        Answer{.value = AnswerValue::yes, .confirmed_on = d("2025-06-01"), .note = "一行目\r\n\t二行目"},
        fy2025(), kToday));
}

TEST(AnswerRules, NamesRoundTrip) {
    for (auto v : {AnswerValue::yes, AnswerValue::no, AnswerValue::not_required})
        EXPECT_EQ(parse_answer_value(to_string(v)), v);
    for (auto r : {NotRequiredReason::gate, NotRequiredReason::no_vendor_contract})
        EXPECT_EQ(parse_not_required_reason(to_string(r)), r);
    EXPECT_FALSE(parse_answer_value("はい"));
}

}  // namespace
}  // namespace mamori::assessment
