// Starting a draft: a new edition copied from an earlier one (optionally with the institution forms merged)
// or a corrected revision of an edition (see editor.hpp).
#include <fmt/format.h>

#include <regex>

#include "editor_detail.hpp"
#include "mamori/catalog_editor/editor.hpp"

namespace mamori::catalog_editor {

namespace {

using detail::str;

int target_of(const Json& object) {
    return object.contains("target_fiscal_year") && object["target_fiscal_year"].is_number_integer()
               ? object["target_fiscal_year"].get<int>()
               : 0;
}

tl::unexpected<Error> bad(std::string field, std::string message) {
    return fail(ErrorCode::invalid_input, std::move(message), std::move(field));
}

// raise_targets: targets before `fiscal_year` become `fiscal_year` (an edition's targets lie in its year
// or later).
void raise_targets(Json& item, int fiscal_year) {
    if (target_of(item) != 0 && target_of(item) < fiscal_year) item["target_fiscal_year"] = fiscal_year;
    if (item.contains("rows") && item["rows"].is_array())
        for (auto& row : item["rows"])
            if (target_of(row) != 0 && target_of(row) < fiscal_year) row["target_fiscal_year"] = fiscal_year;
}

Json gate_change(const Json& from, const Json& to) {
    return {{"from", str(from, "gate_status")},
            {"to", str(to, "gate_status")},
            {"confidence", "I"},
            {"note", nullptr}};
}

Json form_element(const Json& later, const Json& earlier) {
    Json e{{"form", str(later, "id")}};
    if (str(later, "id") != str(earlier, "id")) e["from_form"] = str(earlier, "id");
    e["gate_change"] = gate_change(earlier, later);
    e["summary"] = Json::object();
    e["entries"] = Json::array();
    e["removed"] = Json::array();
    e["removed_note"] = nullptr;
    return e;
}

}  // namespace

std::string fiscal_year_ja(int fiscal_year) {
    const int reiwa = fiscal_year - 2018;
    return reiwa == 1 ? std::string("令和元年度") : fmt::format("令和{}年度", reiwa);
}

Result<Json> start_draft(const catalog::Catalog& catalog, const StartOptions& options) {
    const catalog::Edition* from = catalog.latest(options.from_edition);
    if (from == nullptr)
        return bad("from_edition", fmt::format("unknown edition \"{}\"", options.from_edition));
    static const std::regex id_shape("r[0-9]{1,3}");
    if (!std::regex_match(options.new_id, id_shape))
        return bad("edition_id", "must be like r8 (r and a number)");
    Json edition = from->json;
    Json document{{"kind", "edition_bundle"},
                  {"format_version", 1},
                  {"edition", nullptr},
                  {"mappings", Json::array()},
                  {"canonical_items", Json::array()},
                  {"guideline_entries", Json::array()}};
    if (options.new_id == options.from_edition) {
        // A corrected revision: the mapping into the edition comes along so that edits keep it true.
        if (options.merge_forms) return bad("merge_forms", "a corrected revision keeps the edition's forms");
        if (options.title_ja) edition["title_ja"] = *options.title_ja;
        document["edition"] = std::move(edition);
        for (const auto& m : catalog.mappings)
            if (m.to_edition == options.new_id) document["mappings"].push_back(m.json);
        return document;
    }
    if (catalog.latest(options.new_id) != nullptr)
        return bad("edition_id",
                   fmt::format("edition {} exists: start from it to correct it", options.new_id));
    if (options.fiscal_year <= from->fiscal_year || options.fiscal_year > 2100)
        return bad("fiscal_year",
                   fmt::format("must be later than {}'s fiscal year {}", from->id, from->fiscal_year));
    for (const auto& e : catalog.editions)
        if (e.latest().fiscal_year == options.fiscal_year)
            return bad("fiscal_year",
                       fmt::format("edition {} is already the edition of FY{}", e.id, options.fiscal_year));
    edition["id"] = options.new_id;
    edition["fiscal_year"] = options.fiscal_year;
    edition["fiscal_year_ja"] = fiscal_year_ja(options.fiscal_year);
    edition["printed_date_ja"] = fiscal_year_ja(options.fiscal_year);
    edition["published"] = std::to_string(options.fiscal_year);
    edition["published_precision"] = "year";
    edition["published_confidence"] = "I";
    edition["published_note"] = fmt::format(
        "{}版を元に版の編集で作った下書きです。公表日は公式の資料で確かめて入れてください。", fiscal_year_ja(from->fiscal_year));
    if (options.title_ja) edition["title_ja"] = *options.title_ja;
    edition["notes"] = Json::array({fmt::format("{}版（第{}版）を元に版の編集で作成しました。",
                                                fiscal_year_ja(from->fiscal_year), from->revision.revision)});
    Json forms = Json::array();
    Json elements = Json::array();
    const Json* medical = nullptr;
    for (const auto& f : edition["forms"])
        if (str(f, "id") == "medical") medical = &f;
    if (options.merge_forms && medical == nullptr)
        return bad("merge_forms", fmt::format("{} has no form medical to merge", from->id));
    for (const auto& f : edition["forms"]) {
        const std::string id = str(f, "id");
        if (options.merge_forms && id == "pharmacy") continue;
        Json form = f;
        if (options.merge_forms && id == "medical") {
            form["id"] = kMergedFormId;
            form["title_ja"] = "医療機関・薬局確認用";
            form["title_en"] = "For medical institutions and pharmacies";
            form["document_title_ja"] = "医療機関・薬局におけるサイバーセキュリティ対策チェックリスト";
            form["filled_by_ja"] = "医療機関・薬局";
            form["filled_by_en"] = "Medical institutions and pharmacies";
            form["organisation_kinds"] = Json::array({"hospital", "clinic", "dental_clinic", "pharmacy"});
        }
        form["published"] = nullptr;
        form["published_precision"] = "unknown";
        form["published_confidence"] = nullptr;
        form["published_note"] = nullptr;
        for (auto& item : form["items"]) raise_targets(item, options.fiscal_year);
        for (const auto& earlier : from->json["forms"]) {
            const std::string earlier_id = str(earlier, "id");
            const bool maps =
                earlier_id == id || (options.merge_forms && id == "medical" && earlier_id == "pharmacy");
            if (maps) elements.push_back(form_element(form, earlier));
        }
        forms.push_back(std::move(form));
    }
    edition["forms"] = std::move(forms);
    document["edition"] = std::move(edition);
    document["mappings"].push_back(Json{{"kind", "mapping"},
                                        {"format_version", 1},
                                        {"id", fmt::format("{}-{}", from->id, options.new_id)},
                                        {"from_edition", from->id},
                                        {"to_edition", options.new_id},
                                        {"sources", document["edition"]["sources"]},
                                        {"forms", std::move(elements)}});
    reconcile(catalog, document);
    return document;
}

}  // namespace mamori::catalog_editor
