#include "assessment_json.hpp"

#include <fmt/format.h>

#include "checklist_template.hpp"
#include "json_fragments.hpp"
#include "json_input.hpp"
#include "mamori/core/time.hpp"

namespace mamori::api {

namespace {

using nlohmann::json;
using services::AssessmentState;

json user_json(const std::optional<services::UserRef>& u) {
    if (!u) return nullptr;
    return {{"id", u->id}, {"name", u->name}};
}

json date_json(const std::optional<std::chrono::year_month_day>& d) {
    return d ? json(to_iso_date(*d)) : json(nullptr);
}

json answer_fields(const assessment::Answer& a) {
    json second = nullptr;
    if (a.second)
        second = {{"value", assessment::to_string(a.second->value)},
                  {"confirmed_on", to_iso_date(a.second->confirmed_on)}};
    return {{"value", assessment::to_string(a.value)},
            {"reason", a.reason ? json(assessment::to_string(*a.reason)) : json(nullptr)},
            {"confirmed_on", date_json(a.confirmed_on)},
            {"target_date", date_json(a.target_date)},
            {"second", second},
            {"note", a.note}};
}

json record_json(const services::AssessmentRecord& r) {
    return {{"id", r.id},
            {"organisation",
             {{"id", r.organisation_id}, {"name", r.organisation_name}, {"kind", r.organisation_kind}}},
            {"fiscal_year", r.fiscal_year},
            {"fiscal_year_ja", fiscal_year_ja(r.fiscal_year)},
            {"form", r.form},
            {"edition", r.edition},
            {"edition_revision", r.edition_revision},
            {"status", r.status},
            {"version", r.version},
            {"has_vendor_contract", r.has_vendor_contract},
            {"carried_from", r.carried_from ? json(*r.carried_from) : json(nullptr)},
            {"created_at", r.created_at},
            {"submitted_at", r.submitted_at ? json(*r.submitted_at) : json(nullptr)},
            {"submitted_by", user_json(r.submitted_by)}};
}

json offer_json(const std::optional<services::EditionOffer>& o) {
    if (!o) return nullptr;
    return {{"edition", o->edition},         {"revision", o->revision},
            {"fiscal_year", o->fiscal_year}, {"fiscal_year_ja", o->fiscal_year_ja},
            {"title_ja", o->title_ja},       {"form", o->form},
            {"may_move", o->may_move},       {"may_decline", o->may_decline}};
}

json choices_json(const std::vector<services::EditionChoice>& choices) {
    json out = json::array();
    for (const auto& c : choices)
        out.push_back(
            {{"edition", c.edition},
             {"revision", c.revision},
             {"choice", c.choice},
             {"from", {{"edition", c.from_edition}, {"revision", c.from_revision}, {"form", c.from_form}}},
             {"carried_lines", c.carried_lines},
             {"by", user_json(c.by)},
             {"at", c.at}});
    return out;
}

json open_row_json(const assessment::OpenRow& row) {
    json out = open_row_fixed(row.key, row.item);
    out["target_date"] = date_json(row.target_date);
    return out;
}

json missing_row_json(const assessment::MissingRow& row) {
    json out = missing_row_fixed(row.key);
    out["reason"] = row.reason;
    return out;
}

}  // namespace

json stored_answer_json(const services::StoredAnswer& a) {
    json out = a.answer ? answer_fields(*a.answer) : json{{"value", nullptr}};
    out["needs_reconfirmation"] = a.needs_reconfirmation;
    out["version"] = a.version;
    out["answered_by"] = user_json(a.answered_by);
    out["answered_at"] = a.answered_at.empty() ? json(nullptr) : json(a.answered_at);
    return out;
}

json evidence_json(const services::Evidence& e) {
    const bool file = e.kind == "file";
    return {{"id", e.id},
            {"kind", e.kind},
            {"file_name", file ? json(e.file_name) : json(nullptr)},
            {"media_type", file ? json(e.media_type) : json(nullptr)},
            {"size", file ? json(e.size) : json(nullptr)},
            {"sha256", file ? json(e.sha256) : json(nullptr)},
            {"url", file ? json(nullptr) : json(e.url)},
            {"title", e.title.empty() ? json(nullptr) : json(e.title)},
            {"added_at", e.added_at},
            {"added_by", user_json(e.added_by)}};
}

json line_answer_json(const AssessmentState& s, const assessment::RowKey& key) {
    const auto effective = s.effective.find(key);
    const auto stored = s.stored.find(key);
    const bool answered = effective != s.effective.end() && effective->second.answer;
    const auto with_key = [&key](const services::Evidence& e) { return e.key == key; };
    if (!answered && stored == s.stored.end() && std::none_of(s.evidence.begin(), s.evidence.end(), with_key))
        return nullptr;
    json evidence = json::array();
    for (const auto& e : s.evidence)
        if (with_key(e)) evidence.push_back(evidence_json(e));
    if (!answered) {
        // Cleared, or evidence added before answering: the version still matters for the next save.
        json out = stored != s.stored.end() ? stored_answer_json(stored->second)
                                            : json{{"value", nullptr}, {"version", 0}};
        out["evidence"] = evidence;
        out["derived"] = false;
        return out;
    }
    json out = answer_fields(*effective->second.answer);
    out["needs_reconfirmation"] = effective->second.needs_reconfirmation;
    out["derived"] = effective->second.derived;
    out["version"] = stored != s.stored.end() ? stored->second.version : 0;
    out["answered_by"] = stored != s.stored.end() ? user_json(stored->second.answered_by) : json(nullptr);
    out["answered_at"] = stored != s.stored.end() ? json(stored->second.answered_at) : json(nullptr);
    out["evidence"] = evidence;
    return out;
}

namespace {

json progress_numbers(const assessment::Progress& p);

// progress_counts: the progress object without its roadmap.
json progress_counts(const assessment::Progress& p) {
    json open = json::array(), overdue = json::array(), incomplete = json::array();
    for (const auto& r : p.open) open.push_back(open_row_json(r));
    for (const auto& r : p.overdue) overdue.push_back(open_row_json(r));
    for (const auto& m : p.incomplete) incomplete.push_back(missing_row_json(m));
    json out = progress_numbers(p);
    out["open"] = std::move(open);
    out["overdue"] = std::move(overdue);
    out["incomplete"] = std::move(incomplete);
    return out;
}

// progress_numbers: the progress object's counts.
json progress_numbers(const assessment::Progress& p) {
    return {{"rows_total", p.rows_total},
            {"rows_answered", p.rows_answered},
            {"percent", p.percent},
            {"yes", p.yes},
            {"no", p.no},
            {"not_required", p.not_required},
            {"needs_reconfirmation", p.needs_reconfirmation}};
}

// write_open_rows: `rows` as a JSON array, each from its line's template when the form has it.
void write_open_rows(std::string& out, const ChecklistTemplate& page,
                     const std::vector<assessment::OpenRow>& rows) {
    out += '[';
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i > 0) out += ',';
        const auto* line = page.line(rows[i].key);
        if (line == nullptr) {
            append_json(out, open_row_json(rows[i]));
            continue;
        }
        out += line->open[0];
        append_json(out, date_json(rows[i].target_date));
        out += line->open[1];
    }
    out += ']';
}

