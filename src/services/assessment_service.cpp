#include "mamori/services/assessment_service.hpp"

#include <fmt/format.h>

#include "assessment_records.hpp"
#include "assessment_state.hpp"
#include "identity_records.hpp"
#include "mamori/assessment/carry_forward.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori::services {

namespace {

namespace st = assessment_state;
using assessment::Answer;
using assessment::AnswerValue;
using assessment::RowKey;
using identity::Caller;
using st::carried_answers;
using st::edition_for;

std::string now_iso() {
    return to_iso_utc(std::chrono::system_clock::now());
}

std::string target_of(const AssessmentRecord& r) {
    return fmt::format("assessment:{}", r.id);
}

// gate_answer: the stored gate answer alone (all that the rules need of the other lines).
assessment::RowAnswers gate_answer(soci::session& sql, const catalog::Form& form, std::int64_t id) {
    assessment::RowAnswers out;
    if (const auto gate = assessment::gate_id(form)) {
        const RowKey key{*gate, std::string{assessment::kGateRow}};
        if (auto stored = assessment_records::answer(sql, id, key)) out[key] = {stored->answer, false, false};
    }
    return out;
}

}  // namespace

Result<AssessmentList> AssessmentService::list(const Caller& caller, std::int64_t organisation_id) {
    auto lease = db_.acquire();
    soci::session& sql = *lease;
    auto org = services::records::find_organisation(sql, organisation_id);
    if (!org || !identity::can_read_assessments(caller, org->ref))
        return fail(ErrorCode::not_found, fmt::format("no institution {}", organisation_id));
    AssessmentList out;
    out.catalog = catalog_.snapshot()->catalog_ptr();
    for (auto& record : assessment_records::organisation_assessments(sql, organisation_id)) {
        auto loaded = st::with_catalog(catalog_, std::move(record), org->ref);  // read access checked above
        if (!loaded) return fail(loaded.error());
        auto s = st::state(sql, caller, std::move(*loaded));
        out.assessments.push_back({std::move(s.record), std::move(s.progress), std::move(s.newer_edition)});
    }
    out.may_create = identity::can_edit_assessment(caller, org->ref);
    out.suggested_fiscal_year = fiscal_year(st::today());
    // An institution answers one checklist a year; its form is the one the year's edition gives its kind
    // (the form id may change between editions, e.g. when forms are merged).
    if (const auto* e = edition_for(*out.catalog, out.suggested_fiscal_year)) {
        out.suggested_edition = e->id;
        out.suggested_form = st::form_for(*e, org->ref.kind);
    }
    for (const auto& a : out.assessments) {
        if (a.record.fiscal_year == out.suggested_fiscal_year) out.may_create = false;
        if (a.record.fiscal_year < out.suggested_fiscal_year && !out.carry_forward_from)
            out.carry_forward_from = a.record.id;
    }
    const bool may_edit = identity::can_edit_assessment(caller, org->ref);
    if (!out.catalog->editions.empty())
        for (int fy = out.suggested_fiscal_year + 1; fy >= out.catalog->editions.front().latest().fiscal_year;
             --fy) {
            const catalog::Edition* edition = edition_for(*out.catalog, fy);
            if (!edition || st::form_for(*edition, org->ref.kind).empty()) continue;
            FiscalYearChoice choice{fy, edition->id, edition->fiscal_year, std::nullopt, std::nullopt, false};
            for (const auto& a : out.assessments) {  // newest first
                if (a.record.fiscal_year == fy) choice.assessment_id = a.record.id;
                if (a.record.fiscal_year < fy && !choice.carry_forward_from)
                    choice.carry_forward_from = a.record.id;
            }
            choice.may_start = may_edit && !choice.assessment_id;
            out.years.push_back(std::move(choice));
        }
    return out;
}

