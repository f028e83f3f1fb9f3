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

// mapping_path: the mapping steps leading from form `from_form` of `from` to form `to_form` of `to`, shortest
// first. A step may change form where a later edition merged forms (R7 pharmacy → a merged R8 form).
std::vector<std::pair<const Mapping*, const FormMapping*>> mapping_path(const Catalog& catalog,
                                                                        std::string_view from,
                                                                        std::string_view to,
                                                                        std::string_view from_form,
                                                                        std::string_view to_form) {
    using State = std::pair<std::string, std::string>;  // (edition, form)
    struct Via {
        const Mapping* mapping = nullptr;
        const FormMapping* form = nullptr;
        State previous;
    };
    std::map<State, Via> via;
    const State start{std::string(from), std::string(from_form)};
    const State goal{std::string(to), std::string(to_form)};
    std::deque<State> queue{start};
    via[start] = {};
    while (!queue.empty()) {
        const State at = queue.front();
        queue.pop_front();
        if (at == goal) break;
        for (const auto& m : catalog.mappings) {
            if (m.from_edition != at.first) continue;
            for (const auto& fm : m.forms) {
                const State next{m.to_edition, fm.form};
                if (fm.from_form != at.second || via.count(next) != 0) continue;
                via[next] = {&m, &fm, at};
                queue.push_back(next);
            }
        }
    }
    std::vector<std::pair<const Mapping*, const FormMapping*>> path;
    if (via.count(goal) == 0) return path;
    for (State at = goal; via.at(at).mapping != nullptr; at = via.at(at).previous)
        path.emplace_back(via.at(at).mapping, via.at(at).form);
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
    return compare(catalog, from, to, form, form);
}

Result<Comparison> compare(const Catalog& catalog, std::string_view from, std::string_view to,
                           std::string_view from_form, std::string_view to_form) {
    const Edition* a = catalog.latest(from);
    const Edition* c = catalog.latest(to);
    if (a == nullptr) return fail(ErrorCode::not_found, fmt::format("unknown edition \"{}\"", from), "from");
    if (c == nullptr) return fail(ErrorCode::not_found, fmt::format("unknown edition \"{}\"", to), "to");
    const Form* fa = a->find(from_form);
    const Form* fc = c->find(to_form);
    if (fa == nullptr)
        return fail(ErrorCode::not_found, fmt::format("edition {} has no form \"{}\"", a->id, from_form),
                    "form");
    if (fc == nullptr)
        return fail(ErrorCode::not_found, fmt::format("edition {} has no form \"{}\"", c->id, to_form),
                    "form");
    if (a == c)
        return fail(ErrorCode::invalid_input,
                    "from and to are the same edition: choose two different editions", "to");
    const auto path = mapping_path(catalog, from, to, from_form, to_form);
    if (path.empty())
        return fail(
            ErrorCode::invalid_input,
            fmt::format("no mapping leads from {} form {} to {} form {}: comparisons run from an older "
                        "edition to a newer one along the mapping files",
                        a->id, from_form, c->id, to_form),
            a->fiscal_year > c->fiscal_year ? "from" : "to");

    Chain chain = first_step(*path.front().first, *path.front().second);
    for (std::size_t i = 1; i < path.size(); ++i) chain = compose(chain, *path[i].first, *path[i].second);

    Comparison result;
    result.from = a;
    result.to = c;
    result.form = std::string(to_form);
    result.from_form = std::string(from_form);
    for (const auto& step : path) result.mappings.push_back(step.first->id);
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
