#include "mamori/catalog/views.hpp"

#include <algorithm>

#include "schema.hpp"

namespace mamori::catalog {

namespace {

Json optional_json(const std::optional<std::string>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json ref_view(const MappingRef& ref) {
    return Json{{"canonical_id", ref.canonical_id}, {"number", ref.number}, {"rows", ref.rows}};
}

Json revision_view(const RevisionInfo& info) {
    return Json{{"revision", info.revision},
                {"imported_at", optional_json(info.imported_at)},
                {"source", info.source},
                {"sha256", info.sha256}};
}

}  // namespace

Json item_view(const Catalog& catalog, const Json& item) {
    Json view = item;
    view["unconfirmed"] = text(item, "confidence") == "I";
    Json guideline = Json::array();
    for (const auto& ref : texts(item, "guideline_refs")) {
        const auto [in, entry] = catalog.resolve_guideline_ref(ref);
        if (entry == nullptr) continue;  // cannot happen in a validated catalog
        guideline.push_back({{"id", entry->id},
                             {"ref", ref},
                             {"guideline", in->id},
                             {"volume", entry->volume},
                             {"number", optional_json(entry->number)},
                             {"title_ja", optional_json(entry->title_ja)},
                             {"title_en", optional_json(entry->title_en)},
                             {"confidence", to_string(entry->confidence)}});
    }
    view["guideline"] = std::move(guideline);
    return view;
}

Json edition_summary(const Edition& edition) {
    return Json{{"id", edition.id},
                {"revision", edition.revision.revision},
                {"fiscal_year", edition.fiscal_year},
                {"fiscal_year_ja", edition.fiscal_year_ja},
                {"title_ja", edition.title_ja},
                {"title_en", edition.title_en}};
}

Json editions_view(const Catalog& catalog) {
    const Json known = catalog.index.is_object() ? catalog.index.value("newer_editions_known", Json::array())
                                                 : Json::array();
    Json list = Json::array();
    for (const auto& revisions : catalog.editions) {
        const Edition& e = revisions.latest();
        // Known editions newer than this one and not loaded (a loaded one is listed in its own right).
        Json newer = Json::array();
        for (const auto& k : known) {
            const int fy = k.value("fiscal_year", 0);
            const bool loaded = std::any_of(catalog.editions.begin(), catalog.editions.end(),
                                            [fy](const auto& r) { return r.latest().fiscal_year == fy; });
            if (fy > e.fiscal_year && !loaded)
                newer.push_back({{"fiscal_year", fy},
                                 {"fiscal_year_ja", k.value("fiscal_year_ja", "")},
                                 {"title_ja", k.value("title_ja", "")},
                                 {"title_en", k.value("title_en", "")},
                                 {"published_label", k.value("published_label", "")},
                                 {"source", k.value("source", "")}});
        }
        Json forms = Json::array();
        for (const auto& f : e.forms)
            forms.push_back({{"id", f.id},
                             {"title_ja", f.title_ja},
                             {"title_en", f.title_en},
                             {"item_count", f.items.size()}});
        list.push_back({{"id", e.id},
                        {"revision", e.revision.revision},
                        {"fiscal_year", e.fiscal_year},
                        {"fiscal_year_ja", e.fiscal_year_ja},
                        {"published", member(e.json, "published")},
                        {"published_precision", member(e.json, "published_precision")},
                        {"title_ja", e.title_ja},
                        {"title_en", e.title_en},
                        {"forms", std::move(forms)},
                        {"newer_known", std::move(newer)}});
    }
    return Json{{"editions", std::move(list)}};
}

Json edition_view(const EditionRevisions& revisions, const Edition& edition) {
    Json view = Json::object();
    for (const auto& [key, value] : edition.json.items()) {
        if (key != "forms") {
            view[key] = value;
            continue;
        }
        Json forms = Json::array();
        for (const auto& form : value) {
            Json f = Json::object();
            for (const auto& [fkey, fvalue] : form.items()) {
                if (fkey == "items")
                    f["item_count"] = fvalue.size();
                else
                    f[fkey] = fvalue;
            }
            forms.push_back(std::move(f));
        }
        view["forms"] = std::move(forms);
    }
    view["revision"] = edition.revision.revision;
    Json list = Json::array();
    for (const auto& r : revisions.revisions) list.push_back(revision_view(r->revision));
    view["revisions"] = std::move(list);
    return view;
}

Json form_view(const Catalog& catalog, const Edition& edition, const Form& form) {
    Json f = Json::object();
    for (const auto& [key, value] : form.json.items()) {
        if (key == "items") {
            Json items = Json::array();
            for (const auto& item : value) items.push_back(item_view(catalog, item));
            f["items"] = std::move(items);
        } else if (key == "gate" && value.is_object()) {
            f["gate"] = item_view(catalog, value);
        } else {
            f[key] = value;
        }
    }
    return Json{{"edition",
                 {{"id", edition.id},
                  {"revision", edition.revision.revision},
                  {"fiscal_year", edition.fiscal_year},
                  {"title_ja", edition.title_ja},
                  {"title_en", edition.title_en}}},
                {"form", std::move(f)}};
}

Json item_history_view(const Catalog& catalog, const CanonicalItem& canonical) {
    Json history = Json::array();
    for (const auto& revisions : catalog.editions) {
        const Edition& e = revisions.latest();
        for (const auto& form : e.forms) {
            const Json* item = nullptr;
            if (const Item* found = form.find(canonical.canonical_id)) {
                item = &found->json;
            } else {
                const Json& gate = member(form.json, "gate");
                if (gate.is_object() && text(gate, "canonical_id") == canonical.canonical_id) item = &gate;
            }
            if (item == nullptr) continue;
            history.push_back({{"edition", e.id},
                               {"revision", e.revision.revision},
                               {"fiscal_year", e.fiscal_year},
                               {"form", form.id},
                               {"item", item_view(catalog, *item)}});
        }
    }
    // What later guideline versions changed about this item (e.g. 7.0 dropping periodic password change).
    Json guideline_changes = Json::array();
    for (const auto& g : catalog.later_guidelines)
        for (const auto& change : member(g.json, "changes")) {
            const auto affected = texts(change, "affects_canonical");
            if (std::find(affected.begin(), affected.end(), canonical.canonical_id) == affected.end()) continue;
            Json c = change;
            c["guideline"] = g.id;
            c["guideline_title_ja"] = text(g.json, "title_ja");
            c["guideline_title_en"] = text(g.json, "title_en");
            guideline_changes.push_back(std::move(c));
        }
    return Json{{"canonical_id", canonical.canonical_id},
                {"canonical", canonical.json},
                {"history", std::move(history)},
                {"guideline_changes", std::move(guideline_changes)}};
}

Json comparison_view(const Catalog& catalog, const Comparison& comparison) {
    Json entries = Json::array();
    for (const auto& e : comparison.entries) {
        Json from_items = Json::array();
        for (const Item* item : e.from_items) from_items.push_back(item_view(catalog, item->json));
        Json from = Json::array();
        for (const auto& ref : e.from) from.push_back(ref_view(ref));
        entries.push_back(
            {{"status", to_string(e.status)},
             {"kind", to_string(e.kind)},
             {"changes", e.changes},
             {"renumbered", e.renumbered},
             {"note", optional_json(e.note)},
             {"confidence", to_string(e.confidence)},
             {"to", e.to ? ref_view(*e.to) : Json(nullptr)},
             {"from", std::move(from)},
             {"to_item", e.to_item != nullptr ? item_view(catalog, e.to_item->json) : Json(nullptr)},
             {"from_items", std::move(from_items)}});
    }
    return Json{{"from", edition_summary(*comparison.from)},
                {"to", edition_summary(*comparison.to)},
                {"form", comparison.form},
                {"from_form", comparison.from_form},
                {"mappings", comparison.mappings},
                {"summary",
                 {{"added", comparison.added},
                  {"changed", comparison.changed},
                  {"unchanged", comparison.unchanged},
                  {"removed", comparison.removed}}},
                {"entries", std::move(entries)}};
}

}  // namespace mamori::catalog
