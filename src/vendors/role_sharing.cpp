// The 役割分担確認表's data file: parsing and validation (the rules of a row's answers are in
// role_sharing_rules.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "mamori/core/embedded.hpp"
#include "mamori/core/json_fields.hpp"
#include "data_file_problems.hpp"
#include "mamori/vendors/role_sharing.hpp"

namespace mamori::vendors {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxParts = 10;
constexpr std::size_t kMaxRows = 500;
constexpr std::size_t kMaxChecklistItems = 50;
constexpr long kMaxLabel = 200;
constexpr long kMaxContent = 2000;
constexpr long kMaxNote = 2000;
constexpr std::size_t kMaxCode = 60;
constexpr std::size_t kMaxUrl = 500;

constexpr std::string_view kConfidence[] = {"V", "S", "I"};

// Reader: a JsonFields with this file's wording for text, confidences and addresses, reporting to the file's
// problems.
class Reader : public JsonFields {
  public:
    Reader(const json& object, std::string path, DataFileProblems& problems)
        : JsonFields(object, std::move(path), problems.fields()) {}

    // text: required user text of 1..max characters.
    std::string text(const char* name, long max) const {
        if (!find(name)) {
            add(name, "required text is missing");
            return {};
        }
        return optional_text(name, max).value_or("");
    }

    // optional_text: null or absent gives nullopt; otherwise user text of 1..max characters.
    std::optional<std::string> optional_text(const char* name, long max) const {
        return maybe_text(name, max, "must be text or null", fmt::format("text of 1 to {} characters", max));
    }

    std::string confidence(const char* name, bool required) const {
        if (!find(name)) {
            if (required) add(name, "a confidence (V, S or I) is required");
            return {};
        }
        return matching(name, [](const std::string& s) { return one_of(kConfidence, s); },
                        "the confidence is V, S or I");
    }

    std::string url(const char* name) const {
        const auto refused = fmt::format("an https:// address of at most {} bytes is required", kMaxUrl);
        if (!find(name)) {
            add(name, refused);
            return {};
        }
        return JsonFields::url(name, kMaxUrl, refused).value_or("");
    }

