#include "mamori/assessment/progress.hpp"

#include <algorithm>
#include <map>

namespace mamori::assessment {

namespace {

// ItemState: the most pressing state of an item's rows, for the roadmap.
enum class ItemState { done, open, unanswered };

}  // namespace

Progress progress(const catalog::Form& form, const std::vector<catalog::Priority>& priorities,
                  const RowAnswers& answers, std::chrono::year_month_day today) {
    Progress p;
    std::map<std::string, ItemState, std::less<>> item_states;
    for (const auto& line : checklist_rows(form)) {
        ++p.rows_total;
        const auto it = answers.find(line.key);
        const RowAnswer* stored = it == answers.end() ? nullptr : &it->second;
        ItemState state = ItemState::done;
        if (!stored || !stored->answer) {
            p.incomplete.push_back({line.key, "not answered"});
            state = ItemState::unanswered;
        } else if (stored->needs_reconfirmation) {
            ++p.needs_reconfirmation;
            p.incomplete.push_back({line.key, "to be confirmed again (要再確認)"});
            state = ItemState::unanswered;
        } else {
            ++p.rows_answered;
            switch (stored->answer->value) {
                case AnswerValue::yes: ++p.yes; break;
                case AnswerValue::not_required: ++p.not_required; break;
                case AnswerValue::no: {
                    ++p.no;
                    if (line.is_gate()) break;  // いいえ to the gate is a fact, not a task
                    state = ItemState::open;
                    OpenRow open{line.key, line.item, stored->answer->target_date};
                    if (open.target_date && *open.target_date < today) p.overdue.push_back(open);
                    p.open.push_back(std::move(open));
                    break;
                }
            }
        }
        if (line.item) {
            auto& item_state = item_states[line.item->canonical_id];
            item_state = std::max(item_state, state);
        }
    }
    p.percent = p.rows_total == 0 ? 100 : p.rows_answered * 100 / p.rows_total;

    // Roadmap: ranked items first (the catalog's order), then any the order does not name, as printed.
    std::vector<const catalog::Item*> ordered;
    for (const auto& priority : priorities)
        if (const auto* item = form.find(priority.canonical_id)) ordered.push_back(item);
    for (const auto& item : form.items)
        if (std::find(ordered.begin(), ordered.end(), &item) == ordered.end()) ordered.push_back(&item);
    int rank = 0;
    for (const auto* item : ordered) {
        ++rank;
        const ItemState state = item_states[item->canonical_id];
        if (state != ItemState::done) p.roadmap.push_back({rank, item, state == ItemState::open});
    }
    return p;
}

}  // namespace mamori::assessment
