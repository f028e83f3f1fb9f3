// Validation of the reference documents: the index (catalog.json), Guideline 6.0, the canonical registry and
// the priorities.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include "checks.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace mamori::catalog {

namespace {

constexpr int kKnownFormatVersion = 1;

constexpr std::string_view kFormatNames[] = {"mamori-catalog"};
constexpr std::string_view kFileKinds[] = {"guideline", "canonical", "edition", "mapping", "priorities"};
constexpr std::string_view kVolumes[] = {"O", "M", "P", "C", "S"};  // S: 保守委託機関編 (7.0 on)
constexpr std::string_view kChangeTopics[] = {"structure", "two_factor", "passwords", "other"};
constexpr std::string_view kGuidelineEntryKinds[] = {"volume",     "chapter", "section",
                                                     "subsection", "clause",  "point"};
constexpr std::string_view kCanonicalKinds[] = {"gate", "item"};

constexpr Field kIndexFields[] = {
    {"kind", Type::str},
    {"format", Type::str, kFormatNames},
    {"format_version", Type::integer},
    {"revision", Type::integer},
    {"description_ja", Type::ja},
    {"description_en", Type::str},
    {"source_document", Type::str},
    {"files", Type::array},
    {"vocabularies", Type::object},
};
// newer_editions_known[] (optional): editions known to be published but not loaded, so that no page calls
// an older one the newest. Only what is known about them; never their items.
constexpr Field kNewerEditionFields[] = {
    {"fiscal_year", Type::fy},   {"fiscal_year_ja", Type::ja}, {"title_ja", Type::ja},
    {"title_en", Type::str},     {"published_label", Type::str}, {"source", Type::url},
    {"confidence", Type::conf},  {"note", Type::str_or_null},
};
constexpr Field kIndexFileFields[] = {
    {"path", Type::str},
    {"kind", Type::str, kFileKinds},
    {"id", Type::str_or_null},
};
constexpr Field kVocabularyFields[] = {
    {"confidence", Type::array},     {"forms", Type::array},           {"sections", Type::array},
    {"device_classes", Type::array}, {"mapping_kinds", Type::strings}, {"target_basis", Type::strings},
    {"gate_status", Type::strings},  {"source_basis", Type::strings},
};
constexpr Field kConfidenceVocabularyFields[] = {
    {"id", Type::conf},
    {"name_en", Type::str},
    {"description_en", Type::str},
};
constexpr Field kFormVocabularyFields[] = {
    {"id", Type::str},
    {"title_ja", Type::ja},
    {"title_en", Type::str},
};
constexpr Field kSectionVocabularyFields[] = {
    {"section_id", Type::str},
    {"number", Type::str},
    {"section_ja", Type::ja},
    {"section_en", Type::str},
};
constexpr Field kDeviceClassVocabularyFields[] = {
    {"device_class", Type::ja},
    {"key", Type::str},
    {"label_ja", Type::ja},
    {"label_en", Type::str},
};

constexpr Field kGuidelineFields[] = {
    {"kind", Type::str},
    {"format_version", Type::integer},
    {"id", Type::str},
    {"title_ja", Type::ja},
    {"title_en", Type::str},
    {"published", Type::str},
    {"published_precision", Type::str, kDatePrecisions},
    {"source", Type::url},
    {"sources", Type::urls},
    {"confidence", Type::conf},
    {"note", Type::str_or_null},
    {"volumes", Type::array},
    {"entries", Type::array},
    {"changes", Type::array},
};
constexpr Field kGuidelineChangeFields[] = {
    {"id", Type::str},
    {"topic", Type::str, kChangeTopics},
    {"summary_ja", Type::ja},
    {"summary_en", Type::str},
    {"refs", Type::strings},
    {"affects_canonical", Type::strings},
    {"source", Type::url},
    {"confidence", Type::conf},
    {"note", Type::str_or_null},
};
constexpr Field kVolumeFields[] = {
    {"id", Type::str, kVolumes},
    {"title_ja", Type::ja},
    {"title_en", Type::str},
};
constexpr Field kGuidelineEntryFields[] = {
    {"id", Type::str},
    {"volume", Type::str, kVolumes},
    {"volume_ja", Type::ja},
    {"kind", Type::str, kGuidelineEntryKinds},
    {"number", Type::str_or_null},
    {"parent", Type::str_or_null},
    {"title_ja", Type::ja_or_null},
    {"title_en", Type::str_or_null},
    {"title_known", Type::boolean},
    {"source", Type::url},
    {"confidence", Type::conf},
    {"note", Type::str_or_null},
};

constexpr Field kCanonicalFields[] = {
    {"kind", Type::str},    {"format_version", Type::integer},
    {"scheme", Type::str},  {"domains", Type::array},
    {"items", Type::array},
};
constexpr Field kDomainFields[] = {
    {"domain", Type::str},
    {"name_ja", Type::ja},
    {"name_en", Type::str},
};
constexpr Field kCanonicalItemFields[] = {
    {"canonical_id", Type::str},
    {"domain", Type::str},
    {"short_ja", Type::str},
    {"short_en", Type::str},
    {"kind", Type::str, kCanonicalKinds},
    {"appears_in", Type::object},
};

constexpr Field kPrioritiesFields[] = {
    {"kind", Type::str},    {"format_version", Type::integer},
    {"basis", Type::str},   {"gate_first_note", Type::str},
    {"order", Type::array},
};
constexpr Field kPriorityFields[] = {
    {"rank", Type::integer},      {"canonical_id", Type::str}, {"depends_on", Type::strings},
    {"first_edition", Type::str}, {"reason_ja", Type::ja},     {"reason_en", Type::str},
};

// check_exact_vocabulary: vocabularies the code interprets must be exactly those of format version 1.
void check_exact_vocabulary(const Json& list, const Location& where, std::vector<std::string> expected,
                            Diagnostics& out) {
    if (!list.is_array()) return;
    std::vector<std::string> got;
    for (const auto& v : list)
        if (v.is_string()) got.push_back(v.get<std::string>());
    if (got != expected)
        out.add(where.file, where.path,
                fmt::format("catalog format version 1 defines exactly [{}] (got {})",
                            fmt::join(expected, ", "), quoted(list)));
}

void check_precision(const Json& object, const Location& where, Diagnostics& out) {
    const auto published = optional_text(object, "published");
    const auto precision = optional_text(object, "published_precision");
    if (!published || !precision) return;
    const auto actual = date_precision(*published);
    if (!actual) {
        out.add(where.file, join_path(where.path, "published"),
                fmt::format("\"{}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", *published));
    } else if (*actual != *precision) {
        out.add(
            where.file, join_path(where.path, "published_precision"),
            fmt::format("is \"{}\" but published \"{}\" has {} precision", *precision, *published, *actual));
    }
}

void check_guideline_entry(const Json& e, const Location& where,
                           const std::map<std::string, std::string>& volumes, Guideline& guideline,
                           std::map<std::string, Location>& seen, Diagnostics& out) {
    if (!check_fields(e, where, kGuidelineEntryFields, out)) return;
    GuidelineEntry entry;
    entry.id = text(e, "id");
    entry.volume = text(e, "volume");
    entry.number = optional_text(e, "number");
    entry.title_ja = optional_text(e, "title_ja");
    entry.title_en = optional_text(e, "title_en");
    entry.confidence = confidence(e, "confidence");
    entry.json = e;
    if (entry.id.empty()) return;
    if (const auto [at, inserted] = seen.emplace(entry.id, where); !inserted) {
        out.add(where.file, join_path(where.path, "id"),
                fmt::format("duplicate guideline entry id \"{}\": already defined at {}: {}", entry.id,
                            at->second.file, at->second.path));
        return;
    }
    const bool is_volume = text(e, "kind") == "volume";
    if (!entry.volume.empty() && entry.id != entry.volume && entry.id.rfind(entry.volume + "-", 0) != 0)
        out.add(where.file, join_path(where.path, "volume"),
                fmt::format("is \"{}\" but the id \"{}\" belongs to volume \"{}\"", entry.volume, entry.id,
                            entry.id.substr(0, entry.id.find('-'))));
    if (is_volume != (entry.id == entry.volume))
        out.add(where.file, join_path(where.path, "kind"),
                is_volume ? "a volume's id must be its bare letter (O, M, P, C or S)"
                          : "only the volume entry may have the bare volume letter as its id");
    if (const auto v = volumes.find(entry.volume); v != volumes.end() && text(e, "volume_ja") != v->second)
        out.add(where.file, join_path(where.path, "volume_ja"),
                fmt::format("must be \"{}\", the title of volume {}", v->second, entry.volume));
    if (is_volume != member(e, "number").is_null())
        out.add(
            where.file, join_path(where.path, "number"),
            is_volume ? "must be null for a volume" : "is required (as printed) for anything but a volume");
    if (is_volume != member(e, "parent").is_null())
        out.add(where.file, join_path(where.path, "parent"),
                is_volume ? "must be null for a volume" : "is required for anything but a volume");
    const bool known = flag(e, "title_known");
    if (member(e, "title_known").is_boolean() && known == member(e, "title_ja").is_null())
        out.add(where.file, join_path(where.path, "title_ja"),
                known ? "is required when title_known is true" : "must be null when title_known is false");
    if (member(e, "title_ja").is_null() != member(e, "title_en").is_null())
        out.add(where.file, join_path(where.path, "title_en"), "must be null exactly when title_ja is null");
    guideline.entries.push_back(std::move(entry));
}

}  // namespace

