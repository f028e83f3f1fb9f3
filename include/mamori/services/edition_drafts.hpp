/// @file
/// @brief Drafts of checklist editions (the edition editor, ADR 0016). A draft is an edition bundle — the
/// JSON `mamori catalog import` takes — with a version; every saved version is kept. Operations change it
/// through catalog_editor (the mapping from the previous edition kept true); publishing imports it as the
/// next revision of its edition and marks the draft published in the same transaction. Only catalog editors
/// (identity::can_edit_catalog) reach any of it.
///
///     EditionDraftService drafts(db, catalog);
///     auto draft = drafts.create(caller, {.from_edition = "r7", .new_id = "r8", .fiscal_year = 2026,
///                                         .merge_forms = true}, context);
///     auto published = drafts.publish(caller, draft->id, draft->version, context);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/catalog_editor/editor.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// kMaxDraftBytes: a draft document (or an imported file) larger than this is refused (R7 is ~0.3 MiB).
inline constexpr std::size_t kMaxDraftBytes = std::size_t{4} * 1024 * 1024;

// EditionDraft: one draft as stored.
struct EditionDraft {
    std::int64_t id = 0;
    std::string edition_id;
    int fiscal_year = 0;
    std::string based_on_edition;
    int based_on_revision = 0;
    std::string status;  // draft, published, discarded
    int version = 0;
    std::string document;  // the bundle, JSON text
    std::optional<int> published_revision;
    std::string created_at;
    std::string created_by;  // display name
    std::string updated_at;
    std::string updated_by;
};

// DraftValidation: what the validator says of a draft's document as it stands; error paths are relative to
// the bundle ("edition.forms[0].items[3].text_ja").
struct DraftValidation {
    bool valid = false;
    std::vector<FieldError> errors;
    std::vector<std::string> warnings;
};

// EditableEdition: an edition a draft may start from.
struct EditableEdition {
    std::string id;
    int revision = 0;
    int fiscal_year = 0;
    std::string title_ja;
};

// DraftList: GET /api/v1/catalog/drafts.
struct DraftList {
    std::vector<EditionDraft> drafts;
    std::vector<EditableEdition> editable_editions;
};

// PublishedDraft: the revision a publication created and the draft afterwards.
struct PublishedDraft {
    std::string edition;
    int revision = 0;
    EditionDraft draft;
};

class EditionDraftService {
  public:
    EditionDraftService(store::Database& db, CatalogService& catalog) : db_(db), catalog_(catalog) {}

    // may_edit: whether `caller` is a catalog editor on this installation.
    Result<bool> may_edit(const identity::Caller& caller);

    Result<DraftList> list(const identity::Caller& caller);
    // create: conflict when an open draft of that edition exists; invalid_input naming the field otherwise.
    Result<EditionDraft> create(const identity::Caller& caller, const catalog_editor::StartOptions& options,
                                const audit::Context& context);
    // import_document: a draft from a bundle file (not published); the file may be invalid as a catalog but
    // must be an edition bundle naming its edition and fiscal year.
    Result<EditionDraft> import_document(const identity::Caller& caller, std::string_view text,
                                         const audit::Context& context);
    Result<EditionDraft> get(const identity::Caller& caller, std::int64_t id);
    // save: the document replaced; conflict when `version` is not the current one.
    Result<EditionDraft> save(const identity::Caller& caller, std::int64_t id, int version,
                              const catalog::Json& document, const audit::Context& context);
    // operate: one editor operation; invalid_input naming the operation's field when it does not apply.
    Result<EditionDraft> operate(const identity::Caller& caller, std::int64_t id, int version,
                                 const catalog::Json& operation, const audit::Context& context);
    // compare: the comparison JSON (as GET /api/v1/catalog/compare) of form `form` of the draft with form
    // `from_form` of the edition it is based on; invalid_input with the validation errors when the draft
    // does not validate.
    Result<std::string> compare(const identity::Caller& caller, std::int64_t id, const std::string& form,
                                const std::string& from_form);
    // publish: imports the document as the next revision of its edition; invalid_input with every error when
    // invalid; conflict on `version` or when the document equals the current revision.
    Result<PublishedDraft> publish(const identity::Caller& caller, std::int64_t id, int version,
                                   const audit::Context& context);
    // discard: the draft is kept with status discarded.
    Result<EditionDraft> discard(const identity::Caller& caller, std::int64_t id,
                                 const audit::Context& context);

    // validate: the validator's view of a document against the current catalog.
    DraftValidation validate(const std::string& document) const;

  private:
    Status check_editor(const identity::Caller& caller, bool writes);
    Result<EditionDraft> store_new(const identity::Caller& caller, const catalog::Json& document,
                                   const std::string& based_on_edition, int based_on_revision,
                                   const std::string& action, const audit::Context& context);
    Result<EditionDraft> store_version(const identity::Caller& caller, std::int64_t id, int version,
                                       const catalog::Json& document, const std::string& action,
                                       const catalog::Json& detail, const audit::Context& context);

    store::Database& db_;
    CatalogService& catalog_;
};

}  // namespace mamori::services
