/// @file
/// @brief Improvement requests (改善指導) after an inspection, both sides: the jurisdiction's inspectors make
/// them from a visit's findings, edit them while open, close them or send them back with a reason; the
/// institution answers each with a plan (改善計画) and reports completion with evidence (a file in the
/// evidence blob store). Every step goes through inspection::request_transition, under the request's
/// version (conflict on a stale one), as an append-only event with who, when and why, and in the audit log.
/// Also: the pre-visit package (事前資料) of a visit, the institution's inspections across years (notices,
/// results without internal notes, requests), and the documents as A4 PDFs (結果通知, 改善指導, 事前資料).
///
///     ImprovementRequestService requests(db, assessments);
///     auto made = requests.create(inspector, {.visit_id = 7, .canonical_id = "BAK-01", .text = "…",
///                                            .due_on = "2027-03-31"}, context);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/inspection/package.hpp"
#include "mamori/inspection/workflow.hpp"
#include "mamori/services/assessment_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

inline constexpr std::size_t kMaxRequestEvidenceBytes = kMaxEvidenceBytes;

struct RequestEvent {
    std::int64_t id = 0;
    std::string action;  // created, edited, submit_plan, report_completion, close, send_back
    std::string text;    // the plan, the completion report, the reason; for created/edited the request text
    std::optional<std::string> file_name;  // evidence attached to this step
    std::string by;                        // the person's display name
    std::string by_side;                   // inspector, institution
    std::string at;
};

struct ImprovementRequest {
    std::int64_t id = 0;
    std::int64_t visit_id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string inspecting_organisation_name;
    int fiscal_year = 0;
    std::optional<std::string> visit_on;
    std::optional<std::string> canonical_id;
    std::string item_label;  // "2-⑥ …" from the institution's checklist; empty when not found
    std::string item_text;
    std::string finding;  // the record's 指摘 on that item, when there is one
    std::string text;
    std::string due_on;
    inspection::RequestStatus status = inspection::RequestStatus::open;
    int version = 1;
    bool overdue = false;
    std::string created_at;
    std::string updated_at;
    std::vector<RequestEvent> events;  // oldest first; filled for one request
    std::string side;                  // the caller's side: inspector, institution
    std::vector<std::string> actions;  // what the caller may do now: edit, submit_plan, …
};

struct NewRequest {
    std::int64_t visit_id = 0;
    std::string canonical_id;
    std::string text;
    std::string due_on;
};

struct RequestEdit {
    int version = 0;
    std::string canonical_id;
    std::string text;
    std::string due_on;
};

// RequestStep: one step of the cycle. `evidence_sha256` names a file uploaded with upload_evidence.
struct RequestStep {
    int version = 0;
    inspection::RequestAction action = inspection::RequestAction::submit_plan;
    std::string text;
    std::optional<std::string> evidence_sha256;
    std::optional<std::string> file_name;
};

struct UploadedEvidence {
    std::string sha256;
    std::string file_name;
    std::string media_type;
};

struct RequestFile {
    std::string file_name;
    std::string media_type;
    std::string content;
};

// RequestItem: an item a request may name on a visit: the record's findings first, then the checklist's.
struct RequestItem {
    std::string canonical_id;
    std::string label;
    std::string text;
    std::string finding;  // the record's 指摘, when there is one
    bool answered_no = false;
};

struct VisitRequests {
    std::int64_t visit_id = 0;
    std::string organisation_name;
    int fiscal_year = 0;
    std::optional<std::string> visit_on;
    std::string visit_status;
    std::optional<std::string> record_status;
    std::vector<ImprovementRequest> requests;
    std::vector<RequestItem> items;
    bool can_create = false;
};

// FindingForRequest: a finding (指摘) of a visit's on-site record, the item it concerns, and the request
// already made from it (a finding becomes a request once).
struct FindingForRequest {
    std::string canonical_id;
    std::string row_key;
    std::string label;
    std::string item_text;
    std::string finding;
    std::optional<std::int64_t> request_id;
};

