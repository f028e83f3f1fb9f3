/// @file
/// @brief The checklist catalog as the rest of mamori uses it. At start the service loads the embedded
/// catalog plus every revision imported into the database and validates the whole; a catalog that breaks a
/// rule stops the server. Readers take an immutable snapshot whose public JSON answers are built once (the
/// catalog pages are read far more often than the catalog changes). Imports validate a file against the
/// current catalog and store it as the next revision of its edition, in one transaction; revisions are
/// never changed afterwards, so an assessment can pin (edition, revision).
///
///     auto service = CatalogService::load(embedded::catalog_files(), db.get());
///     auto snapshot = (*service)->snapshot();
///     Result<const CatalogView*> page = snapshot->form("r7", "medical", std::nullopt);
///     auto report = (*service)->import_file(*db, "r8.json", text, "cli: /tmp/r8.json", {.actor = "cli"},
///                                           {"local", run_id});
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/catalog/catalog.hpp"
#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// CatalogView: one public JSON answer, serialized, with its entity tag (a quoted hash of the body).
struct CatalogView {
    std::string body;
    std::string etag;
};

// CatalogSnapshot: an immutable catalog and its public answers. Thread-safe.
class CatalogSnapshot {
  public:
    // CatalogSnapshot: builds every answer except comparisons, which are built on first request and kept.
    explicit CatalogSnapshot(std::shared_ptr<const catalog::Catalog> catalog);

    // catalog: the validated catalog the answers were built from.
    const catalog::Catalog& catalog() const { return *catalog_; }
    // catalog_ptr: the same catalog, shared, for results that outlive the snapshot.
    std::shared_ptr<const catalog::Catalog> catalog_ptr() const { return catalog_; }

    // editions: GET /api/v1/catalog/editions.
    const CatalogView& editions() const { return editions_; }
    // edition: an edition (current revision, or `revision`); not_found names the edition or revision.
    Result<const CatalogView*> edition(std::string_view id, std::optional<int> revision) const;
    // form: one form of an edition with its items; not_found names the edition, revision or form.
    Result<const CatalogView*> form(std::string_view edition, std::string_view form,
                                    std::optional<int> revision) const;
    // item: a canonical item with its history across editions; not_found names the id.
    Result<const CatalogView*> item(std::string_view canonical_id) const;
    // guideline, priorities: the files' content.
    const CatalogView& guideline() const { return guideline_; }
    // guidelines: every guideline version, {"guidelines": [file content …]}, first listed first.
    const CatalogView& guidelines() const { return guidelines_; }
    const CatalogView& priorities() const { return priorities_; }
    // compare: one form compared across two editions (see catalog::compare for the errors).
    Result<const CatalogView*> compare(std::string_view from, std::string_view to,
                                       std::string_view form) const;
    // compare: the same from form `from_form` of `from` into form `form` of `to` (a merged later form).
    Result<const CatalogView*> compare(std::string_view from, std::string_view to, std::string_view form,
                                       std::string_view from_form) const;

  private:
    std::shared_ptr<const catalog::Catalog> catalog_;
    CatalogView editions_;
    CatalogView guideline_;
    CatalogView guidelines_;
    CatalogView priorities_;
    std::map<std::pair<std::string, int>, CatalogView> edition_views_;
    std::map<std::tuple<std::string, int, std::string>, CatalogView> form_views_;
    std::map<std::string, CatalogView, std::less<>> item_views_;
    mutable std::mutex compare_mutex_;
    mutable std::map<std::tuple<std::string, std::string, std::string>, std::unique_ptr<const CatalogView>>
        compare_views_;
};

// CatalogSummary: what a valid file holds and what importing it would do, for `mamori catalog validate`.
struct CatalogSummary {
    std::string edition_id;
    int fiscal_year = 0;
    std::string title_ja;
    int current_revision = 0;  // 0: a new edition
    int next_revision = 0;     // the revision an import creates; 0 when it would change nothing
    // FormCount: items of one form, and how many of them are unconfirmed (confidence I).
    struct FormCount {
        std::string form;
        std::size_t items = 0;
        std::size_t unconfirmed = 0;
    };
    std::vector<FormCount> forms;
    std::vector<std::string> mappings;           // "r7-r8 medical: unchanged 17, new 1"
    std::vector<std::string> new_canonical_ids;  // ids the file adds to the registry
    std::vector<std::string> new_guideline_entries;
    std::vector<std::string> warnings;
};

// CatalogImportReport: the outcome of an import.
struct CatalogImportReport {
    CatalogSummary summary;
    bool imported = false;  // false: the file has the same content as the current revision
    int revision = 0;       // the stored revision (or the current one when nothing was imported)
    std::string sha256;
};

// CatalogService: owns the current snapshot; thread-safe.
class CatalogService {
  public:
    // load: the embedded `files` plus the revisions imported into `db` (none when `db` is null or has no
    // catalog table yet), validated as a whole. On failure every error names its file (or "database: r8
    // revision 2") and JSON path.
    static Result<std::unique_ptr<CatalogService>> load(std::span<const embedded::File> files,
                                                        store::Database* db);

    // snapshot: the current catalog and its answers; hold it for as long as its views are used.
    std::shared_ptr<const CatalogSnapshot> snapshot() const { return snapshot_.load(); }

    // validate_file: checks `text` (an edition file or an edition bundle, named `file` in messages) against
    // the current catalog, as an import would, without storing anything.
    Result<CatalogSummary> validate_file(std::string_view file, std::string_view text) const;

    // CatalogTrial: a file's summary and the catalog as it would be with the file imported.
    struct CatalogTrial {
        CatalogSummary summary;
        std::shared_ptr<const catalog::Catalog> catalog;
    };
    // try_file: validate_file that also gives that catalog (to compare a draft with earlier editions).
    Result<CatalogTrial> try_file(std::string_view file, std::string_view text) const;

    // import_file: validates `text` against the catalog stored in `db` (re-read inside the transaction, so
    // concurrent imports queue) and stores it as the next revision of its edition, with an audit row
    // ("catalog.imported") by `by`'s actor in the same transaction; nothing is stored when the content equals
    // the current revision. This process's snapshot is replaced; other running servers see the revision at
    // their next `refresh`. `source` records where it came from ("cli: /path/r8.json").
    // `in_same_transaction`, when given, runs inside the import's transaction after the revision is stored
    // (with the report so far); its error rolls the import back (the edition editor marks its draft
    // published in it, so a draft and its revision cannot disagree).
    using ImportStep = std::function<Status(soci::session&, const CatalogImportReport&)>;
    Result<CatalogImportReport> import_file(store::Database& db, std::string_view file, std::string_view text,
                                            std::string source, audit::Entry by, const audit::Context& context,
                                            const ImportStep& in_same_transaction = {});

    // refresh: picks up revisions another process (another app server, `mamori catalog import`) stored
    // since this one last looked; true when the snapshot was replaced. One COUNT query when nothing changed.
    // A stored revision that no longer validates is an error and the current snapshot stays.
    Result<bool> refresh(store::Database& db);

  private:
    CatalogService(catalog::CatalogBuilder embedded, catalog::CatalogBuilder current,
                   std::shared_ptr<const catalog::Catalog> catalog, std::size_t stored_revisions);

    catalog::CatalogBuilder embedded_;
    mutable std::mutex mutex_;  // guards current_
    catalog::CatalogBuilder current_;
    std::size_t stored_revisions_;  // rows of catalog_revisions applied to current_; guarded by mutex_
    std::atomic<std::shared_ptr<const CatalogSnapshot>> snapshot_;
};

}  // namespace mamori::services