void write_missing_rows(std::string& out, const ChecklistTemplate& page,
                        const std::vector<assessment::MissingRow>& rows) {
    out += '[';
    std::map<std::string_view, std::string> reasons;  // a handful of sentences, each written once
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i > 0) out += ',';
        const auto* line = page.line(rows[i].key);
        if (line == nullptr) {
            append_json(out, missing_row_json(rows[i]));
            continue;
        }
        out += line->missing[0];
        auto reason = reasons.find(rows[i].reason);
        if (reason == reasons.end())
            reason = reasons.emplace(rows[i].reason, dump_json(rows[i].reason)).first;
        out += reason->second;
        out += line->missing[1];
    }
    out += ']';
}

const char* step_state(const assessment::RoadmapStep& step) {
    return step.answered_no ? "no" : "unanswered";
}

// write_item: one item of the page, its fixed text from the template and its lines' answers from `s`.
void write_item(std::string& out, const AssessmentState& s, const catalog::Item& item,
                const ChecklistTemplate::ItemText& text, std::map<int, std::string>& latest_dates) {
    const bool is_new =
        std::find(s.new_items.begin(), s.new_items.end(), item.canonical_id) != s.new_items.end();
    out += text.parts[0];
    out += is_new ? "true" : "false";
    out += text.parts[1];
    out += '[';
    for (std::size_t i = 0; i < item.rows.size(); ++i) {
        const auto& row = text.rows[i];
        if (i > 0) out += ',';
        out += row.parts[0];
        const json answer = line_answer_json(s, {item.canonical_id, item.rows[i].key});
        if (answer.is_null()) {
            out += "null";
        } else {
            append_json(out, answer);
        }
        out += row.parts[1];
        // A line's latest target date depends on its target year alone; a page has two or three of them.
        auto date = latest_dates.find(row.target_fiscal_year.value_or(0));
        if (date == latest_dates.end()) {
            assessment::AnswerContext context;
            context.assessment_fiscal_year = s.record.fiscal_year;
            context.row_target_fiscal_year = row.target_fiscal_year;
            date = latest_dates
                       .emplace(row.target_fiscal_year.value_or(0),
                                dump_json(to_iso_date(assessment::latest_target_date(context))))
                       .first;
        }
        out += date->second;
        out += row.parts[2];
    }
    out += ']';
    out += text.parts[2];
}

}  // namespace