struct VisitFindings {
    std::int64_t visit_id = 0;
    std::string organisation_name;
    std::optional<std::string> record_status;  // in_progress, completed; nullopt: no record yet
    std::vector<FindingForRequest> findings;
    bool can_create = false;
};

// FindingChoice: one finding to turn into a request; `text` (the finding's own when absent) and `due_on`.
struct FindingChoice {
    std::string canonical_id;
    std::string row_key;
    std::optional<std::string> text;
    std::string due_on;
};

inline constexpr std::size_t kMaxFindingsAtOnce = 200;

// FromFindings: the requests made, and the chosen findings that already had one (left as they were).
struct FromFindings {
    std::vector<ImprovementRequest> created;
    std::vector<FindingForRequest> already;
};

struct RequestQuery {
    std::optional<inspection::RequestStatus> status;
    bool overdue_only = false;
    bool open_only = false;
};

// InspectionHistory: an institution's inspections across years, as the institution may see them.
struct InspectionHistory {
    struct Visit {
        std::int64_t id = 0;
        int fiscal_year = 0;
        std::string status;  // planned, notified, postponed, done
        std::optional<std::string> planned_on;
        std::optional<std::string> notified_at;
        std::optional<std::string> checklist_due_on;
        std::string inspecting_organisation_name;
        bool has_result = false;  // the record is completed
        std::string summary;
        std::vector<RequestItem> findings;  // never the notes
    };
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::vector<Visit> visits;  // newest fiscal year first; planned ones without a notice are left out
    std::vector<ImprovementRequest> requests;
    int overdue = 0;
    int open = 0;
};

class ImprovementRequestService {
  public:
    ImprovementRequestService(store::Database& db, AssessmentService& assessments);

    Result<ImprovementRequest> create(const identity::Caller& caller, const NewRequest& request,
                                      const audit::Context& context);
    Result<ImprovementRequest> edit(const identity::Caller& caller, std::int64_t id, const RequestEdit& edit,
                                    const audit::Context& context);
    Result<ImprovementRequest> step(const identity::Caller& caller, std::int64_t id, const RequestStep& step,
                                    const audit::Context& context);
    // upload_evidence: stores a completion report's file (the assessment evidence rules) for the
    // institution's open request; the step that reports completion names it.
    Result<UploadedEvidence> upload_evidence(const identity::Caller& caller, std::int64_t id,
                                             const std::string& file_name, const std::string& content,
                                             const audit::Context& context);
    Result<RequestFile> evidence_file(const identity::Caller& caller, std::int64_t id, std::int64_t event_id);

    Result<ImprovementRequest> get(const identity::Caller& caller, std::int64_t id);
    // list: an inspector's: the requests of the jurisdiction; an institution's: its own.
    Result<std::vector<ImprovementRequest>> list(const identity::Caller& caller, const RequestQuery& query);
    Result<VisitRequests> of_visit(const identity::Caller& caller, std::int64_t visit_id);
    // findings: the inspector's view of the record's findings and which became requests.
    Result<VisitFindings> findings(const identity::Caller& caller, std::int64_t visit_id);
    // from_findings: one request per chosen finding, in one transaction; a finding that already has a
    // request is skipped (reported in `already`). invalid_input naming findings[i].… for a line that is not
    // a finding, an empty text or a due date in the past; conflict without a record; not_found outside the
    // jurisdiction.
    Result<FromFindings> from_findings(const identity::Caller& caller, std::int64_t visit_id,
                                       const std::vector<FindingChoice>& choices,
                                       const audit::Context& context);
    Result<InspectionHistory> history(const identity::Caller& caller, std::int64_t organisation_id);

    Result<inspection::Package> package(const identity::Caller& caller, std::int64_t visit_id);
    Result<std::string> package_pdf(const identity::Caller& caller, std::int64_t visit_id);
    Result<std::string> result_notice_pdf(const identity::Caller& caller, std::int64_t visit_id);
    Result<std::string> request_pdf(const identity::Caller& caller, std::int64_t id);

  private:
    store::Database& db_;
    AssessmentService& assessments_;
};

}  // namespace mamori::services
