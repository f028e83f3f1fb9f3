/// @file
/// @brief The edition editor's pure part: a draft is an edition bundle (the JSON `mamori catalog import`
/// takes) that operations change one step at a time while keeping its mapping from the previous edition
/// consistent: entries in printed order, `renumbered` and `changes` recomputed, `summary` counted, earlier
/// items that no entry uses listed in `removed`. Errors name the field of the operation (`operation.…`).
///
///     auto draft = start_draft(catalog, {.from_edition = "r7", .new_id = "r8", .fiscal_year = 2026,
///                                        .merge_forms = true});
///     auto next = apply(catalog, *draft, {{"op", "remove_item"}, {"form", "institution"},
///                                         {"canonical_id", "DEV-01"}});
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "mamori/catalog/catalog.hpp"
#include "mamori/core/error.hpp"

namespace mamori::catalog_editor {

using Json = catalog::Json;

// kMergedFormId: the one form a merged edition gives every institution kind (令和8年度版
// 医療機関・薬局確認用).
inline constexpr std::string_view kMergedFormId = "institution";

// StartOptions: where a draft comes from and what it becomes.
struct StartOptions {
    std::string from_edition;  // an edition of the catalog; its current revision is copied
    std::string new_id;        // == from_edition: a corrected revision of that edition
    int fiscal_year = 0;       // ignored for a corrected revision (it keeps its year)
    std::optional<std::string> title_ja;
    bool merge_forms = false;  // medical + pharmacy → one form `institution`
};

// start_draft: the bundle of a new edition copied from `from_edition` (targets before the new fiscal year
// moved to it, a mapping `<from>-<new>` with every item unchanged), or of a corrected revision of it (the
// mapping into it, when the catalog has one, comes along so that edits keep it true).
Result<Json> start_draft(const catalog::Catalog& catalog, const StartOptions& options);

// apply: `document` after `operation` (set_item, add_item, remove_item, merge_items, split_item,
// set_edition); invalid_input naming the operation's field when it does not apply. The result may still be
// refused by the validator (e.g. a new item without its explanations); the editor reports, never guesses.
Result<Json> apply(const catalog::Catalog& catalog, const Json& document, const Json& operation);

// next_canonical_id: the next id of `domain` ("IAM-07") that neither the registry, nor any edition or
// mapping of `catalog`, nor `document` has ever used.
std::string next_canonical_id(const catalog::Catalog& catalog, const Json& document, std::string_view domain);

// reconcile: recomputes the mapping elements of `document` that lead into its edition from the previous
// edition `previous` (entries in printed order with their numbers, rows, kinds, changes and summary; unused
// earlier items listed as removed). Used after every operation and on documents a person edited by hand.
void reconcile(const catalog::Catalog& catalog, Json& document);

// fiscal_year_ja: 2026 → "令和8年度".
std::string fiscal_year_ja(int fiscal_year);

}  // namespace mamori::catalog_editor
