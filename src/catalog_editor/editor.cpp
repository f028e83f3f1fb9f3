// Starting a draft edition and the operations on it (see editor.hpp).
#include "mamori/catalog_editor/editor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "editor_detail.hpp"

namespace mamori::catalog_editor {

namespace {

using detail::str;

constexpr std::size_t kMaxText = 8000;  // bytes of one text field
constexpr std::size_t kMaxList = 200;   // elements of one list field

// The fields an operation may set on an item, and aliases the editor's pages use.
constexpr std::string_view kItemFields[] = {"text_ja",
                                            "text_en",
                                            "wording_note",
                                            "wording_variants",
                                            "number",
                                            "number_confidence",
                                            "target_fiscal_year",
                                            "target_label_ja",
                                            "target_basis",
                                            "target_confidence",
                                            "target_note",
                                            "guideline_refs",
                                            "guideline_refs_basis",
                                            "explanation_ja",
                                            "explanation_en",
                                            "applicability",
                                            "source",
                                            "source_basis",
                                            "sources",
                                            "confidence",
                                            "confidence_note",
                                            "rows",
                                            "section_id",
                                            "section_note"};
constexpr std::pair<std::string_view, std::string_view> kExplanationAliases[] = {
    {"meaning_ja", "explanation_ja"}, {"how_ja", "explanation_ja"}, {"evidence_ja", "explanation_ja"},
    {"meaning_en", "explanation_en"}, {"how_en", "explanation_en"}, {"evidence_en", "explanation_en"}};

tl::unexpected<Error> bad(std::string field, std::string message) {
    return fail(ErrorCode::invalid_input, std::move(message), std::move(field));
}

int domain_number(std::string_view id, std::string_view domain) {
    if (id.size() <= domain.size() + 1 || id.substr(0, domain.size()) != domain || id[domain.size()] != '-')
        return 0;
    const auto digits = id.substr(domain.size() + 1);
    if (digits.empty() || digits.size() > 6 || !std::all_of(digits.begin(), digits.end(), ::isdigit))
        return 0;
    return std::stoi(std::string(digits));
}

void collect_ids(const Json& value, std::set<std::string>& ids) {
    if (value.is_object()) {
        for (const auto& [key, v] : value.items()) {
            if (key == "canonical_id" && v.is_string()) ids.insert(v.get<std::string>());
            collect_ids(v, ids);
        }
    } else if (value.is_array()) {
        for (const auto& v : value) collect_ids(v, ids);
    }
}

const Json* edition_of(const Json& document) {
    return document.contains("edition") && document["edition"].is_object() ? &document["edition"] : nullptr;
}

// derive_from_rows: each row's key from its device classes, the item's classes (in the vocabulary's order)
// and its target year (the earliest row target).
void derive_from_rows(const catalog::Catalog& catalog, Json& item) {
    if (!item["rows"].is_array()) return;
    std::vector<std::size_t> ranks;
    std::optional<int> earliest;
    for (auto& row : item["rows"]) {
        if (!row.is_object()) continue;
        std::vector<std::string> keys;
        if (row["device_classes"].is_array())
            for (const auto& c : row["device_classes"])
                for (std::size_t i = 0; i < catalog.device_classes.size(); ++i)
                    if (c.is_string() && catalog.device_classes[i].device_class == c.get<std::string>()) {
                        keys.push_back(catalog.device_classes[i].key);
                        if (std::find(ranks.begin(), ranks.end(), i) == ranks.end()) ranks.push_back(i);
                    }
        row["key"] = keys.empty() ? std::string("main") : fmt::format("{}", fmt::join(keys, "+"));
        if (row["target_fiscal_year"].is_number_integer())
            earliest = std::min(earliest.value_or(9999), row["target_fiscal_year"].get<int>());
    }
    std::sort(ranks.begin(), ranks.end());
    Json classes = Json::array();
    for (auto r : ranks) classes.push_back(catalog.device_classes[r].device_class);
    item["device_classes"] = classes;
    item["target_fiscal_year"] = earliest ? Json(*earliest) : Json(nullptr);
}

Status check_value(const std::string& field, const Json& value) {
    if (value.is_string() && value.get_ref<const std::string&>().size() > kMaxText)
        return bad(field, fmt::format("is longer than {} bytes", kMaxText));
    if (value.is_array() && value.size() > kMaxList)
        return bad(field, fmt::format("has more than {} elements", kMaxList));
    return {};
}

// set_fields: `fields` (named at `path`) onto `item` of `form`.
Status set_fields(const catalog::Catalog& catalog, const Json& form, Json& item, const Json& fields,
                  const std::string& path) {
    if (!fields.is_object()) return bad(path, "must be an object");
    bool rows_given = false;
    for (const auto& [key, value] : fields.items()) {
        const std::string at = fmt::format("{}.{}", path, key);
        if (auto ok = check_value(at, value); !ok) return ok;
        std::string name = key == "target_fy" ? "target_fiscal_year" : key == "section" ? "section_id" : key;
        const auto alias = std::find_if(std::begin(kExplanationAliases), std::end(kExplanationAliases),
                                        [&](const auto& a) { return a.first == name; });
        if (alias != std::end(kExplanationAliases)) {
            if (!value.is_string()) return bad(at, "must be a string");
            if (!item[std::string(alias->second)].is_object())
                item[std::string(alias->second)] = Json::object();
            item[std::string(alias->second)][name] = value;
            continue;
        }
        if (name == "canonical_id" || name == "domain" || name == "short_ja" || name == "short_en")
            continue;  // handled by callers
        if (std::find(std::begin(kItemFields), std::end(kItemFields), name) == std::end(kItemFields))
            return bad(at, fmt::format("\"{}\" is not a field of an item", key));
        if (name == "target_fiscal_year") {
            if (!value.is_null() &&
                (!value.is_number_integer() || value.get<int>() < 2000 || value.get<int>() > 2100))
                return bad(at, "must be a fiscal year between 2000 and 2100, or null");
            item[name] = value;
            if (!fields.contains("rows") && item["rows"].is_array())
                for (auto& row : item["rows"])
                    if (row.is_object()) row["target_fiscal_year"] = value;
            continue;
        }
        if (name == "guideline_refs") {
            if (!value.is_array() ||
                !std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_string(); }))
                return bad(at, "must be a list of guideline references");
            item[name] = value;
            item["guideline_refs_none_given"] = value.empty();
            continue;
        }
        if (name == "section_id") {
            if (!value.is_string()) return bad(at, "must be a section id");
            const Json* section = nullptr;
            for (const auto& s : form["sections"])
                if (str(s, "section_id") == value.get<std::string>()) section = &s;
            if (section == nullptr)
                return bad(at, fmt::format("form {} has no section \"{}\"", str(form, "id"),
                                           value.get<std::string>()));
            item["section_id"] = value;
            item["section_ja"] = (*section)["section_ja"];
            continue;
        }
        if (name == "rows") {
            if (!value.is_array() || value.empty()) return bad(at, "must be a non-empty list of rows");
            for (std::size_t i = 0; i < value.size(); ++i)
                if (!value[i].is_object()) return bad(fmt::format("{}[{}]", at, i), "must be an object");
            rows_given = true;
        }
        item[name] = value;
    }
    if (rows_given) derive_from_rows(catalog, item);
    return {};
}