json progress_json(const assessment::Progress& p, const catalog::Json& priorities) {
    json out = progress_counts(p);
    json steps = json::array();
    for (const auto& step : p.roadmap) {
        json entry = roadmap_fixed(priorities, *step.item);
        entry["rank"] = step.rank;
        entry["state"] = step_state(step);
        steps.push_back(std::move(entry));
    }
    out["roadmap"] = std::move(steps);
    return out;
}

std::string progress_text(const AssessmentState& s) {
    const auto page = checklist_template(s.catalog, *s.edition, *s.form);
    const auto& p = s.progress;
    const auto parts = json_fragments(progress_numbers(p), {"incomplete", "open", "overdue", "roadmap"});
    std::string out = parts[0];
    write_missing_rows(out, *page, p.incomplete);
    out += parts[1];
    write_open_rows(out, *page, p.open);
    out += parts[2];
    write_open_rows(out, *page, p.overdue);
    out += parts[3];
    out += '[';
    for (std::size_t i = 0; i < s.progress.roadmap.size(); ++i) {
        const auto& step = s.progress.roadmap[i];
        if (i > 0) out += ',';
        if (const auto* fixed = page->roadmap(*step.item)) {
            out += (*fixed)[0];
            out += std::to_string(step.rank);
            out += (*fixed)[1];
            append_json(out, step_state(step));
            out += (*fixed)[2];
        } else {
            json entry = roadmap_fixed(s.catalog->priorities_json, *step.item);
            entry["rank"] = step.rank;
            entry["state"] = step_state(step);
            append_json(out, entry);
        }
    }
    out += ']';
    out += parts[4];
    return out;
}

std::string saved_answer_text(const AssessmentState& s, const assessment::RowKey& key) {
    std::string out = "{\"answer\":";
    append_json(out, line_answer_json(s, key));
    out += ",\"progress\":";
    out += progress_text(s);
    out += '}';
    return out;
}

std::string assessment_page(const AssessmentState& s) {
    const auto page = checklist_template(s.catalog, *s.edition, *s.form);
    json out = record_json(s.record);
    out.erase("edition");
    out.erase("form");
    out["permissions"] = {
        {"edit", s.permissions.edit}, {"submit", s.permissions.submit}, {"reopen", s.permissions.reopen}};
    json events = json::array();
    for (const auto& e : s.events)
        events.push_back({{"kind", e.kind},
                          {"at", e.at},
                          {"by", user_json(e.by)},
                          {"reason", e.reason.empty() ? json(nullptr) : json(e.reason)}});
    out["events"] = events;
    out["newer_edition"] = offer_json(s.newer_edition);
    out["edition_choices"] = choices_json(s.edition_choices);
    // The edition, the form, the gate, the items and the progress, the bulk of the page, are written as text
    // from the template.
    const auto parts = json_fragments(out, {"edition", "form", "gate", "items", "progress"});
    std::string text;
    text.reserve(page->size() + page->size() / 4);
    text += parts[0];
    text += page->edition();
    text += parts[1];
    text += page->form_header();
    text += parts[2];
    if (page->gate_id()) {
        const auto& gate = page->gate();
        text += gate[0];
        append_json(text, line_answer_json(s, {*page->gate_id(), std::string{assessment::kGateRow}}));
        text += gate[1];
    } else {
        text += "null";
    }
    text += parts[3];
    text += '[';
    std::map<int, std::string> latest_dates;
    for (std::size_t i = 0; i < s.form->items.size(); ++i) {
        if (i > 0) text += ',';
        write_item(text, s, s.form->items[i], page->items()[i], latest_dates);
    }
    text += ']';
    text += parts[4];
    text += progress_text(s);
    text += parts[5];
    return text;
}

json assessment_json(const AssessmentState& s) {
    return json::parse(assessment_page(s));
}