void check_document_header(const Located& doc, std::string_view kind, const Catalog& catalog,
                           Diagnostics& out) {
    const Json& k = member(doc.value, "kind");
    if (k.is_string() && k.get<std::string>() != kind)
        out.add(doc.where.file, join_path(doc.where.path, "kind"),
                fmt::format("is \"{}\" but this file must be of kind \"{}\"", k.get<std::string>(), kind));
    const Json& v = member(doc.value, "format_version");
    if (v.is_number_integer() && v.get<long long>() != catalog.format_version)
        out.add(doc.where.file, join_path(doc.where.path, "format_version"),
                fmt::format("is {} but the catalog is format version {}", v.dump(), catalog.format_version));
}

void check_index(const Located& index, Catalog& catalog, Diagnostics& out) {
    const Json& doc = index.value;
    catalog.index = doc;
    Json required = doc;
    if (required.is_object()) required.erase("newer_editions_known");
    if (!check_fields(required, index.where, kIndexFields, out)) return;
    if (doc.contains("newer_editions_known")) {
        if (!doc["newer_editions_known"].is_array())
            out.add(index.where.file, join_path(index.where.path, "newer_editions_known"), "must be an array");
        for_each_element(doc, index.where, "newer_editions_known",
                         [&](const Json& e, const Location& at) { check_fields(e, at, kNewerEditionFields, out); });
    }
    if (text(doc, "kind") != "catalog")
        out.add(index.where.file, join_path(index.where.path, "kind"), "must be \"catalog\"");
    const auto version = integer(doc, "format_version");
    if (version && *version != kKnownFormatVersion)
        out.add(index.where.file, join_path(index.where.path, "format_version"),
                fmt::format("catalog format version {} is not known to this mamori (it reads version {})",
                            *version, kKnownFormatVersion));
    catalog.format_version = kKnownFormatVersion;
    catalog.revision = integer(doc, "revision").value_or(1);

    for_each_element(doc, index.where, "files",
                     [&](const Json& f, const Location& at) { check_fields(f, at, kIndexFileFields, out); });

    const Json& vocab = member(doc, "vocabularies");
    const Location vw = index.where.at("vocabularies");
    if (!check_fields(vocab, vw, kVocabularyFields, out)) return;

    std::vector<std::string> confidence_ids;
    for_each_element(vocab, vw, "confidence", [&](const Json& c, const Location& at) {
        if (check_fields(c, at, kConfidenceVocabularyFields, out)) confidence_ids.push_back(text(c, "id"));
    });
    if (member(vocab, "confidence").is_array() && confidence_ids != std::vector<std::string>{"V", "S", "I"})
        out.add(vw.file, join_path(vw.path, "confidence"),
                "catalog format version 1 defines exactly the confidences V, S and I, in that order");
    check_exact_vocabulary(member(vocab, "mapping_kinds"), vw.at("mapping_kinds"),
                           {"unchanged", "reworded", "merged", "split", "new", "removed"}, out);
    check_exact_vocabulary(member(vocab, "target_basis"), vw.at("target_basis"),
                           {"printed", "edition", "item"}, out);
    check_exact_vocabulary(member(vocab, "gate_status"), vw.at("gate_status"),
                           {"present", "absent", "unknown"}, out);
    check_exact_vocabulary(member(vocab, "source_basis"), vw.at("source_basis"), {"item", "form", "edition"},
                           out);

    for_each_element(vocab, vw, "forms", [&](const Json& f, const Location& at) {
        if (!check_fields(f, at, kFormVocabularyFields, out)) return;
        FormVocabulary form{text(f, "id"), text(f, "title_ja"), text(f, "title_en")};
        if (catalog.form_rank(form.id) != catalog.forms.size())
            out.add(at.file, join_path(at.path, "id"), fmt::format("duplicate form id \"{}\"", form.id));
        else
            catalog.forms.push_back(std::move(form));
    });
    for_each_element(vocab, vw, "sections", [&](const Json& s, const Location& at) {
        if (!check_fields(s, at, kSectionVocabularyFields, out)) return;
        SectionVocabulary section{text(s, "section_id"), 0, text(s, "section_ja")};
        const std::string number = text(s, "number");
        if (number.size() != 1 || number[0] < '1' || number[0] > '9' || section.section_id != "S" + number) {
            out.add(at.file, join_path(at.path, "section_id"),
                    fmt::format("section \"{}\" with number \"{}\": the id must be S followed by the printed "
                                "section digit",
                                section.section_id, number));
            return;
        }
        section.number = number[0] - '0';
        for (const auto& other : catalog.sections)
            if (other.section_id == section.section_id)
                return out.add(at.file, join_path(at.path, "section_id"),
                               fmt::format("duplicate section id \"{}\"", section.section_id));
        catalog.sections.push_back(std::move(section));
    });
    static const std::regex key_shape("[a-z]+");
    for_each_element(vocab, vw, "device_classes", [&](const Json& d, const Location& at) {
        if (!check_fields(d, at, kDeviceClassVocabularyFields, out)) return;
        DeviceClassVocabulary dc{text(d, "device_class"), text(d, "key")};
        if (!std::regex_match(dc.key, key_shape) || dc.key == "main")
            return out.add(at.file, join_path(at.path, "key"),
                           fmt::format("\"{}\" must be lower-case letters and not \"main\"", dc.key));
        for (const auto& other : catalog.device_classes)
            if (other.key == dc.key || other.device_class == dc.device_class)
                return out.add(
                    at.file, at.path,
                    fmt::format("device class \"{}\" / \"{}\" is listed twice", dc.device_class, dc.key));
        catalog.device_classes.push_back(std::move(dc));
    });
}