Json new_item(const Json& edition, const Json& form, const std::string& id, const std::string& section_id) {
    const int fy = edition["fiscal_year"].is_number_integer() ? edition["fiscal_year"].get<int>() : 0;
    std::string section_ja;
    for (const auto& s : form["sections"])
        if (str(s, "section_id") == section_id) section_ja = str(s, "section_ja");
    const std::string primary =
        edition["sources"].is_array() && !edition["sources"].empty() && edition["sources"][0].is_string()
            ? edition["sources"][0].get<std::string>()
            : std::string{};
    const Json row{{"key", "main"},
                   {"device_classes", Json::array()},
                   {"label_ja", nullptr},
                   {"target_fiscal_year", fy},
                   {"target_label_ja", nullptr},
                   {"target_basis", "edition"},
                   {"target_confidence", "I"},
                   {"confidence", "I"},
                   {"note", nullptr}};
    return Json{
        {"canonical_id", id},
        {"number", ""},
        {"number_confidence", "I"},
        {"section_id", section_id},
        {"section_ja", section_ja},
        {"section_note", nullptr},
        {"device_classes", Json::array()},
        {"rows", Json::array({row})},
        {"text_ja", ""},
        {"text_en", ""},
        {"wording_note", nullptr},
        {"wording_variants", Json::array()},
        {"target_fiscal_year", fy},
        {"target_label_ja", nullptr},
        {"target_basis", "edition"},
        {"target_confidence", "I"},
        {"target_note", nullptr},
        {"guideline_refs", Json::array()},
        {"guideline_refs_none_given", true},
        {"guideline_refs_basis",
         {{"confidence", nullptr}, {"printed_ja", nullptr}, {"source", primary}, {"note", nullptr}}},
        {"explanation_ja", {{"meaning_ja", ""}, {"how_ja", ""}, {"evidence_ja", ""}}},
        {"explanation_en", {{"meaning_en", ""}, {"how_en", ""}, {"evidence_en", ""}}},
        {"applicability",
         {{"gate", str(form, "gate_status") == "present"}, {"requires_vendor_contract", false}}},
        {"source", primary},
        {"source_basis", "edition"},
        {"sources", Json::array()},
        {"confidence", "I"},
        {"confidence_note", "Entered in the edition editor; not yet checked against the official file."}};
}

