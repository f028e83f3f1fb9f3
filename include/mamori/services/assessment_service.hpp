/// @file
/// @brief Self-assessments: an institution's checklist for one fiscal year, pinned to the catalog edition
/// revision it was created from. Answers are saved one line at a time with the version the editor last saw
/// (a stale version is a conflict, never a silent overwrite) and every version is kept; an assessment is
/// submitted (locked) and reopened with a recorded reason; next year's assessment can start from this
/// year's answers through the catalog's mapping. Every call takes the Caller and decides access here;
/// assessments out of the caller's reach are not_found.
///
///     AssessmentService assessments(db, catalog);
///     auto a = assessments.create(caller, org_id, 2026, /*carry_forward=*/true, context);
///     auto saved = assessments.save_answer(caller, a->record.id, {"GOV-01", "main"}, input, context);
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mamori/assessment/checklist.hpp"
#include "mamori/assessment/progress.hpp"
#include "mamori/audit/audit_log.hpp"
#include "mamori/documents/assessment_document.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// UserRef: who did something, as shown to others.
struct UserRef {
    std::int64_t id = 0;
    std::string name;
};

// StoredAnswer: the current version of one line's answer (version 0: never answered).
struct StoredAnswer {
    assessment::RowKey key;
    std::optional<assessment::Answer> answer;  // nullopt: not answered or cleared
    bool needs_reconfirmation = false;
    int version = 0;
    std::optional<UserRef> answered_by;
    std::string answered_at;
};

// Evidence: a file or a link attached to one line.
struct Evidence {
    std::int64_t id = 0;
    assessment::RowKey key;
    std::string kind;  // "file" or "link"
    std::string file_name, media_type, sha256;
    std::int64_t size = 0;
    std::string url, title;
    std::string added_at;
    std::optional<UserRef> added_by;
};

// EvidenceFile: a file's content for download.
struct EvidenceFile {
    std::string file_name;
    std::string media_type;
    std::string content;
};

// AssessmentEvent: a step of the workflow.
struct AssessmentEvent {
    std::string kind;  // created, carried_forward, submitted, reopened, imported, vendor_contract_changed;
                       // edition_moved, edition_declined (from assessment_edition_choices, ADR 0017)
    std::string at;
    std::optional<UserRef> by;
    std::string reason;
};

// EditionOffer: a newer edition published for the checklist's fiscal year, which the checklist may move onto
// (ADR 0017). Offered until the institution moves or declines that revision.
struct EditionOffer {
    std::string edition;
    int revision = 1;
    int fiscal_year = 0;
    std::string fiscal_year_ja;
    std::string title_ja;
    std::string form;          // the form the institution answers in it
    bool may_move = false;     // the caller edits the checklist and it is a draft
    bool may_decline = false;  // the caller edits the checklist
};

// EditionChoice: a recorded move or refusal of an offered edition revision.
struct EditionChoice {
    std::string edition;
    int revision = 1;
    std::string choice;  // "moved" or "declined"
    std::string from_edition;
    int from_revision = 1;
    std::string from_form;
    int carried_lines = 0;
    std::optional<UserRef> by;
    std::string at;
};

// AssessmentRecord: an assessments row with its organisation.
struct AssessmentRecord {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string organisation_kind;
    std::string facility_id;
    int fiscal_year = 0;
    std::string form;
    std::string edition;
    int edition_revision = 1;
    std::string status;  // "draft", "submitted"
    int version = 1;     // changes with every workflow step and setting, not with answers
    bool has_vendor_contract = true;
    std::optional<std::int64_t> carried_from;
    std::string created_at;
    std::optional<std::string> submitted_at;
    std::optional<UserRef> submitted_by;
};

// Permissions: what the caller may do with an assessment.
struct Permissions {
    bool edit = false;
    bool submit = false;
    bool reopen = false;
};

// AssessmentState: an assessment with everything its pages show.
struct AssessmentState {
    AssessmentRecord record;
    std::shared_ptr<const catalog::Catalog> catalog;  // keeps `edition` and `form` alive
    const catalog::Edition* edition = nullptr;
    const catalog::Form* form = nullptr;
    std::map<assessment::RowKey, StoredAnswer, assessment::RowKeyLess> stored;
    assessment::RowAnswers effective;  // what is in effect (the gate applied)
    std::vector<Evidence> evidence;
    std::vector<AssessmentEvent> events;
    std::vector<std::string> new_items;  // canonical ids the carried-from edition did not have
    std::optional<EditionOffer> newer_edition;
    std::vector<EditionChoice> edition_choices;  // oldest first
    Permissions permissions;
    assessment::Progress progress;
};

// AssessmentSummary: one line of an organisation's list.
struct AssessmentSummary {
    AssessmentRecord record;
    assessment::Progress progress;
    std::optional<EditionOffer> newer_edition;
};

// AssessmentList: an organisation's assessments (newest first) and what creating one would do.
// FiscalYearChoice: a fiscal year the institution may assess (the first loaded edition's year to next year),
// with the edition it would use (an earlier one when the year's own is not loaded) and its checklist if any.
struct FiscalYearChoice {
    int fiscal_year = 0;
    std::string edition;
    int edition_fiscal_year = 0;
    std::optional<std::int64_t> assessment_id;
    std::optional<std::int64_t> carry_forward_from;  // the latest earlier checklist of the same form
    bool may_start = false;
};

