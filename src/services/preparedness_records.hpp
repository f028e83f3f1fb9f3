// The rows of preparedness_records and preparedness_record_versions (migration 0030).
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "mamori/services/preparedness.hpp"

namespace mamori::services::preparedness_records {

std::optional<PreparednessRecord> find_record(soci::session& sql, std::int64_t id);
// records_of: an organisation's active records of `kind`, or of every kind when nullopt, by id.
std::vector<PreparednessRecord> records_of(soci::session& sql, std::int64_t organisation_id,
                                           std::optional<preparedness::RecordKind> kind);
// shared_incidents: active incidents reported to the health centre or prefecture, of the institutions in one
// prefecture (identity::can_inspect then decides each).
std::vector<PreparednessRecord> shared_incidents(soci::session& sql, const std::string& prefecture_code);
// restore_tests_of: one backup's active restore tests.
std::vector<PreparednessRecord> restore_tests_of(soci::session& sql, std::int64_t organisation_id,
                                                std::int64_t backup_id);
std::vector<PreparednessVersion> versions_of(soci::session& sql, std::int64_t record_id);

std::int64_t insert_record(soci::session& sql, std::int64_t organisation_id, preparedness::RecordKind kind,
                           std::optional<std::int64_t> parent_id, const nlohmann::json& body,
                           std::optional<std::int64_t> user_id);
// update_record: the next version if the row is still at `version`; false otherwise.
bool update_record(soci::session& sql, std::int64_t id, int version, std::optional<std::int64_t> parent_id,
                   const nlohmann::json& body, const std::string& status, const std::string& action,
                   std::optional<std::int64_t> user_id);
void lock_record(soci::session& sql, std::int64_t id, std::int64_t organisation_id);

// The BCP 確認表 answers (migration 0031): an organisation's answers by row code, with their history.
std::vector<BcpAnswer> bcp_answers_of(soci::session& sql, std::int64_t organisation_id);
std::optional<std::pair<std::int64_t, BcpAnswer>> find_bcp_answer(soci::session& sql,
                                                                  std::int64_t organisation_id,
                                                                  const std::string& row_code);
std::vector<PreparednessVersion> bcp_versions_of(soci::session& sql, std::int64_t answer_id);
// put_bcp_answer: inserts the answer (version 0 → 1) or moves it to its next version if it is still at
// `version`; false when it is not.
bool put_bcp_answer(soci::session& sql, std::int64_t organisation_id, const std::string& row_code,
                    int version, const nlohmann::json& body, std::optional<std::int64_t> user_id);

}  // namespace mamori::services::preparedness_records
