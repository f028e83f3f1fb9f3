// The preparedness data file (reference/preparedness/preparedness.json): roles, bodies and scenarios.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "mamori/core/embedded.hpp"
#include "mamori/core/json_fields.hpp"
#include "mamori/preparedness/records.hpp"

namespace mamori::preparedness {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxCodes = 100;
constexpr std::string_view kConfidences[] = {"V", "S", "mamori"};
constexpr std::string_view kWordings[] = {"official", "mamori"};

bool is_code(const std::string& s) {
    return !s.empty() && s.size() <= 40 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

std::vector<Code> codes(const json& doc, const char* name, FieldProblems& problems) {
    std::vector<Code> out;
    const JsonFields top(doc, "", problems);
    const json* list = top.array(name, 1, kMaxCodes);
    if (!list) return out;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = fmt::format("{}[{}]", name, i);
        if (!(*list)[i].is_object()) {
            problems.add(path, "each entry is an object");
            continue;
        }
        const JsonFields f((*list)[i], path, problems);
        Code c;
        c.code = f.matching("code", is_code, "a code of 1 to 40 characters a-z and _");
        if (!c.code.empty() && !seen.insert(c.code).second) f.add("code", "each code once");
        c.label_ja = f.text("label_ja", 100);
        c.label_en = f.text("label_en", 200);
        c.required = f.find("required") ? f.boolean("required") : false;
        c.source = f.text("source", 300);
        c.confidence = f.word("confidence", kConfidences);
        c.wording = f.word("wording", kWordings);
        if (c.confidence == "mamori" && c.wording == "official")
            f.add("wording", "a label of mamori's own cannot be official wording");
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

Result<Reference> parse_reference(std::string_view file, std::string_view text) {
    FieldProblems problems;
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return fail(ErrorCode::invalid_input, fmt::format("{}: the file is not a JSON object", file), "");
    if (doc.value("format", "") != "mamori.preparedness")
        problems.add("format", "the format must be \"mamori.preparedness\"");
    if (!doc.contains("format_version") || doc["format_version"] != 1)
        problems.add("format_version", "the format version must be 1");
    Reference out;
    out.internal_roles = codes(doc, "internal_roles", problems);
    out.external_bodies = codes(doc, "external_bodies", problems);
    out.scenarios = codes(doc, "scenarios", problems);
    if (auto ok = problems.status(); !ok) {
        auto error = ok.error();
        for (auto& f : error.fields) f.field = fmt::format("{}: {}", file, f.field);
        error.message =
            fmt::format("{}: {}: {}", file, error.fields.front().field, error.fields.front().message);
        return fail(std::move(error));
    }
    return out;
}

const Reference& builtin_reference() {
    static const Reference reference = [] {
        for (const auto& f : embedded::reference_files())
            if (f.path == kReferenceFile) {
                auto parsed = parse_reference(f.path, f.data);
                if (!parsed) throw std::logic_error(parsed.error().message);
                return std::move(*parsed);
            }
        throw std::logic_error("reference/preparedness/preparedness.json is not embedded");
    }();
    return reference;
}

}  // namespace mamori::preparedness