// add_split_entries: in every mapping element into `form_id`, the entry of `original` becomes `split` and a
// `split` entry of `id` from the same sources is added (both `new` when the original has no source there).
void add_split_entries(Json& document, const std::string& form_id, const std::string& id,
                       const std::string& original) {
    const std::string edition_id = str(document["edition"], "id");
    if (!document["mappings"].is_array()) return;
    for (auto& m : document["mappings"]) {
        if (str(m, "to_edition") != edition_id || !m["forms"].is_array()) continue;
        for (auto& el : m["forms"]) {
            if (str(el, "form") != form_id) continue;
            if (!el["entries"].is_array()) el["entries"] = Json::array();
            Json from = Json::array();
            for (auto& e : el["entries"])
                if (str(e["to"], "canonical_id") == original && e["from"].is_array() && !e["from"].empty()) {
                    from = e["from"];
                    e["kind"] = "split";
                }
            el["entries"].push_back(Json{{"to", {{"canonical_id", id}}},
                                         {"from", from},
                                         {"kind", from.empty() ? "new" : "split"},
                                         {"renumbered", false},
                                         {"changes", Json::array()},
                                         {"confidence", "I"},
                                         {"note", nullptr}});
        }
    }
}

Result<std::string> required_string(const Json& op, std::string_view key, std::size_t max = 200) {
    const std::string at = fmt::format("operation.{}", key);
    if (!op.contains(std::string(key)) || !op[std::string(key)].is_string() ||
        op[std::string(key)].get_ref<const std::string&>().empty())
        return bad(at, "is required (a string)");
    if (op[std::string(key)].get_ref<const std::string&>().size() > max) return bad(at, "is too long");
    return op[std::string(key)].get<std::string>();
}

Result<Json*> form_of(Json& document, const Json& op) {
    auto id = required_string(op, "form");
    if (!id) return fail(id.error());
    Json* form = detail::find_form(document, *id);
    if (form == nullptr || !(*form)["items"].is_array())
        return bad("operation.form", fmt::format("the draft has no form \"{}\"", *id));
    return form;
}

Result<std::size_t> item_of(const Json& form, const Json& op, std::string_view key = "canonical_id") {
    auto id = required_string(op, key);
    if (!id) return fail(id.error());
    const auto i = detail::item_index(form, *id);
    if (i < 0)
        return bad(fmt::format("operation.{}", key),
                   fmt::format("form {} has no item \"{}\"", str(form, "id"), *id));
    return static_cast<std::size_t>(i);
}

