/// @file
/// @brief An institution's preparedness records (issue 19): contact chart, backup register with restore
/// tests, drills and the incident log (rules in mamori/preparedness/records.hpp). The institution's own users
/// read (administrators, security managers and editors write; viewers read: 403 on a write); anyone else is
/// answered not_found — except that an incident reported to the health centre or prefecture is readable by
/// their inspectors and administrators (can_inspect). Every write is one transaction: a new version of the
/// record in the append-only history and an audit entry; a stale version is a conflict.
///
///     PreparednessService prep(db);
///     auto made = prep.create(caller, RecordKind::drill, body, context);
///     auto changed = prep.update(caller, RecordKind::drill, made->id, made->version, replace(edited),
///     context);
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/preparedness/checklist_context.hpp"
#include "mamori/preparedness/records.hpp"
#include "mamori/store/database.hpp"
#include "mamori/vendors/system_record.hpp"

namespace mamori::services {

struct PreparednessVersion {
    int version = 1;
    std::string action;  // created, changed, removed
    std::string by;
    std::string at;
    nlohmann::json body;
};

struct PreparednessRecord {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    preparedness::RecordKind kind = preparedness::RecordKind::contact;
    nlohmann::json body;
    std::string status;  // active, removed
    int version = 1;
    std::string created_at;
    std::string updated_at;
    std::vector<PreparednessVersion> history;  // filled by get
};

struct PreparednessList {
    std::vector<PreparednessRecord> records;
    bool can_write = false;
};

// ContactChart: the chart record (review date and reviewer) and its contacts, by position then id.
struct ContactChart {
    PreparednessRecord chart;
    std::vector<PreparednessRecord> contacts;
    bool can_write = false;
};

struct PreparednessSummary {
    std::vector<std::pair<std::string, int>> counts;  // kind → active records
    std::vector<preparedness::Warning> warnings;
    int open_incidents = 0;
};

// BcpAnswer: an institution's answer to one row of the BCP 確認表 (version 0: not answered yet).
struct BcpAnswer {
    std::string row_code;
    nlohmann::json body;  // {status, note, evidence}; null when not answered
    int version = 0;
    std::string updated_at;
    std::string updated_by;
    std::vector<PreparednessVersion> history;  // newest first (action "changed" after the first)
};

// BcpSheet: the answers to every row of the data's 確認表, in its order.
struct BcpSheet {
    std::map<std::string, BcpAnswer> answers;  // by row code; a row not answered has none
    bool can_write = false;
};

// DocumentRecords: what the printable documents read (active records of each kind; systems in use).
struct DocumentRecords {
    std::string organisation_name;
    ContactChart chart;
    std::vector<PreparednessRecord> backups, restore_tests, drills;
    std::vector<std::pair<std::int64_t, vendors::SystemRecord>>
        systems;  // the register's systems in use, by id
    BcpSheet bcp;
};

// Change: the new body (unchecked) from the current stored one; the service checks what it answers.
using Change = std::function<Result<nlohmann::json>(const nlohmann::json& current)>;

class PreparednessService {
  public:
    explicit PreparednessService(store::Database& db) : db_(db) {}

    // list: the active records of one kind (not the chart: see contact_chart). For incidents, a health
    // centre or prefecture caller gets the reported incidents of the institutions it may read.
    Result<PreparednessList> list(const identity::Caller& caller, preparedness::RecordKind kind);
    Result<PreparednessRecord> get(const identity::Caller& caller, preparedness::RecordKind kind,
                                   std::int64_t id);
    // may_change: whether the caller may change or remove this record (a writer of its institution).
    static bool may_change(const identity::Caller& caller, const PreparednessRecord& record);
    Result<PreparednessRecord> create(const identity::Caller& caller, preparedness::RecordKind kind,
                                      const nlohmann::json& body, const audit::Context& context);
    Result<PreparednessRecord> update(const identity::Caller& caller, preparedness::RecordKind kind,
                                      std::int64_t id, int version, const Change& change,
                                      const audit::Context& context);
    Result<PreparednessRecord> remove(const identity::Caller& caller, preparedness::RecordKind kind,
                                      std::int64_t id, int version, const audit::Context& context);

    // contact_chart: the chart; the first time an institution opens it, the chart record and rows for the
    // ministry and the prefectural police (names only, no numbers) are made (audited, by the caller).
    Result<ContactChart> contact_chart(const identity::Caller& caller, const audit::Context& context);
    // review_chart: sets the chart's review date and reviewer (body {reviewed_on, reviewer}).
    Result<PreparednessRecord> review_chart(const identity::Caller& caller, int version,
                                            const nlohmann::json& body, const audit::Context& context);

    Result<PreparednessSummary> summary(const identity::Caller& caller);
    // checklist_facts: what the checklist's section 3 reads from the records (the institution's readers).
    Result<preparedness::ChecklistFacts> checklist_facts(const identity::Caller& caller);

    // bcp: the answers to the 確認表's rows (not found for anyone but the institution's own users).
    Result<BcpSheet> bcp(const identity::Caller& caller);
    // answer_bcp: sets one row's answer; `version` is the answer's (0 when none yet); conflict when stale,
    // not_found for a row the data does not have.
    Result<BcpAnswer> answer_bcp(const identity::Caller& caller, const std::string& row_code, int version,
                                 const nlohmann::json& body, const audit::Context& context);

    // document_records: every record the documents print, read in one go (readers of the institution).
    // (Opening the chart for the first time seeds it, as contact_chart does.)
    Result<DocumentRecords> document_records(const identity::Caller& caller, const audit::Context& context);

  private:
    store::Database& db_;
};

// replace: a Change that puts `body` in place of the stored one.
Change replace(nlohmann::json body);

}  // namespace mamori::services
