/// @file
/// @brief The checklist catalog as an immutable, validated value: every edition of the MHLW checklist (each
/// revision of it), its forms and items in printed order, Guideline 6.0, the canonical item registry, the
/// edition-to-edition mappings and the "what to do first" order. The format is docs/catalog-format.md;
/// loader.hpp builds a Catalog and refuses data that breaks a rule there.
///
///     std::shared_ptr<const Catalog> c = ...;            // from CatalogBuilder::build()
///     const Edition* r7 = c->latest("r7");
///     const Item* patch = r7->find("medical")->find("VUL-01");
///     bool unconfirmed = patch->confidence == Confidence::inferred;
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::catalog {

// Json: catalog documents keep the key order of their files, which the format fixes so that diffs and API
// answers read in the same order as the data.
using Json = nlohmann::ordered_json;

// Confidence: how sure the regime document is (V, S, I). `inferred` items must be shown as unconfirmed.
enum class Confidence { verified, secondary, inferred };

// to_string: Confidence::verified → "V".
std::string_view to_string(Confidence confidence);

// parse_confidence: "V"/"S"/"I" → Confidence; nullopt for anything else.
std::optional<Confidence> parse_confidence(std::string_view text);

// weakest: the less certain of two confidences (I < S < V).
Confidence weakest(Confidence a, Confidence b);

// GateStatus: whether a form prints the 医療情報システムの有無 gate question.
enum class GateStatus { present, absent, unknown };

// Row: one device-class line of a printed item; answers are recorded per row.
struct Row {
    std::string key;                          // "server", "server+terminal", "main"
    std::vector<std::string> device_classes;  // Japanese class names as printed
    std::optional<int> target_fiscal_year;
    Confidence confidence = Confidence::inferred;
};

// Item: one checklist item of one form of one edition revision. `json` is the item exactly as in its file.
struct Item {
    std::string canonical_id;
    std::string number;  // as printed: "2-(7)", "2-⑥"
    std::string section_id;
    int section = 0;  // printed section number
    int ordinal = 0;  // position in the section as printed: (7) and ⑦ are both 7
    std::vector<Row> rows;
    std::string text_ja;
    std::optional<int> target_fiscal_year;
    std::vector<std::string> guideline_refs;
    bool guideline_refs_none_given = false;
    Confidence confidence = Confidence::inferred;
    Json json;
};

// Form: one form of an edition (R5–R7: medical, pharmacy, vendor; a merged edition: one form for every
// institution kind, and vendor), items in printed order. `json` is the form as in its file, items included.
struct Form {
    std::string id;
    std::string title_ja;
    std::string title_en;
    // organisation_kinds: who answers the form: "hospital", "clinic", "dental_clinic", "pharmacy", "vendor".
    std::vector<std::string> organisation_kinds;
    GateStatus gate_status = GateStatus::unknown;
    std::vector<Item> items;
    Json json;

    // find: the item with `canonical_id`, or nullptr.
    const Item* find(std::string_view canonical_id) const;
};

// RevisionInfo: which revision of an edition this is and where it came from. Revision 1 of an edition that
// ships with mamori is the embedded file (`source` "embedded", no `imported_at`); later revisions, and new
// editions, are imported into the database and never change afterwards.
struct RevisionInfo {
    int revision = 1;
    std::string source;
    std::optional<std::string> imported_at;  // ISO-8601 UTC
    std::string sha256;                      // of the edition document (compact JSON), hex
};

// Edition: one revision of one fiscal-year edition. `json` is the edition document as in its file.
struct Edition {
    std::string id;  // "r7"
    int fiscal_year = 0;
    std::string fiscal_year_ja;
    std::string title_ja;
    std::string title_en;
    RevisionInfo revision;
    std::vector<Form> forms;  // in the order of the forms vocabulary
    Json json;

    // form_for_kind: the form an organisation of `kind` ("clinic", "pharmacy", …) answers, or nullptr.
    // Validation guarantees exactly one for each institution kind.
    const Form* form_for_kind(std::string_view kind) const;

    // find: the form with `form_id`, or nullptr.
    const Form* find(std::string_view form_id) const;
};

// EditionRevisions: every revision of one edition, oldest first; the last one is current.
struct EditionRevisions {
    std::string id;
    std::vector<std::shared_ptr<const Edition>> revisions;

    const Edition& latest() const { return *revisions.back(); }
    // find: revision `n`, or nullptr.
    const Edition* find(int n) const;
};

// GuidelineEntry: a volume, chapter, section, clause or point of a guideline version (6.0, 7.0 …).
struct GuidelineEntry {
    std::string id;  // "C-8-3"
    std::string volume;
    std::optional<std::string> number;
    std::optional<std::string> title_ja;
    std::optional<std::string> title_en;
    Confidence confidence = Confidence::inferred;
    Json json;
};

// Guideline: one guideline version's structure. `json` is the file's content, with imported entries appended.
struct Guideline {
    std::string id;  // "gl-6.0"
    std::vector<GuidelineEntry> entries;
    Json json;

    // find: the entry `id`, or nullptr.
    const GuidelineEntry* find(std::string_view id) const;
};

// CanonicalItem: one id of the canonical registry, stable across editions.
struct CanonicalItem {
    std::string canonical_id;
    std::string domain;
    std::string kind;  // "gate" or "item"
    Json json;
};

// MappingKind: how an item of the later edition relates to the earlier one.
enum class MappingKind { unchanged, reworded, merged, split, added, removed };

// to_string: the data's word for a kind (MappingKind::added → "new").
std::string_view to_string(MappingKind kind);

// MappingRef: an item and some of its rows, as a mapping names them.
struct MappingRef {
    std::string canonical_id;
    std::string number;
    std::vector<std::string> rows;
};

// MappingEntry: where one later item comes from.
struct MappingEntry {
    MappingRef to;
    std::vector<MappingRef> from;
    MappingKind kind = MappingKind::unchanged;
    bool renumbered = false;
    std::vector<std::string> changes;  // subset of text, rows, number, target
    Confidence confidence = Confidence::inferred;
    std::optional<std::string> note;
};

// RemovedItem: an earlier item that the later edition dropped.
struct RemovedItem {
    MappingRef item;
    Confidence confidence = Confidence::inferred;
    std::optional<std::string> note;
};

// FormMapping: the mapping of one earlier form (`from_form`) to one later form (`form`). They are the same
// form unless the later edition merged forms: R7 medical → merged and R7 pharmacy → merged are two elements.
struct FormMapping {
    std::string form;
    std::string from_form;
    std::vector<MappingEntry> entries;  // the later form's items, in printed order
    std::vector<RemovedItem> removed;
};

// Mapping: from one edition to the next ("r6-r7").
struct Mapping {
    std::string id;
    std::string from_edition;
    std::string to_edition;
    std::vector<FormMapping> forms;
    Json json;

    // find: the mapping into later form `form_id` from the earlier form of the same id, or nullptr.
    const FormMapping* find(std::string_view form_id) const;
    // find: the mapping from earlier form `from_form` into later form `to_form`, or nullptr.
    const FormMapping* find(std::string_view from_form, std::string_view to_form) const;
};

// Priority: one step of the editorial "what to do first" order.
struct Priority {
    int rank = 0;
    std::string canonical_id;
    std::vector<std::string> depends_on;
};

// FormVocabulary, SectionVocabulary, DeviceClassVocabulary: the entries of catalog.json's vocabularies that
// the rules need.
struct FormVocabulary {
    std::string id;
    std::string title_ja;
    std::string title_en;
};
struct SectionVocabulary {
    std::string section_id;
    int number = 0;
    std::string section_ja;
};
struct DeviceClassVocabulary {
    std::string device_class;  // 全般
    std::string key;           // general
};

// Catalog: the whole validated catalog. Immutable once built; share it as shared_ptr<const Catalog>.
struct Catalog {
    int format_version = 1;
    int revision = 1;  // catalog.json `revision`
    Json index;        // catalog.json
    std::vector<FormVocabulary> forms;
    std::vector<SectionVocabulary> sections;
    std::vector<DeviceClassVocabulary> device_classes;
    Guideline guideline;                      // the first listed: bare guideline_refs resolve against it
    std::vector<Guideline> later_guidelines;  // further versions, referenced as "gl-7.0:C-14-6"
    std::vector<CanonicalItem> canonical;
    Json canonical_json;                     // canonical.json, with imported items appended
    std::vector<EditionRevisions> editions;  // ordered by fiscal year
    std::vector<Mapping> mappings;
    std::vector<Priority> priorities;
    Json priorities_json;

    // find_guideline: the guideline version `id` ("gl-6.0"), or nullptr.
    const Guideline* find_guideline(std::string_view id) const;
    // resolve_guideline_ref: the entry a guideline_refs element names ("C-14" in the first guideline,
    // "gl-7.0:C-14-6" in a named one) with its guideline, or {nullptr, nullptr}.
    std::pair<const Guideline*, const GuidelineEntry*> resolve_guideline_ref(std::string_view ref) const;
    // latest: the current revision of edition `id`, or nullptr.
    const Edition* latest(std::string_view id) const;
    // revisions: every revision of edition `id`, or nullptr.
    const EditionRevisions* revisions(std::string_view id) const;
    // find_canonical: the registry entry `canonical_id`, or nullptr.
    const CanonicalItem* find_canonical(std::string_view canonical_id) const;
    // find_mapping: the mapping from edition `from` to edition `to`, or nullptr.
    const Mapping* find_mapping(std::string_view from, std::string_view to) const;
    // form_rank: the position of `form_id` in the forms vocabulary (medical 0, pharmacy 1, vendor 2).
    std::size_t form_rank(std::string_view form_id) const;
};

}  // namespace mamori::catalog
