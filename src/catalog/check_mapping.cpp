// Validation of an edition-to-edition mapping (format §7, rules §9.4) against the current revisions of both
// editions.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "checks.hpp"
#include "schema.hpp"

namespace mamori::catalog {

namespace {

constexpr std::string_view kEntryKinds[] = {"unchanged", "reworded", "merged", "split", "new"};
constexpr std::string_view kChangeWords[] = {"text", "rows", "number", "target"};

constexpr Field kMappingFields[] = {
    {"kind", Type::str},         {"format_version", Type::integer}, {"id", Type::str},
    {"from_edition", Type::str}, {"to_edition", Type::str},         {"sources", Type::urls},
    {"forms", Type::array},
};
constexpr Field kFormMappingFields[] = {
    {"form", Type::str},
    {"from_form", Type::str, {}, true},
    {"gate_change", Type::object},
    {"summary", Type::object},
    {"entries", Type::array},
    {"removed", Type::array},
    {"removed_note", Type::str_or_null},
};
constexpr Field kGateChangeFields[] = {
    {"from", Type::str, kGateStatuses},
    {"to", Type::str, kGateStatuses},
    {"confidence", Type::conf},
    {"note", Type::str_or_null},
};
constexpr Field kSummaryFields[] = {
    {"unchanged", Type::integer}, {"reworded", Type::integer}, {"merged", Type::integer},
    {"split", Type::integer},     {"new", Type::integer},      {"removed", Type::integer},
};
constexpr Field kEntryFields[] = {
    {"to", Type::object},
    {"from", Type::array},
    {"kind", Type::str, kEntryKinds},
    {"renumbered", Type::boolean},
    {"changes", Type::strings, kChangeWords},
    {"confidence", Type::conf},
    {"note", Type::str_or_null},
};
constexpr Field kRefFields[] = {
    {"canonical_id", Type::str},
    {"number", Type::str},
    {"rows", Type::strings},
};
constexpr Field kRemovedFields[] = {
    {"canonical_id", Type::str}, {"number", Type::str},       {"rows", Type::strings},
    {"confidence", Type::conf},  {"note", Type::str_or_null},
};

MappingKind parse_kind(const std::string& kind) {
    if (kind == "reworded") return MappingKind::reworded;
    if (kind == "merged") return MappingKind::merged;
    if (kind == "split") return MappingKind::split;
    if (kind == "new") return MappingKind::added;
    return MappingKind::unchanged;
}

std::string gate_word(GateStatus s) {
    return s == GateStatus::present ? "present" : s == GateStatus::absent ? "absent" : "unknown";
}

// resolve: the item a reference names, after reporting at `where` what does not exist.
const Item* resolve(const Json& ref, const Location& where, const Edition& edition, const Form& form,
                    Diagnostics& out) {
    if (!check_fields(ref, where, kRefFields, out)) return nullptr;
    const std::string id = text(ref, "canonical_id");
    const std::string number = text(ref, "number");
    const Item* item = form.find(id);
    if (item == nullptr) {
        out.add(
            where.file, join_path(where.path, "canonical_id"),
            fmt::format("points nowhere: edition {} form {} has no item \"{}\"", edition.id, form.id, id));
        return nullptr;
    }
    if (item->number != number) {
        out.add(where.file, join_path(where.path, "number"),
                fmt::format("points nowhere: item {} of edition {} form {} is numbered \"{}\", not \"{}\"",
                            id, edition.id, form.id, item->number, number));
        return nullptr;
    }
    const auto rows = texts(ref, "rows");
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (std::none_of(item->rows.begin(), item->rows.end(),
                         [&](const Row& r) { return r.key == rows[i]; }))
            out.add(where.file, index_path(join_path(where.path, "rows"), i),
                    fmt::format("points nowhere: item {} {} of edition {} form {} has no row \"{}\"", id,
                                number, edition.id, form.id, rows[i]));
    return item;
}

MappingRef to_ref(const Json& ref) {
    return {text(ref, "canonical_id"), text(ref, "number"), texts(ref, "rows")};
}

void check_form_mapping(const Json& f, const Location& where, const Edition& from, const Edition& to,
                        Mapping& mapping, Diagnostics& out) {
    if (!check_fields(f, where, kFormMappingFields, out)) return;
    FormMapping fm;
    fm.form = text(f, "form");
    // from_form: the earlier form, when a merged later form takes items from several earlier ones.
    fm.from_form = member(f, "from_form").is_string() ? text(f, "from_form") : fm.form;
    const Form* earlier = from.find(fm.from_form);
    const Form* later = to.find(fm.form);
    if (earlier == nullptr) {
        out.add(where.file, join_path(where.path, member(f, "from_form").is_string() ? "from_form" : "form"),
                fmt::format("form \"{}\" is not in edition {}", fm.from_form, from.id));
        return;
    }
    if (later == nullptr) {
        out.add(where.file, join_path(where.path, "form"),
                fmt::format("form \"{}\" is not in edition {}", fm.form, to.id));
        return;
    }
    if (mapping.find(fm.from_form, fm.form) != nullptr) {
        out.add(where.file, join_path(where.path, "form"),
                fmt::format("form \"{}\" is mapped twice from \"{}\"", fm.form, fm.from_form));
        return;
    }

    const Json& gate = member(f, "gate_change");
    if (check_fields(gate, where.at("gate_change"), kGateChangeFields, out)) {
        if (text(gate, "from") != gate_word(earlier->gate_status))
            out.add(where.file, join_path(where.path, "gate_change.from"),
                    fmt::format("is \"{}\" but form {} of {} has gate_status \"{}\"", text(gate, "from"),
                                fm.from_form, from.id, gate_word(earlier->gate_status)));
        if (text(gate, "to") != gate_word(later->gate_status))
            out.add(where.file, join_path(where.path, "gate_change.to"),
                    fmt::format("is \"{}\" but form {} of {} has gate_status \"{}\"", text(gate, "to"),
                                fm.form, to.id, gate_word(later->gate_status)));
    }

    std::set<std::string> used;  // earlier items that some entry comes from
    struct SplitGroup {
        std::size_t entries = 0;
        std::size_t source_rows = 0;
        std::size_t target_rows = 0;
        Location first;
    };
    std::map<std::string, SplitGroup> split_groups;  // by the earlier rows the entries split
    std::map<std::string, int> counts;
    const Json& entries = member(f, "entries");
    for_each_element(f, where, "entries", [&](const Json& e, const Location& at) {
        if (!check_fields(e, at, kEntryFields, out)) return;
        const std::size_t i = fm.entries.size();
        MappingEntry entry;
        entry.to = to_ref(member(e, "to"));
        entry.kind = parse_kind(text(e, "kind"));
        entry.renumbered = flag(e, "renumbered");
        entry.changes = texts(e, "changes");
        entry.confidence = confidence(e, "confidence");
        entry.note = optional_text(e, "note");
        ++counts[text(e, "kind")];

        const Item* target = resolve(member(e, "to"), at.at("to"), to, *later, out);
        if (i < later->items.size() && entry.to.canonical_id != later->items[i].canonical_id)
            out.add(
                at.file, join_path(at.path, "to.canonical_id"),
                fmt::format("is \"{}\" but entries must follow the printed order of {} {}: item {} is \"{}\"",
                            entry.to.canonical_id, to.id, fm.form, i, later->items[i].canonical_id));
        std::vector<const Item*> sources;
        std::size_t source_rows = 0;
        for_each_element(e, at, "from", [&](const Json& ref, const Location& rat) {
            entry.from.push_back(to_ref(ref));
            source_rows += entry.from.back().rows.size();
            // A wrong number is reported once, here, not again as an earlier item that nothing uses.
            if (earlier->find(entry.from.back().canonical_id) != nullptr)
                used.insert(entry.from.back().canonical_id);
            if (const Item* s = resolve(ref, rat, from, *earlier, out)) sources.push_back(s);
        });
        const std::size_t target_rows = entry.to.rows.size();
        if (entry.kind == MappingKind::added && !entry.from.empty())
            out.add(at.file, join_path(at.path, "from"), "a \"new\" item cannot come from earlier items");
        if (entry.kind != MappingKind::added && member(e, "from").is_array() && entry.from.empty())
            out.add(at.file, join_path(at.path, "from"),
                    fmt::format("a \"{}\" item needs at least one earlier item", text(e, "kind")));
        if (entry.kind == MappingKind::merged && (source_rows < 2 || target_rows >= source_rows))
            out.add(
                at.file, join_path(at.path, "kind"),
                fmt::format("\"merged\" needs at least 2 source rows and fewer target rows than source rows "
                            "(has {} source, {} target)",
                            source_rows, target_rows));
        if (entry.kind == MappingKind::split) {
            // One earlier item split into several later items: each later item is an entry of its own, so
            // the rows are counted over every entry that splits the same source.
            std::string key;
            for (const auto& ref : entry.from)
                key += fmt::format("{}:{};", ref.canonical_id, fmt::join(ref.rows, ","));
            auto& group = split_groups[key];
            if (group.entries == 0) {
                group.source_rows = source_rows;
                group.first = at;
            }
            ++group.entries;
            group.target_rows += target_rows;
        }
        for (std::size_t c = 0; c < entry.changes.size(); ++c)
            if (std::count(entry.changes.begin(), entry.changes.end(), entry.changes[c]) > 1)
                out.add(at.file, index_path(join_path(at.path, "changes"), c),
                        fmt::format("\"{}\" is listed twice", entry.changes[c]));
        if (target != nullptr && sources.size() == 1 && entry.from.size() == 1) {
            const Item& s = *sources.front();
            const bool moved = s.section != target->section || s.ordinal != target->ordinal;
            if (member(e, "renumbered").is_boolean() && moved != entry.renumbered)
                out.add(at.file, join_path(at.path, "renumbered"),
                        fmt::format("is {} but {} → {} {} the section or ordinal",
                                    entry.renumbered ? "true" : "false", s.number, target->number,
                                    moved ? "changes" : "keeps"));
            const bool number_changed = s.number != target->number;
            const bool listed = std::count(entry.changes.begin(), entry.changes.end(), "number") > 0;
            if (number_changed != listed)
                out.add(at.file, join_path(at.path, "changes"),
                        fmt::format("{} \"number\" but the printed number {} ({} → {})",
                                    listed ? "lists" : "does not list",
                                    number_changed ? "changes" : "stays the same", s.number, target->number));
        }
        fm.entries.push_back(std::move(entry));
    });
    for (const auto& [key, group] : split_groups)
        if (group.target_rows <= group.source_rows)
            out.add(group.first.file, join_path(group.first.path, "kind"),
                    fmt::format("\"split\" needs more target rows than source rows, counted over the {} "
                                "entries that split the same source (has {} source, {} target)",
                                group.entries, group.source_rows, group.target_rows));
    if (entries.is_array() && entries.size() != later->items.size())
        out.add(
            where.file, join_path(where.path, "entries"),
            fmt::format(
                "has {} entries but {} {} has {} items: there must be one entry per item, in printed order",
                entries.size(), to.id, fm.form, later->items.size()));

    for_each_element(f, where, "removed", [&](const Json& r, const Location& at) {
        if (!check_fields(r, at, kRemovedFields, out)) return;
        RemovedItem removed{to_ref(r), confidence(r, "confidence"), optional_text(r, "note")};
        const Json ref = {{"canonical_id", removed.item.canonical_id},
                          {"number", removed.item.number},
                          {"rows", removed.item.rows}};
        if (earlier->find(removed.item.canonical_id) != nullptr) used.insert(removed.item.canonical_id);
        resolve(ref, at, from, *earlier, out);
        if (later->find(removed.item.canonical_id) != nullptr)
            out.add(at.file, join_path(at.path, "canonical_id"),
                    fmt::format("\"{}\" is listed as removed but is still in {} {}",
                                removed.item.canonical_id, to.id, fm.form));
        fm.removed.push_back(std::move(removed));
    });
    for (const auto& item : earlier->items)
        if (!item.canonical_id.empty() && used.count(item.canonical_id) == 0)
            out.add(where.file, where.path,
                    fmt::format("item {} {} of {} {} is neither the source of an entry nor listed in removed",
                                item.canonical_id, item.number, from.id, fm.form));

    counts["removed"] = static_cast<int>(fm.removed.size());
    const Json& summary = member(f, "summary");
    if (check_fields(summary, where.at("summary"), kSummaryFields, out))
        for (const auto& field : kSummaryFields) {
            const std::string key(field.name);
            const auto stated = integer(summary, key);
            if (stated && *stated != counts[key])
                out.add(where.file, join_path(where.path, "summary." + key),
                        fmt::format("is {} but the mapping has {}", *stated, counts[key]));
        }
    mapping.forms.push_back(std::move(fm));
}

}  // namespace

void check_mapping(const Located& doc, Catalog& catalog, Diagnostics& out) {
    const Json& m = doc.value;
    if (!check_fields(m, doc.where, kMappingFields, out)) return;
    check_document_header(doc, "mapping", catalog, out);
    Mapping mapping;
    mapping.json = m;
    mapping.id = text(m, "id");
    mapping.from_edition = text(m, "from_edition");
    mapping.to_edition = text(m, "to_edition");
    if (mapping.id != mapping.from_edition + "-" + mapping.to_edition)
        out.add(doc.where.file, join_path(doc.where.path, "id"),
                fmt::format("\"{}\" must be \"<from>-<to>\": \"{}-{}\"", mapping.id, mapping.from_edition,
                            mapping.to_edition));
    const Edition* from = catalog.latest(mapping.from_edition);
    const Edition* to = catalog.latest(mapping.to_edition);
    if (from == nullptr)
        out.add(doc.where.file, join_path(doc.where.path, "from_edition"),
                fmt::format("unknown edition \"{}\"", mapping.from_edition));
    if (to == nullptr)
        out.add(doc.where.file, join_path(doc.where.path, "to_edition"),
                fmt::format("unknown edition \"{}\"", mapping.to_edition));
    if (from == nullptr || to == nullptr) return;
    if (from->fiscal_year >= to->fiscal_year)
        out.add(doc.where.file, join_path(doc.where.path, "to_edition"),
                fmt::format("{} (FY{}) is not later than {} (FY{}): mappings run forward", to->id,
                            to->fiscal_year, from->id, from->fiscal_year));

    for_each_element(m, doc.where, "forms", [&](const Json& f, const Location& at) {
        check_form_mapping(f, at, *from, *to, mapping, out);
    });
    for (const auto& form : to->forms)
        if (from->find(form.id) != nullptr && mapping.find(form.id) == nullptr &&
            member(m, "forms").is_array())
            out.add(doc.where.file, join_path(doc.where.path, "forms"),
                    fmt::format("form \"{}\" is in both {} and {} but has no mapping", form.id, from->id,
                                to->id));
    // Every organisation answering an earlier form must find its way to the form it answers now.
    std::set<std::pair<std::string, std::string>> missing;
    for (const auto& earlier : from->forms)
        for (const auto& kind : earlier.organisation_kinds) {
            const Form* later = to->form_for_kind(kind);
            if (later == nullptr || later->id == earlier.id || !member(m, "forms").is_array()) continue;
            if (mapping.find(earlier.id, later->id) == nullptr &&
                missing.emplace(earlier.id, later->id).second)
                out.add(doc.where.file, join_path(doc.where.path, "forms"),
                        fmt::format("\"{}\" answers form \"{}\" in {} and form \"{}\" in {}, but no element "
                                    "maps \"from_form\": \"{}\" to \"form\": \"{}\"",
                                    kind, earlier.id, from->id, later->id, to->id, earlier.id, later->id));
        }
    catalog.mappings.push_back(std::move(mapping));
}

}  // namespace mamori::catalog