json assessment_list_json(const services::AssessmentList& list) {
    json items = json::array();
    for (const auto& a : list.assessments) {
        json entry = record_json(a.record);
        entry["progress"] = progress_json(a.progress, list.catalog->priorities_json);
        entry["newer_edition"] = offer_json(a.newer_edition);
        items.push_back(entry);
    }
    json years = json::array();
    for (const auto& y : list.years)
        years.push_back(
            {{"fiscal_year", y.fiscal_year},
             {"fiscal_year_ja", fiscal_year_ja(y.fiscal_year)},
             {"edition", y.edition},
             {"edition_fiscal_year", y.edition_fiscal_year},
             {"assessment_id", y.assessment_id ? json(*y.assessment_id) : json(nullptr)},
             {"carry_forward_from", y.carry_forward_from ? json(*y.carry_forward_from) : json(nullptr)},
             {"may_start", y.may_start}});
    return {
        {"assessments", items},
        {"years", years},
        {"permissions", {{"create", list.may_create}}},
        {"suggested",
         {{"fiscal_year", list.suggested_fiscal_year},
          {"edition", list.suggested_edition},
          {"form", list.suggested_form},
          {"carry_forward_from", list.carry_forward_from ? json(*list.carry_forward_from) : json(nullptr)}}}};
}

Result<assessment::Answer> read_answer(const json& body, std::string_view prefix) {
    const auto path = [&](std::string_view field) {
        return prefix.empty() ? std::string(field) : fmt::format("{}.{}", prefix, field);
    };
    Error error{ErrorCode::invalid_input, "the answer is not valid", {}};
    assessment::Answer a;
    const auto date = [&](const json& object, const char* field,
                          const std::string& at) -> std::optional<std::chrono::year_month_day> {
        auto text = optional_string_field(object, field, 10);
        if (!text) {
            error.fields.push_back({at, text.error().message});
            return std::nullopt;
        }
        if (!*text || (*text)->empty()) return std::nullopt;
        auto parsed = parse_iso_date(**text);
        if (!parsed) error.fields.push_back({at, fmt::format("\"{}\" is not a date (YYYY-MM-DD)", **text)});
        return parsed;
    };
    auto value = optional_string_field(body, "value", 20);
    if (!value)
        error.fields.push_back({path("value"), value.error().message});
    else if (const auto v = *value ? assessment::parse_answer_value(**value) : std::nullopt)
        a.value = *v;
    else
        error.fields.push_back({path("value"), "must be yes, no or not_required"});
    auto reason = optional_string_field(body, "reason", 40);
    if (!reason)
        error.fields.push_back({path("reason"), reason.error().message});
    else if (*reason) {
        if (auto r = assessment::parse_not_required_reason(**reason))
            a.reason = *r;
        else
            error.fields.push_back({path("reason"), "must be gate or no_vendor_contract"});
    }
    a.confirmed_on = date(body, "confirmed_on", path("confirmed_on"));
    a.target_date = date(body, "target_date", path("target_date"));
    if (const auto second = body.find("second"); second != body.end() && !second->is_null()) {
        if (!second->is_object()) {
            error.fields.push_back({path("second"), "must be an object {value, confirmed_on} or null"});
        } else {
            auto v = optional_string_field(*second, "value", 20);
            auto on = date(*second, "confirmed_on", path("second.confirmed_on"));
            const auto parsed = v && *v ? assessment::parse_answer_value(**v) : std::nullopt;
            if (!parsed)
                error.fields.push_back({path("second.value"), "must be yes or no"});
            else if (!on)
                error.fields.push_back(
                    {path("second.confirmed_on"), "the date of the second confirmation is required"});
            else
                a.second = assessment::SecondConfirmation{*parsed, *on};
        }
    }
    auto note = optional_string_field(body, "note", 8000);
    if (!note)
        error.fields.push_back({path("note"), note.error().message});
    else if (*note)
        a.note = **note;
    if (!error.fields.empty()) return fail(std::move(error));
    return a;
}

Result<services::AnswerInput> read_answer_input(const json& body) {
    services::AnswerInput input;
    auto version = optional_int_field(body, "version", 0, 1'000'000);
    if (!version) return fail(version.error());
    if (!*version)
        return fail(ErrorCode::invalid_input, "the version you last saw is required (0 when unanswered)",
                    "version");
    input.version = static_cast<int>(**version);
    auto value = optional_string_field(body, "value", 20);
    if (!value) return fail(value.error());
    if (!*value) return input;  // clears the line
    auto answer = read_answer(body, "");
    if (!answer) return fail(answer.error());
    input.answer = std::move(*answer);
    return input;
}

}  // namespace mamori::api