Result<std::string> choose_id(const catalog::Catalog& catalog, const Json& document, const Json& item,
                              const std::string& path, const std::string& fallback_domain) {
    if (item.contains("canonical_id") && !item["canonical_id"].is_null()) {
        if (!item["canonical_id"].is_string()) return bad(path + ".canonical_id", "must be a string");
        static const std::regex shape("[A-Z]+-[0-9]{2,}");
        const std::string id = item["canonical_id"].get<std::string>();
        if (!std::regex_match(id, shape))
            return bad(path + ".canonical_id", "must be of the form DOMAIN-NN (e.g. IAM-07)");
        for (const auto& f : document["edition"]["forms"])
            if (detail::item_index(f, id) >= 0)
                return bad(path + ".canonical_id",
                           fmt::format("\"{}\" is already an item of form {}", id, str(f, "id")));
        return id;
    }
    std::string domain = str(item, "domain");
    if (domain.empty()) domain = fallback_domain;
    bool known = false;
    for (const auto& d : catalog.canonical_json["domains"])
        if (str(d, "domain") == domain) known = true;
    if (!known)
        return bad(path + ".domain",
                   "is required when canonical_id is omitted (a domain of the canonical registry, e.g. IAM)");
    return next_canonical_id(catalog, document, domain);
}

std::string domain_of(const std::string& id) {
    const auto dash = id.find('-');
    return dash == std::string::npos ? std::string{} : id.substr(0, dash);
}

Status op_set_item(const catalog::Catalog& catalog, Json& document, const Json& op) {
    auto form = form_of(document, op);
    if (!form) return fail(form.error());
    auto index = item_of(**form, op);
    if (!index) return fail(index.error());
    Json& item = (**form)["items"][*index];
    const std::string section_before = str(item, "section_id");
    if (!op.contains("fields")) return bad("operation.fields", "is required (an object)");
    if (auto ok = set_fields(catalog, **form, item, op["fields"], "operation.fields"); !ok) return ok;
    if (str(item, "section_id") != section_before) {
        // Moved to another section: it goes to the end of that section.
        Json moved = item;
        auto& items = (**form)["items"];
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(*index));
        std::size_t at = 0;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (str(items[i], "section_id") <= str(moved, "section_id")) at = i + 1;
        items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), moved);
        detail::renumber(**form, document["edition"]);
    }
    return {};
}

Status op_add_item(const catalog::Catalog& catalog, Json& document, const Json& op) {
    auto form = form_of(document, op);
    if (!form) return fail(form.error());
    auto section = required_string(op, "section");
    if (!section) return fail(section.error());
    bool known_section = false;
    for (const auto& s : (**form)["sections"])
        if (str(s, "section_id") == *section) known_section = true;
    if (!known_section)
        return bad("operation.section",
                   fmt::format("form {} has no section \"{}\"", str(**form, "id"), *section));
    const Json item_fields = op.contains("item") ? op["item"] : Json::object();
    if (!item_fields.is_object()) return bad("operation.item", "must be an object");
    auto& items = (**form)["items"];
    std::size_t at = 0;
    std::string after_domain;
    if (op.contains("after") && !op["after"].is_null()) {
        auto after = item_of(**form, op, "after");
        if (!after) return fail(after.error());
        if (str(items[*after], "section_id") != *section)
            return bad("operation.after", fmt::format("item {} is not in section {}",
                                                      str(items[*after], "canonical_id"), *section));
        at = *after + 1;
        after_domain = domain_of(str(items[*after], "canonical_id"));
    } else {
        at = items.size();
        for (std::size_t i = 0; i < items.size(); ++i)
            if (str(items[i], "section_id") >= *section) {
                at = i;
                break;
            }
    }
    auto id = choose_id(catalog, document, item_fields, "operation.item", after_domain);
    if (!id) return fail(id.error());
    Json item = new_item(document["edition"], **form, *id, *section);
    Json fields = item_fields;
    fields.erase("section_id");
    fields.erase("section");
    if (auto ok = set_fields(catalog, **form, item, fields, "operation.item"); !ok) return ok;
    const bool numbered = item_fields.contains("number");
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), item);
    if (!numbered) detail::renumber(**form, document["edition"]);
    if (item_fields.contains("short_ja") && item_fields["short_ja"].is_string()) {
        if (!document["canonical_items"].is_array()) document["canonical_items"] = Json::array();
        if (catalog.find_canonical(*id) == nullptr)
            document["canonical_items"].push_back(Json{{"canonical_id", *id},
                                                       {"domain", domain_of(*id)},
                                                       {"short_ja", item_fields["short_ja"]},
                                                       {"short_en", item_fields.value("short_en", "")},
                                                       {"kind", "item"},
                                                       {"appears_in", Json::object()}});
    }
    return {};
}