Result<AssessmentState> AssessmentService::create(const Caller& caller, std::int64_t organisation_id, int fy,
                                                  bool carry_forward, const audit::Context& context) {
    const auto catalog = catalog_.snapshot()->catalog_ptr();
    const int current_fy = fiscal_year(st::today());
    return db_.transaction([&](soci::session& sql) -> Result<AssessmentState> {
        records::lock_organisation(sql, organisation_id);
        auto org = services::records::find_organisation(sql, organisation_id);
        if (!org || !identity::can_read_assessments(caller, org->ref))
            return fail(ErrorCode::not_found, fmt::format("no institution {}", organisation_id));
        if (!identity::can_edit_assessment(caller, org->ref))
            return fail(ErrorCode::forbidden, "only the institution itself starts its checklist");
        const catalog::Edition* edition = edition_for(*catalog, fy);
        if (!edition || fy > current_fy + 1)
            return fail(ErrorCode::invalid_input,
                        fmt::format("there is no checklist for fiscal year {} (from {} to {})", fy,
                                    catalog->editions.front().latest().fiscal_year, current_fy + 1),
                        "fiscal_year");
        const std::string form_id = st::form_for(*edition, org->ref.kind);
        const catalog::Form* form = edition->find(form_id);
        if (!form)
            return fail(ErrorCode::invalid_input,
                        fmt::format("edition {} has no checklist form for this organisation", edition->id));
        std::optional<AssessmentRecord> existing;
        for (auto& a : assessment_records::organisation_assessments(sql, organisation_id))
            if (a.fiscal_year == fy) existing = std::move(a);
        if (existing)
            return fail(
                ErrorCode::conflict,
                fmt::format("this institution already has its checklist for fiscal year {} (assessment {})",
                            fy, existing->id),
                "fiscal_year");

        AssessmentRecord record;
        record.organisation_id = organisation_id;
        record.fiscal_year = fy;
        record.form = form_id;
        record.edition = edition->id;
        record.edition_revision = edition->revision.revision;
        record.created_at = now_iso();
        std::vector<StoredAnswer> carried;
        std::optional<AssessmentRecord> earlier;
        if (carry_forward) {
            for (auto& a : assessment_records::organisation_assessments(sql, organisation_id))
                if (a.fiscal_year < fy) {
                    earlier = std::move(a);
                    break;
                }
            if (earlier) {
                record.carried_from = earlier->id;
                record.has_vendor_contract = earlier->has_vendor_contract;
                auto answers = carried_answers(sql, *catalog, *earlier, *form, edition->id);
                if (!answers) return fail(answers.error());
                carried = std::move(*answers);
            }
        }
        record.id = assessment_records::insert_assessment(sql, record, caller.user_id);
        assessment_records::insert_event(sql, record.id, "created", "", caller.user_id);
        for (const auto& a : carried)
            if (!assessment_records::write_answer(sql, record.id, a, caller.user_id))
                return fail(ErrorCode::internal, fmt::format("a new checklist already had line {}/{}",
                                                             a.key.canonical_id, a.key.row));
        if (earlier)
            assessment_records::insert_event(
                sql, record.id, "carried_forward",
                fmt::format("{}年度 ({}) から {} 行", earlier->fiscal_year, earlier->edition, carried.size()),
                caller.user_id);
        audit::append(
            sql,
            audit::caller_entry(caller, "assessment.created", target_of(record),
                                {{"fiscal_year", fy},
                                 {"edition", record.edition},
                                 {"form", form_id},
                                 {"carried_from", earlier ? nlohmann::json(earlier->id) : nullptr}}),
            context);
        auto loaded = st::load(sql, catalog_, caller, record.id, st::Access::read);
        if (!loaded) return fail(loaded.error());
        return st::state(sql, caller, std::move(*loaded));
    });
}

Result<AssessmentState> AssessmentService::get(const Caller& caller, std::int64_t id) {
    auto lease = db_.acquire();
    auto loaded = st::load(*lease, catalog_, caller, id, st::Access::read);
    if (!loaded) return fail(loaded.error());
    return st::state(*lease, caller, std::move(*loaded));
}

Status AssessmentService::check_editable(const Caller& caller, std::int64_t id) {
    auto lease = db_.acquire();
    auto loaded = st::load(*lease, catalog_, caller, id, st::Access::edit);
    if (!loaded) return fail(loaded.error());
    return {};
}

