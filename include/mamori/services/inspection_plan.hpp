/// @file
/// @brief The yearly inspection plan (年度計画) of a health centre or prefecture: its frequency policy, the
/// institutions due, the planned visits with their dates, inspectors and workflow (notify, postpone,
/// reschedule), the notices an institution receives, the plan as a file, and the jurisdiction's summary.
/// Inspectors and administrators of a health centre plan for the institutions of its municipalities; a
/// prefecture's for its whole prefecture and sees every health centre's plan. Every write is audited and
/// leaves a visit event; visits change only on their current version (conflict otherwise).
///
///     auto due = inspection_plan::due_list(db, caller, {.fiscal_year = 2026});
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/inspection/frequency.hpp"
#include "mamori/inspection/plan.hpp"
#include "mamori/inspection/workflow.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services::inspection_plan {

inline constexpr int kMaxPageSize = 500;
inline constexpr std::size_t kMaxVisitsAtOnce = 200;
inline constexpr std::size_t kMaxInspectors = 10;

// ---- The frequency policy of the caller's prefecture. ----
struct PolicyRule {
    inspection::FrequencyRule rule;
    bool prefecture_rule = false;  // the prefecture's own; otherwise the national default
    std::optional<std::string> updated_at;
};
struct Policy {
    std::string prefecture_code;
    std::string prefecture_name;
    std::vector<PolicyRule> rules;  // one per class, in all_inspection_classes() order
    bool may_edit = false;
};
struct PolicyChange {
    inspection::InspectionClass inspection_class = inspection::InspectionClass::hospital;
    std::optional<int> every_years;  // nullopt: on cause only
    std::string source;              // empty: the prefecture's own decision
    bool use_default = false;        // drop the prefecture's rule
};
// policy: read by the health centres and the prefecture (inspectors and administrators).
Result<Policy> policy(store::Database& db, const identity::Caller& caller);
// set_policy: the prefecture's administrators only; invalid_input names rules[i].every_years.
Result<Policy> set_policy(store::Database& db, const identity::Caller& caller,
                          const std::vector<PolicyChange>& changes, const audit::Context& context);

// ---- Institutions due in a fiscal year. ----
struct DueQuery {
    int fiscal_year = 0;
    std::int64_t health_centre_id = 0;  // a prefecture narrows to one health centre's municipalities
    bool due_only = true;
    bool unplanned_only = false;  // without a visit in the year
    int page = 1;
    int page_size = 100;
};
struct DueRow {
    std::int64_t organisation_id = 0;
    std::string name, kind, facility_id;
    std::optional<inspection::InspectionClass> inspection_class;
    inspection::DueReason reason;
    std::optional<std::int64_t> visit_id;  // this fiscal year's visit
    std::optional<std::string> visit_status;
};
struct DuePage {
    std::vector<DueRow> rows;
    std::int64_t total = 0;
    int page = 1, page_size = 100, fiscal_year = 0;
};
Result<DuePage> due_list(store::Database& db, const identity::Caller& caller, const DueQuery& query);

// ---- Visits. ----
struct Person {
    std::int64_t id = 0;
    std::string name;
};
struct Visit {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string institution_name, institution_kind, facility_id;
    std::int64_t inspecting_organisation_id = 0;
    std::string inspecting_organisation_name;
    int fiscal_year = 0;
    std::string reason;
    std::optional<std::string> planned_on, checklist_due_on, postponed_reason, notified_at;
    inspection::VisitStatus status = inspection::VisitStatus::planned;
    int version = 1;
    std::vector<Person> inspectors;
    std::string updated_at;
};
struct VisitHistoryEntry {
    std::string action;
    std::string detail;  // JSON text
    std::string user_name;
    std::string at;
};
struct VisitDetail {
    Visit visit;
    std::vector<VisitHistoryEntry> history;
};
struct VisitQuery {
    int fiscal_year = 0;
    std::optional<inspection::VisitStatus> status;
    int month = 0;  // 1–12: visits planned in that month of the fiscal year
    std::int64_t health_centre_id = 0;
    int page = 1;
    int page_size = 100;
};
struct VisitPage {
    std::vector<Visit> rows;
    std::int64_t total = 0;
    int page = 1, page_size = 100, fiscal_year = 0;
};
Result<VisitPage> list_visits(store::Database& db, const identity::Caller& caller, const VisitQuery& query);
// visit: not_found outside the caller's jurisdiction (as for a visit that does not exist).
Result<VisitDetail> visit(store::Database& db, const identity::Caller& caller, std::int64_t id);

