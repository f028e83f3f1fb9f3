// The validation passes of the catalog, one per document type, shared by the builder (loader.cpp) and the
// orchestration (validator.cpp). Each pass reports into Diagnostics and fills the typed model as far as the
// document allows, so that the later passes can still look for errors of their own.
#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "mamori/catalog/catalog.hpp"
#include "mamori/core/time.hpp"

namespace mamori::catalog {

// kTargetYearsAhead: a target fiscal year may lie at most this many years after its edition's (format §9.7).
inline constexpr int kTargetYearsAhead = 4;

// Located: a JSON value and where it came from.
struct Located {
    Json value;
    Location where;
};

// EditionSource: one revision of an edition as stored or embedded.
struct EditionSource {
    Located doc;
    RevisionInfo info;
};

namespace detail {

// CatalogSources: every document of a catalog before validation (CatalogBuilder's state).
struct CatalogSources {
    Located index;
    Located guideline;
    std::vector<Located> guideline_extra;  // entries imported with editions
    std::vector<Located> later_guidelines;  // further guideline versions (gl-7.0 …), in listed order
    Located canonical;
    std::vector<Located> canonical_extra;                        // items imported with editions
    std::map<std::string, std::vector<EditionSource>> editions;  // id → revisions, oldest first
    std::vector<Located> mappings;
    Located priorities;
};

}  // namespace detail

// check_index: catalog.json; fills format_version, revision and the vocabularies.
void check_index(const Located& index, Catalog& catalog, Diagnostics& out);

// check_guideline: guideline file plus imported entries; fills catalog.guideline.
void check_guideline(const Located& file, std::span<const Located> extra, Catalog& catalog, Diagnostics& out);
// check_later_guideline: a further guideline version; appends it to catalog.later_guidelines. Its changes'
// affects_canonical are checked against the registry, so call it after check_canonical.
void check_later_guideline(const Located& file, Catalog& catalog, Diagnostics& out);

// check_canonical: canonical registry plus imported items; fills catalog.canonical.
void check_canonical(const Located& file, std::span<const Located> extra, Catalog& catalog, Diagnostics& out);

// check_edition: one edition revision against the (already checked) index, guideline and registry.
std::shared_ptr<Edition> check_edition(const Located& doc, const RevisionInfo& info, const Catalog& catalog,
                                       Diagnostics& out);

// check_mapping: one mapping against the current revisions of its editions; appends to catalog.mappings.
void check_mapping(const Located& doc, Catalog& catalog, Diagnostics& out);

// check_priorities: the "what to do first" order; fills catalog.priorities.
void check_priorities(const Located& file, Catalog& catalog, Diagnostics& out);

// check_document_header: `kind` and `format_version` of a document against what the index expects.
void check_document_header(const Located& doc, std::string_view kind, const Catalog& catalog,
                           Diagnostics& out);

// build_catalog: runs every pass; the catalog, or every error found.
Result<std::shared_ptr<const Catalog>> build_catalog(const detail::CatalogSources& sources);

}  // namespace mamori::catalog
