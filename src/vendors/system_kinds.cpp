#include "mamori/vendors/system_kinds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "mamori/core/embedded.hpp"
#include "mamori/core/utf8.hpp"
#include "data_file_problems.hpp"

namespace mamori::vendors {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxKinds = 100;
constexpr long kMaxLabelCharacters = 40;

std::string label(const json& kind, const char* name, const std::string& path, DataFileProblems& problems) {
    const auto found = kind.find(name);
    if (found == kind.end() || !found->is_string()) {
        problems.add(path + "." + name, "a label (text) is required");
        return {};
    }
    const std::string text = found->get<std::string>();
    if (auto problem = text_problem(text)) {
        problems.add(path + "." + name, *problem);
        return {};
    }
    const long count = character_count(text);
    if (count < 1 || count > kMaxLabelCharacters)
        problems.add(path + "." + name, fmt::format("a label has 1 to {} characters", kMaxLabelCharacters));
    return text;
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
        SystemKind k;
        const auto code = kind.find("code");
        if (code == kind.end() || !code->is_string() || !is_data_code(code->get<std::string>(), 40)) {
            problems.add(path + ".code", "a code has 1 to 40 characters a–z, 0–9 and _");
        } else {
            k.code = code->get<std::string>();
            if (!codes.insert(k.code).second) problems.add(path + ".code", fmt::format("\"{}\" is listed twice", k.code));
        }
        k.label_ja = label(kind, "label_ja", path, problems);
        k.label_en = label(kind, "label_en", path, problems);
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