Result<SavedAnswer> AssessmentService::save_answer(const Caller& caller, std::int64_t id, const RowKey& key,
                                                   const AnswerInput& input, const audit::Context& context) {
    // The write transaction holds SQLite's only write lock: it checks and writes, nothing more; the page's
    // new state is read after the commit.
    auto saved = db_.transaction([&](soci::session& sql) -> Result<StoredAnswer> {
        auto loaded = st::load_for_update(sql, catalog_, caller, id, st::Access::edit);
        if (!loaded) return fail(loaded.error());
        const auto line = assessment::find_row(*loaded->form, key);
        if (!line)
            return fail(ErrorCode::not_found,
                        fmt::format("the checklist has no line {}/{}", key.canonical_id, key.row));
        const auto current = assessment_records::answer(sql, id, key);
        const int current_version = current ? current->version : 0;
        if (input.version != current_version)
            return fail(
                ErrorCode::conflict,
                fmt::format("someone else saved this answer (now version {}) after you loaded version {}",
                            current_version, input.version),
                "version");
        if (input.answer) {
            if (auto ok = st::check_line(*loaded, *line, *input.answer, gate_answer(sql, *loaded->form, id));
                !ok)
                return fail(ok.error());
        }
        const bool unchanged =
            current ? current->answer == input.answer && !current->needs_reconfirmation : !input.answer;
        if (unchanged) return current.value_or(StoredAnswer{key, std::nullopt, false, 0, std::nullopt, ""});
        if (!assessment_records::write_answer(
                sql, id,
                {key, input.answer, false, current_version + 1, UserRef{caller.user_id, ""}, now_iso()},
                caller.user_id))
            return fail(
                ErrorCode::conflict,
                fmt::format(
                    "someone else saved this answer at the same moment as you (you loaded version {})",
                    input.version),
                "version");
        // The answer's versions keep its whole content; the audit row says who changed which line when, in
        // the one chain an inspector can verify.
        audit::append(sql,
                      audit::caller_entry(
                          caller, "answer.saved", target_of(loaded->record),
                          {{"line", fmt::format("{}/{}", key.canonical_id, key.row)},
                           {"version", current_version + 1},
                           {"value", input.answer ? nlohmann::json(assessment::to_string(input.answer->value))
                                                  : nlohmann::json(nullptr)}}),
                      context);
        return *assessment_records::answer(sql, id, key);
    });
    if (!saved) return fail(saved.error());
    auto state = get(caller, id);
    if (!state) return fail(state.error());
    return SavedAnswer{std::move(*saved), std::move(*state)};
}

Result<StoredAnswer> AssessmentService::current_answer(const Caller& caller, std::int64_t id,
                                                       const RowKey& key) {
    auto lease = db_.acquire();
    auto loaded = st::load(*lease, catalog_, caller, id, st::Access::read);
    if (!loaded) return fail(loaded.error());
    return assessment_records::answer(*lease, id, key)
        .value_or(StoredAnswer{key, std::nullopt, false, 0, std::nullopt, ""});
}

Result<std::vector<StoredAnswer>> AssessmentService::history(const Caller& caller, std::int64_t id,
                                                             const RowKey& key) {
    auto lease = db_.acquire();
    auto loaded = st::load(*lease, catalog_, caller, id, st::Access::read);
    if (!loaded) return fail(loaded.error());
    if (!assessment::find_row(*loaded->form, key))
        return fail(ErrorCode::not_found,
                    fmt::format("the checklist has no line {}/{}", key.canonical_id, key.row));
    return assessment_records::answer_history(*lease, id, key);
}

