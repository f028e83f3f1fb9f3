/// @file
/// @brief The pre-visit package (事前資料) an inspector reads before a visit, built from facts gathered by
/// the service: the institution, this fiscal year's checklist (every いいえ with its target date), the
/// targets already passed, what changed since last year's checklist, the vendors' forms (not yet built), and
/// the last inspection's findings with whether their requests were closed. Pure: no database, no clock.
///
///     auto package = build_package({.institution = facts, .this_year = doc, .today = today});
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "mamori/documents/assessment_document.hpp"
#include "mamori/inspection/workflow.hpp"

namespace mamori::inspection {

struct InstitutionFacts {
    std::string name;
    std::string kind;  // hospital, clinic, dental_clinic, pharmacy
    std::string facility_id;
    std::string address;
    std::string municipality_name;
    std::optional<int> beds;
};

// PastFinding: a finding (指摘) of the last inspection, with the request made from it when there is one.
struct PastFinding {
    std::string label;  // the item as printed ("2-⑥ …") or its id when the checklist does not name it
    std::string finding;
    std::optional<RequestStatus> request_status;  // nullopt: no request was made
    std::string request_due_on;
};

struct PackageInput {
    int fiscal_year = 0;
    InstitutionFacts institution;
    std::optional<documents::AssessmentDocument> this_year;
    std::optional<documents::AssessmentDocument> last_year;
    std::optional<int> last_visit_fiscal_year;
    std::string last_visit_on;  // the last inspection's date, when known
    std::vector<PastFinding> last_findings;
    std::chrono::year_month_day today;
};

// PackageLine: one checklist line the package names.
struct PackageLine {
    std::string canonical_id;
    std::string row_key;
    std::string label;        // "2-⑥ サーバ"
    std::string text;         // the item's text
    std::string target_date;  // いいえ lines: the target date, may be empty
    bool overdue = false;     // the target date has passed
};

// PackageChange: a line whose answer differs from last year's.
struct PackageChange {
    PackageLine line;
    std::string before;  // "yes", "no", "not_required", "" (not answered)
    std::string after;
};

struct Package {
    int fiscal_year = 0;
    InstitutionFacts institution;
    // checklist_status: "none" (no checklist this year), "draft", "submitted".
    std::string checklist_status = "none";
    std::string submitted_at;
    int answered = 0;
    int lines = 0;
    std::vector<PackageLine> no_lines;  // every いいえ, printed order
    std::vector<PackageLine> overdue;   // いいえ whose target date has passed
    bool has_last_year = false;
    std::vector<PackageChange> changes;
    bool vendor_forms_available = false;  // vendors are not part of the system yet
    std::optional<int> last_visit_fiscal_year;
    std::string last_visit_on;
    std::vector<PastFinding> last_findings;
    int last_findings_open = 0;  // findings whose request is not closed yet
};

Package build_package(const PackageInput& input);

}  // namespace mamori::inspection
