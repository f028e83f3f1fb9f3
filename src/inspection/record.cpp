#include "mamori/inspection/record.hpp"

#include <fmt/format.h>

#include <set>
#include <tuple>

#include "mamori/core/json_null.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori::inspection {

namespace {

using nlohmann::json;

// bad: invalid input at `path`, with its reason (kRecordFileReasons) and the value it speaks of.
tl::unexpected<Error> bad(std::string path, std::string message, std::string_view reason, std::string value = {}) {
    auto e = fail(ErrorCode::invalid_input, fmt::format("{}: {}", path, message), path);
    e.value().fields.front().reason = reason;
    e.value().fields.front().value = std::move(value);
    return e;
}

Status check_text(std::string_view text, long max, const std::string& path) {
    const long n = character_count(text);
    if (n < 0) return bad(path, "is not valid UTF-8", "text_invalid");
    if (n > max) return bad(path, fmt::format("must have at most {} characters", max), "text_too_long", std::to_string(max));
    return {};
}

// text_field: an optional string member (absent: empty).
Result<std::string> text_field(const json& object, const char* name, long max, const std::string& path) {
    const auto found = object.find(name);
    if (found == object.end() || found->is_null()) return std::string();
    if (!found->is_string()) return bad(path, "must be a text", "text_invalid");
    auto text = found->get<std::string>();
    if (auto ok = check_text(text, max, path); !ok) return fail(ok.error());
    return text;
}

Result<std::string> key_field(const json& object, const char* name, const std::string& path) {
    const auto found = object.find(name);
    if (found == object.end() || !found->is_string() || found->get<std::string>().empty())
        return bad(path, "is required", "required");
    auto text = found->get<std::string>();
    if (auto ok = check_text(text, 64, path); !ok) return fail(ok.error());
    return text;
}

std::string member(const std::string& at, std::string_view name) {
    return at.empty() ? std::string(name) : fmt::format("{}.{}", at, name);
}

}  // namespace

Result<LineEdit> parse_line_edit(const nlohmann::json& line, const std::string& at) {
    if (!line.is_object()) return bad(at.empty() ? "$" : at, "must be an object", "not_object");
    LineEdit edit;
    auto id = key_field(line, "canonical_id", member(at, "canonical_id"));
    if (!id) return fail(id.error());
    auto row = key_field(line, "row", member(at, "row"));
    if (!row) return fail(row.error());
    edit.canonical_id = std::move(*id);
    edit.row = std::move(*row);
    const auto verdict = line.find("verdict");
    const auto parsed = verdict != line.end() && verdict->is_string()
                            ? parse_verdict(verdict->get<std::string>())
                            : std::nullopt;
    if (!parsed) return bad(member(at, "verdict"), "must be one of confirmed, incomplete, finding", "verdict_unknown");
    edit.verdict = *parsed;
    for (auto [name, target] : {std::pair<const char*, std::string*>{"finding", &edit.finding},
                                {"note", &edit.note},
                                {"evidence_seen", &edit.evidence_seen}}) {
        auto text = text_field(line, name, 100000, member(at, name));
        if (!text) return fail(text.error());
        *target = std::move(*text);
    }
    const auto base = line.find("base_version");
    if (base == line.end() || !base->is_number_integer() || base->get<long long>() < 0 ||
        base->get<long long>() > 1000000)
        return bad(member(at, "base_version"), "must be a whole number from 0", "base_version_invalid");
    edit.base_version = base->get<int>();
    if (auto ok = check_line_edit(edit, at.empty() ? "" : at + "."); !ok) return fail(ok.error());
    return edit;
}

json checklist_json(const FrozenChecklist& c) {
    json lines = json::array();
    for (const auto& l : c.lines)
        lines.push_back({{"canonical_id", l.canonical_id},
                         {"row", l.row},
                         {"number", l.number},
                         {"text", l.text},
                         {"device_classes", l.device_classes},
                         {"answer", or_null(l.answer)},
                         {"confirmed_on", or_null(l.confirmed_on)},
                         {"target_date", or_null(l.target_date)},
                         {"note", l.note},
                         {"needs_reconfirmation", l.needs_reconfirmation},
                         {"gate", l.gate},
                         {"evidence", l.evidence}});
    if (c.assessment_id == 0) return {{"exists", false}, {"frozen_at", c.frozen_at}, {"lines", lines}};
    return {{"exists", true},
            {"assessment_id", c.assessment_id},
            {"fiscal_year", c.fiscal_year},
            {"edition", c.edition},
            {"edition_revision", c.edition_revision},
            {"form", c.form},
            {"form_title", c.form_title},
            {"status", c.status},
            {"submitted_at", or_null(c.submitted_at)},
            {"frozen_at", c.frozen_at},
            {"lines", lines}};
}

std::chrono::year_month_day inspection_day(std::optional<std::chrono::year_month_day> planned_on,
                                           std::chrono::year_month_day record_started,
                                           std::optional<std::chrono::year_month_day> record_completed,
                                           std::chrono::year_month_day today) {
    const auto last = record_completed.value_or(today);
    if (planned_on && *planned_on >= record_started && *planned_on <= last) return *planned_on;
    return record_started;
}