struct AssessmentList {
    std::vector<AssessmentSummary> assessments;
    std::vector<FiscalYearChoice> years;  // newest first
    bool may_create = false;
    int suggested_fiscal_year = 0;
    std::string suggested_edition;
    std::string suggested_form;
    std::optional<std::int64_t> carry_forward_from;
    std::shared_ptr<const catalog::Catalog> catalog;  // keeps the progress' item pointers alive
};

// AnswerInput: a save request. `answer` nullopt clears the line.
struct AnswerInput {
    int version = 0;  // the version the editor last saw; 0 when it was unanswered
    std::optional<assessment::Answer> answer;
};

// SavedAnswer: the stored answer after a save and the new progress.
struct SavedAnswer {
    StoredAnswer answer;
    AssessmentState state;
};

// Limits on evidence.
inline constexpr std::size_t kMaxEvidenceBytes = std::size_t{10} * 1024 * 1024;
inline constexpr std::size_t kMaxEvidencePerRow = 20;

class AssessmentService {
  public:
    AssessmentService(store::Database& db, CatalogService& catalog) : db_(db), catalog_(catalog) {}

    Result<AssessmentList> list(const identity::Caller& caller, std::int64_t organisation_id);
    // create: the organisation's assessment of `fiscal_year` from the latest edition for that year; with
    // `carry_forward`, pre-filled from its most recent earlier assessment of the same form.
    Result<AssessmentState> create(const identity::Caller& caller, std::int64_t organisation_id,
                                   int fiscal_year, bool carry_forward, const audit::Context& context);
    Result<AssessmentState> get(const identity::Caller& caller, std::int64_t id);
    // check_editable: the caller may change the assessment's answers now (see import_document).
    Status check_editable(const identity::Caller& caller, std::int64_t id);
    // save_answer: conflict when `input.version` is not the stored version; invalid_input names each field.
    Result<SavedAnswer> save_answer(const identity::Caller& caller, std::int64_t id,
                                    const assessment::RowKey& key, const AnswerInput& input,
                                    const audit::Context& context);
    // current_answer: the stored answer of one line (for a conflict answer).
    Result<StoredAnswer> current_answer(const identity::Caller& caller, std::int64_t id,
                                        const assessment::RowKey& key);
    // history: every version of one line's answer, newest first.
    Result<std::vector<StoredAnswer>> history(const identity::Caller& caller, std::int64_t id,
                                              const assessment::RowKey& key);
    Result<AssessmentState> set_vendor_contract(const identity::Caller& caller, std::int64_t id, int version,
                                                bool has_vendor_contract, const audit::Context& context);
    // submit: locks a complete draft; invalid_input lists every incomplete line as a field.
    Result<AssessmentState> submit(const identity::Caller& caller, std::int64_t id, int version,
                                   const audit::Context& context);
    Result<AssessmentState> reopen(const identity::Caller& caller, std::int64_t id, const std::string& reason,
                                   const audit::Context& context);

    // move_to_edition: the draft now pins the offered `edition` (its newest revision, or `revision` when
    // given, which must be the offered one); every answer reaches the new form through the mapping as a new
    // version marked 要再確認, evidence follows its line, lines the new form lacks stay stored. conflict when
    // `version` is stale, the checklist is submitted, or the edition is not offered to it.
    Result<AssessmentState> move_to_edition(const identity::Caller& caller, std::int64_t id,
                                            const std::string& edition, std::optional<int> revision,
                                            int version, const audit::Context& context);
    // decline_edition: the checklist stays where it is and the offered revision is not offered again.
    Result<AssessmentState> decline_edition(const identity::Caller& caller, std::int64_t id,
                                            const std::string& edition, std::optional<int> revision,
                                            const audit::Context& context);

    // Evidence: files are stored once per content; the type is decided from the content, not the name.
    Result<Evidence> add_file(const identity::Caller& caller, std::int64_t id, const assessment::RowKey& key,
                              const std::string& file_name, const std::string& content,
                              const audit::Context& context);
    Result<Evidence> add_link(const identity::Caller& caller, std::int64_t id, const assessment::RowKey& key,
                              const std::string& url, const std::string& title,
                              const audit::Context& context);
    Result<EvidenceFile> evidence_file(const identity::Caller& caller, std::int64_t evidence_id);
    // remove_evidence: the evidence stays stored, marked removed; removing it again changes nothing.
    Status remove_evidence(const identity::Caller& caller, std::int64_t evidence_id,
                           const audit::Context& context);

    // document: the assessment as the documents print it.
    Result<documents::AssessmentDocument> document(const identity::Caller& caller, std::int64_t id);
    // import_document: makes a draft's answers equal to `doc` (a JSON or .xlsx export of the same edition
    // revision and form); returns how many lines changed. Nothing changes when any line is invalid.
    Result<int> import_document(const identity::Caller& caller, std::int64_t id,
                                const documents::AssessmentDocument& doc, const audit::Context& context);

  private:
    store::Database& db_;
    CatalogService& catalog_;
};

}  // namespace mamori::services
