#include "checklist_template.hpp"

#include <atomic>

#include "json_fragments.hpp"
#include "mamori/assessment/checklist.hpp"

namespace mamori::api {

namespace {

using nlohmann::json;

// catalog_text: a member of a catalog object (ordered as in its file) as the API's JSON, or null.
json catalog_text(const catalog::Json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() ? json(nullptr) : json::parse(it->dump());
}

json section_en(const catalog::Form& form, const catalog::Item& item) {
    const auto sections = form.json.find("sections");
    if (sections == form.json.end()) return nullptr;
    for (const auto& section : *sections)
        if (section.value("section_id", "") == item.section_id) return catalog_text(section, "section_en");
    return nullptr;
}

ChecklistTemplate::ItemText item_text(const catalog::Form& form, const catalog::Item& item) {
    ChecklistTemplate::ItemText out;
    const auto printed_rows = item.json.value("rows", catalog::Json::array());
    for (std::size_t i = 0; i < item.rows.size(); ++i) {
        const auto& row = item.rows[i];
        const json fixed = {
            {"key", row.key},
            {"label_ja", i < printed_rows.size() ? catalog_text(printed_rows[i], "label_ja") : nullptr},
            {"device_classes", row.device_classes}};
        out.rows.push_back({json_fragments(fixed, {"answer", "latest_target_date"}), row.target_fiscal_year});
    }
    const json fixed = {{"canonical_id", item.canonical_id},
                        {"number", item.number},
                        {"section_ja", catalog_text(item.json, "section_ja")},
                        {"section_en", section_en(form, item)},
                        {"text_ja", item.text_ja},
                        {"text_en", catalog_text(item.json, "text_en")},
                        {"applicability",
                         {{"gate", assessment::is_gated(item)},
                          {"requires_vendor_contract", assessment::requires_vendor_contract(item)}}},
                        {"explanation_ja", catalog_text(item.json, "explanation_ja")},
                        {"explanation_en", catalog_text(item.json, "explanation_en")},
                        {"guideline_refs", item.guideline_refs}};
    out.parts = json_fragments(fixed, {"new_this_year", "rows"});
    return out;
}

std::vector<std::string> gate_text(const catalog::Form& form, const std::string& gate) {
    const auto& g = form.json["gate"];
    const json fixed = {{"canonical_id", gate},
                        {"row", assessment::kGateRow},
                        {"heading_ja", catalog_text(g, "heading_ja")},
                        {"question_ja", catalog_text(g, "question_ja")},
                        {"question_en", catalog_text(g, "question_en")},
                        {"effect_ja", catalog_text(g, "effect_ja")},
                        {"effect_en", catalog_text(g, "effect_en")},
                        {"explanation_ja", catalog_text(g, "explanation_ja")},
                        {"explanation_en", catalog_text(g, "explanation_en")}};
    return json_fragments(fixed, {"answer"});
}

// priority_reason: why the catalog puts `canonical_id` where it does ("reason_ja"/"reason_en").
json priority_reason(const catalog::Json& priorities, const std::string& canonical_id, const char* key) {
    const auto order = priorities.find("order");
    if (order == priorities.end()) return nullptr;
    for (const auto& entry : *order)
        if (entry.value("canonical_id", "") == canonical_id) return catalog_text(entry, key);
    return nullptr;
}

// Templates: those built for one catalog, which they keep alive (so a form's address names one form).
struct Templates {
    std::shared_ptr<const catalog::Catalog> catalog;
    std::map<const catalog::Form*, std::shared_ptr<const ChecklistTemplate>> forms;
};

std::atomic<std::shared_ptr<const Templates>> templates;

}  // namespace

json open_row_fixed(const assessment::RowKey& key, const catalog::Item* item) {
    return {{"canonical_id", key.canonical_id},
            {"row", key.row},
            {"number", item ? item->number : ""},
            {"text_ja", item ? item->text_ja : ""}};
}

json missing_row_fixed(const assessment::RowKey& key) {
    return {{"canonical_id", key.canonical_id}, {"row", key.row}};
}

json roadmap_fixed(const catalog::Json& priorities, const catalog::Item& item) {
    const auto explanation_ja = item.json.value("explanation_ja", catalog::Json::object());
    const auto explanation_en = item.json.value("explanation_en", catalog::Json::object());
    return {{"canonical_id", item.canonical_id},
            {"number", item.number},
            {"text_ja", item.text_ja},
            {"reason_ja", priority_reason(priorities, item.canonical_id, "reason_ja")},
            {"reason_en", priority_reason(priorities, item.canonical_id, "reason_en")},
            {"how_ja", catalog_text(explanation_ja, "how_ja")},
            {"how_en", catalog_text(explanation_en, "how_en")}};
}

ChecklistTemplate::ChecklistTemplate(const catalog::Catalog& catalog, const catalog::Edition& edition,
                                     const catalog::Form& form)
    : gate_id_(assessment::gate_id(form)) {
    for (const auto& item : form.items) {
        items_.push_back(item_text(form, item));
        for (const auto& row : item.rows) {
            const assessment::RowKey key{item.canonical_id, row.key};
            lines_.emplace(key, LineText{json_fragments(open_row_fixed(key, &item), {"target_date"}),
                                         json_fragments(missing_row_fixed(key), {"reason"})});
        }
        roadmap_.emplace(&item,
                         json_fragments(roadmap_fixed(catalog.priorities_json, item), {"rank", "state"}));
    }
    if (gate_id_) gate_ = gate_text(form, *gate_id_);
    form_header_ = dump_json({{"id", form.id},
                              {"title_ja", form.title_ja},
                              {"document_title_ja", catalog_text(form.json, "document_title_ja")},
                              {"has_second_confirmation", assessment::has_second_confirmation(form)}});
    edition_ = dump_json({{"id", edition.id},
                          {"revision", edition.revision.revision},
                          {"title_ja", edition.title_ja},
                          {"fiscal_year_ja", edition.fiscal_year_ja}});
    const auto add = [this](const std::vector<std::string>& parts) {
        for (const auto& part : parts) size_ += part.size();
    };
    for (const auto& item : items_) {
        add(item.parts);
        for (const auto& row : item.rows) add(row.parts);
    }
    add(gate_);
    for (const auto& [item, parts] : roadmap_) add(parts);
}

const ChecklistTemplate::LineText* ChecklistTemplate::line(const assessment::RowKey& key) const {
    const auto it = lines_.find(key);
    return it == lines_.end() ? nullptr : &it->second;
}

const std::vector<std::string>* ChecklistTemplate::roadmap(const catalog::Item& item) const {
    const auto it = roadmap_.find(&item);
    return it == roadmap_.end() ? nullptr : &it->second;
}

std::shared_ptr<const ChecklistTemplate> checklist_template(
    const std::shared_ptr<const catalog::Catalog>& catalog, const catalog::Edition& edition,
    const catalog::Form& form) {
    const auto current = templates.load();
    const bool same_catalog = current && current->catalog == catalog;
    if (same_catalog)
        if (const auto it = current->forms.find(&form); it != current->forms.end()) return it->second;
    auto made = std::make_shared<const ChecklistTemplate>(*catalog, edition, form);
    auto next = std::make_shared<Templates>();
    next->catalog = catalog;
    if (same_catalog) next->forms = current->forms;
    next->forms.emplace(&form, made);
    // Two threads building at once may each store theirs; the one lost is built again when next asked for.
    templates.store(std::move(next));
    return made;
}

}  // namespace mamori::api
