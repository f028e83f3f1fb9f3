/// @file
/// @brief The answerable lines of one checklist form and the answers that are in effect on them (pure):
/// the gate question first when the form prints one, then every row of every item in printed order. When
/// the gate (医療情報システムの有無) is answered いいえ, every gated row is in effect 確認不要 whatever was
/// stored for it, so flipping the gate back restores the earlier answers; likewise the rows that concern
/// vendors are 記入不要 while the institution has no vendor contract.
///
///     for (const ChecklistRow& line : checklist_rows(form)) { ... }
///     auto effective = effective_answers(form, stored, /*has_vendor_contract=*/true);
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mamori/assessment/answer_rules.hpp"
#include "mamori/assessment/carry_forward.hpp"
#include "mamori/catalog/catalog.hpp"

namespace mamori::assessment {

// kGateRow: the row key of the gate question's answer.
inline constexpr std::string_view kGateRow = "main";

// ChecklistRow: one answerable line: the gate question (item == nullptr) or one row of one item.
struct ChecklistRow {
    RowKey key;
    const catalog::Item* item = nullptr;
    const catalog::Row* row = nullptr;

    bool is_gate() const { return item == nullptr; }
};

// RowAnswer: the answer stored for a line. `answer` is nullopt when nobody has answered or it was cleared.
struct RowAnswer {
    std::optional<Answer> answer;
    bool needs_reconfirmation = false;  // carried from last year, not confirmed this year
    bool derived = false;  // in effect because of the gate question or the missing vendor contract
};

// RowKeyLess: orders row keys, for maps keyed by RowKey.
struct RowKeyLess {
    bool operator()(const RowKey& a, const RowKey& b) const {
        return std::tie(a.canonical_id, a.row) < std::tie(b.canonical_id, b.row);
    }
};
using RowAnswers = std::map<RowKey, RowAnswer, RowKeyLess>;

// gate_id: the canonical id of the form's gate question ("PRE-00"), or nullopt when it prints none.
std::optional<std::string> gate_id(const catalog::Form& form);

// has_second_confirmation: the form prints the 2回目 columns.
bool has_second_confirmation(const catalog::Form& form);

// is_gated / requires_vendor_contract: the item's applicability as the catalog records it.
bool is_gated(const catalog::Item& item);
bool requires_vendor_contract(const catalog::Item& item);

// checklist_rows: the gate question (when present) and every item row, in printed order.
std::vector<ChecklistRow> checklist_rows(const catalog::Form& form);

// find_row: the line with `key`, or nullopt when the form has no such line.
std::optional<ChecklistRow> find_row(const catalog::Form& form, const RowKey& key);

// gate_answered_no: the stored gate answer is いいえ.
bool gate_answered_no(const catalog::Form& form, const RowAnswers& stored);

// answer_context: what check_answer needs for `line` of an assessment of `fiscal_year`.
AnswerContext answer_context(const catalog::Form& form, const ChecklistRow& line, int fiscal_year,
                             bool gate_no, bool has_vendor_contract);

// check_gate_answer: the gate is はい or いいえ with a 確認日 that is not in the future; no target date.
Status check_gate_answer(const Answer& answer, std::chrono::year_month_day today);

// effective_answers: the stored answers with every gated row replaced by 確認不要 (reason gate, dated as the
// gate answer) while the gate is answered いいえ, and every row that needs a vendor contract replaced by
// 記入不要 (reason no_vendor_contract) when the institution has none.
RowAnswers effective_answers(const catalog::Form& form, const RowAnswers& stored, bool has_vendor_contract);

}  // namespace mamori::assessment
