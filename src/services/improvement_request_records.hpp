// Row access for improvement requests (改善指導, migration 0014): the request row, written under its version,
// and its append-only events; the findings of a visit's record (never its notes).
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "identity_records.hpp"
#include "mamori/inspection/workflow.hpp"

namespace mamori::services::improvement_records {

struct RequestRow {
    std::int64_t id = 0;
    std::int64_t visit_id = 0;
    std::int64_t organisation_id = 0;
    std::optional<std::string> canonical_id;
    std::string text;
    std::string due_on;
    inspection::RequestStatus status = inspection::RequestStatus::open;
    int version = 1;
    std::optional<std::int64_t> created_by;
    std::string created_at;
    std::string updated_at;
    std::optional<std::string> record_row_key;  // the record line (visit, item, row) it was made from (0015)
};

struct RequestEventRow {
    std::int64_t id = 0;
    std::int64_t request_id = 0;
    std::string action;  // created, edited, submit_plan, report_completion, close, send_back
    std::string text;
    std::optional<std::string> evidence_sha256;
    std::optional<std::string> file_name;
    std::optional<std::int64_t> user_id;
    std::string user_name;  // display name, empty for the system
    std::optional<std::int64_t> user_organisation_id;
    std::string at;
};

std::optional<RequestRow> find_request(soci::session& sql, std::int64_t id);
void lock_request(soci::session& sql, std::int64_t id);
std::vector<RequestRow> requests_of_visit(soci::session& sql, std::int64_t visit_id);
std::vector<RequestRow> requests_of_organisation(soci::session& sql, std::int64_t organisation_id);
std::vector<RequestRow> requests_of_organisations(soci::session& sql,
                                                  const std::vector<std::int64_t>& organisations);
std::int64_t insert_request(soci::session& sql, const RequestRow& row, std::int64_t user_id);
// update_request: text, due date and status as version `next.version`, conditional on the stored version
// being one less; false (nothing written) when another change got there first.
[[nodiscard]] bool update_request(soci::session& sql, const RequestRow& next);
void insert_event(soci::session& sql, const RequestEventRow& event);
std::vector<RequestEventRow> events_of(soci::session& sql, std::int64_t request_id);

// RecordFinding: a 指摘 of a visit's on-site record.
struct RecordFinding {
    std::string canonical_id;
    std::string row_key;
    std::string finding;
};
// ListedRequest: a request with what a list shows of it, read in one joined query.
struct ListedRequest {
    RequestRow row;
    records::OrganisationRecord institution;
    int fiscal_year = 0;
    std::optional<std::string> visit_on;
    std::string inspecting_organisation_name;
};

// RequestScope: which requests a list reads: those of one institution, or of a prefecture's institutions.
struct RequestScope {
    std::optional<std::int64_t> organisation_id;
    std::string prefecture_code;
};

// listed_requests: the requests in `scope` with their institution, visit and inspecting organisation, in
// one query, ordered by due date and id.
std::vector<ListedRequest> listed_requests(soci::session& sql, const RequestScope& scope);
// findings_of_listed: the 指摘 of the records of every visit with a request in `scope`, by visit, in one query.
std::map<std::int64_t, std::vector<RecordFinding>> findings_of_listed(soci::session& sql, const RequestScope& scope);

// record_status: "in_progress", "completed", or nullopt when no record was started.
std::optional<std::string> record_status(soci::session& sql, std::int64_t visit_id);
std::string record_summary(soci::session& sql, std::int64_t visit_id);
std::optional<std::string> record_completed_at(soci::session& sql, std::int64_t visit_id);
// record_inspection_day: the day of the on-site inspection (inspection::inspection_day) as YYYY-MM-DD;
// nullopt when the visit has no record.
std::optional<std::string> record_inspection_day(soci::session& sql, std::int64_t visit_id,
                                                const std::optional<std::string>& planned_on);
std::vector<RecordFinding> record_findings(soci::session& sql, std::int64_t visit_id);
// record_line_verdict: the verdict of one line of a visit's record ("confirmed", "incomplete", "finding")
// with its finding text; nullopt when the record has no such line.
std::optional<std::pair<std::string, std::string>> record_line_verdict(soci::session& sql,
                                                                       std::int64_t visit_id,
                                                                       const std::string& canonical_id,
                                                                       const std::string& row_key);
// request_of_line: the request made from that record line, when one was.
std::optional<std::int64_t> request_of_line(soci::session& sql, std::int64_t visit_id,
                                            const std::string& canonical_id, const std::string& row_key);

}  // namespace mamori::services::improvement_records
