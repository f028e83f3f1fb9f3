// Validation of one edition revision: the edition, its forms, gates, items and rows (format §6, rules §9).
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "checks.hpp"
#include "edition_fields.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace mamori::catalog {

namespace {

using namespace edition_fields;  // the field tables, read throughout

// EditionContext: what the checks of one edition's forms and items need to know.
struct EditionContext {
    const Catalog& catalog;
    Diagnostics& out;
    std::string id;
    int fiscal_year = 0;
    NumberingStyle style = NumberingStyle::paren;
    bool style_known = false;
    std::string primary_source;
};

void check_refs(const Json& object, const Location& where, EditionContext& ctx) {
    std::set<std::string> seen;
    const Json& refs = member(object, "guideline_refs");
    if (!refs.is_array()) return;
    for (std::size_t i = 0; i < refs.size(); ++i) {
        if (!refs[i].is_string()) continue;
        const auto& ref = refs[i].get_ref<const std::string&>();
        const Location at = where.at("guideline_refs").at(i);
        const auto colon = ref.find(':');
        const std::string named = colon == std::string::npos ? ctx.catalog.guideline.id : ref.substr(0, colon);
        const Guideline* guideline = ctx.catalog.find_guideline(named);
        if (guideline == nullptr)
            ctx.out.add(at.file, at.path,
                        fmt::format("unknown guideline \"{}\" in \"{}\" (write \"<guideline id>:<entry id>\", "
                                    "e.g. \"gl-7.0:C-14\")",
                                    named, ref));
        else if (ctx.catalog.resolve_guideline_ref(ref).second == nullptr)
            ctx.out.add(at.file, at.path,
                        fmt::format("unknown guideline entry \"{}\" (not in the guideline file {})",
                                    colon == std::string::npos ? ref : ref.substr(colon + 1), guideline->id));
        else if (!seen.insert(ref).second)
            ctx.out.add(at.file, at.path, fmt::format("guideline entry \"{}\" is listed twice", ref));
    }
    const Json& basis = member(object, "guideline_refs_basis");
    if (check_fields(basis, where.at("guideline_refs_basis"), kRefsBasisFields, ctx.out) && !refs.empty() &&
        member(basis, "confidence").is_null())
        ctx.out.add(where.file, join_path(where.path, "guideline_refs_basis.confidence"),
                    "may be null only when no guideline references are given");
}

void check_explanations(const Json& object, const Location& where, Diagnostics& out) {
    check_fields(member(object, "explanation_ja"), where.at("explanation_ja"), kExplanationJaFields, out);
    check_fields(member(object, "explanation_en"), where.at("explanation_en"), kExplanationEnFields, out);
}

void check_gate(const Json& gate, const Location& where, EditionContext& ctx) {
    if (!check_fields(gate, where, kGateFields, ctx.out)) return;
    const std::string id = text(gate, "canonical_id");
    const CanonicalItem* c = ctx.catalog.find_canonical(id);
    if (c == nullptr)
        ctx.out.add(where.file, join_path(where.path, "canonical_id"),
                    fmt::format("unknown canonical id \"{}\" (not in canonical.json)", id));
    else if (c->kind != "gate")
        ctx.out.add(where.file, join_path(where.path, "canonical_id"),
                    fmt::format("\"{}\" is not a gate in canonical.json", id));
    check_refs(gate, where, ctx);
    check_explanations(gate, where, ctx.out);
}

// class_rank: position of a Japanese device-class name in the vocabulary, or npos.
std::size_t class_rank(const Catalog& catalog, const std::string& name) {
    for (std::size_t i = 0; i < catalog.device_classes.size(); ++i)
        if (catalog.device_classes[i].device_class == name) return i;
    return std::string::npos;
}

// check_target: a target year must be null or within [FY, FY + kTargetYearsAhead] of the edition.
void check_target(const Json& object, const Location& where, const EditionContext& ctx) {
    const auto year = integer(object, "target_fiscal_year");
    if (!year || ctx.fiscal_year == 0) return;
    if (*year < ctx.fiscal_year || *year > ctx.fiscal_year + kTargetYearsAhead)
        ctx.out.add(
            where.file, join_path(where.path, "target_fiscal_year"),
            fmt::format("{} is not plausible for edition {} (FY{}): targets lie in FY{} … FY{}", *year,
                        ctx.id, ctx.fiscal_year, ctx.fiscal_year, ctx.fiscal_year + kTargetYearsAhead));
}

Row check_row(const Json& r, const Location& where, EditionContext& ctx) {
    Row row;
    if (!check_fields(r, where, kRowFields, ctx.out)) return row;
    row.key = text(r, "key");
    row.device_classes = texts(r, "device_classes");
    row.target_fiscal_year = integer(r, "target_fiscal_year");
    row.confidence = confidence(r, "confidence");
    std::vector<std::string> keys;
    std::size_t previous = 0;
    for (std::size_t i = 0; i < row.device_classes.size(); ++i) {
        const auto rank = class_rank(ctx.catalog, row.device_classes[i]);
        const Location at = where.at("device_classes").at(i);
        if (rank == std::string::npos) {
            ctx.out.add(
                at.file, at.path,
                fmt::format("unknown device class \"{}\" (expected 全般, サーバ, 端末PC or ネットワーク機器)",
                            row.device_classes[i]));
            return row;
        }
        if (i > 0 && rank <= previous)
            ctx.out.add(at.file, at.path, "device classes must be listed once each, in class order");
        previous = rank;
        keys.push_back(ctx.catalog.device_classes[rank].key);
    }
    const std::string expected = keys.empty() ? "main" : fmt::format("{}", fmt::join(keys, "+"));
    if (row.key != expected)
        ctx.out.add(where.file, join_path(where.path, "key"),
                    fmt::format("is \"{}\" but the row's device classes give \"{}\"", row.key, expected));
    check_target(r, where, ctx);
    return row;
}

void check_item(const Json& it, const Location& where, const Form& form, EditionContext& ctx, Item& item) {
    item.json = it;
    if (!check_fields(it, where, kItemFields, ctx.out)) return;
    Diagnostics& out = ctx.out;
    item.canonical_id = text(it, "canonical_id");
    item.number = text(it, "number");
    item.section_id = text(it, "section_id");
    item.text_ja = text(it, "text_ja");
    item.target_fiscal_year = integer(it, "target_fiscal_year");
    item.guideline_refs = texts(it, "guideline_refs");
    item.guideline_refs_none_given = flag(it, "guideline_refs_none_given");
    item.confidence = confidence(it, "confidence");

    const CanonicalItem* canonical = ctx.catalog.find_canonical(item.canonical_id);
    if (!item.canonical_id.empty() && canonical == nullptr)
        out.add(where.file, join_path(where.path, "canonical_id"),
                fmt::format("unknown canonical id \"{}\" (not in canonical.json)", item.canonical_id));
    else if (canonical != nullptr && canonical->kind != "item")
        out.add(where.file, join_path(where.path, "canonical_id"),
                fmt::format("\"{}\" is the gate, not an item; the gate belongs in the form's `gate`",
                            item.canonical_id));

    // Number, section and the section vocabulary.
    const SectionVocabulary* section = nullptr;
    for (const auto& s : ctx.catalog.sections)
        if (s.section_id == item.section_id) section = &s;
    if (section == nullptr && !item.section_id.empty())
        out.add(where.file, join_path(where.path, "section_id"),
                fmt::format("unknown section \"{}\" (not in the catalog.json sections)", item.section_id));
    if (section != nullptr && text(it, "section_ja") != section->section_ja)
        out.add(
            where.file, join_path(where.path, "section_ja"),
            fmt::format("must be \"{}\", the title of section {}", section->section_ja, section->section_id));
    if (ctx.style_known && !item.number.empty()) {
        const auto printed = parse_printed_number(item.number, ctx.style);
        if (!printed) {
            out.add(where.file, join_path(where.path, "number"),
                    fmt::format("\"{}\" does not follow the edition's numbering style \"{}\" ({})",
                                item.number, ctx.style == NumberingStyle::paren ? "paren" : "circled",
                                ctx.style == NumberingStyle::paren ? "e.g. 2-(7)" : "e.g. 2-⑦"));
        } else {
            item.section = printed->section;
            item.ordinal = printed->ordinal;
            if (section != nullptr && printed->section != section->number)
                out.add(where.file, join_path(where.path, "number"),
                        fmt::format("\"{}\" is in section {} but section_id is {}", item.number,
                                    printed->section, section->section_id));
        }
    }

    // Rows and device classes.
    const Json& rows = member(it, "rows");
    if (rows.is_array() && rows.empty())
        out.add(where.file, join_path(where.path, "rows"), "an item needs at least one row");
    std::set<std::string> keys;
    for_each_element(it, where, "rows", [&](const Json& r, const Location& at) {
        Row row = check_row(r, at, ctx);
        if (!row.key.empty() && !keys.insert(row.key).second)
            out.add(at.file, join_path(at.path, "key"),
                    fmt::format("duplicate row key \"{}\" in this item", row.key));
        item.rows.push_back(std::move(row));
    });
    std::vector<std::size_t> union_ranks;
    for (const auto& row : item.rows)
        for (const auto& c : row.device_classes)
            if (auto rank = class_rank(ctx.catalog, c); rank != std::string::npos)
                union_ranks.push_back(rank);
    std::sort(union_ranks.begin(), union_ranks.end());
    union_ranks.erase(std::unique(union_ranks.begin(), union_ranks.end()), union_ranks.end());
    std::vector<std::string> expected_classes;
    expected_classes.reserve(union_ranks.size());
    for (auto rank : union_ranks) expected_classes.push_back(ctx.catalog.device_classes[rank].device_class);
    if (member(it, "device_classes").is_array() && texts(it, "device_classes") != expected_classes)
        out.add(where.file, join_path(where.path, "device_classes"),
                fmt::format("must be the union of the rows' classes in class order: [{}]",
                            fmt::join(expected_classes, ", ")));

    // Targets: the item's year is the earliest row year, its confidence the weakest row confidence.
    check_target(it, where, ctx);
    std::optional<int> earliest;
    std::optional<Confidence> weakest_row;
    bool rows_ok = !item.rows.empty();
    for_each_element(it, where, "rows", [&](const Json& r, const Location&) {
        if (!r.is_object()) return void(rows_ok = false);
        if (const auto y = integer(r, "target_fiscal_year"))
            earliest = earliest ? std::min(*earliest, *y) : *y;
        const Confidence c = confidence(r, "target_confidence");
        weakest_row = weakest_row ? weakest(*weakest_row, c) : c;
    });
    if (rows_ok && earliest != item.target_fiscal_year)
        out.add(where.file, join_path(where.path, "target_fiscal_year"),
                fmt::format("is {} but the earliest row target is {}",
                            item.target_fiscal_year ? std::to_string(*item.target_fiscal_year) : "null",
                            earliest ? std::to_string(*earliest) : "null"));
    if (rows_ok && weakest_row && member(it, "target_confidence").is_string() &&
        confidence(it, "target_confidence") != *weakest_row)
        out.add(where.file, join_path(where.path, "target_confidence"),
                fmt::format("is \"{}\" but the weakest row target_confidence is \"{}\"",
                            to_string(confidence(it, "target_confidence")), to_string(*weakest_row)));

    // Guideline references: either some, or the explicit "none given".
    check_refs(it, where, ctx);
    if (member(it, "guideline_refs_none_given").is_boolean() && member(it, "guideline_refs").is_array() &&
        item.guideline_refs.empty() != item.guideline_refs_none_given)
        out.add(where.file, join_path(where.path, "guideline_refs_none_given"),
                item.guideline_refs_none_given ? "is true but guideline_refs is not empty"
                                               : "the item has no guideline_refs: give at least one or set "
                                                 "guideline_refs_none_given to true");

    check_explanations(it, where, out);
    for_each_element(it, where, "wording_variants", [&](const Json& v, const Location& at) {
        check_fields(v, at, kWordingVariantFields, out);
    });

    const Json& applicability = member(it, "applicability");
    if (check_fields(applicability, where.at("applicability"), kApplicabilityFields, out)) {
        if (member(applicability, "gate").is_boolean() &&
            flag(applicability, "gate") != (form.gate_status == GateStatus::present))
            out.add(where.file, join_path(where.path, "applicability.gate"),
                    fmt::format("must be {} because the form's gate_status is \"{}\"",
                                form.gate_status == GateStatus::present ? "true" : "false",
                                text(form.json, "gate_status")));
        if (flag(applicability, "requires_vendor_contract") &&
            std::find(form.organisation_kinds.begin(), form.organisation_kinds.end(), "vendor") !=
                form.organisation_kinds.end())
            out.add(where.file, join_path(where.path, "applicability.requires_vendor_contract"),
                    "is never true on the vendor form (the vendor form itself needs a vendor contract)");
    }

    // Sources: no duplicates; an edition-level source is the edition's primary source.
    const auto sources = texts(it, "sources");
    for (std::size_t i = 0; i < sources.size(); ++i)
        if (std::find(sources.begin(), sources.begin() + static_cast<std::ptrdiff_t>(i), sources[i]) !=
            sources.begin() + static_cast<std::ptrdiff_t>(i))
            out.add(where.file, index_path(join_path(where.path, "sources"), i),
                    fmt::format("\"{}\" is listed twice", sources[i]));
    if (text(it, "source_basis") == "edition" && !ctx.primary_source.empty() &&
        text(it, "source") != ctx.primary_source)
        out.add(where.file, join_path(where.path, "source"),
                fmt::format("source_basis is \"edition\", so source must be the edition's primary source {}",
                            ctx.primary_source));
}

// default_organisation_kinds: who answers a form of a file written before forms named their kinds
// (R5–R7 as first shipped): the three fixed forms only.
std::vector<std::string> default_organisation_kinds(std::string_view form_id) {
    if (form_id == "medical") return {"hospital", "clinic", "dental_clinic"};
    if (form_id == "pharmacy") return {"pharmacy"};
    if (form_id == "vendor") return {"vendor"};
    return {};
}

void check_organisation_kinds(const Json& f, const Location& where, Form& form, Diagnostics& out) {
    const Json& kinds = member(f, "organisation_kinds");
    const std::string path = join_path(where.path, "organisation_kinds");
    if (kinds.is_null()) {
        form.organisation_kinds = default_organisation_kinds(form.id);
        if (form.organisation_kinds.empty())
            out.add(where.file, path,
                    fmt::format("required field is missing: form \"{}\" must name the organisation kinds "
                                "that answer it",
                                form.id));
        return;
    }
    form.organisation_kinds = texts(f, "organisation_kinds");
    if (kinds.is_array() && kinds.empty())
        out.add(where.file, path, "must name at least one organisation kind");
    for (std::size_t i = 0; i < form.organisation_kinds.size(); ++i) {
        const std::string& kind = form.organisation_kinds[i];
        const std::string at = join_path(path, fmt::format("[{}]", i));
        if (std::find(std::begin(kOrganisationKinds), std::end(kOrganisationKinds), kind) ==
            std::end(kOrganisationKinds))
            out.add(where.file, at,
                    fmt::format("unknown organisation kind \"{}\" (expected hospital, clinic, dental_clinic, "
                                "pharmacy or vendor)",
                                kind));
        else if (std::find(form.organisation_kinds.begin(), form.organisation_kinds.begin() + i, kind) !=
                 form.organisation_kinds.begin() + i)
            out.add(where.file, at, fmt::format("\"{}\" is listed twice", kind));
    }
    const bool vendor = std::find(form.organisation_kinds.begin(), form.organisation_kinds.end(), "vendor") !=
                        form.organisation_kinds.end();
    if (vendor && form.organisation_kinds.size() > 1)
        out.add(where.file, path, "a form answered by vendors is answered by no institution kind");
}

// check_form_per_kind: every institution kind answers exactly one form of the edition.
void check_form_per_kind(const Edition& edition, const Location& where, Diagnostics& out) {
    for (std::string_view kind : kInstitutionKinds) {
        std::optional<std::size_t> first;
        for (std::size_t i = 0; i < edition.forms.size(); ++i) {
            const auto& kinds = edition.forms[i].organisation_kinds;
            if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) continue;
            if (!first) {
                first = i;
                continue;
            }
            out.add(
                where.file,
                join_path(join_path(where.path, fmt::format("forms[{}]", i)), "organisation_kinds"),
                fmt::format("\"{}\" already answers form \"{}\" (forms[{}]): each institution kind answers "
                            "exactly one form",
                            kind, edition.forms[*first].id, *first));
        }
        if (!first)
            out.add(where.file, join_path(where.path, "forms"),
                    fmt::format("no form lists \"{}\" in organisation_kinds: each institution kind answers "
                                "exactly one form",
                                kind));
    }
}

