// The registers beside the checklist: the facts from the systems register, the device ledger and the
// preparedness records, the answers from the checklist, and the warnings the pure rules
// (vendors::register_context, preparedness::checklist_context) find between them.
#include "mamori/services/checklist_register_context.hpp"

#include <algorithm>
#include <chrono>

#include "mamori/assessment/checklist.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/preparedness.hpp"
#include "mamori/services/vendor_disclosures.hpp"
#include "assessment_ledger_annex.hpp"
#include "systems_register_records.hpp"

namespace mamori::services {

namespace {

std::optional<assessment::AnswerValue> answer_of(const AssessmentState& state, std::string_view canonical_id) {
    for (const auto& [key, row] : state.effective)
        if (key.canonical_id == canonical_id && row.answer) return row.answer->value;
    return std::nullopt;
}

// add_ledger_facts: the device ledger and its known-exploited findings not dealt with, as the checklist's
// PDF annex summarises them (one reading of the ledger for both).
void add_ledger_facts(soci::session& sql, std::int64_t institution, vendors::RegisterFacts& f) {
    const auto ledger = ledger_annex(sql, institution);
    if (!ledger) return;
    f.assets_in_use = ledger->in_use;
    f.assets_without_cpe = ledger->without_cpe;
    if (const auto day = parse_iso_date(ledger->last_change)) {
        using std::chrono::sys_days;
        const auto today = sys_days(japan_date(std::chrono::system_clock::now()));
        f.days_since_ledger_change = std::max(0, static_cast<int>((today - sys_days(*day)).count()));
    }
    f.open_kev_findings = ledger->open_kev;
    for (const auto& finding : ledger->kev_findings)
        if (std::find(f.open_kev_assets.begin(), f.open_kev_assets.end(), finding.asset_name) == f.open_kev_assets.end())
            f.open_kev_assets.push_back(finding.asset_name);
}

// own_checklist: the assessment, if it is the caller's institution's own (the registers are seen by nobody
// else: not_found).
Result<AssessmentState> own_checklist(AssessmentService& assessments, const identity::Caller& caller,
                                      std::int64_t assessment_id) {
    auto state = assessments.get(caller, assessment_id);
    if (!state) return fail(state.error());
    if (!identity::is_institution(caller.organisation.kind) ||
        caller.organisation.id != state->record.organisation_id)
        return fail(ErrorCode::not_found, "the institution's registers are seen only by its own users");
    return state;
}

}  // namespace

vendors::RegisterFacts register_facts(soci::session& sql, std::int64_t institution) {
    vendors::RegisterFacts f;
    for (const auto& s : systems_records::systems_of(sql, institution)) {
        if (s.status != "in_use") continue;
        const auto& r = s.record;
        ++f.systems_in_use;
        if (!r.vendor_name.empty() || r.vendor_organisation_id) f.with_vendor.push_back(r.name);
        if (r.remote_maintenance) {
            f.with_remote_maintenance.push_back(r.name);
            if (r.remote_device.empty() || r.connection_point.empty()) f.remote_points_unrecorded.push_back(r.name);
        }
    }
    // MDS/SDS as the linked vendors gave them (a vendor not in mamori cannot have sent one here).
    auto disclosures = disclosure_summary(sql, institution);
    f.linked_vendor_systems = disclosures.systems_with_vendor;
    f.without_current_disclosure = std::move(disclosures.without);
    f.vendors_without_disclosure = std::move(disclosures.vendors_without);
    add_ledger_facts(sql, institution, f);
    return f;
}

Result<ChecklistRegisterContext> checklist_register_context(AssessmentService& assessments, store::Database& db,
                                                            const identity::Caller& caller,
                                                            std::int64_t assessment_id) {
    auto state = own_checklist(assessments, caller, assessment_id);
    if (!state) return fail(state.error());
    ChecklistRegisterContext out;
    out.has_vendor_contract = state->record.has_vendor_contract;
    {
        auto lease = db.acquire();
        out.facts = register_facts(*lease, state->record.organisation_id);
    }
    vendors::ChecklistFacts checklist;
    checklist.has_vendor_contract = state->record.has_vendor_contract;
    for (const auto& item : state->form->items)
        if (assessment::requires_vendor_contract(item)) checklist.vendor_contract_items.push_back(item.canonical_id);
    checklist.remote_maintenance_answer = answer_of(*state, vendors::kRemoteMaintenanceItem);
    checklist.disclosure_answer = answer_of(*state, vendors::kDisclosureItem);
    checklist.ledger_answer = answer_of(*state, vendors::kLedgerItem);
    checklist.patch_answer = answer_of(*state, vendors::kPatchItem);
    out.items = vendors::register_context(out.facts, checklist);
    return out;
}

Result<ChecklistPreparednessContext> checklist_preparedness_context(AssessmentService& assessments,
                                                                    store::Database& db,
                                                                    const identity::Caller& caller,
                                                                    std::int64_t assessment_id) {
    auto state = own_checklist(assessments, caller, assessment_id);
    if (!state) return fail(state.error());
    auto facts = PreparednessService(db).checklist_facts(caller);
    if (!facts) return fail(facts.error());
    const preparedness::ChecklistAnswers answers{answer_of(*state, preparedness::kContactChartItem),
                                                 answer_of(*state, preparedness::kBackupItem),
                                                 answer_of(*state, preparedness::kBcpItem)};
    ChecklistPreparednessContext out;
    out.items = preparedness::checklist_context(*facts, answers);
    out.facts = std::move(*facts);
    return out;
}

}  // namespace mamori::services
