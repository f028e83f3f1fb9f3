#include "mamori/assessment/checklist.hpp"

#include <algorithm>

namespace mamori::assessment {

namespace {

bool applicability(const catalog::Item& item, const char* flag) {
    const auto it = item.json.find("applicability");
    if (it == item.json.end() || !it->is_object()) return false;
    const auto value = it->find(flag);
    return value != it->end() && value->is_boolean() && value->get<bool>();
}

}  // namespace

std::optional<std::string> gate_id(const catalog::Form& form) {
    const auto it = form.json.find("gate");
    if (form.gate_status != catalog::GateStatus::present || it == form.json.end() || !it->is_object())
        return std::nullopt;
    return it->value("canonical_id", std::string{});
}

bool has_second_confirmation(const catalog::Form& form) {
    const auto it = form.json.find("answer_columns");
    if (it == form.json.end() || !it->is_array()) return false;
    return std::any_of(it->begin(), it->end(),
                       [](const catalog::Json& column) { return column.value("id", "") == "second_answer"; });
}

bool is_gated(const catalog::Item& item) {
    return applicability(item, "gate");
}

bool requires_vendor_contract(const catalog::Item& item) {
    return applicability(item, "requires_vendor_contract");
}

std::vector<ChecklistRow> checklist_rows(const catalog::Form& form) {
    std::vector<ChecklistRow> out;
    if (auto gate = gate_id(form)) out.push_back({{*gate, std::string{kGateRow}}, nullptr, nullptr});
    for (const auto& item : form.items)
        for (const auto& row : item.rows) out.push_back({{item.canonical_id, row.key}, &item, &row});
    return out;
}

std::optional<ChecklistRow> find_row(const catalog::Form& form, const RowKey& key) {
    for (auto& line : checklist_rows(form))
        if (line.key == key) return line;
    return std::nullopt;
}

bool gate_answered_no(const catalog::Form& form, const RowAnswers& stored) {
    const auto gate = gate_id(form);
    if (!gate) return false;
    const auto it = stored.find({*gate, std::string{kGateRow}});
    return it != stored.end() && it->second.answer && it->second.answer->value == AnswerValue::no;
}

AnswerContext answer_context(const catalog::Form& form, const ChecklistRow& line, int fiscal_year,
                             bool gate_no, bool has_vendor_contract) {
    AnswerContext context;
    context.assessment_fiscal_year = fiscal_year;
    context.form_has_second_confirmation = has_second_confirmation(form);
    context.gate_answered_no = gate_no;
    context.has_vendor_contract = has_vendor_contract;
    if (line.item) {
        context.row_target_fiscal_year = line.row->target_fiscal_year;
        context.gated = gate_id(form).has_value() && is_gated(*line.item);
        context.requires_vendor_contract = requires_vendor_contract(*line.item);
    }
    return context;
}

Status check_gate_answer(const Answer& answer, std::chrono::year_month_day today) {
    Error error{ErrorCode::invalid_input, "the answer breaks the checklist's rules", {}};
    if (answer.value == AnswerValue::not_required)
        error.fields.push_back({"value", "the gate question 医療情報システムの有無 is はい or いいえ"});
    if (!answer.confirmed_on)
        error.fields.push_back({"confirmed_on", "the date of confirmation (確認日) is required"});
    else if (*answer.confirmed_on > today)
        error.fields.push_back({"confirmed_on", "the date of confirmation (確認日) is in the future"});
    if (answer.target_date) error.fields.push_back({"target_date", "the gate question has no target date"});
    if (answer.reason) error.fields.push_back({"reason", "the gate question has no reason"});
    if (answer.second) error.fields.push_back({"second", "the gate question has no second confirmation"});
    if (error.fields.empty()) return {};
    return fail(std::move(error));
}

RowAnswers effective_answers(const catalog::Form& form, const RowAnswers& stored, bool has_vendor_contract) {
    RowAnswers out = stored;
    const bool gate_no = gate_answered_no(form, stored);
    std::optional<std::chrono::year_month_day> gate_date;
    if (gate_no) gate_date = stored.at({*gate_id(form), std::string{kGateRow}}).answer->confirmed_on;
    for (const auto& item : form.items) {
        std::optional<Answer> derived;
        if (gate_no && is_gated(item))
            derived = Answer{.value = AnswerValue::not_required,
                             .reason = NotRequiredReason::gate,
                             .confirmed_on = gate_date};
        else if (!has_vendor_contract && requires_vendor_contract(item))
            derived =
                Answer{.value = AnswerValue::not_required, .reason = NotRequiredReason::no_vendor_contract};
        if (!derived) continue;
        for (const auto& row : item.rows) out[{item.canonical_id, row.key}] = RowAnswer{derived, false, true};
    }
    return out;
}

}  // namespace mamori::assessment