    // code: 1..60 of a-z, 0-9 and _ (and - when `hyphen`), or "" and `refused`.
    std::string code(const char* name, bool hyphen, std::string_view refused) const {
        return matching(name, [&](const std::string& s) { return is_data_code(s, kMaxCode, hyphen); }, refused);
    }
};

std::vector<RoleSharingPart> read_parts(const json& doc, DataFileProblems& problems) {
    std::vector<RoleSharingPart> out;
    const auto list = doc.find("parts");
    if (list == doc.end() || !list->is_array() || list->empty() || list->size() > kMaxParts) {
        problems.add("parts", fmt::format("parts is a list of 1 to {} parts", kMaxParts));
        return out;
    }
    std::set<std::string> codes;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = fmt::format("parts[{}]", i);
        const json& part = (*list)[i];
        if (!part.is_object()) {
            problems.add(path, "each part is an object with code, label_ja and label_en");
            continue;
        }
        const Reader r(part, path, problems);
        RoleSharingPart p;
        p.code = r.code("code", false, "a code has 1 to 60 characters a–z, 0–9 and _");
        if (!p.code.empty() && !codes.insert(p.code).second)
            problems.add(r.at("code"), fmt::format("\"{}\" is listed twice", p.code));
        p.label_ja = r.text("label_ja", kMaxLabel);
        p.label_en = r.text("label_en", kMaxLabel);
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<std::string> read_checklist_items(const json& row, const std::string& path, DataFileProblems& problems) {
    std::vector<std::string> out;
    const auto list = row.find("checklist_items");
    if (list == row.end()) return out;
    if (!list->is_array() || list->size() > kMaxChecklistItems) {
        problems.add(path + ".checklist_items",
                     fmt::format("checklist_items is a list of at most {} item ids", kMaxChecklistItems));
        return out;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& id = (*list)[i];
        if (!id.is_string() || !is_data_code(id.get<std::string>(), kMaxCode, true)) {
            problems.add(fmt::format("{}.checklist_items[{}]", path, i),
                         "an item id has 1 to 60 characters a–z, 0–9, _ and -");
            continue;
        }
        out.push_back(id.get<std::string>());
    }
    return out;
}

RoleSharingRow read_row(const json& row, const std::string& path, const std::set<std::string>& parts,
                        std::set<std::string>& ids, DataFileProblems& problems) {
    const Reader r(row, path, problems);
    RoleSharingRow out;
    out.id = r.code("id", true, "an id has 1 to 60 characters a–z, 0–9, _ and -");
    if (!out.id.empty() && !ids.insert(out.id).second)
        problems.add(r.at("id"), fmt::format("\"{}\" is listed twice", out.id));
    if (const json* part = r.find("part"); !part || !part->is_string())
        problems.add(r.at("part"), "the part (a code of parts) is required");
    else if (out.part = part->get<std::string>(); !parts.contains(out.part))
        problems.add(r.at("part"), fmt::format("\"{}\" is not a part of this file", out.part));
    out.group_ja = r.optional_text("group_ja", kMaxLabel);
    out.number = r.optional_text("number", 20);
    out.item_ja = r.text("item_ja", kMaxLabel);
    out.item_confidence = r.confidence("item_confidence", true);
    out.content_ja = r.optional_text("content_ja", kMaxContent);
    const bool has_content = r.find("content_ja") != nullptr;
    const std::string content_confidence = r.confidence("content_confidence", has_content);
    if (!content_confidence.empty()) {
        if (!has_content) problems.add(r.at("content_confidence"), "a confidence without content_ja must be null");
        out.content_confidence = content_confidence;
    }
    out.source = r.url("source");
    out.checklist_items = read_checklist_items(row, path, problems);
    out.note = r.optional_text("note", kMaxNote).value_or("");
    return out;
}

}  // namespace

Result<RoleSharingTable> parse_role_sharing_table(std::string_view file, std::string_view text) {
    DataFileProblems problems(file);
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        problems.add("", "the file is not a JSON object");
        return fail(problems.error());
    }
    // Not doc.value("format", ""): it throws when "format" is there but not text (found by the fuzzer).
    if (const auto format = doc.find("format"); format == doc.end() || *format != "mamori.role-sharing-table")
        problems.add("format", "the format must be \"mamori.role-sharing-table\"");
    if (!doc.contains("format_version") || doc["format_version"] != 1)
        problems.add("format_version", "the format version must be 1");
    const Reader top(doc, "", problems);
    RoleSharingTable table;
    table.title_ja = top.text("title_ja", kMaxLabel);
    table.title_en = top.text("title_en", kMaxLabel);
    table.published = top.text("published", 20);
    table.source = top.url("source");
    (void)top.optional_text("note", kMaxNote);
    table.parts = read_parts(doc, problems);
    std::set<std::string> parts;
    for (const auto& p : table.parts) parts.insert(p.code);
    const auto list = doc.find("rows");
    if (list == doc.end() || !list->is_array() || list->empty() || list->size() > kMaxRows) {
        problems.add("rows", fmt::format("rows is a list of 1 to {} rows", kMaxRows));
        return fail(problems.error());
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = fmt::format("rows[{}]", i);
        if (!(*list)[i].is_object()) {
            problems.add(path, "each row is an object (id, part, item_ja, …)");
            continue;
        }
        table.rows.push_back(read_row((*list)[i], path, parts, ids, problems));
    }
    if (!problems.empty()) return fail(problems.error());
    return table;
}

const RoleSharingTable& builtin_role_sharing_table() {
    static const RoleSharingTable table = [] {
        for (const auto& f : embedded::reference_files())
            if (f.path == kRoleSharingFile) {
                auto parsed = parse_role_sharing_table(f.path, f.data);
                if (!parsed) throw std::logic_error(parsed.error().message);
                return std::move(*parsed);
            }
        throw std::logic_error("reference/role-sharing-table.json is not embedded");
    }();
    return table;
}

const RoleSharingRow* find_row(const RoleSharingTable& table, std::string_view id) {
    for (const auto& r : table.rows)
        if (r.id == id) return &r;
    return nullptr;
}

const RoleSharingPart* find_part(const RoleSharingTable& table, std::string_view code) {
    for (const auto& p : table.parts)
        if (p.code == code) return &p;
    return nullptr;
}

}  // namespace mamori::vendors
