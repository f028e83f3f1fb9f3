/// @file
/// @brief Carrying last year's answers into next year's checklist through the catalog's edition mapping
/// (pure). Each carried answer keeps its value, reason and note but not its dates, which belonged to the
/// earlier year, and is marked 要再確認 (to be confirmed again); items and rows new in the later edition are
/// listed so the institution sees exactly what it has not answered before.
///
///     auto carried = carry_forward(catalog, "r6", "r7", "medical", last_year_answers);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mamori/assessment/answer_rules.hpp"
#include "mamori/catalog/catalog.hpp"
#include "mamori/core/error.hpp"

namespace mamori::assessment {

// RowKey: which row of which item an answer belongs to.
struct RowKey {
    std::string canonical_id;
    std::string row;  // the catalog's row key: "main", "general", "server", …

    friend bool operator==(const RowKey&, const RowKey&) = default;
};

// PriorAnswer: an answer of the earlier assessment.
struct PriorAnswer {
    RowKey key;
    Answer answer;
};

// CarriedAnswer: a pre-filled answer of the later edition and the earlier rows it came from.
struct CarriedAnswer {
    RowKey key;
    Answer answer;
    std::vector<RowKey> from;
    bool needs_reconfirmation = true;  // 要再確認 until someone confirms it this year
};

// CarryForward: the pre-filled later assessment.
struct CarryForward {
    std::vector<CarriedAnswer> carried;  // in the later form's printed order
    std::vector<RowKey> unanswered;      // rows of new items, and rows whose sources had no answer
    std::vector<RowKey> new_items;       // the first row of each item the later edition added
    std::vector<RowKey> dropped;         // earlier answers whose item the later edition removed
};

// carry_forward: maps `answers` of form `form` from edition `from` to edition `to` (mappings composed when
// the editions are not consecutive; the same edition carries every row to itself). Rows map by key; when
// several earlier rows merge into one (R6 2-(7) サーバ/端末PC/ネットワーク機器 → R7 2-⑥ 全般) the carried
// value is the most cautious: いいえ if any was いいえ, else はい if any was はい, else 記入不要.
Result<CarryForward> carry_forward(const catalog::Catalog& catalog, std::string_view from,
                                   std::string_view to, std::string_view form,
                                   const std::vector<PriorAnswer>& answers);

// carry_forward: the same from form `from_form` of `from` into form `to_form` of `to`. The institution's
// earlier form says which element of a merged form's mapping applies (R7 pharmacy or R7 medical → merged).
Result<CarryForward> carry_forward(const catalog::Catalog& catalog, std::string_view from,
                                   std::string_view to, std::string_view from_form, std::string_view to_form,
                                   const std::vector<PriorAnswer>& answers);

}  // namespace mamori::assessment
