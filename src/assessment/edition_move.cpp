#include "mamori/assessment/edition_move.hpp"

#include <algorithm>

#include "mamori/assessment/checklist.hpp"
#include "mamori/catalog/comparison.hpp"

namespace mamori::assessment {

namespace {

bool contains(const std::vector<RowKey>& keys, const RowKey& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

Result<std::vector<LineMove>> line_moves(const catalog::Catalog& catalog, std::string_view from,
                                         std::string_view to, std::string_view from_form,
                                         std::string_view to_form) {
    auto comparison = catalog::compare(catalog, from, to, from_form, to_form);
    if (!comparison) return fail(comparison.error());
    std::vector<LineMove> out;
    for (const auto& entry : comparison->entries) {
        if (entry.status == catalog::ChangeStatus::removed || entry.kind == catalog::MappingKind::added ||
            !entry.to_item)
            continue;
        for (const auto& row : entry.to_item->rows) {
            const RowKey to_key{entry.to_item->canonical_id, row.key};
            std::vector<RowKey> same, all;
            for (const auto& ref : entry.from)
                for (const auto& source_row : ref.rows) {
                    all.push_back({ref.canonical_id, source_row});
                    if (source_row == row.key) same.push_back({ref.canonical_id, source_row});
                }
            for (auto& source : same.empty() ? all : same) out.push_back({std::move(source), to_key});
        }
    }
    return out;
}

Result<EditionMove> plan_edition_move(const catalog::Catalog& catalog, const EditionMoveInput& input) {
    auto carried = carry_forward(catalog, input.from_edition, input.to_edition, input.from_form,
                                 input.to_form, input.answers);
    if (!carried) return fail(carried.error());
    auto moves = line_moves(catalog, input.from_edition, input.to_edition, input.from_form, input.to_form);
    if (!moves) return fail(moves.error());
    EditionMove out;
    out.carried = std::move(carried->carried);
    out.new_items = std::move(carried->new_items);
    for (auto& move : *moves)
        if (move.from != move.to && contains(input.evidence, move.from))
            out.evidence.push_back(std::move(move));
    const catalog::Edition* later = catalog.latest(input.to_edition);
    const catalog::Form* form = later ? later->find(input.to_form) : nullptr;
    for (const auto& a : input.answers)
        if (!form || !find_row(*form, a.key)) out.hidden.push_back(a.key);
    return out;
}

}  // namespace mamori::assessment
