// Shared by the improvement request service's files: the caller's side of a request, the names of the
// checklist items a request concerns, and the request as the API shows it.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "improvement_request_records.hpp"
#include "inspection_visit_records.hpp"
#include "mamori/documents/assessment_document.hpp"
#include "mamori/services/improvement_requests.hpp"

namespace mamori::services::improvement_support {

// side_of: inspector when the caller may inspect the institution, institution for its own users; nullopt
// for everyone else (who is answered not_found).
std::optional<inspection::Side> side_of(const identity::Caller& caller,
                                        const records::OrganisationRecord& institution);

// may_answer: the institution's users who may change its checklist answer its requests.
bool may_answer(const identity::Caller& caller, const records::OrganisationRecord& institution);
// may_direct: inspectors (and administrators) of the jurisdiction, not through a read-only token.
bool may_direct(const identity::Caller& caller, const records::OrganisationRecord& institution);

struct ItemName {
    std::string label;  // "2-⑥"
    std::string text;
    bool answered_no = false;
};

// ItemNames: the items of an institution's checklist of one fiscal year (or, without one, its latest).
struct ItemNames {
    std::map<std::string, ItemName> by_id;
    std::optional<documents::AssessmentDocument> document;
};
ItemNames item_names(AssessmentService& assessments, const identity::Caller& caller,
                     std::int64_t organisation_id, int fiscal_year, bool latest_if_missing = true);

// checklist_document: the institution's checklist of `fiscal_year` as a document, when it has one.
std::optional<documents::AssessmentDocument> checklist_document(AssessmentService& assessments,
                                                                const identity::Caller& caller,
                                                                std::int64_t organisation_id,
                                                                int fiscal_year);

// RequestContext: what a view shows beside the request row: its visit, the organisations' names and the
// findings of the visit's record.
struct RequestContext {
    int fiscal_year = 0;
    std::optional<std::string> visit_on;
    std::string inspecting_organisation_name;
    std::string organisation_name;
    const std::vector<improvement_records::RecordFinding>* findings = nullptr;
};

// view_of: the request as the caller sees it, from what was read before (no queries); without its history.
ImprovementRequest view_of(const improvement_records::RequestRow& row, const ItemNames& names,
                           inspection::Side side, const RequestContext& context);

// view: the request as the caller sees it, reading its context; `with_events` adds its history.
ImprovementRequest view(soci::session& sql, const improvement_records::RequestRow& row,
                        const ItemNames& names, inspection::Side side, bool with_events);

std::string today_iso();

}  // namespace mamori::services::improvement_support
