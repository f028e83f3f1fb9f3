/// @file
/// @brief The public JSON representation of the catalog, as the API serves it (docs/api/openapi.yaml):
/// documents keep the content and key order of their files; items gain `unconfirmed` (confidence I) and
/// `guideline` (their references resolved). Pure functions of the catalog, so a snapshot can build every
/// answer once.
///
///     Json body = form_view(catalog, *catalog.latest("r7"), *catalog.latest("r7")->find("medical"));
#pragma once

#include "mamori/catalog/catalog.hpp"
#include "mamori/catalog/comparison.hpp"

namespace mamori::catalog {

// item_view: an item (or a gate) as in its file plus "unconfirmed" and "guideline" (resolved references
// {id, volume, number, title_ja, title_en, confidence}).
Json item_view(const Catalog& catalog, const Json& item);

// edition_summary: {id, revision, fiscal_year, fiscal_year_ja, title_ja, title_en}.
Json edition_summary(const Edition& edition);

// editions_view: {"editions": [...]} with the current revision of each edition, by fiscal year, each with
// its forms {id, title_ja, title_en, item_count}.
Json editions_view(const Catalog& catalog);

// edition_view: the edition as in its file, forms without items but with item_count, plus "revision" and
// "revisions" [{revision, imported_at, source, sha256}].
Json edition_view(const EditionRevisions& revisions, const Edition& edition);

// form_view: {"edition": {id, revision, fiscal_year, title_ja, title_en}, "form": the form as in its file
// with every item (and the gate) as item_view gives it}.
Json form_view(const Catalog& catalog, const Edition& edition, const Form& form);

// item_history_view: {canonical_id, canonical, history: [{edition, revision, fiscal_year, form, item}]}
// over the current revisions, by fiscal year then form order. For the gate id the history lists the gates.
Json item_history_view(const Catalog& catalog, const CanonicalItem& canonical);

// comparison_view: {from, to, form, mappings, summary, entries} as documented in the API.
Json comparison_view(const Catalog& catalog, const Comparison& comparison);

}  // namespace mamori::catalog