Status op_remove_item(Json& document, const Json& op) {
    auto form = form_of(document, op);
    if (!form) return fail(form.error());
    auto index = item_of(**form, op);
    if (!index) return fail(index.error());
    auto& items = (**form)["items"];
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(*index));
    detail::renumber(**form, document["edition"]);
    return {};
}

Status op_merge_items(const catalog::Catalog& catalog, Json& document, const Json& op) {
    auto form = form_of(document, op);
    if (!form) return fail(form.error());
    if (!op.contains("canonical_ids") || !op["canonical_ids"].is_array() || op["canonical_ids"].size() < 2 ||
        op["canonical_ids"].size() > 20)
        return bad("operation.canonical_ids", "must list 2 to 20 items of the form");
    auto into = required_string(op, "into");
    if (!into) return fail(into.error());
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < op["canonical_ids"].size(); ++i) {
        const Json& v = op["canonical_ids"][i];
        const std::string at = fmt::format("operation.canonical_ids[{}]", i);
        if (!v.is_string() || detail::item_index(**form, v.get<std::string>()) < 0)
            return bad(at, fmt::format("is not an item of form {}", str(**form, "id")));
        if (std::find(ids.begin(), ids.end(), v.get<std::string>()) != ids.end())
            return bad(at, "is listed twice");
        ids.push_back(v.get<std::string>());
    }
    if (std::find(ids.begin(), ids.end(), *into) == ids.end())
        return bad("operation.into", "must be one of canonical_ids");
    const std::string form_id = str(**form, "id");
    // The merged item's entry comes from every source of the merged items' entries.
    const std::string edition_id = str(document["edition"], "id");
    if (document["mappings"].is_array())
        for (auto& m : document["mappings"]) {
            if (str(m, "to_edition") != edition_id || !m["forms"].is_array()) continue;
            for (auto& el : m["forms"]) {
                if (str(el, "form") != form_id || !el["entries"].is_array()) continue;
                Json* target = nullptr;
                Json from = Json::array();
                for (auto& e : el["entries"]) {
                    const std::string id = str(e["to"], "canonical_id");
                    if (std::find(ids.begin(), ids.end(), id) == ids.end()) continue;
                    if (id == *into) target = &e;
                    if (e["from"].is_array())
                        for (const auto& f : e["from"]) from.push_back(f);
                }
                if (target != nullptr) {
                    (*target)["from"] = from;
                    (*target)["kind"] = "merged";
                }
            }
        }
    auto& items = (**form)["items"];
    for (const auto& id : ids)
        if (id != *into) items.erase(items.begin() + detail::item_index(**form, id));
    if (op.contains("item")) {
        const auto index = detail::item_index(**form, *into);
        Json fields = op["item"];
        if (fields.is_object()) fields.erase("canonical_id");
        if (auto ok =
                set_fields(catalog, **form, items[static_cast<std::size_t>(index)], fields, "operation.item");
            !ok)
            return ok;
    }
    detail::renumber(**form, document["edition"]);
    return {};
}

Status op_split_item(const catalog::Catalog& catalog, Json& document, const Json& op) {
    auto form = form_of(document, op);
    if (!form) return fail(form.error());
    auto index = item_of(**form, op);
    if (!index) return fail(index.error());
    if (!op.contains("new_item") || !op["new_item"].is_object())
        return bad("operation.new_item", "is required (an object)");
    const Json& fields = op["new_item"];
    auto& items = (**form)["items"];
    const std::string original = str(items[*index], "canonical_id");
    auto id = choose_id(catalog, document, fields, "operation.new_item", domain_of(original));
    if (!id) return fail(id.error());
    Json item = items[*index];  // the same section, rows and references as the item it splits from
    item["canonical_id"] = *id;
    item["confidence"] = "I";
    item["confidence_note"] = "Split in the edition editor; not yet checked against the official file.";
    Json rest = fields;
    rest.erase("section_id");
    rest.erase("section");
    if (auto ok = set_fields(catalog, **form, item, rest, "operation.new_item"); !ok) return ok;
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(*index + 1), item);
    if (!fields.contains("number")) detail::renumber(**form, document["edition"]);
    add_split_entries(document, str(**form, "id"), *id, original);
    return {};
}

