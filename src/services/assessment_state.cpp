#include "assessment_state.hpp"

#include <fmt/format.h>

#include <optional>
#include <utility>

#include "assessment_records.hpp"
#include "mamori/catalog/comparison.hpp"
#include "mamori/core/time.hpp"

namespace mamori::services::assessment_state {

Result<Loaded> load(soci::session& sql, const CatalogService& catalog, const identity::Caller& caller,
                    std::int64_t id, Access access) {
    auto record = assessment_records::find_assessment(sql, id);
    auto org = record ? services::records::find_organisation(sql, record->organisation_id) : std::nullopt;
    if (!record || !org || !identity::can_read_assessments(caller, org->ref))
        return fail(ErrorCode::not_found, fmt::format("no assessment {}", id));
    if (access == Access::edit && !identity::can_edit_assessment(caller, org->ref))
        return fail(ErrorCode::forbidden,
                    "only the institution's administrators, security managers and editors "
                    "may change its checklist");
    if (access == Access::submit && !identity::can_submit_assessment(caller, org->ref))
        return fail(ErrorCode::forbidden,
                    "only the institution's administrators and security managers may submit or reopen it");
    if (access == Access::edit && record->status == "submitted")
        return fail(ErrorCode::conflict, "the checklist has been submitted: reopen it to make changes");
    return with_catalog(catalog, std::move(*record), org->ref);
}

Result<Loaded> load_for_update(soci::session& sql, const CatalogService& catalog,
                               const identity::Caller& caller, std::int64_t id, Access access) {
    assessment_records::lock_assessment(sql, id);
    return load(sql, catalog, caller, id, access);
}

Result<Loaded> with_catalog(const CatalogService& catalog, AssessmentRecord record,
                            identity::OrganisationRef organisation) {
    Loaded out{std::move(record), std::move(organisation), catalog.snapshot()->catalog_ptr(), nullptr,
               nullptr};
    const auto& r = out.record;
    const auto* revisions = out.catalog->revisions(r.edition);
    out.edition = revisions ? revisions->find(r.edition_revision) : nullptr;
    out.form = out.edition ? out.edition->find(r.form) : nullptr;
    // Another app server may have imported that revision moments ago; this one serves it within 10 s.
    if (!out.form)
        return fail(
            ErrorCode::unavailable,
            fmt::format("assessment {}: edition {} revision {} form {} is not in this server's catalog "
                        "yet; retry in a few seconds",
                        r.id, r.edition, r.edition_revision, r.form));
    return out;
}

std::map<assessment::RowKey, StoredAnswer, assessment::RowKeyLess> stored_answers(soci::session& sql,
                                                                                  std::int64_t id) {
    std::map<assessment::RowKey, StoredAnswer, assessment::RowKeyLess> out;
    for (auto& a : assessment_records::answers(sql, id)) {
        auto key = a.key;
        out.emplace(std::move(key), std::move(a));
    }
    return out;
}

assessment::RowAnswers row_answers(
    const std::map<assessment::RowKey, StoredAnswer, assessment::RowKeyLess>& s) {
    assessment::RowAnswers out;
    for (const auto& [key, a] : s) out[key] = {a.answer, a.needs_reconfirmation, false};
    return out;
}

namespace {

// previous_form: the edition before `edition_id` in the catalog and the form an institution of `kind`
// answered there, or nullopt for the first edition.
std::optional<std::pair<std::string, std::string>> previous_form(const catalog::Catalog& catalog,
                                                                 std::string_view edition_id,
                                                                 identity::OrgKind kind) {
    const catalog::Edition* previous = nullptr;
    for (const auto& revisions : catalog.editions) {
        if (revisions.latest().id == edition_id) break;
        previous = &revisions.latest();
    }
    if (!previous) return std::nullopt;
    std::string form = form_for(*previous, kind);
    if (form.empty()) return std::nullopt;
    return std::make_pair(previous->id, std::move(form));
}

// new_items: the items new in this checklist's edition (新規): against the edition and form of the checklist
// it was carried from, else against the edition before it, through the mapping (merged forms included).
std::vector<std::string> new_items(soci::session& sql, const Loaded& loaded) {
    std::optional<std::pair<std::string, std::string>> from;
    if (loaded.record.carried_from)
        if (auto earlier = assessment_records::find_assessment(sql, *loaded.record.carried_from))
            from = std::make_pair(earlier->edition, earlier->form);
    if (!from) from = previous_form(*loaded.catalog, loaded.record.edition, loaded.organisation.kind);
    if (!from || from->first == loaded.record.edition) return {};
    auto comparison = catalog::compare(*loaded.catalog, from->first, loaded.record.edition, from->second,
                                       loaded.record.form);
    if (!comparison) return {};
    std::vector<std::string> out;
    for (const auto& entry : comparison->entries)
        if (entry.kind == catalog::MappingKind::added && entry.to_item)
            out.push_back(entry.to_item->canonical_id);
    return out;
}

}  // namespace

AssessmentState state(soci::session& sql, const identity::Caller& caller, Loaded loaded) {
    AssessmentState s;
    s.stored = stored_answers(sql, loaded.record.id);
    s.effective =
        assessment::effective_answers(*loaded.form, row_answers(s.stored), loaded.record.has_vendor_contract);
    s.evidence = assessment_records::evidence(sql, loaded.record.id);
    s.edition_choices = assessment_records::edition_choices(sql, loaded.record.id);
    s.events = with_choice_events(*loaded.catalog, assessment_records::events(sql, loaded.record.id),
                                  s.edition_choices);
    s.new_items = new_items(sql, loaded);
    if (auto added = items_added_since_move(*loaded.catalog, loaded, s.edition_choices))
        s.new_items = std::move(*added);
    s.newer_edition = newer_edition(*loaded.catalog, caller, loaded, s.edition_choices);
    const bool draft = loaded.record.status == "draft";
    s.permissions.edit = draft && identity::can_edit_assessment(caller, loaded.organisation);
    s.permissions.submit = draft && identity::can_submit_assessment(caller, loaded.organisation);
    s.permissions.reopen = !draft && identity::can_submit_assessment(caller, loaded.organisation);
    s.progress = assessment::progress(*loaded.form, loaded.catalog->priorities, s.effective, today());
    s.record = std::move(loaded.record);
    s.catalog = std::move(loaded.catalog);
    s.edition = loaded.edition;
    s.form = loaded.form;
    return s;
}

Status check_line(const Loaded& loaded, const assessment::ChecklistRow& line,
                  const assessment::Answer& answer, const assessment::RowAnswers& stored) {
    if (line.is_gate()) return assessment::check_gate_answer(answer, today());
    const auto context = assessment::answer_context(*loaded.form, line, loaded.record.fiscal_year,
                                                    assessment::gate_answered_no(*loaded.form, stored),
                                                    loaded.record.has_vendor_contract);
    return assessment::check_answer(answer, context, today());
}

std::chrono::year_month_day today() {
    return japan_date(std::chrono::system_clock::now());
}

std::string form_for(const catalog::Edition& edition, identity::OrgKind kind) {
    switch (kind) {
        case identity::OrgKind::hospital:
        case identity::OrgKind::clinic:
        case identity::OrgKind::dental_clinic:
        case identity::OrgKind::pharmacy: break;
        default: return {};  // vendors answer their forms per system, not as an institution checklist
    }
    const catalog::Form* form = edition.form_for_kind(identity::to_string(kind));
    return form ? form->id : std::string{};
}

}  // namespace mamori::services::assessment_state
