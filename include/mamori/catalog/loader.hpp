/// @file
/// @brief Loading the checklist catalog: parse the JSON files (size and nesting limits, line and column on a
/// syntax error), apply imported edition revisions, and validate the result against every rule of
/// docs/catalog-format.md. All errors are collected (up to kMaxErrors), each naming the file, the JSON path
/// and what is wrong, e.g. `editions/r7.json: forms[0].items[3].guideline_refs[1]`.
///
///     auto builder = CatalogBuilder::from_files(embedded::catalog_files());
///     auto bundle = parse_bundle("r8.json", text);
///     builder->add_revision(*bundle, {.revision = 1, .source = "cli: r8.json"});
///     Result<std::shared_ptr<const Catalog>> catalog = builder->build();
///     if (!catalog) for (auto& f : catalog.error().fields) print(f.field, f.message);
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/catalog/catalog.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/error.hpp"

namespace mamori::catalog {

// kMaxFileBytes: larger catalog files are refused before parsing (the biggest edition is ~0.2 MiB).
inline constexpr std::size_t kMaxFileBytes = std::size_t{8} * 1024 * 1024;
// kMaxNesting: deeper JSON is refused before parsing (the format nests 7 levels).
inline constexpr int kMaxNesting = 64;
// kMaxErrors: errors reported at most; one broken reference can cascade, and a person reads the first ones.
inline constexpr std::size_t kMaxErrors = 100;

// Bundle: one file offered for import. Either a bare edition file (`kind: "edition"`) or an edition bundle
// (`kind: "edition_bundle"`) that also carries mappings to or from that edition, new canonical ids and new
// guideline entries (docs/catalog-format.md §12).
struct Bundle {
    std::string file;      // the name used in messages
    bool wrapped = false;  // an edition_bundle (paths start with "edition.", "mappings[0]." …)
    Json edition;
    std::vector<Json> mappings;
    std::vector<Json> canonical_items;
    std::vector<Json> guideline_entries;

    // edition_id: the edition's `id` ("" when it has none).
    std::string edition_id() const;
    // normalized: the bundle as stored, always in edition_bundle form, compact JSON.
    std::string normalized() const;
};

// parse_bundle: parses an import file and checks its outer shape; the content is validated by build().
Result<Bundle> parse_bundle(std::string_view file, std::string_view text);

// edition_sha256: the SHA-256 (hex) that identifies an edition's content: the hash of the edition document
// as compact JSON, so equal content has an equal hash whatever the file's indentation.
std::string edition_sha256(const Json& edition);

namespace detail {
struct CatalogSources;
}  // namespace detail

// CatalogBuilder: the catalog's documents before validation. Copy it to try an import without touching the
// original.
class CatalogBuilder {
  public:
    // from_files: parses the catalog files (paths relative to catalog/, as embedded); fails on a file that
    // cannot be read as JSON, a wrong `kind` or `format_version`, or a file missing from or absent in the
    // index.
    static Result<CatalogBuilder> from_files(std::span<const embedded::File> files);

    CatalogBuilder(const CatalogBuilder& other);
    CatalogBuilder& operator=(const CatalogBuilder& other);
    CatalogBuilder(CatalogBuilder&&) noexcept;
    CatalogBuilder& operator=(CatalogBuilder&&) noexcept;
    ~CatalogBuilder();

    // add_revision: makes `bundle` revision `info.revision` of its edition: it becomes the current revision
    // (older ones stay), its mappings replace those of the same id, and its canonical ids and guideline
    // entries are added (an id already present with the same content is skipped). A revision 1 of an
    // edition that is also embedded replaces the embedded one. Fails when the revision number is not the
    // next one, a mapping does not involve the edition, or `info.sha256` is set and is not the content's
    // hash (a damaged stored revision). Sets the revision's sha256.
    Status add_revision(const Bundle& bundle, RevisionInfo info);

    // latest_revision: the current revision number of edition `id`, 0 if there is none.
    int latest_revision(std::string_view id) const;

    // build: validates everything and returns the immutable catalog, or every error found.
    Result<std::shared_ptr<const Catalog>> build() const;

  private:
    explicit CatalogBuilder(std::unique_ptr<detail::CatalogSources> sources);
    std::unique_ptr<detail::CatalogSources> sources_;
};

// adds_nothing: whether importing `bundle` would change nothing: its edition equals the current revision of
// that edition, and its mappings, canonical ids and guideline entries are already in `catalog` unchanged.
bool adds_nothing(const Catalog& catalog, const Bundle& bundle);

}  // namespace mamori::catalog