struct NewVisits {
    std::vector<std::int64_t> organisation_ids;
    int fiscal_year = 0;
    std::optional<std::string> planned_on;
    std::string reason = "regular";
    std::vector<std::int64_t> inspectors;
};
// create_visits: one visit per institution, all or none; an institution with an open visit in the year is a
// conflict naming organisation_ids[i], one outside the jurisdiction not_found.
Result<std::vector<std::int64_t>> create_visits(store::Database& db, const identity::Caller& caller,
                                                const NewVisits& visits, const audit::Context& context);

struct VisitChange {
    int version = 0;
    std::optional<std::optional<std::string>> planned_on;  // set (or cleared) when present
    std::optional<std::vector<std::int64_t>> inspectors;
    std::optional<std::string> reason;
};
Result<VisitDetail> change_visit(store::Database& db, const identity::Caller& caller, std::int64_t id,
                                 const VisitChange& change, const audit::Context& context);

struct VisitStep {
    int version = 0;
    inspection::VisitAction action = inspection::VisitAction::notify;
    std::optional<std::string> planned_on;        // notify, reschedule: the (new) date
    std::optional<std::string> checklist_due_on;  // notify
    std::string reason;                           // postpone
};
// step_visit: notify (needs planned_on and checklist_due_on, today or later), postpone (needs a reason),
// reschedule (back to planned, optionally a new date). Completing belongs to the on-site record.
Result<VisitDetail> step_visit(store::Database& db, const identity::Caller& caller, std::int64_t id,
                               const VisitStep& step, const audit::Context& context);

// assignable_inspectors: users of the caller's organisation with the inspector or administrator role.
Result<std::vector<Person>> assignable_inspectors(store::Database& db, const identity::Caller& caller);

// ---- The institution's side: its notices. ----
struct Notice {
    std::int64_t visit_id = 0;
    int fiscal_year = 0;
    std::string inspecting_organisation_name;
    std::optional<std::string> planned_on, checklist_due_on;
    std::optional<std::int64_t> assessment_id;  // the fiscal year's checklist, when started
    std::optional<std::string> assessment_status;
};
// notices: the caller's own institution's notified visits that have not taken place; forbidden for
// organisations that are not institutions.
Result<std::vector<Notice>> notices(store::Database& db, const identity::Caller& caller);

// ---- The plan as a file. ----
// plan_csv: the plan of a fiscal year as CSV (UTF-8 with BOM, CRLF) under the header kPlanColumns.
Result<std::string> plan_csv(store::Database& db, const identity::Caller& caller, int fiscal_year,
                             std::int64_t health_centre_id);
// plan_xlsx: the same plan as an .xlsx workbook with Japanese headers (and the dates, the checklist date
// and the inspectors).
Result<std::string> plan_xlsx(store::Database& db, const identity::Caller& caller, int fiscal_year,
                              std::int64_t health_centre_id);
struct ImportLine {
    int line = 0;
    std::string outcome;  // created, updated, unchanged, error
    std::string facility_id;
    std::optional<std::int64_t> visit_id;
    std::string column, message;  // for errors; message is English (the page words `code`)
    std::string code, value, cell;  // for errors: inspection::kPlanErrorCodes, the value, "C5" in a workbook
};
struct ImportResult {
    std::vector<ImportLine> lines;
    int created = 0, updated = 0, unchanged = 0, errors = 0;
    bool applied = false;
};
// import_plan: reads a plan file (CSV, or an .xlsx workbook such as plan_xlsx makes); without `confirm` (or with errors) nothing is written. A line creates a
// visit for an institution without an open one in the year, or moves the date of its open visit.
Result<ImportResult> import_plan(store::Database& db, const identity::Caller& caller, int fiscal_year,
                                 std::string_view csv, bool confirm, const audit::Context& context);

// ---- The jurisdiction's summary. ----
struct KindRate {
    std::string kind;
    std::int64_t institutions = 0, submitted = 0;
};
struct Summary {
    int fiscal_year = 0;
    std::int64_t institutions = 0, due = 0, planned = 0, notified = 0, postponed = 0, inspected = 0;
    std::int64_t with_findings = 0, open_requests = 0, overdue_requests = 0;
    std::vector<KindRate> submission;
};
Result<Summary> summary(store::Database& db, const identity::Caller& caller, int fiscal_year,
                        std::int64_t health_centre_id);

}  // namespace mamori::services::inspection_plan
