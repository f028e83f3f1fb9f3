// Moving a checklist onto a newer edition of its fiscal year, or declining to (ADR 0017).
#include <fmt/format.h>

#include <algorithm>

#include "assessment_records.hpp"
#include "assessment_state.hpp"
#include "identity_records.hpp"
#include "mamori/assessment/edition_move.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/assessment_service.hpp"

namespace mamori::services {

namespace {

namespace st = assessment_state;
using identity::Caller;

std::string now_iso() {
    return to_iso_utc(std::chrono::system_clock::now());
}

// offered: the offer the caller may act on, or a conflict naming why `edition` is not it.
Result<EditionOffer> offered(const st::Loaded& loaded, const std::optional<EditionOffer>& offer,
                             const std::string& edition, std::optional<int> revision) {
    if (!offer)
        return fail(
            ErrorCode::conflict,
            fmt::format("no newer edition is offered to this checklist (it is on {} and no later edition "
                        "for fiscal year {} is waiting for a choice)",
                        loaded.record.edition, loaded.record.fiscal_year),
            "edition");
    if (offer->edition != edition)
        return fail(
            ErrorCode::conflict,
            fmt::format("the edition offered to this checklist is {}, not {}", offer->edition, edition),
            "edition");
    if (revision && *revision != offer->revision)
        return fail(ErrorCode::conflict,
                    fmt::format("edition {} is now at revision {}: reload and choose again", edition,
                                offer->revision),
                    "revision");
    return *offer;
}

// same_evidence: `a` and `b` hold the same file or link.
bool same_evidence(const Evidence& a, const Evidence& b) {
    return a.kind == b.kind && a.sha256 == b.sha256 && a.url == b.url;
}

}  // namespace

Result<AssessmentState> AssessmentService::move_to_edition(const Caller& caller, std::int64_t id,
                                                           const std::string& edition,
                                                           std::optional<int> revision, int version,
                                                           const audit::Context& context) {
    return db_.transaction([&](soci::session& sql) -> Result<AssessmentState> {
        // The organisation first, as `create` does, then the assessment: a move and a start of the same
        // year's checklist, or two moves, queue behind each other.
        if (auto r = assessment_records::find_assessment(sql, id))
            records::lock_organisation(sql, r->organisation_id);
        auto loaded = st::load_for_update(sql, catalog_, caller, id, st::Access::read);
        if (!loaded) return fail(loaded.error());
        if (!identity::can_edit_assessment(caller, loaded->organisation))
            return fail(ErrorCode::forbidden,
                        "only the institution's administrators, security managers and editors may move its "
                        "checklist onto a newer edition");
        if (loaded->record.status != "draft")
            return fail(
                ErrorCode::conflict,
                "a submitted checklist stays on the edition it was submitted on: reopen it first if it "
                "must be answered on the newer edition",
                "status");
        if (loaded->record.version != version)
            return fail(ErrorCode::conflict, "the checklist changed since you loaded it: reload it",
                        "version");
        const auto choices = assessment_records::edition_choices(sql, id);
        auto offer = offered(*loaded, st::newer_edition(*loaded->catalog, caller, *loaded, choices), edition,
                             revision);
        if (!offer) return fail(offer.error());
        const catalog::Edition* target = loaded->catalog->revisions(offer->edition)->find(offer->revision);
        const catalog::Form* form = target ? target->find(offer->form) : nullptr;
        if (!form)
            return fail(ErrorCode::internal, fmt::format("edition {} lost form {}", edition, offer->form));

        const auto stored = st::stored_answers(sql, id);
        const auto evidence = assessment_records::evidence(sql, id);
        assessment::EditionMoveInput input{
            loaded->record.edition, loaded->record.form, offer->edition, offer->form, {}, {}};
        for (const auto& [key, a] : stored)
            if (a.answer) input.answers.push_back({key, *a.answer});
        for (const auto& e : evidence)
            if (std::find(input.evidence.begin(), input.evidence.end(), e.key) == input.evidence.end())
                input.evidence.push_back(e.key);
        auto plan = assessment::plan_edition_move(*loaded->catalog, input);
        if (!plan) return fail(plan.error());
        // The answers as `create` carries them (the gate question included), each written as the next version
        // of its line; a line of the new form that nothing maps to but that held an answer is cleared, as a
        // new version too. Lines the new form lacks are left as they are.
        auto carried = st::carried_answers(sql, *loaded->catalog, loaded->record, *form, offer->edition);
        if (!carried) return fail(carried.error());
        const std::string at = now_iso();
        std::vector<StoredAnswer> writes;
        for (auto& c : *carried) writes.push_back(std::move(c));
        for (const auto& [key, a] : stored) {
            const bool written = std::any_of(writes.begin(), writes.end(),
                                             [&key](const StoredAnswer& w) { return w.key == key; });
            if (!written && a.answer && assessment::find_row(*form, key))
                writes.push_back({key, std::nullopt, false, 1, std::nullopt, at});
        }
        for (auto& w : writes) {
            const auto current = stored.find(w.key);
            w.version = current == stored.end() ? 1 : current->second.version + 1;
            w.answered_at = at;
            if (!assessment_records::write_answer(sql, id, w, caller.user_id))
                return fail(ErrorCode::conflict,
                            fmt::format("someone saved line {}/{} while the checklist was being moved: retry",
                                        w.key.canonical_id, w.key.row));
        }
        int evidence_moved = 0;
        for (const auto& move : plan->evidence)
            for (const auto& e : evidence) {
                if (e.key != move.from) continue;
                const bool present = std::any_of(
                    evidence.begin(), evidence.end(),
                    [&](const Evidence& other) { return other.key == move.to && same_evidence(other, e); });
                if (present) continue;
                Evidence copy = e;
                copy.key = move.to;
                assessment_records::insert_evidence(sql, id, copy,
                                                    e.added_by ? e.added_by->id : caller.user_id);
                ++evidence_moved;
            }
        const int carried_lines = static_cast<int>(std::count_if(
            writes.begin(), writes.end(), [](const StoredAnswer& w) { return w.answer.has_value(); }));
        EditionChoice choice{offer->edition,
                             offer->revision,
                             "moved",
                             loaded->record.edition,
                             loaded->record.edition_revision,
                             loaded->record.form,
                             carried_lines,
                             std::nullopt,
                             at};
        assessment_records::insert_edition_choice(sql, id, choice, caller.user_id);
        assessment_records::repin_assessment(sql, id, offer->edition, offer->revision, offer->form);
        audit::append(
            sql,
            audit::caller_entry(
                caller, "assessment.edition_moved", fmt::format("assessment:{}", id),
                {{"from",
                  {{"edition", loaded->record.edition},
                   {"revision", loaded->record.edition_revision},
                   {"form", loaded->record.form}}},
                 {"to", {{"edition", offer->edition}, {"revision", offer->revision}, {"form", offer->form}}},
                 {"carried_lines", carried_lines},
                 {"cleared_lines", static_cast<int>(writes.size()) - carried_lines},
                 {"hidden_lines", plan->hidden.size()},
                 {"evidence_attached", evidence_moved}}),
            context);
        auto reloaded = st::load(sql, catalog_, caller, id, st::Access::read);
        if (!reloaded) return fail(reloaded.error());
        return st::state(sql, caller, std::move(*reloaded));
    });
}

Result<AssessmentState> AssessmentService::decline_edition(const Caller& caller, std::int64_t id,
                                                           const std::string& edition,
                                                           std::optional<int> revision,
                                                           const audit::Context& context) {
    return db_.transaction([&](soci::session& sql) -> Result<AssessmentState> {
        if (auto r = assessment_records::find_assessment(sql, id))
            records::lock_organisation(sql, r->organisation_id);
        auto loaded = st::load_for_update(sql, catalog_, caller, id, st::Access::read);
        if (!loaded) return fail(loaded.error());
        if (!identity::can_edit_assessment(caller, loaded->organisation))
            return fail(ErrorCode::forbidden,
                        "only the institution's administrators, security managers and editors decide which "
                        "edition its checklist is on");
        const auto choices = assessment_records::edition_choices(sql, id);
        auto offer = offered(*loaded, st::newer_edition(*loaded->catalog, caller, *loaded, choices), edition,
                             revision);
        if (!offer) return fail(offer.error());
        EditionChoice choice{offer->edition,
                             offer->revision,
                             "declined",
                             loaded->record.edition,
                             loaded->record.edition_revision,
                             loaded->record.form,
                             0,
                             std::nullopt,
                             now_iso()};
        assessment_records::insert_edition_choice(sql, id, choice, caller.user_id);
        audit::append(
            sql,
            audit::caller_entry(caller, "assessment.edition_declined", fmt::format("assessment:{}", id),
                                {{"edition", offer->edition},
                                 {"revision", offer->revision},
                                 {"stays_on",
                                  {{"edition", loaded->record.edition},
                                   {"revision", loaded->record.edition_revision},
                                   {"form", loaded->record.form}}}}),
            context);
        auto reloaded = st::load(sql, catalog_, caller, id, st::Access::read);
        if (!reloaded) return fail(reloaded.error());
        return st::state(sql, caller, std::move(*reloaded));
    });
}

}  // namespace mamori::services
