#include "improvement_request_support.hpp"

#include <chrono>

#include "mamori/core/time.hpp"
#include "mamori/inspection/improvement.hpp"
#include "mamori/store/prepared.hpp"

namespace mamori::services::improvement_support {

using inspection::RequestAction;
using inspection::Side;

std::optional<Side> side_of(const identity::Caller& caller, const records::OrganisationRecord& institution) {
    if (identity::can_inspect(caller, institution.ref)) return Side::inspector;
    if (caller.organisation.id == institution.ref.id) return Side::institution;
    return std::nullopt;
}

bool may_answer(const identity::Caller& caller, const records::OrganisationRecord& institution) {
    return identity::can_edit_assessment(caller, institution.ref);
}

bool may_direct(const identity::Caller& caller, const records::OrganisationRecord& institution) {
    return identity::can_inspect(caller, institution.ref) && identity::allows_write(caller);
}

std::optional<documents::AssessmentDocument> checklist_document(AssessmentService& assessments,
                                                                const identity::Caller& caller,
                                                                std::int64_t organisation_id,
                                                                int fiscal_year) {
    auto list = assessments.list(caller, organisation_id);
    if (!list) return std::nullopt;
    for (const auto& summary : list->assessments)
        if (summary.record.fiscal_year == fiscal_year) {
            auto doc = assessments.document(caller, summary.record.id);
            if (doc) return std::move(*doc);
        }
    return std::nullopt;
}

ItemNames item_names(AssessmentService& assessments, const identity::Caller& caller,
                     std::int64_t organisation_id, int fiscal_year, bool latest_if_missing) {
    ItemNames out;
    out.document = checklist_document(assessments, caller, organisation_id, fiscal_year);
    if (!out.document && latest_if_missing) {
        auto list = assessments.list(caller, organisation_id);
        if (list && !list->assessments.empty()) {
            auto doc = assessments.document(caller, list->assessments.front().record.id);
            if (doc) out.document = std::move(*doc);
        }
    }
    if (!out.document) return out;
    for (const auto& row : out.document->rows) {
        auto& name = out.by_id[row.canonical_id];
        if (name.label.empty()) {
            name.label = row.number.empty() ? row.canonical_id : row.number;
            name.text = row.text_ja;
        }
        if (row.answer && row.answer->value == "no") name.answered_no = true;
    }
    return out;
}

std::string today_iso() {
    return to_iso_date(japan_date(std::chrono::system_clock::now()));
}

ImprovementRequest view_of(const improvement_records::RequestRow& row, const ItemNames& names, Side side,
                           const RequestContext& context) {
    ImprovementRequest out;
    out.id = row.id;
    out.visit_id = row.visit_id;
    out.organisation_id = row.organisation_id;
    out.canonical_id = row.canonical_id;
    out.text = row.text;
    out.due_on = row.due_on;
    out.status = row.status;
    out.version = row.version;
    out.created_at = row.created_at;
    out.updated_at = row.updated_at;
    out.overdue =
        inspection::is_overdue(row.status, row.due_on, japan_date(std::chrono::system_clock::now()));
    out.side = side == Side::inspector ? "inspector" : "institution";
    out.fiscal_year = context.fiscal_year;
    out.visit_on = context.visit_on;
    out.inspecting_organisation_name = context.inspecting_organisation_name;
    out.organisation_name = context.organisation_name;
    if (row.canonical_id) {
        if (auto found = names.by_id.find(*row.canonical_id); found != names.by_id.end()) {
            out.item_label = found->second.label;
            out.item_text = found->second.text;
        }
        if (context.findings)
            for (const auto& f : *context.findings)
                if (f.canonical_id == *row.canonical_id) {
                    if (!out.finding.empty()) out.finding += "\n";
                    out.finding += f.finding;
                }
    }
    if (side == Side::inspector && row.status == inspection::RequestStatus::open)
        out.actions.push_back("edit");
    for (const auto action : {RequestAction::submit_plan, RequestAction::report_completion,
                              RequestAction::close, RequestAction::send_back})
        if (inspection::request_transition(row.status, action, side))
            out.actions.emplace_back(inspection::to_string(action));
    return out;
}

ImprovementRequest view(soci::session& sql, const improvement_records::RequestRow& row,
                        const ItemNames& names, Side side, bool with_events) {
    RequestContext context;
    if (auto visit = inspection_visits::find_visit(sql, row.visit_id)) {
        context.fiscal_year = visit->fiscal_year;
        context.visit_on = visit->planned_on;
        if (auto org = records::find_organisation(sql, visit->inspecting_organisation_id))
            context.inspecting_organisation_name = org->name;
    }
    if (auto org = records::find_organisation(sql, row.organisation_id)) context.organisation_name = org->name;
    std::vector<improvement_records::RecordFinding> findings;
    if (row.canonical_id) findings = improvement_records::record_findings(sql, row.visit_id);
    context.findings = &findings;
    auto out = view_of(row, names, side, context);
    if (with_events)
        for (const auto& e : improvement_records::events_of(sql, row.id))
            out.events.push_back({e.id, e.action, e.text, e.file_name, e.user_name,
                                  e.user_organisation_id == row.organisation_id ? "institution" : "inspector",
                                  e.at});
    return out;
}

}  // namespace mamori::services::improvement_support