constexpr std::string_view kEditionFields[] = {"title_ja",
                                               "title_en",
                                               "fiscal_year",
                                               "fiscal_year_ja",
                                               "published",
                                               "published_precision",
                                               "published_confidence",
                                               "published_note",
                                               "printed_date_ja",
                                               "sources",
                                               "notes",
                                               "official_files",
                                               "manual",
                                               "guideline"};

Status op_set_edition(Json& document, const Json& op) {
    if (!op.contains("fields") || !op["fields"].is_object())
        return bad("operation.fields", "is required (an object)");
    Json& edition = document["edition"];
    for (const auto& [key, value] : op["fields"].items()) {
        const std::string at = fmt::format("operation.fields.{}", key);
        if (std::find(std::begin(kEditionFields), std::end(kEditionFields), key) == std::end(kEditionFields))
            return bad(at, fmt::format("\"{}\" is not a field the editor sets on an edition", key));
        if (auto ok = check_value(at, value); !ok) return ok;
        if (key == "fiscal_year") {
            if (!value.is_number_integer() || value.get<int>() < 2000 || value.get<int>() > 2100)
                return bad(at, "must be a fiscal year between 2000 and 2100");
            edition["fiscal_year"] = value;
            edition["fiscal_year_ja"] = fiscal_year_ja(value.get<int>());
            continue;
        }
        if ((key == "sources" || key == "notes") &&
            (!value.is_array() ||
             !std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_string(); })))
            return bad(at, "must be a list of strings");
        edition[key] = value;
    }
    return {};
}

}  // namespace

std::string next_canonical_id(const catalog::Catalog& catalog, const Json& document,
                              std::string_view domain) {
    std::set<std::string> ids;
    for (const auto& c : catalog.canonical) ids.insert(c.canonical_id);
    for (const auto& revisions : catalog.editions)
        for (const auto& edition : revisions.revisions) collect_ids(edition->json, ids);
    for (const auto& m : catalog.mappings) collect_ids(m.json, ids);
    collect_ids(document, ids);
    int highest = 0;
    for (const auto& id : ids) highest = std::max(highest, domain_number(id, domain));
    return fmt::format("{}-{:02}", domain, highest + 1);
}

Result<Json> apply(const catalog::Catalog& catalog, const Json& document, const Json& operation) {
    if (!operation.is_object()) return bad("operation", "must be an object");
    if (!document.is_object() || edition_of(document) == nullptr || !document["edition"]["forms"].is_array())
        return bad("document.edition", "the draft has no edition with forms");
    auto op = required_string(operation, "op", 40);
    if (!op) return fail(op.error());
    Json next = document;
    if (!next["mappings"].is_array()) next["mappings"] = Json::array();
    Status done;
    if (*op == "set_item")
        done = op_set_item(catalog, next, operation);
    else if (*op == "add_item")
        done = op_add_item(catalog, next, operation);
    else if (*op == "remove_item")
        done = op_remove_item(next, operation);
    else if (*op == "merge_items")
        done = op_merge_items(catalog, next, operation);
    else if (*op == "split_item")
        done = op_split_item(catalog, next, operation);
    else if (*op == "set_edition")
        done = op_set_edition(next, operation);
    else
        return bad("operation.op",
                   fmt::format("unknown operation \"{}\" (set_item, add_item, remove_item, merge_items, "
                               "split_item, set_edition)",
                               *op));
    if (!done) return fail(done.error());
    reconcile(catalog, next);
    return next;
}

}  // namespace mamori::catalog_editor