void check_form(const Json& f, const Location& where, EditionContext& ctx, Form& form) {
    form.json = f;
    if (!check_fields(f, where, kFormFields, ctx.out)) return;
    Diagnostics& out = ctx.out;
    form.id = text(f, "id");
    form.title_ja = text(f, "title_ja");
    form.title_en = text(f, "title_en");
    const std::string gate_status = text(f, "gate_status");
    form.gate_status = gate_status == "present"  ? GateStatus::present
                       : gate_status == "absent" ? GateStatus::absent
                                                 : GateStatus::unknown;

    check_organisation_kinds(f, where, form, out);

    const auto rank = ctx.catalog.form_rank(form.id);
    if (rank == ctx.catalog.forms.size())
        out.add(where.file, join_path(where.path, "id"),
                fmt::format("unknown form \"{}\" (not in catalog.json's vocabularies.forms)", form.id));
    else if (form.title_ja != ctx.catalog.forms[rank].title_ja)
        out.add(where.file, join_path(where.path, "title_ja"),
                fmt::format("must be \"{}\" for form {}", ctx.catalog.forms[rank].title_ja, form.id));

    const Json& published = member(f, "published");
    const std::string precision = text(f, "published_precision");
    if (published.is_null() != (precision == "unknown"))
        out.add(where.file, join_path(where.path, "published_precision"),
                published.is_null() ? "must be \"unknown\" when published is null"
                                    : "may be \"unknown\" only when published is null");
    if (published.is_string()) {
        const auto actual = date_precision(published.get<std::string>());
        if (!actual)
            out.add(where.file, join_path(where.path, "published"),
                    fmt::format("\"{}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
                                published.get<std::string>()));
        else if (*actual != precision && precision != "unknown")
            out.add(where.file, join_path(where.path, "published_precision"),
                    fmt::format("is \"{}\" but published \"{}\" has {} precision", precision,
                                published.get<std::string>(), *actual));
    }

    check_fields(member(f, "form_applicability"), where.at("form_applicability"), kFormApplicabilityFields,
                 out);
    std::set<std::string> columns;
    for_each_element(f, where, "answer_columns", [&](const Json& c, const Location& at) {
        if (check_fields(c, at, kAnswerColumnFields, out) && !columns.insert(text(c, "id")).second)
            out.add(at.file, join_path(at.path, "id"),
                    fmt::format("duplicate answer column \"{}\"", text(c, "id")));
    });

    if (!gate_status.empty() && member(f, "gate_status_confidence").is_null() != (gate_status == "unknown"))
        out.add(where.file, join_path(where.path, "gate_status_confidence"),
                gate_status == "unknown" ? "must be null when gate_status is \"unknown\""
                                         : "is required unless gate_status is \"unknown\"");
    const Json& gate = member(f, "gate");
    if (!gate_status.empty() && gate.is_null() == (form.gate_status == GateStatus::present))
        out.add(where.file, join_path(where.path, "gate"),
                form.gate_status == GateStatus::present ? "is required when gate_status is \"present\""
                                                        : "must be null unless gate_status is \"present\"");
    if (gate.is_object()) check_gate(gate, where.at("gate"), ctx);

    std::set<std::string> section_ids;
    for_each_element(f, where, "sections", [&](const Json& s, const Location& at) {
        if (!check_fields(s, at, kSectionFields, out)) return;
        const std::string id = text(s, "section_id");
        const auto vocab = std::find_if(ctx.catalog.sections.begin(), ctx.catalog.sections.end(),
                                        [&](const SectionVocabulary& v) { return v.section_id == id; });
        if (vocab == ctx.catalog.sections.end())
            out.add(at.file, join_path(at.path, "section_id"), fmt::format("unknown section \"{}\"", id));
        else if (text(s, "section_ja") != vocab->section_ja)
            out.add(at.file, join_path(at.path, "section_ja"),
                    fmt::format("must be \"{}\", the title of section {}", vocab->section_ja, id));
        else if (text(s, "number") != std::to_string(vocab->number))
            out.add(at.file, join_path(at.path, "number"),
                    fmt::format("must be \"{}\" for section {}", vocab->number, id));
        if (!section_ids.insert(id).second)
            out.add(at.file, join_path(at.path, "section_id"),
                    fmt::format("section \"{}\" is listed twice", id));
    });

    const Json& items = member(f, "items");
    if (items.is_array() && items.empty())
        out.add(where.file, join_path(where.path, "items"), "a form needs items");
    std::map<std::string, Location> seen;
    for_each_element(f, where, "items", [&](const Json& it, const Location& at) {
        Item item;
        check_item(it, at, form, ctx, item);
        if (!item.canonical_id.empty()) {
            if (const auto [first, inserted] = seen.emplace(item.canonical_id, at); !inserted)
                out.add(at.file, join_path(at.path, "canonical_id"),
                        fmt::format("duplicate canonical id \"{}\" in form {}: already used at {}",
                                    item.canonical_id, form.id, first->second.path));
        }
        form.items.push_back(std::move(item));
    });

    // Rule P: (section, ordinal) strictly increases; each section starts at 1 and has no gaps.
    int section = 0, ordinal = 0;
    for (std::size_t i = 0; i < form.items.size(); ++i) {
        const Item& item = form.items[i];
        if (item.section == 0) continue;  // unparseable number: already reported
        const Location at = where.at("items").at(i);
        const int expected = item.section == section ? ordinal + 1 : 1;
        if (item.section < section || (item.section == section && item.ordinal <= ordinal)) {
            out.add(at.file, join_path(at.path, "number"),
                    fmt::format("\"{}\" is out of printed order: it comes after \"{}\"", item.number,
                                form.items[i - 1].number));
        } else if (item.ordinal != expected) {
            out.add(at.file, join_path(at.path, "number"),
                    fmt::format("\"{}\" leaves a gap: section {} {} with number {}", item.number,
                                item.section, expected == 1 ? "must start" : "must continue", expected));
        }
        section = item.section;
        ordinal = item.ordinal;
    }
}

}  // namespace

