/// @file
/// @brief The rules one checklist answer must follow (pure, no I/O): はい / いいえ / 記入不要 with its
/// reason, 確認日, 目標日 (required for いいえ, within the fiscal year or the item's own target year), the
/// second confirmation (2回目) where the form has one, and the gate question (医療情報システムの有無 = いいえ
/// makes the gated items 確認不要). Every broken rule is reported with the field it concerns.
///
///     auto ok = check_answer(answer, {.assessment_fiscal_year = 2025, .row_target_fiscal_year = 2027},
///     today);
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::assessment {

// AnswerValue: the official answer columns, plus 記入不要 for items that do not apply.
enum class AnswerValue { yes, no, not_required };

// NotRequiredReason: why an item does not apply.
enum class NotRequiredReason {
    gate,                // 医療情報システムの有無 was answered いいえ: the item is 確認不要
    no_vendor_contract,  // the item concerns vendors and the institution has no vendor contract: 記入不要
};

std::string_view to_string(AnswerValue value);
std::optional<AnswerValue> parse_answer_value(std::string_view text);
std::string_view to_string(NotRequiredReason reason);
std::optional<NotRequiredReason> parse_not_required_reason(std::string_view text);

// SecondConfirmation: the 2回目 columns.
struct SecondConfirmation {
    AnswerValue value = AnswerValue::yes;  // はい or いいえ
    std::chrono::year_month_day confirmed_on;

    friend bool operator==(const SecondConfirmation&, const SecondConfirmation&) = default;
};

// Answer: one answer to one item row.
struct Answer {
    AnswerValue value = AnswerValue::yes;
    std::optional<NotRequiredReason> reason;
    std::optional<std::chrono::year_month_day> confirmed_on;  // 確認日
    std::optional<std::chrono::year_month_day> target_date;   // 目標日
    std::optional<SecondConfirmation> second;                 // 2回目
    std::string note;

    friend bool operator==(const Answer&, const Answer&) = default;
};

// AnswerContext: what the rules need to know about the item, the form and the institution.
struct AnswerContext {
    int assessment_fiscal_year = 0;
    std::optional<int> row_target_fiscal_year;  // the item row's own target (e.g. 令和9年度 for two-factor)
    bool gated = false;  // the item becomes 確認不要 when the gate is answered いいえ
    bool gate_answered_no = false;
    bool requires_vendor_contract = false;  // the item is 記入不要 without a vendor contract
    bool has_vendor_contract = true;
    bool form_has_second_confirmation = false;
};

// kMaxNoteCharacters: the longest note accepted.
inline constexpr long kMaxNoteCharacters = 2000;

// latest_target_date: the last day a 目標日 may fall on: 31 March of the later of the assessment's fiscal
// year and the row's own target fiscal year.
std::chrono::year_month_day latest_target_date(const AnswerContext& context);

// check_answer: every rule `answer` breaks, as one invalid_input Error with one FieldError per rule (fields
// "value", "reason", "confirmed_on", "target_date", "second", "note"); `today` is the Japan date.
Status check_answer(const Answer& answer, const AnswerContext& context, std::chrono::year_month_day today);

}  // namespace mamori::assessment
