// Row access for the assessment service: assessments, their events, answers with their versions, and
// evidence. Every function works inside the caller's session (usually an open transaction) and does no
// access checks: the service decides who may call what.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/services/assessment_service.hpp"

namespace mamori::services::assessment_records {

std::optional<AssessmentRecord> find_assessment(soci::session& sql, std::int64_t id);
std::optional<AssessmentRecord> find_assessment(soci::session& sql, std::int64_t organisation_id,
                                                int fiscal_year, const std::string& form);
// organisation_assessments: newest fiscal year first.
std::vector<AssessmentRecord> organisation_assessments(soci::session& sql, std::int64_t organisation_id);
std::int64_t insert_assessment(soci::session& sql, const AssessmentRecord& record, std::int64_t user_id);
// bump_assessment: sets status, vendor contract and submission from `record` and increments the version.
void bump_assessment(soci::session& sql, const AssessmentRecord& record,
                     std::optional<std::int64_t> submitter);

void insert_event(soci::session& sql, std::int64_t assessment_id, const std::string& kind,
                  const std::string& reason, std::int64_t user_id);
std::vector<AssessmentEvent> events(soci::session& sql, std::int64_t assessment_id);

// Edition choices (assessment_edition_choices, append-only) and the move itself.
void insert_edition_choice(soci::session& sql, std::int64_t assessment_id, const EditionChoice& choice,
                           std::int64_t user_id);
std::vector<EditionChoice> edition_choices(soci::session& sql, std::int64_t assessment_id);
// repin_assessment: sets the assessment's edition, revision and form and increments its version (the
// previous ones are kept in the choice row written beside it).
void repin_assessment(soci::session& sql, std::int64_t assessment_id, const std::string& edition, int revision,
                      const std::string& form);

std::vector<StoredAnswer> answers(soci::session& sql, std::int64_t assessment_id);
std::optional<StoredAnswer> answer(soci::session& sql, std::int64_t assessment_id,
                                   const assessment::RowKey& key);
// lock_assessment: the first statement of every transaction that changes an assessment: a no-op UPDATE of
// its row, so concurrent writers of one assessment queue until the first commits and then read what it
// wrote. SQLite's BEGIN IMMEDIATE already serialises all writers; on PostgreSQL (READ COMMITTED) this row
// lock is what keeps the version checks and the draft/submitted check true until the commit.
void lock_assessment(soci::session& sql, std::int64_t assessment_id);

// write_answer: stores `next` as version `next.version` (1 inserts the line) and appends it to the history.
// Conditional on the stored version being `next.version - 1` (no line for version 1): returns false, and
// writes nothing, when someone else's save got there first.
[[nodiscard]] bool write_answer(soci::session& sql, std::int64_t assessment_id, const StoredAnswer& next,
                                std::optional<std::int64_t> user_id);
std::vector<StoredAnswer> answer_history(soci::session& sql, std::int64_t assessment_id,
                                         const assessment::RowKey& key);

std::vector<Evidence> evidence(soci::session& sql, std::int64_t assessment_id);
std::size_t evidence_count(soci::session& sql, std::int64_t assessment_id, const assessment::RowKey& key);
// EvidenceOwner: the assessment an evidence row belongs to.
struct EvidenceOwner {
    Evidence evidence;
    std::int64_t assessment_id = 0;
    bool removed = false;
};
// find_evidence: evidence not removed (or also removed, with `include_removed`).
std::optional<EvidenceOwner> find_evidence(soci::session& sql, std::int64_t evidence_id,
                                           bool include_removed = false);
// store_blob: keeps the content once per SHA-256.
void store_blob(soci::session& sql, const std::string& sha256, const std::string& media_type,
                const std::string& content);
std::optional<std::string> blob_content(soci::session& sql, const std::string& sha256);
std::int64_t insert_evidence(soci::session& sql, std::int64_t assessment_id, const Evidence& evidence,
                             std::int64_t user_id);
void remove_evidence(soci::session& sql, std::int64_t evidence_id, std::int64_t user_id);

}  // namespace mamori::services::assessment_records