std::shared_ptr<Edition> check_edition(const Located& doc, const RevisionInfo& info, const Catalog& catalog,
                                       Diagnostics& out) {
    auto edition = std::make_shared<Edition>();
    const Json& e = doc.value;
    edition->json = e;
    edition->revision = info;
    if (!check_fields(e, doc.where, kEditionFields, out)) return edition;
    check_document_header(doc, "edition", catalog, out);
    edition->id = text(e, "id");
    edition->fiscal_year = integer(e, "fiscal_year").value_or(0);
    edition->fiscal_year_ja = text(e, "fiscal_year_ja");
    edition->title_ja = text(e, "title_ja");
    edition->title_en = text(e, "title_en");

    static const std::regex id_shape("r([1-9][0-9]*)");
    std::smatch m;
    if (!std::regex_match(edition->id, m, id_shape))
        out.add(
            doc.where.file, join_path(doc.where.path, "id"),
            fmt::format("\"{}\" is not an edition id: r followed by the Reiwa year, e.g. r8", edition->id));
    else if (edition->fiscal_year != 0 && std::stoi(m[1]) + kReiwaOffset != edition->fiscal_year)
        out.add(doc.where.file, join_path(doc.where.path, "id"),
                fmt::format("\"{}\" does not match fiscal_year {} (令和{}年度 is r{})", edition->id,
                            edition->fiscal_year, edition->fiscal_year - kReiwaOffset,
                            edition->fiscal_year - kReiwaOffset));

    const std::string precision = text(e, "published_precision");
    if (const auto published = optional_text(e, "published")) {
        const auto actual = date_precision(*published);
        if (!actual)
            out.add(doc.where.file, join_path(doc.where.path, "published"),
                    fmt::format("\"{}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", *published));
        else if (!precision.empty() && *actual != precision)
            out.add(doc.where.file, join_path(doc.where.path, "published_precision"),
                    fmt::format("is \"{}\" but published \"{}\" has {} precision", precision, *published,
                                *actual));
    }
    if (const auto guideline = text(e, "guideline"); !guideline.empty() && guideline != catalog.guideline.id)
        out.add(doc.where.file, join_path(doc.where.path, "guideline"),
                fmt::format("unknown guideline \"{}\" (the catalog has \"{}\")", guideline,
                            catalog.guideline.id));
    const auto sources = texts(e, "sources");
    if (member(e, "sources").is_array() && sources.empty())
        out.add(doc.where.file, join_path(doc.where.path, "sources"),
                "needs at least one URL: sources[0] is the edition's primary source");

    for_each_element(e, doc.where, "official_files", [&](const Json& f, const Location& at) {
        check_fields(f, at, kOfficialFileFields, out);
    });
    check_fields(member(e, "manual"), doc.where.at("manual"), kManualFields, out);

    EditionContext ctx{catalog, out, edition->id, edition->fiscal_year};
    const std::string style = text(e, "numbering_style");
    ctx.style_known = style == "paren" || style == "circled";
    ctx.style = style == "circled" ? NumberingStyle::circled : NumberingStyle::paren;
    ctx.primary_source = sources.empty() ? std::string{} : sources.front();

    const Json& forms = member(e, "forms");
    if (forms.is_array() && forms.empty())
        out.add(doc.where.file, join_path(doc.where.path, "forms"), "an edition needs at least one form");
    for_each_element(e, doc.where, "forms", [&](const Json& f, const Location& at) {
        Form form;
        check_form(f, at, ctx, form);
        const auto rank = catalog.form_rank(form.id);
        if (!edition->forms.empty() && rank != catalog.forms.size()) {
            const auto previous = catalog.form_rank(edition->forms.back().id);
            if (previous == rank)
                out.add(at.file, join_path(at.path, "id"),
                        fmt::format("duplicate form \"{}\" in edition {}", form.id, edition->id));
            else if (previous > rank && previous != catalog.forms.size())
                out.add(at.file, join_path(at.path, "id"),
                        fmt::format("form \"{}\" must come before \"{}\" (the order of catalog.json's "
                                    "vocabularies.forms)",
                                    form.id, edition->forms.back().id));
        }
        edition->forms.push_back(std::move(form));
    });
    if (forms.is_array() && !forms.empty()) check_form_per_kind(*edition, doc.where, out);
    return edition;
}

}  // namespace mamori::catalog
