// Keeping a draft's mapping true to its items: whatever an operation (or a person editing the JSON) did to
// the items, the mapping elements into the draft are rebuilt from the items in printed order, the lineage
// (`from`) each entry already records, and the previous edition.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "catalog/text.hpp"
#include "editor_detail.hpp"
#include "mamori/catalog_editor/editor.hpp"

namespace mamori::catalog_editor {

namespace detail {

std::vector<std::string> row_keys(const Json& item) {
    std::vector<std::string> keys;
    if (const auto rows = item.find("rows"); rows != item.end() && rows->is_array())
        for (const auto& r : *rows)
            if (r.is_object() && r.contains("key") && r["key"].is_string())
                keys.push_back(r["key"].get<std::string>());
    return keys;
}

std::string str(const Json& object, std::string_view key) {
    if (!object.is_object()) return {};
    const auto found = object.find(std::string(key));
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

Json* find_form(Json& document, std::string_view form_id) {
    Json& forms = document["edition"]["forms"];
    if (!forms.is_array()) return nullptr;
    for (auto& f : forms)
        if (str(f, "id") == form_id) return &f;
    return nullptr;
}

std::ptrdiff_t item_index(const Json& form, std::string_view canonical_id) {
    const Json& items = form["items"];
    if (!items.is_array()) return -1;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (str(items[i], "canonical_id") == canonical_id) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

std::optional<catalog::NumberingStyle> numbering_style(const Json& edition) {
    const std::string style = str(edition, "numbering_style");
    if (style == "circled") return catalog::NumberingStyle::circled;
    if (style == "paren") return catalog::NumberingStyle::paren;
    return std::nullopt;
}

std::string printed_number(int section, int ordinal, catalog::NumberingStyle style) {
    if (style == catalog::NumberingStyle::paren) return fmt::format("{}-({})", section, ordinal);
    // ① … ⑳ U+2460…, ㉑ … ㉟ U+3251…, ㊱ … ㊿ U+32B1…
    char32_t c = ordinal <= 20   ? U'\u2460' + static_cast<char32_t>(ordinal - 1)
                 : ordinal <= 35 ? U'\u3251' + static_cast<char32_t>(ordinal - 21)
                                 : U'\u32B1' + static_cast<char32_t>(ordinal - 36);
    std::string utf8;
    utf8 += static_cast<char>(0xE0 | (c >> 12));
    utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    utf8 += static_cast<char>(0x80 | (c & 0x3F));
    return fmt::format("{}-{}", section, utf8);
}

void renumber(Json& form, const Json& edition) {
    const auto style = numbering_style(edition);
    if (!style || !form["items"].is_array()) return;
    std::map<std::string, int> section_numbers;
    for (const auto& s : form["sections"])
        if (s.is_object()) {
            const std::string number = str(s, "number");
            if (!number.empty() && std::all_of(number.begin(), number.end(), ::isdigit) && number.size() < 4)
                section_numbers[str(s, "section_id")] = std::stoi(number);
        }
    std::string section;
    int ordinal = 0;
    for (auto& item : form["items"]) {
        const std::string id = str(item, "section_id");
        const auto found = section_numbers.find(id);
        if (found == section_numbers.end()) continue;
        ordinal = id == section ? ordinal + 1 : 1;
        section = id;
        if (ordinal <= 50) item["number"] = printed_number(found->second, ordinal, *style);
    }
}

}  // namespace detail

namespace {

using detail::str;

Json ref_of(const Json& item, std::vector<std::string> rows) {
    return {{"canonical_id", str(item, "canonical_id")}, {"number", str(item, "number")}, {"rows", rows}};
}

std::optional<int> target_of(const Json& item) {
    const auto found = item.find("target_fiscal_year");
    if (found == item.end() || !found->is_number_integer()) return std::nullopt;
    return found->get<int>();
}

const catalog::Item* earlier_item(const catalog::Form& form, std::string_view id) {
    return form.find(id);
}

// rows_of: the rows of the earlier item a reference keeps: those it lists that still exist, else all.
std::vector<std::string> rows_of(const Json& ref, const catalog::Item& item) {
    std::vector<std::string> kept;
    if (ref.contains("rows") && ref["rows"].is_array())
        for (const auto& r : ref["rows"])
            if (r.is_string() && std::any_of(item.rows.begin(), item.rows.end(),
                                             [&](const catalog::Row& row) { return row.key == r; }))
                kept.push_back(r.get<std::string>());
    if (kept.empty())
        for (const auto& row : item.rows) kept.push_back(row.key);
    return kept;
}

// moved: whether the later item's printed section or ordinal differs from the earlier one's.
bool moved(const catalog::Item& source, const Json& edition, const Json& target) {
    const auto style = detail::numbering_style(edition);
    if (!style) return source.number != str(target, "number");
    const auto printed = catalog::parse_printed_number(str(target, "number"), *style);
    if (!printed) return true;
    return printed->section != source.section || printed->ordinal != source.ordinal;
}

void reconcile_element(const catalog::Edition& previous, const Json& edition, const Json& form,
                       Json& element) {
    const std::string from_form = element.contains("from_form") && element["from_form"].is_string()
                                      ? str(element, "from_form")
                                      : str(element, "form");
    const catalog::Form* earlier = previous.find(from_form);
    if (earlier == nullptr || !form["items"].is_array()) return;

    std::map<std::string, Json> existing;
    if (element["entries"].is_array())
        for (const auto& e : element["entries"])
            if (e.is_object() && e.contains("to") && e["to"].is_object())
                existing.emplace(str(e["to"], "canonical_id"), e);

    std::set<std::string> used;
    std::map<std::string, int> counts;
    Json entries = Json::array();
    for (const auto& item : form["items"]) {
        const std::string id = str(item, "canonical_id");
        const auto found = existing.find(id);
        Json entry;
        if (found != existing.end()) {
            entry = found->second;
        } else {
            entry = {{"to", Json::object()}, {"from", Json::array()},    {"kind", "new"},
                     {"renumbered", false},  {"changes", Json::array()}, {"confidence", "I"},
                     {"note", nullptr}};
        }
        entry["to"] = ref_of(item, detail::row_keys(item));
        // An item that keeps the canonical id of an earlier item of this form comes from it.
        if ((!entry["from"].is_array() || entry["from"].empty()) && earlier_item(*earlier, id) != nullptr)
            entry["from"] = Json::array({Json{{"canonical_id", id}}});
        Json from = Json::array();
        std::vector<const catalog::Item*> sources;
        if (entry["from"].is_array())
            for (const auto& ref : entry["from"]) {
                const catalog::Item* s = earlier_item(*earlier, str(ref, "canonical_id"));
                if (s == nullptr) continue;
                if (std::find(sources.begin(), sources.end(), s) != sources.end()) continue;
                sources.push_back(s);
                from.push_back(Json{
                    {"canonical_id", s->canonical_id}, {"number", s->number}, {"rows", rows_of(ref, *s)}});
                used.insert(s->canonical_id);
            }
        entry["from"] = from;
        std::string kind = str(entry, "kind");
        if (sources.empty())
            kind = "new";
        else if (sources.size() > 1)
            kind = kind == "split" ? "split" : "merged";
        else if (kind != "split" && kind != "merged")
            kind = "unchanged";
        else if (kind == "merged") {
            std::size_t source_rows = 0;
            for (const auto& f : from) source_rows += f["rows"].size();
            if (source_rows < 2) kind = "unchanged";
        }
        bool text = false, rows = false, number = false, target = false, renumbered = false;
        for (const catalog::Item* s : sources) {
            text = text || s->text_ja != str(item, "text_ja");
            std::vector<std::string> keys;
            for (const auto& r : s->rows) keys.push_back(r.key);
            rows = rows || keys != detail::row_keys(item);
            number = number || s->number != str(item, "number");
            target = target || s->target_fiscal_year != target_of(item);
            renumbered = renumbered || moved(*s, edition, item);
        }
        if (kind == "unchanged" && text) kind = "reworded";
        Json changes = Json::array();
        if (text) changes.push_back("text");
        if (rows) changes.push_back("rows");
        if (number) changes.push_back("number");
        if (target) changes.push_back("target");
        entry["kind"] = kind;
        entry["changes"] = changes;
        entry["renumbered"] = renumbered;
        if (!entry.contains("confidence") || !entry["confidence"].is_string()) entry["confidence"] = "I";
        if (!entry.contains("note")) entry["note"] = nullptr;
        ++counts[kind];
        // Keep the format's key order so that files stay readable side by side.
        entries.push_back(Json{{"to", entry["to"]},
                               {"from", entry["from"]},
                               {"kind", entry["kind"]},
                               {"renumbered", entry["renumbered"]},
                               {"changes", entry["changes"]},
                               {"confidence", entry["confidence"]},
                               {"note", entry["note"]}});
    }
    element["entries"] = entries;

    std::map<std::string, Json> listed;
    if (element["removed"].is_array())
        for (const auto& r : element["removed"])
            if (r.is_object()) listed.emplace(str(r, "canonical_id"), r);
    Json removed = Json::array();
    for (const auto& item : earlier->items) {
        if (used.contains(item.canonical_id)) continue;
        std::vector<std::string> keys;
        for (const auto& r : item.rows) keys.push_back(r.key);
        Json r{{"canonical_id", item.canonical_id},
               {"number", item.number},
               {"rows", keys},
               {"confidence", "I"},
               {"note", nullptr}};
        if (const auto found = listed.find(item.canonical_id); found != listed.end()) {
            if (found->second.contains("confidence")) r["confidence"] = found->second["confidence"];
            if (found->second.contains("note")) r["note"] = found->second["note"];
        }
        removed.push_back(std::move(r));
    }
    element["removed"] = removed;
    if (!element.contains("removed_note")) element["removed_note"] = nullptr;
    element["summary"] = Json{
        {"unchanged", counts["unchanged"]}, {"reworded", counts["reworded"]}, {"merged", counts["merged"]},
        {"split", counts["split"]},         {"new", counts["new"]},           {"removed", removed.size()}};
}

// reconcile_canonical: the draft's own canonical ids (those the registry lacks) are listed in
// canonical_items with where they appear; ids no form uses any more are dropped.
void reconcile_canonical(const catalog::Catalog& catalog, Json& document) {
    const std::string edition_id = str(document["edition"], "id");
    std::map<std::string, Json> appears;  // id → {form: number}
    std::map<std::string, std::string> text, text_en;
    for (const auto& form : document["edition"]["forms"])
        if (form.is_object() && form["items"].is_array())
            for (const auto& item : form["items"]) {
                const std::string id = str(item, "canonical_id");
                if (id.empty() || catalog.find_canonical(id) != nullptr) continue;
                appears[id][str(form, "id")] = str(item, "number");
                text.emplace(id, str(item, "text_ja"));
                text_en.emplace(id, str(item, "text_en"));
            }
    Json kept = Json::array();
    std::set<std::string> present;
    if (document["canonical_items"].is_array())
        for (auto c : document["canonical_items"]) {
            const std::string id = str(c, "canonical_id");
            if (catalog.find_canonical(id) != nullptr) {
                kept.push_back(c);  // the same content as the registry's: harmless, keep what the file had
                continue;
            }
            const auto found = appears.find(id);
            if (found == appears.end()) continue;
            c["appears_in"] = Json{{edition_id, found->second}};
            present.insert(id);
            kept.push_back(std::move(c));
        }
    static const std::regex id_shape("([A-Z]+)-[0-9]{2,}");
    for (const auto& [id, forms] : appears) {
        if (present.contains(id)) continue;
        std::smatch m;
        const std::string domain = std::regex_match(id, m, id_shape) ? m[1].str() : std::string{};
        kept.push_back(Json{{"canonical_id", id},
                            {"domain", domain},
                            {"short_ja", detail::shorten(text[id], 20)},
                            {"short_en", detail::shorten(text_en[id], 60)},
                            {"kind", "item"},
                            {"appears_in", Json{{edition_id, forms}}}});
    }
    document["canonical_items"] = kept;
}

}  // namespace

namespace detail {

std::string shorten(const std::string& text, std::size_t characters) {
    std::size_t count = 0, i = 0;
    while (i < text.size() && count < characters) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++count;
    }
    return text.substr(0, std::min(i, text.size()));
}

}  // namespace detail

void reconcile(const catalog::Catalog& catalog, Json& document) {
    if (!document.is_object() || !document["edition"].is_object()) return;
    const std::string edition_id = str(document["edition"], "id");
    if (document["mappings"].is_array())
        for (auto& mapping : document["mappings"]) {
            if (!mapping.is_object() || str(mapping, "to_edition") != edition_id) continue;
            const catalog::Edition* previous = catalog.latest(str(mapping, "from_edition"));
            if (previous == nullptr || previous->id == edition_id || !mapping["forms"].is_array()) continue;
            for (auto& element : mapping["forms"]) {
                if (!element.is_object()) continue;
                const Json* form = detail::find_form(document, str(element, "form"));
                if (form == nullptr) continue;
                reconcile_element(*previous, document["edition"], *form, element);
            }
        }
    reconcile_canonical(catalog, document);
}

}  // namespace mamori::catalog_editor