std::vector<Proposal> propose_incomplete(const std::vector<FrozenLine>& lines) {
    std::vector<Proposal> out;
    for (const auto& l : lines) {
        std::string missing;
        if (!l.answer || l.needs_reconfirmation)
            missing = "answer";
        else if (*l.answer == "not_required")
            continue;
        else if (!l.confirmed_on && !l.gate)
            missing = "confirmed_on";
        else if (*l.answer == "no" && !l.target_date && !l.gate)
            missing = "target_date";
        if (!missing.empty()) out.push_back({l.canonical_id, l.row, std::move(missing)});
    }
    return out;
}

Status check_line_edit(const LineEdit& edit, std::string_view path) {
    const std::string p(path);
    if (auto ok = check_text(edit.finding, kFindingMaxCharacters, p + "finding"); !ok) return ok;
    if (auto ok = check_text(edit.note, kNoteMaxCharacters, p + "note"); !ok) return ok;
    if (auto ok = check_text(edit.evidence_seen, kEvidenceSeenMaxCharacters, p + "evidence_seen"); !ok)
        return ok;
    if (auto ok = check_verdict(edit.verdict, edit.finding); !ok)
        return bad(p + "finding", ok.error().message,
                   edit.verdict == Verdict::finding ? "finding_required" : "finding_not_allowed");
    return {};
}

json record_file_json(const RecordFile& file) {
    json lines = json::array();
    for (const auto& l : file.lines)
        lines.push_back({{"canonical_id", l.canonical_id},
                         {"row", l.row},
                         {"verdict", to_string(l.verdict)},
                         {"finding", l.finding},
                         {"note", l.note},
                         {"evidence_seen", l.evidence_seen},
                         {"base_version", l.base_version}});
    return {{"format", kRecordFileFormat},
            {"format_version", 1},
            {"visit_id", file.visit_id},
            {"device", file.device},
            {"summary", or_null(file.summary)},
            {"completed", file.completed},
            {"lines", lines}};
}

Result<RecordFile> parse_record_file(std::string_view text) {
    if (text.size() > kRecordFileMaxBytes)
        return bad("$", fmt::format("the file must be at most {} bytes", kRecordFileMaxBytes), "file_too_large",
                   std::to_string(kRecordFileMaxBytes));
    bool too_deep = false;
    const json::parser_callback_t depth_guard = [&](int depth, json::parse_event_t, json&) {
        if (depth > kRecordFileMaxDepth) too_deep = true;
        return !too_deep;
    };
    json doc = json::parse(text.begin(), text.end(), depth_guard, false);
    if (too_deep)
        return bad("$", fmt::format("is nested deeper than {} levels", kRecordFileMaxDepth), "file_too_deep",
                   std::to_string(kRecordFileMaxDepth));
    if (doc.is_discarded()) return bad("$", "is not JSON", "file_not_json");
    if (!doc.is_object()) return bad("$", "must be an object", "not_object");
    const auto format = doc.find("format");
    if (format == doc.end() || *format != kRecordFileFormat)
        return bad("format", fmt::format("must be \"{}\"", kRecordFileFormat), "file_format");
    const auto version = doc.find("format_version");
    if (version == doc.end() || *version != 1) return bad("format_version", "must be 1", "file_format");
    RecordFile out;
    const auto visit = doc.find("visit_id");
    if (visit == doc.end() || !visit->is_number_integer() || visit->get<long long>() < 1)
        return bad("visit_id", "must be the visit's number", "visit_id_invalid");
    out.visit_id = visit->get<std::int64_t>();
    auto device = text_field(doc, "device", kDeviceMaxCharacters, "device");
    if (!device) return fail(device.error());
    out.device = std::move(*device);
    if (const auto summary = doc.find("summary"); summary != doc.end() && !summary->is_null()) {
        auto s = text_field(doc, "summary", kSummaryMaxCharacters, "summary");
        if (!s) return fail(s.error());
        out.summary = std::move(*s);
    }
    if (const auto completed = doc.find("completed"); completed != doc.end()) {
        if (!completed->is_boolean()) return bad("completed", "must be true or false", "completed_invalid");
        out.completed = completed->get<bool>();
    }
    const auto lines = doc.find("lines");
    if (lines == doc.end() || !lines->is_array()) return bad("lines", "must be a list", "lines_invalid");
    if (lines->size() > kRecordFileMaxLines)
        return bad("lines", fmt::format("must have at most {} lines", kRecordFileMaxLines), "too_many_lines",
                   std::to_string(kRecordFileMaxLines));
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < lines->size(); ++i) {
        const std::string at = fmt::format("lines[{}]", i);
        auto line = parse_line_edit((*lines)[i], at);
        if (!line) return fail(line.error());
        if (!seen.emplace(line->canonical_id, line->row).second)
            return bad(at, fmt::format("repeats the line {} {}", line->canonical_id, line->row), "line_repeated",
                       fmt::format("{} {}", line->canonical_id, line->row));
        out.lines.push_back(std::move(*line));
    }
    return out;
}

}  // namespace mamori::inspection