namespace {

// check_guideline_body: the header, volumes, entries (plus imported ones) and parents of one guideline file.
void check_guideline_body(const Located& file, std::span<const Located> extra, Guideline& guideline,
                          Catalog& catalog, Diagnostics& out) {
    const Json& doc = file.value;
    guideline.json = doc;
    if (!check_fields(doc, file.where, kGuidelineFields, out)) return;
    check_document_header(file, "guideline", catalog, out);
    check_precision(doc, file.where, out);
    guideline.id = text(doc, "id");

    std::map<std::string, std::string> volumes;
    for_each_element(doc, file.where, "volumes", [&](const Json& v, const Location& at) {
        if (!check_fields(v, at, kVolumeFields, out)) return;
        if (!volumes.emplace(text(v, "id"), text(v, "title_ja")).second)
            out.add(at.file, join_path(at.path, "id"), fmt::format("duplicate volume \"{}\"", text(v, "id")));
    });

    std::map<std::string, Location> seen;
    for_each_element(doc, file.where, "entries", [&](const Json& e, const Location& at) {
        check_guideline_entry(e, at, volumes, guideline, seen, out);
    });
    for (const auto& e : extra) {
        check_guideline_entry(e.value, e.where, volumes, guideline, seen, out);
        if (guideline.json["entries"].is_array()) guideline.json["entries"].push_back(e.value);
    }

    // Parents are checked once every entry is known: an imported entry may hang below another imported one.
    for (const auto& entry : guideline.entries) {
        const auto parent = optional_text(entry.json, "parent");
        if (!parent) continue;
        const Location& at = seen.at(entry.id);
        const GuidelineEntry* p = guideline.find(*parent);
        if (p == nullptr)
            out.add(at.file, join_path(at.path, "parent"),
                    fmt::format("unknown guideline entry \"{}\" (not in {})", *parent, file.where.file));
        else if (p->volume != entry.volume)
            out.add(
                at.file, join_path(at.path, "parent"),
                fmt::format("\"{}\" is in volume {}, not in volume {}", *parent, p->volume, entry.volume));
    }
}

}  // namespace

