/// @file
/// @brief Comparing one form across two editions: which items of the later edition are new, changed or
/// unchanged, and which earlier items were removed. Consecutive editions use their mapping file; editions
/// further apart compose the mappings in between (r5 → r6 → r7).
///
///     auto c = compare(*catalog, "r6", "r7", "medical");
///     for (const auto& e : c->entries)
///         if (e.status == ChangeStatus::added) show(e.to_item->number);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/catalog/catalog.hpp"
#include "mamori/core/error.hpp"

namespace mamori::catalog {

// ChangeStatus: how a later item relates to the earlier edition, for people. `unchanged` allows a new number
// or target year (the yearly renumbering), nothing else.
enum class ChangeStatus { added, changed, unchanged, removed };

// to_string: ChangeStatus::added → "added".
std::string_view to_string(ChangeStatus status);

// ComparisonEntry: one later item with where it comes from, or one removed earlier item.
struct ComparisonEntry {
    ChangeStatus status = ChangeStatus::unchanged;
    MappingKind kind = MappingKind::unchanged;
    std::vector<std::string> changes;  // text, rows, number, target (in that order)
    bool renumbered = false;
    Confidence confidence = Confidence::verified;
    std::optional<std::string> note;
    std::optional<MappingRef> to;  // absent for removed items
    std::vector<MappingRef> from;
    const Item* to_item = nullptr;  // null for removed items
    std::vector<const Item*> from_items;
};

// Comparison: a form compared across two editions (current revisions). Pointers refer into the catalog.
struct Comparison {
    const Edition* from = nullptr;
    const Edition* to = nullptr;
    std::string form;       // the later edition's form
    std::string from_form;  // the earlier edition's form: `form` unless the later edition merged forms
    std::vector<std::string> mappings;     // ids of the mappings composed, in order
    std::vector<ComparisonEntry> entries;  // later items in printed order, then removed items
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    int removed = 0;
};

// compare: compares form `form` from edition `from` to edition `to`. not_found for an unknown edition or a
// form missing from either; invalid_input when no chain of mappings leads from `from` to `to` for that form
// (comparisons run forward in time).
Result<Comparison> compare(const Catalog& catalog, std::string_view from, std::string_view to,
                           std::string_view form);
// compare: the same from form `from_form` of `from` into form `to_form` of `to`, for a later edition that
// merged forms (R7 pharmacy → one form for every institution kind); the mapping elements say which.
Result<Comparison> compare(const Catalog& catalog, std::string_view from, std::string_view to,
                           std::string_view from_form, std::string_view to_form);

}  // namespace mamori::catalog
