#include "mamori/assessment/answer_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori::assessment {

namespace {

using std::chrono::year_month_day;

// No one checked an item of this checklist before 2000; an earlier 確認日 is a typing slip (0000-01-01).
constexpr year_month_day kEarliestConfirmation{std::chrono::year{2000}, std::chrono::January,
                                               std::chrono::day{1}};

constexpr std::array<std::pair<AnswerValue, std::string_view>, 3> kValues = {{
    {AnswerValue::yes, "yes"},
    {AnswerValue::no, "no"},
    {AnswerValue::not_required, "not_required"},
}};

constexpr std::array<std::pair<NotRequiredReason, std::string_view>, 2> kReasons = {{
    {NotRequiredReason::gate, "gate"},
    {NotRequiredReason::no_vendor_contract, "no_vendor_contract"},
}};

}  // namespace

std::string_view to_string(AnswerValue value) {
    for (const auto& [v, name] : kValues)
        if (v == value) return name;
    return "yes";
}

std::optional<AnswerValue> parse_answer_value(std::string_view text) {
    for (const auto& [v, name] : kValues)
        if (name == text) return v;
    return std::nullopt;
}

std::string_view to_string(NotRequiredReason reason) {
    for (const auto& [r, name] : kReasons)
        if (r == reason) return name;
    return "gate";
}

std::optional<NotRequiredReason> parse_not_required_reason(std::string_view text) {
    for (const auto& [r, name] : kReasons)
        if (name == text) return r;
    return std::nullopt;
}

year_month_day latest_target_date(const AnswerContext& context) {
    const int fy = std::max(context.assessment_fiscal_year, context.row_target_fiscal_year.value_or(0));
    return fiscal_year_bounds(fy).second;
}

Status check_answer(const Answer& answer, const AnswerContext& context, year_month_day today) {
    Error error{ErrorCode::invalid_input, "the answer breaks the checklist's rules", {}};
    auto broken = [&error](std::string field, std::string message) {
        error.fields.push_back({std::move(field), std::move(message)});
    };
    const bool applies_by_gate = !(context.gated && context.gate_answered_no);

    if (!applies_by_gate && answer.value != AnswerValue::not_required)
        broken("value",
               "医療情報システムの有無 was answered いいえ, so this item is 確認不要: answer not_required "
               "(gate)");

    if (answer.value == AnswerValue::not_required) {
        if (!answer.reason) {
            broken("reason", "say why the item does not apply (gate or no_vendor_contract)");
        } else if (*answer.reason == NotRequiredReason::gate && applies_by_gate) {
            broken("reason", context.gated
                                 ? "the gate question 医療情報システムの有無 was not answered いいえ"
                                 : "this item is not covered by the gate question");
        } else if (*answer.reason == NotRequiredReason::no_vendor_contract &&
                   (!context.requires_vendor_contract || context.has_vendor_contract)) {
            broken("reason", context.requires_vendor_contract
                                 ? "the institution has a vendor contract, so this item must be answered"
                                 : "this item applies whether or not there is a vendor contract");
        }
    } else if (answer.reason) {
        broken("reason", "a reason is only given for not_required");
    }

    const bool answered = answer.value != AnswerValue::not_required;
    if (answered && !answer.confirmed_on) broken("confirmed_on", "a 確認日 (date of checking) is required");
    if (answer.confirmed_on && *answer.confirmed_on > today)
        broken("confirmed_on",
               fmt::format("the 確認日 {} is in the future", to_iso_date(*answer.confirmed_on)));
    if (answer.confirmed_on && *answer.confirmed_on < kEarliestConfirmation)
        broken("confirmed_on", fmt::format("the 確認日 {} is before {}", to_iso_date(*answer.confirmed_on),
                                           to_iso_date(kEarliestConfirmation)));

    if (answer.value == AnswerValue::no) {
        const auto latest = latest_target_date(context);
        if (!answer.target_date) {
            broken("target_date",
                   fmt::format("いいえ needs a 目標日 (target date) on or before {}", to_iso_date(latest)));
        } else if (*answer.target_date > latest) {
            broken("target_date", fmt::format("the 目標日 must be on or before {} (end of fiscal year {})",
                                              to_iso_date(latest), fiscal_year(latest)));
        } else if (answer.confirmed_on && *answer.target_date < *answer.confirmed_on) {
            broken("target_date", "the 目標日 cannot be before the 確認日");
        }
    } else if (answer.target_date) {
        broken("target_date", "a 目標日 is only given for いいえ");
    }

    if (answer.second) {
        if (!context.form_has_second_confirmation) {
            broken("second", "this edition's form has no second confirmation (2回目)");
        } else if (answer.second->value == AnswerValue::not_required) {
            broken("second", "the second confirmation is はい or いいえ");
        } else if (!answered || (answer.confirmed_on && answer.second->confirmed_on < *answer.confirmed_on)) {
            broken("second", "the second confirmation comes after a first はい/いいえ answer");
        } else if (answer.second->confirmed_on > today) {
            broken("second", "the date of the second confirmation is in the future");
        }
    }

    if (auto problem = text_problem(answer.note))
        broken("note", *problem);
    else if (character_count(answer.note) > kMaxNoteCharacters)
        broken("note", fmt::format("the note must be at most {} characters", kMaxNoteCharacters));

    if (error.fields.empty()) return {};
    return fail(std::move(error));
}

}  // namespace mamori::assessment