void check_guideline(const Located& file, std::span<const Located> extra, Catalog& catalog,
                     Diagnostics& out) {
    check_guideline_body(file, extra, catalog.guideline, catalog, out);
    // A change is stated against the version before; the first guideline has none to compare with.
    if (const Json& changes = member(file.value, "changes"); changes.is_array() && !changes.empty())
        out.add(file.where.file, join_path(file.where.path, "changes"),
                "must be empty in the first listed guideline (changes are stated against the version before)");
}

void check_later_guideline(const Located& file, Catalog& catalog, Diagnostics& out) {
    Guideline guideline;
    check_guideline_body(file, {}, guideline, catalog, out);
    std::set<std::string> ids;
    for_each_element(file.value, file.where, "changes", [&](const Json& c, const Location& at) {
        if (!check_fields(c, at, kGuidelineChangeFields, out)) return;
        if (!ids.insert(text(c, "id")).second)
            out.add(at.file, join_path(at.path, "id"), fmt::format("duplicate change id \"{}\"", text(c, "id")));
        const auto refs = texts(c, "refs");
        for (std::size_t i = 0; i < refs.size(); ++i)
            if (guideline.find(refs[i]) == nullptr)
                out.add(at.file, at.at("refs").at(i).path,
                        fmt::format("unknown guideline entry \"{}\" (not in {})", refs[i], guideline.id));
        const auto affected = texts(c, "affects_canonical");
        for (std::size_t i = 0; i < affected.size(); ++i)
            if (catalog.find_canonical(affected[i]) == nullptr)
                out.add(at.file, at.at("affects_canonical").at(i).path,
                        fmt::format("unknown canonical item \"{}\"", affected[i]));
    });
    catalog.later_guidelines.push_back(std::move(guideline));
}

