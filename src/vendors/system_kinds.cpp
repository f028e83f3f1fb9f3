#include "mamori/vendors/system_kinds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "mamori/core/embedded.hpp"
#include "mamori/core/json_fields.hpp"
#include "data_file_problems.hpp"

namespace mamori::vendors {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxKinds = 100;
constexpr long kMaxLabelCharacters = 40;

std::string label(const JsonFields& kind, const char* name) {
    constexpr std::string_view missing = "a label (text) is required";
    if (!kind.find(name)) {
        kind.add(name, std::string(missing));
        return {};
    }
    return kind
        .maybe_text(name, kMaxLabelCharacters, missing,
                    fmt::format("a label has 1 to {} characters", kMaxLabelCharacters))
        .value_or("");
}

}  // namespace

Result<std::vector<SystemKind>> parse_system_kinds(std::string_view file, std::string_view text) {
    DataFileProblems problems(file);
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        problems.add("", "the file is not a JSON object");
        return fail(problems.error());
    }
    if (const auto format = doc.find("format"); format == doc.end() || *format != "mamori.system-kinds")
        problems.add("format", "the format must be \"mamori.system-kinds\"");
    if (!doc.contains("format_version") || doc["format_version"] != 1)
        problems.add("format_version", "the format version must be 1");
    const auto list = doc.find("kinds");
    if (list == doc.end() || !list->is_array() || list->empty() || list->size() > kMaxKinds) {
        problems.add("kinds", fmt::format("kinds is a list of 1 to {} kinds", kMaxKinds));
        return fail(problems.error());
    }
    std::vector<SystemKind> out;
    std::set<std::string> codes;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = fmt::format("kinds[{}]", i);
        const json& kind = (*list)[i];
        if (!kind.is_object()) {
            problems.add(path, "each kind is an object with code, label_ja and label_en");
            continue;
        }
        const JsonFields f(kind, path, problems.fields());
        SystemKind k;
        k.code = f.matching("code", [](const std::string& s) { return is_data_code(s, 40); },
                            "a code has 1 to 40 characters a–z, 0–9 and _");
        if (!k.code.empty() && !codes.insert(k.code).second)
            problems.add(f.at("code"), fmt::format("\"{}\" is listed twice", k.code));
        k.label_ja = label(f, "label_ja");
        k.label_en = label(f, "label_en");
        out.push_back(std::move(k));
    }
    if (!problems.empty()) return fail(problems.error());
    return out;
}

const std::vector<SystemKind>& builtin_system_kinds() {
    static const std::vector<SystemKind> kinds = [] {
        for (const auto& f : embedded::reference_files())
            if (f.path == kSystemKindsFile) {
                auto parsed = parse_system_kinds(f.path, f.data);
                if (!parsed) throw std::logic_error(parsed.error().message);
                return std::move(*parsed);
            }
        throw std::logic_error("reference/system-kinds.json is not embedded");
    }();
    return kinds;
}

const SystemKind* find_system_kind(std::span<const SystemKind> kinds, std::string_view code) {
    for (const auto& k : kinds)
        if (k.code == code) return &k;
    return nullptr;
}

}  // namespace mamori::vendors
