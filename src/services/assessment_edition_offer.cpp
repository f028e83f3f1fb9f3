// What a checklist is offered and carries across editions (internal to the assessment service, declared in
// assessment_state.hpp): the edition a year uses, answers carried through the mapping, the newer edition a
// checklist may move onto (ADR 0017), and the recorded choices as steps of its history.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "assessment_state.hpp"
#include "mamori/assessment/carry_forward.hpp"
#include "mamori/catalog/comparison.hpp"
#include "mamori/core/time.hpp"

namespace mamori::services::assessment_state {

using assessment::Answer;

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

}  // namespace

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

std::vector<AssessmentEvent> with_choice_events(const catalog::Catalog& catalog,
                                                std::vector<AssessmentEvent> events,
                                                const std::vector<EditionChoice>& choices) {
    for (auto& e : choice_events(catalog, choices)) events.push_back(std::move(e));
    std::stable_sort(events.begin(), events.end(),
                     [](const AssessmentEvent& a, const AssessmentEvent& b) { return a.at < b.at; });
    return events;
}

std::optional<std::vector<std::string>> items_added_since_move(const catalog::Catalog& catalog,
                                                               const Loaded& loaded,
                                                               const std::vector<EditionChoice>& choices) {
    const auto from = moved_from(choices);
    if (!from || from->first == loaded.record.edition) return std::nullopt;
    auto comparison =
        catalog::compare(catalog, from->first, loaded.record.edition, from->second, loaded.record.form);
    if (!comparison) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& entry : comparison->entries)
        if (entry.kind == catalog::MappingKind::added && entry.to_item)
            out.push_back(entry.to_item->canonical_id);
    return out;
}

}  // namespace mamori::services::assessment_state