void check_canonical(const Located& file, std::span<const Located> extra, Catalog& catalog,
                     Diagnostics& out) {
    const Json& doc = file.value;
    catalog.canonical_json = doc;
    if (!check_fields(doc, file.where, kCanonicalFields, out)) return;
    check_document_header(file, "canonical", catalog, out);

    std::set<std::string> domains;
    for_each_element(doc, file.where, "domains", [&](const Json& d, const Location& at) {
        if (!check_fields(d, at, kDomainFields, out)) return;
        if (!domains.insert(text(d, "domain")).second)
            out.add(at.file, join_path(at.path, "domain"),
                    fmt::format("duplicate domain \"{}\"", text(d, "domain")));
    });

    static const std::regex id_shape("([A-Z]+)-[0-9]{2}");
    std::map<std::string, Location> seen;
    const auto check_item = [&](const Json& c, const Location& at) {
        if (!check_fields(c, at, kCanonicalItemFields, out)) return;
        CanonicalItem item{text(c, "canonical_id"), text(c, "domain"), text(c, "kind"), c};
        std::smatch m;
        if (!std::regex_match(item.canonical_id, m, id_shape)) {
            out.add(at.file, join_path(at.path, "canonical_id"),
                    fmt::format("\"{}\" is not of the form DOMAIN-NN (e.g. GOV-01)", item.canonical_id));
        } else if (m[1] != item.domain) {
            out.add(at.file, join_path(at.path, "domain"),
                    fmt::format("is \"{}\" but the id \"{}\" is in domain \"{}\"", item.domain,
                                item.canonical_id, m[1].str()));
        }
        if (!item.domain.empty() && domains.count(item.domain) == 0)
            out.add(at.file, join_path(at.path, "domain"),
                    fmt::format("unknown domain \"{}\" (not in {} domains)", item.domain, file.where.file));
        const Json& appears = member(c, "appears_in");
        if (appears.is_object())
            for (const auto& [edition, forms] : appears.items()) {
                const Location ea = at.at("appears_in").at(edition);
                if (!forms.is_object()) {
                    out.add(ea.file, ea.path, "must map form ids to printed numbers");
                    continue;
                }
                for (const auto& [form, number] : forms.items())
                    check_value(number, ea.at(form), Type::str, {}, out);
            }
        if (item.canonical_id.empty()) return;
        if (const auto [first, inserted] = seen.emplace(item.canonical_id, at); !inserted) {
            out.add(at.file, join_path(at.path, "canonical_id"),
                    fmt::format(
                        "duplicate canonical id \"{}\": already defined at {}: {}; canonical ids are never "
                        "redefined or reused",
                        item.canonical_id, first->second.file, first->second.path));
            return;
        }
        catalog.canonical.push_back(std::move(item));
    };
    for_each_element(doc, file.where, "items", check_item);
    for (const auto& e : extra) {
        check_item(e.value, e.where);
        if (catalog.canonical_json["items"].is_array()) catalog.canonical_json["items"].push_back(e.value);
    }
}

