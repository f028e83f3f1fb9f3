#include "mamori/catalog/comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>

namespace mamori::catalog {

namespace {

constexpr std::string_view kChangeOrder[] = {"text", "rows", "number", "target"};

// Step: a mapping entry while mappings are composed; notes keep the id of the mapping they come from.
struct Step {
    MappingRef to;
    std::vector<MappingRef> from;
    MappingKind kind = MappingKind::unchanged;
    std::vector<std::string> changes;
    bool renumbered = false;
    Confidence confidence = Confidence::verified;
    std::vector<std::pair<std::string, std::string>> notes;
};

struct Gone {
    MappingRef item;
    Confidence confidence = Confidence::verified;
    std::vector<std::pair<std::string, std::string>> notes;
};

struct Chain {
    std::vector<Step> steps;
    std::vector<Gone> removed;
};

// structural_rank: when composing, the stronger kind wins (two renumberings stay unchanged; a rewording
// followed by a merge is a merge).
int structural_rank(MappingKind kind) {
    switch (kind) {
        case MappingKind::unchanged: return 0;
        case MappingKind::reworded: return 1;
        case MappingKind::split: return 2;
        case MappingKind::merged: return 3;
        default: return 4;
    }
}

void add_changes(std::vector<std::string>& into, const std::vector<std::string>& more) {
    for (const auto& c : more)
        if (std::find(into.begin(), into.end(), c) == into.end()) into.push_back(c);
    std::sort(into.begin(), into.end(), [](const std::string& a, const std::string& b) {
        const auto rank = [](const std::string& s) {
            return std::find(std::begin(kChangeOrder), std::end(kChangeOrder), s) - std::begin(kChangeOrder);
        };
        return rank(a) < rank(b);
    });
}

void add_ref(std::vector<MappingRef>& into, const MappingRef& ref) {
    for (auto& existing : into)
        if (existing.canonical_id == ref.canonical_id) {
            for (const auto& row : ref.rows)
                if (std::find(existing.rows.begin(), existing.rows.end(), row) == existing.rows.end())
                    existing.rows.push_back(row);
            return;
        }
    into.push_back(ref);
}

void add_note(std::vector<std::pair<std::string, std::string>>& notes, const std::string& mapping,
              const std::optional<std::string>& note) {
    if (note) notes.emplace_back(mapping, *note);
}

Chain first_step(const Mapping& mapping, const FormMapping& fm) {
    Chain chain;
    for (const auto& e : fm.entries) {
        Step s{e.to, e.from, e.kind, e.changes, e.renumbered, e.confidence, {}};
        add_note(s.notes, mapping.id, e.note);
        chain.steps.push_back(std::move(s));
    }
    for (const auto& r : fm.removed) {
        Gone g{r.item, r.confidence, {}};
        add_note(g.notes, mapping.id, r.note);
        chain.removed.push_back(std::move(g));
    }
    return chain;
}

// compose: `chain` (a → b) followed by `fm` (b → c) gives a → c.
Chain compose(const Chain& chain, const Mapping& mapping, const FormMapping& fm) {
    const auto steps_to = [&](const std::string& canonical_id) {
        std::vector<const Step*> found;
        for (const auto& s : chain.steps)
            if (s.to.canonical_id == canonical_id) found.push_back(&s);
        return found;
    };
    Chain out;
    out.removed = chain.removed;
    for (const auto& e : fm.entries) {
        Step s{e.to, {}, e.kind, e.changes, false, e.confidence, {}};
        bool any_earlier = false;
        for (const auto& ref : e.from)
            for (const Step* prior : steps_to(ref.canonical_id)) {
                s.confidence = weakest(s.confidence, prior->confidence);
                s.notes.insert(s.notes.end(), prior->notes.begin(), prior->notes.end());
                if (prior->kind == MappingKind::added) continue;
                any_earlier = true;
                for (const auto& r : prior->from) add_ref(s.from, r);
                add_changes(s.changes, prior->changes);
                if (structural_rank(prior->kind) > structural_rank(s.kind)) s.kind = prior->kind;
            }
        if (e.kind != MappingKind::added && !any_earlier) {
            // Everything it comes from was itself new after `a`: from a's point of view it is new.
            s.kind = MappingKind::added;
            s.changes.clear();
        }
        add_note(s.notes, mapping.id, e.note);
        out.steps.push_back(std::move(s));
    }
    for (const auto& r : fm.removed)
        for (const Step* prior : steps_to(r.item.canonical_id)) {
            if (prior->kind == MappingKind::added) continue;
            for (const auto& origin : prior->from) {
                Gone g{origin, weakest(r.confidence, prior->confidence), prior->notes};
                add_note(g.notes, mapping.id, r.note);
                out.removed.push_back(std::move(g));
            }
        }
    return out;
}

// mapping_path: the mappings leading from `from` to `to` that all cover `form`, shortest first.
std::vector<const Mapping*> mapping_path(const Catalog& catalog, std::string_view from, std::string_view to,
                                         std::string_view form) {
    std::map<std::string, const Mapping*> via;  // edition reached → mapping used to reach it
    std::deque<std::string> queue{std::string(from)};
    via[std::string(from)] = nullptr;
    while (!queue.empty()) {
        const std::string at = queue.front();
        queue.pop_front();
        if (at == to) break;
        for (const auto& m : catalog.mappings)
            if (m.from_edition == at && m.find(form) != nullptr && via.count(m.to_edition) == 0) {
                via[m.to_edition] = &m;
                queue.push_back(m.to_edition);
            }
    }
    std::vector<const Mapping*> path;
    if (via.count(std::string(to)) == 0) return path;
    for (std::string at(to); via.at(at) != nullptr; at = via.at(at)->from_edition) path.push_back(via.at(at));
    std::reverse(path.begin(), path.end());
    return path;
}

std::optional<std::string> render_notes(const std::vector<std::pair<std::string, std::string>>& notes,
                                        std::size_t mappings) {
    if (notes.empty()) return std::nullopt;
    if (mappings == 1) return notes.front().second;
    std::string text;
    for (const auto& [mapping, note] : notes)
        text += fmt::format("{}{}: {}", text.empty() ? "" : " / ", mapping, note);
    return text;
}

ChangeStatus status_of(MappingKind kind, const std::vector<std::string>& changes) {
    if (kind == MappingKind::added) return ChangeStatus::added;
    const bool renumbering_only = std::all_of(
        changes.begin(), changes.end(), [](const std::string& c) { return c == "number" || c == "target"; });
    return kind == MappingKind::unchanged && renumbering_only ? ChangeStatus::unchanged
                                                              : ChangeStatus::changed;
}

}  // namespace

std::string_view to_string(ChangeStatus status) {
    switch (status) {
        case ChangeStatus::added: return "added";
        case ChangeStatus::changed: return "changed";
        case ChangeStatus::unchanged: return "unchanged";
        case ChangeStatus::removed: return "removed";
    }
    return "changed";
}

Result<Comparison> compare(const Catalog& catalog, std::string_view from, std::string_view to,
                           std::string_view form) {
    const Edition* a = catalog.latest(from);
    const Edition* c = catalog.latest(to);
    if (a == nullptr) return fail(ErrorCode::not_found, fmt::format("unknown edition \"{}\"", from), "from");
    if (c == nullptr) return fail(ErrorCode::not_found, fmt::format("unknown edition \"{}\"", to), "to");
    const Form* fa = a->find(form);
    const Form* fc = c->find(form);
    if (fa == nullptr)
        return fail(ErrorCode::not_found, fmt::format("edition {} has no form \"{}\"", a->id, form), "form");
    if (fc == nullptr)
        return fail(ErrorCode::not_found, fmt::format("edition {} has no form \"{}\"", c->id, form), "form");
    if (a == c)
        return fail(ErrorCode::invalid_input,
                    "from and to are the same edition: choose two different editions", "to");
    const auto path = mapping_path(catalog, from, to, form);
    if (path.empty())
        return fail(ErrorCode::invalid_input,
                    fmt::format("no mapping leads from {} to {} for form {}: comparisons run from an older "
                                "edition to a newer one along the mapping files",
                                a->id, c->id, form),
                    a->fiscal_year > c->fiscal_year ? "from" : "to");

    Chain chain = first_step(*path.front(), *path.front()->find(form));
    for (std::size_t i = 1; i < path.size(); ++i) chain = compose(chain, *path[i], *path[i]->find(form));

    Comparison result;
    result.from = a;
    result.to = c;
    result.form = std::string(form);
    for (const Mapping* m : path) result.mappings.push_back(m->id);
    for (const auto& s : chain.steps) {
        ComparisonEntry e;
        e.kind = s.kind;
        e.changes = s.changes;
        e.status = status_of(s.kind, s.changes);
        e.confidence = s.confidence;
        e.note = render_notes(s.notes, path.size());
        e.to = s.to;
        e.from = s.from;
        e.to_item = fc->find(s.to.canonical_id);
        for (const auto& ref : s.from)
            if (const Item* item = fa->find(ref.canonical_id)) e.from_items.push_back(item);
        e.renumbered = path.size() == 1
                           ? s.renumbered
                           : std::any_of(e.from_items.begin(), e.from_items.end(), [&](const Item* item) {
                                 return e.to_item != nullptr && (item->section != e.to_item->section ||
                                                                 item->ordinal != e.to_item->ordinal);
                             });
        result.entries.push_back(std::move(e));
    }
    for (const auto& g : chain.removed) {
        ComparisonEntry e;
        e.status = ChangeStatus::removed;
        e.kind = MappingKind::removed;
        e.confidence = g.confidence;
        e.note = render_notes(g.notes, path.size());
        e.from = {g.item};
        if (const Item* item = fa->find(g.item.canonical_id)) e.from_items.push_back(item);
        result.entries.push_back(std::move(e));
    }
    for (const auto& e : result.entries) {
        switch (e.status) {
            case ChangeStatus::added: ++result.added; break;
            case ChangeStatus::changed: ++result.changed; break;
            case ChangeStatus::unchanged: ++result.unchanged; break;
            case ChangeStatus::removed: ++result.removed; break;
        }
    }
    return result;
}

}  // namespace mamori::catalog
