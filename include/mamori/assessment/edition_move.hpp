/// @file
/// @brief Moving a checklist of one fiscal year onto a newer edition published for that year (pure): which
/// answers reach the new form through the catalog's mapping (each 要再確認), which evidence follows its
/// line, and which stored lines the new form no longer shows. Nothing is deleted: the service writes each
/// carried answer as a new version of its line and leaves lines the new form lacks as they are.
///
///     auto plan = plan_edition_move(catalog, {"r7", "medical", "r8", "institution", answers, evidence});
#pragma once

#include <string>
#include <vector>

#include "mamori/assessment/carry_forward.hpp"

namespace mamori::assessment {

// LineMove: an earlier line and a later line it maps to (a merge maps several earlier lines to one, a split
// one earlier line to several).
struct LineMove {
    RowKey from;
    RowKey to;

    friend bool operator==(const LineMove&, const LineMove&) = default;
};

// EditionMoveInput: the checklist as it stands on its current edition and form.
struct EditionMoveInput {
    std::string from_edition, from_form;
    std::string to_edition, to_form;
    std::vector<PriorAnswer> answers;  // the lines answered now
    std::vector<RowKey> evidence;      // the lines that have evidence now (each once)
};

// EditionMove: what moving does.
struct EditionMove {
    std::vector<CarriedAnswer> carried;  // later lines pre-filled, in printed order, each 要再確認
    std::vector<LineMove> evidence;      // evidence of `from` to attach to `to` as well (from != to)
    std::vector<RowKey> new_items;       // the first line of each item the newer edition added
    std::vector<RowKey> hidden;          // answered lines of items the newer form lacks: kept, not shown
};

// line_moves: every row of `from_form` in edition `from` that maps to a row of `to_form` in `to`, in the
// later form's printed order. A later row takes the earlier row of the same key where its item had one, else
// every mapped row of its sources (a merge of rows).
Result<std::vector<LineMove>> line_moves(const catalog::Catalog& catalog, std::string_view from,
                                         std::string_view to, std::string_view from_form,
                                         std::string_view to_form);

// plan_edition_move: not_found when either edition or form is unknown or no mapping joins them.
Result<EditionMove> plan_edition_move(const catalog::Catalog& catalog, const EditionMoveInput& input);

}  // namespace mamori::assessment