void check_priorities(const Located& file, Catalog& catalog, Diagnostics& out) {
    const Json& doc = file.value;
    catalog.priorities_json = doc;
    if (!check_fields(doc, file.where, kPrioritiesFields, out)) return;
    check_document_header(file, "priorities", catalog, out);

    std::map<std::string, std::pair<int, Location>> ranks;  // canonical id → rank, where
    for_each_element(doc, file.where, "order", [&](const Json& p, const Location& at) {
        if (!check_fields(p, at, kPriorityFields, out)) return;
        Priority priority{integer(p, "rank").value_or(0), text(p, "canonical_id"), texts(p, "depends_on")};
        const int expected = static_cast<int>(catalog.priorities.size()) + 1;
        if (priority.rank != expected)
            out.add(at.file, join_path(at.path, "rank"),
                    fmt::format("is {} but ranks must run 1, 2, 3 … in order: expected {}", priority.rank,
                                expected));
        const CanonicalItem* c = catalog.find_canonical(priority.canonical_id);
        if (c == nullptr)
            out.add(
                at.file, join_path(at.path, "canonical_id"),
                fmt::format("unknown canonical id \"{}\" (not in canonical.json)", priority.canonical_id));
        const std::string first = text(p, "first_edition");
        if (!first.empty() && catalog.revisions(first) == nullptr)
            out.add(at.file, join_path(at.path, "first_edition"),
                    fmt::format("unknown edition \"{}\"", first));
        if (!ranks.emplace(priority.canonical_id, std::pair{expected, at}).second)
            out.add(at.file, join_path(at.path, "canonical_id"),
                    fmt::format("duplicate priority for \"{}\"", priority.canonical_id));
        catalog.priorities.push_back(std::move(priority));
    });

    // Dependencies must point to a lower rank. A cycle necessarily breaks that; it is named as a cycle so
    // that the fix is obvious.
    std::map<std::string, std::vector<std::string>> graph;
    for (const auto& p : catalog.priorities) graph[p.canonical_id] = p.depends_on;
    std::set<std::string> reported_cycles;
    for (std::size_t i = 0; i < catalog.priorities.size(); ++i) {
        const auto& p = catalog.priorities[i];
        const Location at = file.where.at("order").at(i);
        for (std::size_t d = 0; d < p.depends_on.size(); ++d) {
            const std::string& dep = p.depends_on[d];
            const Location dat = at.at("depends_on").at(d);
            const auto found = ranks.find(dep);
            if (found == ranks.end()) {
                out.add(dat.file, dat.path,
                        fmt::format("\"{}\" is not in the priority order (depends_on must name ranked ids)",
                                    dep));
                continue;
            }
            if (dep == p.canonical_id) {
                out.add(dat.file, dat.path, fmt::format("\"{}\" depends on itself: a dependency cycle", dep));
                continue;
            }
            // Path from dep back to p through depends_on edges: a cycle p → dep → … → p.
            std::vector<std::string> path{p.canonical_id, dep};
            std::set<std::string> visited{dep};
            std::function<bool(const std::string&)> reaches = [&](const std::string& node) {
                for (const auto& next : graph[node]) {
                    if (next == p.canonical_id) {
                        path.push_back(next);
                        return true;
                    }
                    if (!visited.insert(next).second) continue;
                    path.push_back(next);
                    if (reaches(next)) return true;
                    path.pop_back();
                }
                return false;
            };
            if (reaches(dep)) {
                std::vector<std::string> members(path.begin(), path.end() - 1);
                std::sort(members.begin(), members.end());
                if (reported_cycles.insert(fmt::format("{}", fmt::join(members, ","))).second)
                    out.add(dat.file, dat.path, fmt::format("dependency cycle: {}", fmt::join(path, " → ")));
            } else if (found->second.first >= static_cast<int>(i) + 1) {
                out.add(
                    dat.file, dat.path,
                    fmt::format("\"{}\" has rank {}, not lower than {}'s rank {}: an item may only depend on "
                                "items done before it",
                                dep, found->second.first, p.canonical_id, i + 1));
            }
        }
    }
}

}  // namespace mamori::catalog
