// The cyber-BCP 確認表 as data (reference/preparedness/bcp-checklist.json) and an institution's answer to a
// row.
#include "mamori/preparedness/bcp.hpp"

#include <fmt/format.h>

#include <set>
#include <stdexcept>

#include "mamori/core/embedded.hpp"
#include "mamori/core/json_fields.hpp"

namespace mamori::preparedness {

namespace {

using nlohmann::json;

constexpr std::string_view kConfidences[] = {"V", "S"};

// optional_text: "" when absent, null or empty; otherwise user text of 1..max characters.
std::string optional_text(const JsonFields& f, const json& object, const char* name, long max) {
    const auto it = object.find(name);
    if (it != object.end() && it->is_string() && it->get_ref<const std::string&>().empty()) return "";
    return f.optional_text(name, max);
}

bool is_phase_code(const std::string& s) {
    return s.size() == 1 && s[0] >= '1' && s[0] <= '9';
}

// A row's code is its phase's number, a hyphen and a number of one or two digits ("5-2").
bool is_row_code(const std::string& s, const std::string& phase) {
    if (s.size() < 3 || s.size() > 4 || phase.empty() || s[0] != phase[0] || s[1] != '-') return false;
    for (std::size_t i = 2; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return s[2] != '0';
}

std::vector<BcpRow> rows_of(const json& phase, const std::string& path, const std::string& phase_code,
                            std::set<std::string>& seen, FieldProblems& problems) {
    std::vector<BcpRow> out;
    const JsonFields f(phase, path, problems);
    const json* list = f.array("rows", 0, kMaxBcpRowsPerPhase);
    if (!list) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = fmt::format("{}.rows[{}]", path, i);
        if (!(*list)[i].is_object()) {
            problems.add(at, "each row is an object");
            continue;
        }
        const JsonFields r((*list)[i], at, problems);
        BcpRow row;
        row.code = r.matching(
            "code", [&](const std::string& s) { return is_row_code(s, phase_code); },
            fmt::format("the phase's number, a hyphen and the row's number (\"{}-1\")", phase_code));
        if (!row.code.empty() && !seen.insert(row.code).second) r.add("code", "each row once");
        row.heading_ja = r.text("heading_ja", 200);
        row.summary_en = optional_text(r, (*list)[i], "summary_en", 1000);
        row.source = r.url("source", 300, "an https:// address").value_or("");
        if (row.source.empty() && !r.find("source")) r.add("source", "each row names its source");
        row.confidence = r.word("confidence", kConfidences);
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace

Result<BcpChecklist> parse_bcp_checklist(std::string_view file, std::string_view text) {
    FieldProblems problems;
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return fail(ErrorCode::invalid_input, fmt::format("{}: the file is not a JSON object", file), "");
    const JsonFields top(doc, "", problems);
    if (doc.value("format", "") != "mamori.bcp_checklist")
        problems.add("format", "the format must be \"mamori.bcp_checklist\"");
    if (!doc.contains("format_version") || doc["format_version"] != 1)
        problems.add("format_version", "the format version must be 1");
    BcpChecklist out;
    out.title_ja = top.text("title_ja", 200);
    out.issued_on = optional_text(top, doc, "issued_on", 10);
    out.source = top.url("source", 300, "an https:// address").value_or("");
    std::set<std::string> phase_codes, row_codes;
    if (const json* phases = top.array("phases", 1, kMaxBcpPhases)) {
        for (std::size_t i = 0; i < phases->size(); ++i) {
            const std::string path = fmt::format("phases[{}]", i);
            if (!(*phases)[i].is_object()) {
                problems.add(path, "each phase is an object");
                continue;
            }
            const JsonFields f((*phases)[i], path, problems);
            BcpPhase phase;
            phase.code = f.matching("code", is_phase_code, "a digit 1 to 9");
            if (!phase.code.empty() && !phase_codes.insert(phase.code).second)
                f.add("code", "each phase once");
            phase.label_ja = f.text("label_ja", 100);
            phase.label_en = f.text("label_en", 200);
            phase.source = f.url("source", 300, "an https:// address").value_or("");
            phase.confidence = f.word("confidence", kConfidences);
            phase.note_ja = optional_text(f, (*phases)[i], "note_ja", 1000);
            phase.rows = rows_of((*phases)[i], path, phase.code, row_codes, problems);
            if (phase.rows.empty() && phase.note_ja.empty() && f.find("rows"))
                f.add("note_ja", "a phase without rows says so in its note");
            out.phases.push_back(std::move(phase));
        }
    }
    if (auto ok = problems.status(); !ok) {
        auto error = ok.error();
        for (auto& e : error.fields) e.field = fmt::format("{}: {}", file, e.field);
        error.message = fmt::format("{}: {}", error.fields.front().field, error.fields.front().message);
        return fail(std::move(error));
    }
    return out;
}

const BcpChecklist& builtin_bcp_checklist() {
    static const BcpChecklist checklist = [] {
        for (const auto& f : embedded::reference_files())
            if (f.path == kBcpChecklistFile) {
                auto parsed = parse_bcp_checklist(f.path, f.data);
                if (!parsed) throw std::logic_error(parsed.error().message);
                return std::move(*parsed);
            }
        throw std::logic_error("reference/preparedness/bcp-checklist.json is not embedded");
    }();
    return checklist;
}

const BcpRow* find_bcp_row(const BcpChecklist& checklist, std::string_view code) {
    for (const auto& phase : checklist.phases)
        for (const auto& row : phase.rows)
            if (row.code == code) return &row;
    return nullptr;
}

Result<json> check_bcp_answer(const json& body) {
    if (!body.is_object()) return fail(ErrorCode::invalid_input, "the answer is a JSON object", "");
    FieldProblems problems;
    const JsonFields f(body, "", problems);
    json out{{"status", f.word("status", kBcpStatuses)},
             {"note", optional_text(f, body, "note", kMaxBcpEvidence)},
             {"evidence", optional_text(f, body, "evidence", kMaxBcpEvidence)}};
    if (auto ok = problems.status(); !ok) return fail(ok.error());
    return out;
}

}  // namespace mamori::preparedness
