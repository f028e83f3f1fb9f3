#include "mamori/catalog/catalog.hpp"

#include <algorithm>

namespace mamori::catalog {

std::string_view to_string(Confidence confidence) {
    switch (confidence) {
        case Confidence::verified: return "V";
        case Confidence::secondary: return "S";
        case Confidence::inferred: return "I";
    }
    return "I";
}

std::optional<Confidence> parse_confidence(std::string_view text) {
    if (text == "V") return Confidence::verified;
    if (text == "S") return Confidence::secondary;
    if (text == "I") return Confidence::inferred;
    return std::nullopt;
}

Confidence weakest(Confidence a, Confidence b) {
    return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

std::string_view to_string(MappingKind kind) {
    switch (kind) {
        case MappingKind::unchanged: return "unchanged";
        case MappingKind::reworded: return "reworded";
        case MappingKind::merged: return "merged";
        case MappingKind::split: return "split";
        case MappingKind::added: return "new";
        case MappingKind::removed: return "removed";
    }
    return "unchanged";
}

const Item* Form::find(std::string_view canonical_id) const {
    for (const auto& item : items)
        if (item.canonical_id == canonical_id) return &item;
    return nullptr;
}

const Form* Edition::find(std::string_view form_id) const {
    for (const auto& form : forms)
        if (form.id == form_id) return &form;
    return nullptr;
}

const Edition* EditionRevisions::find(int n) const {
    for (const auto& r : revisions)
        if (r->revision.revision == n) return r.get();
    return nullptr;
}

const GuidelineEntry* Guideline::find(std::string_view id) const {
    for (const auto& entry : entries)
        if (entry.id == id) return &entry;
    return nullptr;
}

const FormMapping* Mapping::find(std::string_view form_id) const {
    return find(form_id, form_id);
}

const FormMapping* Mapping::find(std::string_view from_form, std::string_view to_form) const {
    for (const auto& form : forms)
        if (form.form == to_form && form.from_form == from_form) return &form;
    return nullptr;
}

const Form* Edition::form_for_kind(std::string_view kind) const {
    for (const auto& form : forms)
        if (std::find(form.organisation_kinds.begin(), form.organisation_kinds.end(), kind) !=
            form.organisation_kinds.end())
            return &form;
    return nullptr;
}

const Guideline* Catalog::find_guideline(std::string_view id) const {
    if (guideline.id == id) return &guideline;
    for (const auto& g : later_guidelines)
        if (g.id == id) return &g;
    return nullptr;
}

std::pair<const Guideline*, const GuidelineEntry*> Catalog::resolve_guideline_ref(std::string_view ref) const {
    const auto colon = ref.find(':');
    const Guideline* g = colon == std::string_view::npos ? &guideline : find_guideline(ref.substr(0, colon));
    if (g == nullptr) return {nullptr, nullptr};
    const GuidelineEntry* entry = g->find(colon == std::string_view::npos ? ref : ref.substr(colon + 1));
    return entry == nullptr ? std::pair<const Guideline*, const GuidelineEntry*>{nullptr, nullptr}
                            : std::pair{g, entry};
}

const Edition* Catalog::latest(std::string_view id) const {
    const auto* r = revisions(id);
    return r == nullptr || r->revisions.empty() ? nullptr : &r->latest();
}

const EditionRevisions* Catalog::revisions(std::string_view id) const {
    for (const auto& e : editions)
        if (e.id == id) return &e;
    return nullptr;
}

const CanonicalItem* Catalog::find_canonical(std::string_view canonical_id) const {
    for (const auto& c : canonical)
        if (c.canonical_id == canonical_id) return &c;
    return nullptr;
}

const Mapping* Catalog::find_mapping(std::string_view from, std::string_view to) const {
    for (const auto& m : mappings)
        if (m.from_edition == from && m.to_edition == to) return &m;
    return nullptr;
}

std::size_t Catalog::form_rank(std::string_view form_id) const {
    for (std::size_t i = 0; i < forms.size(); ++i)
        if (forms[i].id == form_id) return i;
    return forms.size();
}

}  // namespace mamori::catalog
