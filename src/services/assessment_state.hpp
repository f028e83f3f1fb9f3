// What every assessment operation starts with: the assessment row, the organisation it belongs to, the
// catalog form it was pinned to, and the access decision. Internal to the assessment service.
#pragma once

#include <soci/soci.h>

#include <cstdint>

#include "identity_records.hpp"
#include "mamori/services/assessment_service.hpp"

namespace mamori::services::assessment_state {

// Access: what the caller needs for an operation.
enum class Access { read, edit, submit };

// Loaded: an assessment with its organisation and catalog form.
struct Loaded {
    AssessmentRecord record;
    identity::OrganisationRef organisation;
    std::shared_ptr<const catalog::Catalog> catalog;
    const catalog::Edition* edition = nullptr;
    const catalog::Form* form = nullptr;
};

// load: not_found when the assessment does not exist or the caller may not read it; forbidden when the
// caller may read but not do `access`; conflict when `access` changes a submitted assessment's answers.
Result<Loaded> load(soci::session& sql, const CatalogService& catalog, const identity::Caller& caller,
                    std::int64_t id, Access access);

// load_for_update: `load` as the first step of a write transaction: the assessment's row is locked first
// (assessment_records::lock_assessment), so what is checked stays true until the commit.
Result<Loaded> load_for_update(soci::session& sql, const CatalogService& catalog,
                               const identity::Caller& caller, std::int64_t id, Access access);

// with_catalog: an assessment row the caller has already been allowed to read, with its catalog form.
Result<Loaded> with_catalog(const CatalogService& catalog, AssessmentRecord record,
                            identity::OrganisationRef organisation);

// stored_answers / row_answers: the stored answers by line, and the same as check_answer's input.
std::map<assessment::RowKey, StoredAnswer, assessment::RowKeyLess> stored_answers(soci::session& sql,
                                                                                  std::int64_t id);
assessment::RowAnswers row_answers(
    const std::map<assessment::RowKey, StoredAnswer, assessment::RowKeyLess>& s);

// state: everything the pages show.
AssessmentState state(soci::session& sql, const identity::Caller& caller, Loaded loaded);

// check_line: the rules for `answer` on `line`, given the other stored answers (for the gate).
Status check_line(const Loaded& loaded, const assessment::ChecklistRow& line,
                  const assessment::Answer& answer, const assessment::RowAnswers& stored);

// today: the Japan date now.
std::chrono::year_month_day today();

// edition_for: the latest edition published for `fiscal_year` or before it (its newest revision).
const catalog::Edition* edition_for(const catalog::Catalog& catalog, int fiscal_year);

// carried_answers: `earlier`'s stored answers pre-filled into `form` of `edition` through the mapping, each
// 要再確認 as version 1 (the caller sets the version it writes).
Result<std::vector<StoredAnswer>> carried_answers(soci::session& sql, const catalog::Catalog& catalog,
                                                  const AssessmentRecord& earlier, const catalog::Form& form,
                                                  const std::string& edition);

// newer_edition: the edition a checklist is offered to move onto: the newest published for its fiscal year
// when that is a later edition than the one it is on, a mapping joins the two forms, and the institution has
// not already moved onto or declined that revision. Permissions are for `caller`.
std::optional<EditionOffer> newer_edition(const catalog::Catalog& catalog, const identity::Caller& caller,
                                          const Loaded& loaded, const std::vector<EditionChoice>& choices);

// with_choice_events: `events` with the recorded edition choices among them, in time order (the choices live
// in their own table: assessment_events.kind cannot take new kinds in SQLite).
std::vector<AssessmentEvent> with_choice_events(const catalog::Catalog& catalog,
                                                std::vector<AssessmentEvent> events,
                                                const std::vector<EditionChoice>& choices);

// items_added_since_move: after a move, the items the checklist's edition added to the one it moved from;
// nullopt when it never moved.
std::optional<std::vector<std::string>> items_added_since_move(const catalog::Catalog& catalog,
                                                               const Loaded& loaded,
                                                               const std::vector<EditionChoice>& choices);

// form_for: the checklist form an institution of `kind` answers in `edition` (the form whose
// organisation_kinds names it), or empty for anyone who is not an institution.
std::string form_for(const catalog::Edition& edition, identity::OrgKind kind);

}  // namespace mamori::services::assessment_state
