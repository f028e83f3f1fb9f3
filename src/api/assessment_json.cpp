#include "assessment_json.hpp"

#include <fmt/format.h>

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

json catalog_text(const catalog::Json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() ? json(nullptr) : json::parse(it->dump());
}

json section_en(const catalog::Form& form, const catalog::Item& item) {
    for (const auto& section : form.json.value("sections", catalog::Json::array()))
        if (section.value("section_id", "") == item.section_id) return catalog_text(section, "section_en");
    return nullptr;
}

json item_json(const AssessmentState& s, const catalog::Item& item) {
    json rows = json::array();
    const auto printed_rows = item.json.value("rows", catalog::Json::array());
    for (std::size_t i = 0; i < item.rows.size(); ++i) {
        const auto& row = item.rows[i];
        const auto context = assessment::answer_context(*s.form, {{item.canonical_id, row.key}, &item, &row},
                                                        s.record.fiscal_year, false, true);
        rows.push_back(
            {{"key", row.key},
             {"label_ja", i < printed_rows.size() ? catalog_text(printed_rows[i], "label_ja") : nullptr},
             {"device_classes", row.device_classes},
             {"latest_target_date", to_iso_date(assessment::latest_target_date(context))},
             {"answer", line_answer_json(s, {item.canonical_id, row.key})}});
    }
    const bool is_new =
        std::find(s.new_items.begin(), s.new_items.end(), item.canonical_id) != s.new_items.end();
    return {{"canonical_id", item.canonical_id},
            {"number", item.number},
            {"section_ja", catalog_text(item.json, "section_ja")},
            {"section_en", section_en(*s.form, item)},
            {"text_ja", item.text_ja},
            {"text_en", catalog_text(item.json, "text_en")},
            {"confidence", catalog::to_string(item.confidence)},
            {"unconfirmed", item.confidence == catalog::Confidence::inferred},
            {"new_this_year", is_new},
            {"applicability",
             {{"gate", assessment::is_gated(item)},
              {"requires_vendor_contract", assessment::requires_vendor_contract(item)}}},
            {"explanation_ja", catalog_text(item.json, "explanation_ja")},
            {"explanation_en", catalog_text(item.json, "explanation_en")},
            {"guideline_refs", item.guideline_refs},
            {"rows", rows}};
}

json gate_json(const AssessmentState& s) {
    const auto gate = assessment::gate_id(*s.form);
    if (!gate) return nullptr;
    const auto& g = s.form->json["gate"];
    return {{"canonical_id", *gate},
            {"row", assessment::kGateRow},
            {"heading_ja", catalog_text(g, "heading_ja")},
            {"question_ja", catalog_text(g, "question_ja")},
            {"question_en", catalog_text(g, "question_en")},
            {"effect_ja", catalog_text(g, "effect_ja")},
            {"effect_en", catalog_text(g, "effect_en")},
            {"explanation_ja", catalog_text(g, "explanation_ja")},
            {"explanation_en", catalog_text(g, "explanation_en")},
            {"answer", line_answer_json(s, {*gate, std::string{assessment::kGateRow}})}};
}

