#include "mamori/assessment/carry_forward.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mamori/catalog/comparison.hpp"

namespace mamori::assessment {

namespace {

const PriorAnswer* find_answer(const std::vector<PriorAnswer>& answers, const RowKey& key) {
    auto it =
        std::find_if(answers.begin(), answers.end(), [&key](const PriorAnswer& a) { return a.key == key; });
    return it == answers.end() ? nullptr : &*it;
}

// sources_for: the earlier rows that feed later row `row_key`: the row of the same key where one exists,
// otherwise every mapped earlier row (a merge of rows).
std::vector<RowKey> sources_for(const catalog::ComparisonEntry& entry, const std::string& row_key) {
    std::vector<RowKey> same, all;
    for (const auto& ref : entry.from) {
        for (const auto& row : ref.rows) {
            all.push_back({ref.canonical_id, row});
            if (row == row_key) same.push_back({ref.canonical_id, row});
        }
    }
    return same.empty() ? all : same;
}

Answer combine(const std::vector<const Answer*>& sources) {
    auto has = [&sources](AnswerValue v) {
        return std::any_of(sources.begin(), sources.end(), [v](const Answer* a) { return a->value == v; });
    };
    const AnswerValue value = has(AnswerValue::no)    ? AnswerValue::no
                              : has(AnswerValue::yes) ? AnswerValue::yes
                                                      : AnswerValue::not_required;
    Answer out;
    out.value = value;
    for (const Answer* a : sources) {
        if (a->value != value) continue;
        if (value == AnswerValue::not_required && !out.reason) out.reason = a->reason;
        if (!a->note.empty()) out.note += (out.note.empty() ? "" : "\n") + a->note;
    }
    // Dates belonged to last year: 確認日 and 目標日 are set again when the answer is confirmed.
    return out;
}

// carry_within: the next year uses the same edition: every row carries to itself.
Result<CarryForward> carry_within(const catalog::Catalog& catalog, std::string_view edition,
                                  std::string_view form_id, const std::vector<PriorAnswer>& answers) {
    const catalog::Edition* e = catalog.latest(edition);
    const catalog::Form* form = e ? e->find(form_id) : nullptr;
    if (!form) return fail(ErrorCode::not_found, fmt::format("no form {} in edition {}", form_id, edition));
    CarryForward out;
    for (const auto& item : form->items) {
        for (const auto& row : item.rows) {
            const RowKey key{item.canonical_id, row.key};
            if (const PriorAnswer* prior = find_answer(answers, key))
                out.carried.push_back({key, combine({&prior->answer}), {key}, true});
            else
                out.unanswered.push_back(key);
        }
    }
    return out;
}

}  // namespace

Result<CarryForward> carry_forward(const catalog::Catalog& catalog, std::string_view from,
                                   std::string_view to, std::string_view form,
                                   const std::vector<PriorAnswer>& answers) {
    return carry_forward(catalog, from, to, form, form, answers);
}

Result<CarryForward> carry_forward(const catalog::Catalog& catalog, std::string_view from,
                                   std::string_view to, std::string_view from_form, std::string_view to_form,
                                   const std::vector<PriorAnswer>& answers) {
    if (from == to && from_form == to_form) return carry_within(catalog, from, to_form, answers);
    auto comparison = catalog::compare(catalog, from, to, from_form, to_form);
    if (!comparison) return fail(comparison.error());
    CarryForward out;
    for (const auto& entry : comparison->entries) {
        if (entry.status == catalog::ChangeStatus::removed) {
            for (const auto& ref : entry.from)
                for (const auto& row : ref.rows)
                    if (find_answer(answers, {ref.canonical_id, row}))
                        out.dropped.push_back({ref.canonical_id, row});
            continue;
        }
        const catalog::Item& item = *entry.to_item;
        if (entry.kind == catalog::MappingKind::added && !item.rows.empty())
            out.new_items.push_back({item.canonical_id, item.rows.front().key});
        for (const auto& row : item.rows) {
            const RowKey key{item.canonical_id, row.key};
            std::vector<RowKey> from_rows;
            std::vector<const Answer*> sources;
            if (entry.kind != catalog::MappingKind::added) {
                for (auto& source : sources_for(entry, row.key)) {
                    if (const PriorAnswer* prior = find_answer(answers, source)) {
                        sources.push_back(&prior->answer);
                        from_rows.push_back(std::move(source));
                    }
                }
            }
            if (sources.empty()) {
                out.unanswered.push_back(key);
                continue;
            }
            out.carried.push_back({key, combine(sources), std::move(from_rows), true});
        }
    }
    return out;
}

}  // namespace mamori::assessment
