// The order of the validation passes and the rules that span several documents.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "checks.hpp"
#include "schema.hpp"

namespace mamori::catalog {

namespace {

// check_canonical_use: every canonical item (kind "item") appears in some form of some revision.
void check_canonical_use(const detail::CatalogSources& sources, const Catalog& catalog, Diagnostics& out) {
    std::set<std::string> used;
    for (const auto& edition : catalog.editions)
        for (const auto& revision : edition.revisions)
            for (const auto& form : revision->forms)
                for (const auto& item : form.items) used.insert(item.canonical_id);
    const auto check = [&](const Json& item, const Location& at) {
        if (text(item, "kind") == "item" && !text(item, "canonical_id").empty() &&
            used.count(text(item, "canonical_id")) == 0)
            out.add(at.file, join_path(at.path, "canonical_id"),
                    fmt::format("canonical item \"{}\" is not used by any form of any edition",
                                text(item, "canonical_id")));
    };
    for_each_element(sources.canonical.value, sources.canonical.where, "items", check);
    for (const auto& extra : sources.canonical_extra) check(extra.value, extra.where);
}

}  // namespace

Result<std::shared_ptr<const Catalog>> build_catalog(const detail::CatalogSources& sources) {
    Diagnostics out;
    auto catalog = std::make_shared<Catalog>();
    check_index(sources.index, *catalog, out);
    check_guideline(sources.guideline, sources.guideline_extra, *catalog, out);
    check_canonical(sources.canonical, sources.canonical_extra, *catalog, out);
    for (const auto& later : sources.later_guidelines) check_later_guideline(later, *catalog, out);

    // Every revision is checked on its own (it stays readable); the cross-file rules below use the current
    // revision of each edition.
    for (const auto& [id, revisions] : sources.editions) {
        EditionRevisions edition{id, {}};
        for (const auto& r : revisions)
            edition.revisions.push_back(check_edition(r.doc, r.info, *catalog, out));
        if (!edition.revisions.empty()) catalog->editions.push_back(std::move(edition));
    }
    std::stable_sort(catalog->editions.begin(), catalog->editions.end(),
                     [](const EditionRevisions& a, const EditionRevisions& b) {
                         return a.latest().fiscal_year < b.latest().fiscal_year;
                     });
    for (std::size_t i = 1; i < catalog->editions.size(); ++i) {
        const Edition& a = catalog->editions[i - 1].latest();
        const Edition& b = catalog->editions[i].latest();
        if (a.fiscal_year != 0 && a.fiscal_year == b.fiscal_year) {
            const auto& source = sources.editions.at(catalog->editions[i].id).back().doc.where;
            out.add(source.file, join_path(source.path, "fiscal_year"),
                    fmt::format("editions {} and {} both have fiscal_year {}", a.id, b.id, b.fiscal_year));
        }
    }
    check_canonical_use(sources, *catalog, out);

    for (const auto& mapping : sources.mappings) check_mapping(mapping, *catalog, out);
    check_priorities(sources.priorities, *catalog, out);

    if (!out.empty()) return fail(out.to_error("the catalog"));
    return std::shared_ptr<const Catalog>(std::move(catalog));
}

}  // namespace mamori::catalog