// priority_reason: why the catalog puts `canonical_id` where it does ("reason_ja"/"reason_en").
json priority_reason(const catalog::Json& priorities, const std::string& canonical_id, const char* key) {
    for (const auto& entry : priorities.value("order", catalog::Json::array()))
        if (entry.value("canonical_id", "") == canonical_id) return catalog_text(entry, key);
    return nullptr;
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

json open_row_json(const assessment::OpenRow& row) {
    return {{"canonical_id", row.key.canonical_id},
            {"row", row.key.row},
            {"number", row.item ? row.item->number : ""},
            {"text_ja", row.item ? row.item->text_ja : ""},
            {"target_date", date_json(row.target_date)}};
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
    json evidence = json::array();
    for (const auto& e : s.evidence)
        if (e.key == key) evidence.push_back(evidence_json(e));
    if (effective == s.effective.end() || !effective->second.answer) {
        if (stored == s.stored.end() && evidence.empty()) return nullptr;
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

json progress_json(const assessment::Progress& p, const catalog::Json& priorities) {
    json open = json::array(), overdue = json::array(), roadmap = json::array(), incomplete = json::array();
    for (const auto& r : p.open) open.push_back(open_row_json(r));
    for (const auto& r : p.overdue) overdue.push_back(open_row_json(r));
    for (const auto& step : p.roadmap) {
        const auto& item = *step.item;
        const auto explanation_ja = item.json.value("explanation_ja", catalog::Json::object());
        const auto explanation_en = item.json.value("explanation_en", catalog::Json::object());
        roadmap.push_back({{"rank", step.rank},
                           {"canonical_id", item.canonical_id},
                           {"number", item.number},
                           {"text_ja", item.text_ja},
                           {"reason_ja", priority_reason(priorities, item.canonical_id, "reason_ja")},
                           {"reason_en", priority_reason(priorities, item.canonical_id, "reason_en")},
                           {"how_ja", catalog_text(explanation_ja, "how_ja")},
                           {"how_en", catalog_text(explanation_en, "how_en")},
                           {"state", step.answered_no ? "no" : "unanswered"}});
    }
    for (const auto& m : p.incomplete)
        incomplete.push_back(
            {{"canonical_id", m.key.canonical_id}, {"row", m.key.row}, {"reason", m.reason}});
    return {{"rows_total", p.rows_total},
            {"rows_answered", p.rows_answered},
            {"percent", p.percent},
            {"yes", p.yes},
            {"no", p.no},
            {"not_required", p.not_required},
            {"needs_reconfirmation", p.needs_reconfirmation},
            {"open", open},
            {"overdue", overdue},
            {"roadmap", roadmap},
            {"incomplete", incomplete}};
}

json assessment_json(const AssessmentState& s) {
    json out = record_json(s.record);
    out["edition"] = {{"id", s.edition->id},
                      {"revision", s.edition->revision.revision},
                      {"title_ja", s.edition->title_ja},
                      {"fiscal_year_ja", s.edition->fiscal_year_ja}};
    out["form"] = {{"id", s.form->id},
                   {"title_ja", s.form->title_ja},
                   {"document_title_ja", catalog_text(s.form->json, "document_title_ja")},
                   {"has_second_confirmation", assessment::has_second_confirmation(*s.form)}};
    out["gate"] = gate_json(s);
    json items = json::array();
    for (const auto& item : s.form->items) items.push_back(item_json(s, item));
    out["items"] = items;
    out["progress"] = progress_json(s.progress, s.catalog->priorities_json);
    out["permissions"] = {
        {"edit", s.permissions.edit}, {"submit", s.permissions.submit}, {"reopen", s.permissions.reopen}};
    json events = json::array();
    for (const auto& e : s.events)
        events.push_back({{"kind", e.kind},
                          {"at", e.at},
                          {"by", user_json(e.by)},
                          {"reason", e.reason.empty() ? json(nullptr) : json(e.reason)}});
    out["events"] = events;
    return out;
}

json assessment_list_json(const services::AssessmentList& list) {
    json items = json::array();
    for (const auto& a : list.assessments) {
        json entry = record_json(a.record);
        entry["progress"] = progress_json(a.progress, list.catalog->priorities_json);
        items.push_back(entry);
    }
    return {
        {"assessments", items},
        {"permissions", {{"create", list.may_create}}},
        {"suggested",
         {{"fiscal_year", list.suggested_fiscal_year},
          {"edition", list.suggested_edition},
          {"form", list.suggested_form},
          {"carry_forward_from", list.carry_forward_from ? json(*list.carry_forward_from) : json(nullptr)}}}};
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

    Error error{ErrorCode::invalid_input, "the answer is not valid", {}};
    assessment::Answer a;
    const auto date = [&](const json& object, const char* field,
                          const std::string& path) -> std::optional<std::chrono::year_month_day> {
        auto text = optional_string_field(object, field, 10);
        if (!text) {
            error.fields.push_back({path, text.error().message});
            return std::nullopt;
        }
        if (!*text || (*text)->empty()) return std::nullopt;
        auto parsed = parse_iso_date(**text);
        if (!parsed) error.fields.push_back({path, fmt::format("\"{}\" is not a date (YYYY-MM-DD)", **text)});
        return parsed;
    };
    if (auto v = assessment::parse_answer_value(**value))
        a.value = *v;
    else
        error.fields.push_back({"value", "must be yes, no or not_required"});
    auto reason = optional_string_field(body, "reason", 40);
    if (!reason)
        error.fields.push_back({"reason", reason.error().message});
    else if (*reason) {
        if (auto r = assessment::parse_not_required_reason(**reason))
            a.reason = *r;
        else
            error.fields.push_back({"reason", "must be gate or no_vendor_contract"});
    }
    a.confirmed_on = date(body, "confirmed_on", "confirmed_on");
    a.target_date = date(body, "target_date", "target_date");
    if (const auto second = body.find("second"); second != body.end() && !second->is_null()) {
        if (!second->is_object()) {
            error.fields.push_back({"second", "must be an object {value, confirmed_on} or null"});
        } else {
            auto v = optional_string_field(*second, "value", 20);
            auto on = date(*second, "confirmed_on", "second.confirmed_on");
            const auto parsed = v && *v ? assessment::parse_answer_value(**v) : std::nullopt;
            if (!parsed)
                error.fields.push_back({"second.value", "must be yes or no"});
            else if (!on)
                error.fields.push_back(
                    {"second.confirmed_on", "the date of the second confirmation is required"});
            else
                a.second = assessment::SecondConfirmation{*parsed, *on};
        }
    }
    auto note = optional_string_field(body, "note", 8000);
    if (!note)
        error.fields.push_back({"note", note.error().message});
    else if (*note)
        a.note = **note;
    if (!error.fields.empty()) return fail(std::move(error));
    input.answer = std::move(a);
    return input;
}

}  // namespace mamori::api