Result<AssessmentState> AssessmentService::set_vendor_contract(const Caller& caller, std::int64_t id,
                                                               int version, bool has_vendor_contract,
                                                               const audit::Context& context) {
    return db_.transaction([&](soci::session& sql) -> Result<AssessmentState> {
        auto loaded = st::load_for_update(sql, catalog_, caller, id, st::Access::edit);
        if (!loaded) return fail(loaded.error());
        if (loaded->record.version != version)
            return fail(ErrorCode::conflict, "the checklist changed since you loaded it: reload it",
                        "version");
        if (loaded->record.has_vendor_contract != has_vendor_contract) {
            loaded->record.has_vendor_contract = has_vendor_contract;
            assessment_records::bump_assessment(sql, loaded->record, std::nullopt);
            assessment_records::insert_event(
                sql, id, "vendor_contract_changed",
                has_vendor_contract ? "保守業者との契約あり" : "保守業者との契約なし", caller.user_id);
            audit::append(sql,
                          audit::caller_entry(caller, "assessment.vendor_contract", target_of(loaded->record),
                                              {{"has_vendor_contract", has_vendor_contract}}),
                          context);
        }
        auto reloaded = st::load(sql, catalog_, caller, id, st::Access::read);
        if (!reloaded) return fail(reloaded.error());
        return st::state(sql, caller, std::move(*reloaded));
    });
}

Result<AssessmentState> AssessmentService::submit(const Caller& caller, std::int64_t id, int version,
                                                  const audit::Context& context) {
    return db_.transaction([&](soci::session& sql) -> Result<AssessmentState> {
        auto loaded = st::load_for_update(sql, catalog_, caller, id, st::Access::submit);
        if (!loaded) return fail(loaded.error());
        if (loaded->record.status != "draft")
            return fail(ErrorCode::conflict, "the checklist has already been submitted");
        if (loaded->record.version != version)
            return fail(ErrorCode::conflict, "the checklist changed since you loaded it: reload it",
                        "version");
        auto current = st::state(sql, caller, *loaded);
        if (!current.progress.incomplete.empty()) {
            Error e{ErrorCode::invalid_input,
                    fmt::format("{} lines are not answered or not confirmed yet",
                                current.progress.incomplete.size()),
                    {}};
            for (const auto& m : current.progress.incomplete)
                e.fields.push_back({fmt::format("{}/{}", m.key.canonical_id, m.key.row), m.reason});
            return fail(std::move(e));
        }
        loaded->record.status = "submitted";
        loaded->record.submitted_at = now_iso();
        assessment_records::bump_assessment(sql, loaded->record, caller.user_id);
        assessment_records::insert_event(sql, id, "submitted", "", caller.user_id);
        audit::append(sql, audit::caller_entry(caller, "assessment.submitted", target_of(loaded->record)),
                      context);
        auto reloaded = st::load(sql, catalog_, caller, id, st::Access::read);
        if (!reloaded) return fail(reloaded.error());
        return st::state(sql, caller, std::move(*reloaded));
    });
}

Result<AssessmentState> AssessmentService::reopen(const Caller& caller, std::int64_t id,
                                                  const std::string& reason, const audit::Context& context) {
    const long length = character_count(reason);
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos || length < 0 || length > 500)
        return fail(ErrorCode::invalid_input, "say why the checklist is reopened (at most 500 characters)",
                    "reason");
    return db_.transaction([&](soci::session& sql) -> Result<AssessmentState> {
        auto loaded = st::load_for_update(sql, catalog_, caller, id, st::Access::submit);
        if (!loaded) return fail(loaded.error());
        if (loaded->record.status != "submitted")
            return fail(ErrorCode::conflict, "the checklist is not submitted, so there is nothing to reopen");
        loaded->record.status = "draft";
        loaded->record.submitted_at.reset();
        assessment_records::bump_assessment(sql, loaded->record, std::nullopt);
        assessment_records::insert_event(sql, id, "reopened", reason, caller.user_id);
        audit::append(sql,
                      audit::caller_entry(caller, "assessment.reopened", target_of(loaded->record),
                                          {{"reason", reason}}),
                      context);
        auto reloaded = st::load(sql, catalog_, caller, id, st::Access::read);
        if (!reloaded) return fail(reloaded.error());
        return st::state(sql, caller, std::move(*reloaded));
    });
}

}  // namespace mamori::services
