#include "assessment_state.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "assessment_records.hpp"
#include "mamori/assessment/carry_forward.hpp"
#include "mamori/catalog/comparison.hpp"
#include "mamori/core/time.hpp"

namespace mamori::services::assessment_state {

using assessment::Answer;

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

std::string fiscal_year_ja_of(const catalog::Catalog& catalog, const std::string& edition) {
    const catalog::Edition* e = catalog.latest(edition);
    return e ? e->fiscal_year_ja : edition;
}

// choice_events: the recorded edition choices as steps of the checklist's history.
std::vector<AssessmentEvent> choice_events(const catalog::Catalog& catalog,
                                           const std::vector<EditionChoice>& choices) {
    std::vector<AssessmentEvent> out;
    for (const auto& c : choices) {
        const auto from = fiscal_year_ja_of(catalog, c.from_edition),
                   to = fiscal_year_ja_of(catalog, c.edition);
        if (c.choice == "moved")
            out.push_back(
                {"edition_moved", c.at, c.by,
                 fmt::format("{}版から{}版へ（{} 行を引き継ぎ、要再確認）", from, to, c.carried_lines)});
        else
            out.push_back(
                {"edition_declined", c.at, c.by, fmt::format("{}版のまま（{}版には移さない）", from, to)});
    }
    return out;
}

// moved_from: the edition and form the checklist was on before its latest move, if it moved.
std::optional<std::pair<std::string, std::string>> moved_from(const std::vector<EditionChoice>& choices) {
    for (auto it = choices.rbegin(); it != choices.rend(); ++it)
        if (it->choice == "moved") return std::pair{it->from_edition, it->from_form};
    return std::nullopt;
}

std::vector<std::string> new_items(soci::session& sql, const Loaded& loaded,
                                   const std::vector<EditionChoice>& choices) {
    std::optional<std::pair<std::string, std::string>> earlier = moved_from(choices);
    if (!earlier && loaded.record.carried_from)
        if (auto record = assessment_records::find_assessment(sql, *loaded.record.carried_from))
            earlier = std::pair{record->edition, record->form};
    if (!earlier || earlier->first == loaded.record.edition) return {};
    auto comparison = catalog::compare(*loaded.catalog, earlier->first, loaded.record.edition,
                                       earlier->second, loaded.record.form);
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
    s.events = assessment_records::events(sql, loaded.record.id);
    s.edition_choices = assessment_records::edition_choices(sql, loaded.record.id);
    for (auto& e : choice_events(*loaded.catalog, s.edition_choices)) s.events.push_back(std::move(e));
    std::stable_sort(s.events.begin(), s.events.end(),
                     [](const AssessmentEvent& a, const AssessmentEvent& b) { return a.at < b.at; });
    s.new_items = new_items(sql, loaded, s.edition_choices);
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

// edition_for: the latest edition published for `fiscal_year` or before it.
const catalog::Edition* edition_for(const catalog::Catalog& catalog, int fiscal_year) {
    const catalog::Edition* best = nullptr;
    for (const auto& e : catalog.editions)
        if (e.latest().fiscal_year <= fiscal_year) best = &e.latest();
    return best;
}

// carried_answers: last year's answers pre-filled into `form` of `edition`, each 要再確認.
Result<std::vector<StoredAnswer>> carried_answers(soci::session& sql, const catalog::Catalog& catalog,
                                                  const AssessmentRecord& earlier, const catalog::Form& form,
                                                  const std::string& edition) {
    const auto stored = stored_answers(sql, earlier.id);
    std::vector<assessment::PriorAnswer> prior;
    for (const auto& [key, a] : stored)
        if (a.answer) prior.push_back({key, *a.answer});
    // The earlier checklist's own form says which mapping applies when forms were merged (R7 薬局確認用 →
    // one form for every institution kind).
    auto carried = assessment::carry_forward(catalog, earlier.edition, edition, earlier.form, form.id, prior);
    if (!carried) return fail(carried.error());
    const bool has_gate = assessment::gate_id(form).has_value();
    std::vector<StoredAnswer> out;
    const std::string at = to_iso_utc(std::chrono::system_clock::now());
    for (const auto& c : carried->carried) {
        if (!has_gate && c.answer.reason == assessment::NotRequiredReason::gate) continue;
        out.push_back({c.key, c.answer, true, 1, std::nullopt, at});
    }
    if (auto gate = assessment::gate_id(form)) {
        auto it = stored.find({*gate, std::string{assessment::kGateRow}});
        if (it != stored.end() && it->second.answer) {
            Answer a = *it->second.answer;
            a.confirmed_on.reset();
            out.push_back({it->first, a, true, 1, std::nullopt, at});
        }
    }
    return out;
}

std::optional<EditionOffer> newer_edition(const catalog::Catalog& catalog, const identity::Caller& caller,
                                          const Loaded& loaded, const std::vector<EditionChoice>& choices) {
    const auto& r = loaded.record;
    const catalog::Edition* newest = edition_for(catalog, r.fiscal_year);
    if (!newest || !loaded.edition || newest->id == r.edition ||
        newest->fiscal_year <= loaded.edition->fiscal_year)
        return std::nullopt;
    const int revision = newest->revision.revision;
    for (const auto& c : choices)
        if (c.edition == newest->id && c.revision == revision) return std::nullopt;
    const std::string form = form_for(*newest, loaded.organisation.kind);
    if (form.empty() || !catalog::compare(catalog, r.edition, newest->id, r.form, form)) return std::nullopt;
    const bool may_edit = identity::can_edit_assessment(caller, loaded.organisation);
    return EditionOffer{newest->id,
                        revision,
                        newest->fiscal_year,
                        newest->fiscal_year_ja,
                        newest->title_ja,
                        form,
                        may_edit && r.status == "draft",
                        may_edit};
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
