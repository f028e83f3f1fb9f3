// The edition editor's operations: each one starts from a valid draft, and the result must still pass the
// real validator (the catalog loader, as an import would run it), with the mapping recording what happened.
#include "mamori/catalog_editor/editor.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "mamori/assessment/carry_forward.hpp"
#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/time.hpp"

namespace mamori::catalog_editor {
namespace {

using catalog::Catalog;

const catalog::CatalogBuilder& embedded_builder() {
    static const auto builder = *catalog::CatalogBuilder::from_files(embedded::catalog_files());
    return builder;
}

const Catalog& embedded_catalog() {
    static const auto catalog = *embedded_builder().build();
    return *catalog;
}

// with_draft: the catalog with `document` imported as the next revision of its edition, or every error.
Result<std::shared_ptr<const Catalog>> with_draft(const Json& document) {
    auto bundle = catalog::parse_bundle("draft", document.dump());
    if (!bundle) return fail(bundle.error());
    auto builder = embedded_builder();
    const int revision = builder.latest_revision(bundle->edition_id()) + 1;
    if (auto added = builder.add_revision(*bundle, {revision, "test"}); !added) return fail(added.error());
    return builder.build();
}

std::string errors_of(const Error& e) {
    std::string out = e.message;
    for (const auto& f : e.fields) out += "\n  " + f.field + ": " + f.message;
    return out;
}

#define EXPECT_VALID(document)                                                       \
    do {                                                                             \
        auto built_ = with_draft(document);                                          \
        EXPECT_TRUE(built_) << (built_ ? std::string() : errors_of(built_.error())); \
    } while (false)

Json merged_r8() {
    auto draft = start_draft(embedded_catalog(), {"r7", "r8", 2026, std::nullopt, true});
    EXPECT_TRUE(draft) << (draft ? "" : errors_of(draft.error()));
    return *draft;
}

Json& form(Json& document, const std::string& id) {
    for (auto& f : document["edition"]["forms"])
        if (f["id"] == id) return f;
    throw std::runtime_error("no form " + id);
}

const Json& element(const Json& document, const std::string& form, const std::string& from_form) {
    for (const auto& e : document["mappings"][0]["forms"])
        if (e["form"] == form && e.value("from_form", e["form"].get<std::string>()) == from_form) return e;
    throw std::runtime_error("no mapping element " + from_form + ">" + form);
}

const Json& entry(const Json& element, const std::string& id) {
    for (const auto& e : element["entries"])
        if (e["to"]["canonical_id"] == id) return e;
    throw std::runtime_error("no entry " + id);
}

std::vector<std::string> ids(const Json& form) {
    std::vector<std::string> out;
    for (const auto& i : form["items"]) out.push_back(i["canonical_id"]);
    return out;
}

Json applied(const Json& document, const Json& operation) {
    auto next = apply(embedded_catalog(), document, operation);
    EXPECT_TRUE(next) << (next ? "" : errors_of(next.error()));
    return next ? *next : document;
}

// complete_item: every field a new item needs to validate (the editor never fills them in itself).
Json complete_item(const std::string& text_ja) {
    return {{"text_ja", text_ja},
            {"text_en", "A new item entered in the editor."},
            {"meaning_ja", "新しい項目の意味です。"},
            {"how_ja", "新しい項目のやり方です。"},
            {"evidence_ja", "新しい項目の証拠です。"},
            {"meaning_en", "What the new item means."},
            {"how_en", "How to do it."},
            {"evidence_en", "What shows it is done."}};
}

TEST(EditionEditor, StartFromR7KeepsItsFormsAndIsValid) {
    auto draft = start_draft(embedded_catalog(), {"r7", "r8", 2026, std::nullopt, false});
    ASSERT_TRUE(draft) << errors_of(draft.error());
    EXPECT_EQ((*draft)["edition"]["fiscal_year_ja"], "令和8年度");
    EXPECT_EQ((*draft)["edition"]["forms"].size(), 3u);
    EXPECT_EQ((*draft)["mappings"][0]["id"], "r7-r8");
    const auto& medical = element(*draft, "medical", "medical");
    EXPECT_EQ(medical["summary"]["unchanged"], 18);
    EXPECT_EQ(medical["summary"]["removed"], 0);
    EXPECT_VALID(*draft);
}

TEST(EditionEditor, StartFromR7WithMergedFormsIsValid) {
    const Json draft = merged_r8();
    Json copy = draft;
    const Json& institution = form(copy, "institution");
    EXPECT_EQ(institution["title_ja"], "医療機関・薬局確認用");
    EXPECT_EQ(institution["organisation_kinds"],
              Json::array({"hospital", "clinic", "dental_clinic", "pharmacy"}));
    EXPECT_EQ(draft["edition"]["forms"].size(), 2u) << "institution and vendor";
    EXPECT_EQ(element(draft, "institution", "medical")["summary"]["unchanged"], 18);
    const auto& pharmacy = element(draft, "institution", "pharmacy");
    EXPECT_GT(pharmacy["entries"].size(), 0u);
    EXPECT_VALID(draft);
}

TEST(EditionEditor, StartRefusesWhatCannotBe) {
    const auto& c = embedded_catalog();
    EXPECT_EQ(start_draft(c, {"r9", "r10", 2027, std::nullopt, false}).error().fields.at(0).field,
              "from_edition");
    EXPECT_EQ(start_draft(c, {"r7", "r8", 2025, std::nullopt, false}).error().fields.at(0).field,
              "fiscal_year");
    EXPECT_EQ(start_draft(c, {"r7", "r6", 2026, std::nullopt, false}).error().fields.at(0).field,
              "edition_id");
    EXPECT_EQ(start_draft(c, {"r7", "R 8", 2026, std::nullopt, false}).error().fields.at(0).field,
              "edition_id");
}

TEST(EditionEditor, ACorrectedRevisionKeepsTheMappingIntoItAndIsValid) {
    auto draft = start_draft(embedded_catalog(), {"r7", "r7", 0, std::nullopt, false});
    ASSERT_TRUE(draft) << errors_of(draft.error());
    EXPECT_EQ((*draft)["mappings"].size(), 1u);
    EXPECT_EQ((*draft)["mappings"][0]["id"], "r6-r7");
    Json changed = applied(
        *draft, {{"op", "set_item"},
                 {"form", "medical"},
                 {"canonical_id", "GOV-01"},
                 {"fields", {{"text_ja", "医療情報システム安全管理責任者を設置し、職員に周知している。"}}}});
    EXPECT_EQ(entry(element(changed, "medical", "medical"), "GOV-01")["kind"], "reworded");
    EXPECT_VALID(changed);
}

TEST(EditionEditor, SetItemRewordsAndRecordsTheChange) {
    const Json next =
        applied(merged_r8(), {{"op", "set_item"},
                              {"form", "institution"},
                              {"canonical_id", "AST-01"},
                              {"fields",
                               {{"text_ja", "医療情報システムの台帳を作り、年に一度見直している。"},
                                {"meaning_ja", "どの機器があるかを把握することです。"},
                                {"target_fy", 2027},
                                {"guideline_refs", Json::array({"gl-7.0:C-14-6"})},
                                {"confidence", "V"}}}});
    const auto& e = entry(element(next, "institution", "medical"), "AST-01");
    EXPECT_EQ(e["kind"], "reworded");
    EXPECT_NE(std::find(e["changes"].begin(), e["changes"].end(), "text"), e["changes"].end());
    EXPECT_EQ(element(next, "institution", "medical")["summary"]["reworded"], 1);
    Json copy = next;
    const Json& item = form(copy, "institution")["items"][1];
    EXPECT_EQ(item["target_fiscal_year"], 2027);
    EXPECT_EQ(item["rows"][0]["target_fiscal_year"], 2027);
    EXPECT_EQ(item["explanation_ja"]["meaning_ja"], "どの機器があるかを把握することです。");
    EXPECT_VALID(next);
}

TEST(EditionEditor, OperationErrorsNameTheField) {
    const Json draft = merged_r8();
    const auto& c = embedded_catalog();
    struct Case {
        Json op;
        std::string field;
    };
    const std::vector<Case> cases = {
        {{{"op", "explode"}}, "operation.op"},
        {{{"op", "set_item"}, {"form", "medical"}, {"canonical_id", "AST-01"}, {"fields", Json::object()}},
         "operation.form"},
        {{{"op", "set_item"},
          {"form", "institution"},
          {"canonical_id", "ZZZ-01"},
          {"fields", Json::object()}},
         "operation.canonical_id"},
        {{{"op", "set_item"},
          {"form", "institution"},
          {"canonical_id", "AST-01"},
          {"fields", {{"colour", "red"}}}},
         "operation.fields.colour"},
        {{{"op", "set_item"},
          {"form", "institution"},
          {"canonical_id", "AST-01"},
          {"fields", {{"target_fy", 1999}}}},
         "operation.fields.target_fy"},
        {{{"op", "add_item"},
          {"form", "institution"},
          {"section", "S9"},
          {"item", {{"text_ja", "新しい項目"}}}},
         "operation.section"},
        {{{"op", "add_item"},
          {"form", "institution"},
          {"section", "S2"},
          {"after", nullptr},
          {"item", {{"text_ja", "新しい項目"}}}},
         "operation.item.domain"},
        {{{"op", "merge_items"},
          {"form", "institution"},
          {"canonical_ids", Json::array({"IAM-02"})},
          {"into", "IAM-02"}},
         "operation.canonical_ids"},
        {{{"op", "merge_items"},
          {"form", "institution"},
          {"canonical_ids", Json::array({"IAM-02", "IAM-03"})},
          {"into", "GOV-01"}},
         "operation.into"},
        {{{"op", "set_edition"}, {"fields", {{"id", "r9"}}}}, "operation.fields.id"},
    };
    for (const auto& k : cases) {
        auto result = apply(c, draft, k.op);
        ASSERT_FALSE(result) << k.op.dump();
        ASSERT_FALSE(result.error().fields.empty()) << k.op.dump();
        EXPECT_EQ(result.error().fields.front().field, k.field) << k.op.dump();
    }
}

TEST(EditionEditor, AddItemGetsANewIdAndANewMappingEntry) {
    const Json next =
        applied(merged_r8(), {{"op", "add_item"},
                              {"form", "institution"},
                              {"section", "S2"},
                              {"after", "AST-01"},
                              {"item", complete_item("保守事業者ごとに個人別のアカウントを使っている。")}});
    Json copy = next;
    const auto items = ids(form(copy, "institution"));
    const std::string id = items.at(2);
    EXPECT_EQ(id.substr(0, 4), "AST-");
    EXPECT_EQ(embedded_catalog().find_canonical(id), nullptr) << "never an id the registry has";
    EXPECT_EQ(form(copy, "institution")["items"][2]["number"], "2-②");
    EXPECT_EQ(form(copy, "institution")["items"][3]["number"], "2-③") << "the later items are renumbered";
    const auto& medical = element(next, "institution", "medical");
    EXPECT_EQ(entry(medical, id)["kind"], "new");
    EXPECT_EQ(medical["summary"]["new"], 1);
    EXPECT_EQ(entry(medical, items.at(3))["renumbered"], true);
    EXPECT_EQ(next["canonical_items"].size(), 1u);
    EXPECT_EQ(next["canonical_items"][0]["canonical_id"], id);
    EXPECT_VALID(next);
}

TEST(EditionEditor, ANewItemWithoutItsTextsIsReportedNotInvented) {
    const Json next = applied(merged_r8(), {{"op", "add_item"},
                                            {"form", "institution"},
                                            {"section", "S2"},
                                            {"after", "AST-01"},
                                            {"item", {{"text_ja", "新しい項目を入れた。"}}}});
    auto built = with_draft(next);
    ASSERT_FALSE(built);
    std::vector<std::string> fields;
    for (const auto& f : built.error().fields) fields.push_back(f.field);
    EXPECT_NE(
        std::find(fields.begin(), fields.end(), "draft: edition.forms[0].items[2].explanation_ja.meaning_ja"),
        fields.end());
    EXPECT_NE(std::find(fields.begin(), fields.end(), "draft: edition.forms[0].items[2].text_en"),
              fields.end());
}

TEST(EditionEditor, NextCanonicalIdSkipsEveryIdEverUsed) {
    const auto& c = embedded_catalog();
    const std::string next = next_canonical_id(c, Json::object(), "IAM");
    EXPECT_EQ(c.find_canonical(next), nullptr);
    Json document{{"canonical_items", Json::array({{{"canonical_id", next}}})}};
    EXPECT_NE(next_canonical_id(c, document, "IAM"), next);
}

TEST(EditionEditor, RemoveItemGoesToRemoved) {
    const Json next =
        applied(merged_r8(), {{"op", "remove_item"}, {"form", "institution"}, {"canonical_id", "DEV-01"}});
    Json copy = next;
    const auto items = ids(form(copy, "institution"));
    EXPECT_EQ(std::find(items.begin(), items.end(), "DEV-01"), items.end());
    const auto& medical = element(next, "institution", "medical");
    EXPECT_EQ(medical["summary"]["removed"], 1);
    EXPECT_EQ(medical["removed"][0]["canonical_id"], "DEV-01");
    EXPECT_VALID(next);
}

TEST(EditionEditor, MergeItemsRecordsBothSources) {
    const Json next = applied(merged_r8(), {{"op", "merge_items"},
                                            {"form", "institution"},
                                            {"canonical_ids", Json::array({"IAM-02", "IAM-03"})},
                                            {"into", "IAM-02"}});
    const auto& e = entry(element(next, "institution", "medical"), "IAM-02");
    EXPECT_EQ(e["kind"], "merged");
    ASSERT_EQ(e["from"].size(), 2u);
    EXPECT_EQ(e["from"][0]["canonical_id"], "IAM-02");
    EXPECT_EQ(e["from"][1]["canonical_id"], "IAM-03");
    EXPECT_EQ(element(next, "institution", "medical")["summary"]["removed"], 0);
    EXPECT_VALID(next);
}

TEST(EditionEditor, SplitItemGivesTwoSplitEntriesFromTheOriginal) {
    const Json next = applied(merged_r8(), {{"op", "split_item"},
                                            {"form", "institution"},
                                            {"canonical_id", "GOV-01"},
                                            {"new_item", {{"text_ja", "企画管理者を設置している。"}}}});
    Json copy = next;
    const auto items = ids(form(copy, "institution"));
    ASSERT_GE(items.size(), 2u);
    const std::string added = items.at(1);
    EXPECT_EQ(added.substr(0, 4), "GOV-");
    const auto& medical = element(next, "institution", "medical");
    EXPECT_EQ(entry(medical, "GOV-01")["kind"], "split");
    EXPECT_EQ(entry(medical, added)["kind"], "split");
    EXPECT_EQ(entry(medical, added)["from"][0]["canonical_id"], "GOV-01");
    EXPECT_EQ(medical["summary"]["split"], 2);
    EXPECT_VALID(next);
}

TEST(EditionEditor, SetEditionChangesTheEditionFields) {
    const Json next =
        applied(merged_r8(),
                {{"op", "set_edition"},
                 {"fields",
                  {{"title_ja", "医療機関・薬局におけるサイバーセキュリティ対策チェックリスト(令和8年度版)"},
                   {"notes", Json::array({"公式の文言は未入力。"})}}}});
    EXPECT_EQ(next["edition"]["notes"][0], "公式の文言は未入力。");
    EXPECT_VALID(next);
}

TEST(EditionEditor, SeveralOperationsInARowStayValid) {
    Json draft = merged_r8();
    draft = applied(draft, {{"op", "remove_item"}, {"form", "institution"}, {"canonical_id", "DEV-01"}});
    draft = applied(draft, {{"op", "merge_items"},
                            {"form", "institution"},
                            {"canonical_ids", Json::array({"IAM-02", "IAM-03"})},
                            {"into", "IAM-02"}});
    draft = applied(draft, {{"op", "split_item"},
                            {"form", "institution"},
                            {"canonical_id", "GOV-01"},
                            {"new_item", {{"text_ja", "企画管理者を設置している。"}}}});
    draft = applied(draft, {{"op", "add_item"},
                            {"form", "institution"},
                            {"section", "S3"},
                            {"after", nullptr},
                            {"item", [] {
                                 Json item = complete_item("連絡先の一覧を備えている。");
                                 item["domain"] = "IR";
                                 return item;
                             }()}});
    draft = applied(draft, {{"op", "remove_item"}, {"form", "vendor"}, {"canonical_id", "GOV-01"}});
    EXPECT_VALID(draft);
}

// R7 answers of a pharmacy and of a hospital reach the merged form of a published draft.
TEST(EditionEditor, R7AnswersCarryIntoThePublishedMergedDraft) {
    Json draft = merged_r8();
    draft =
        applied(draft, {{"op", "set_item"},
                        {"form", "institution"},
                        {"canonical_id", "AST-01"},
                        {"fields", {{"text_ja", "医療情報システムの台帳を作り、年に一度見直している。"}}}});
    auto built = with_draft(draft);
    ASSERT_TRUE(built) << errors_of(built.error());
    for (const std::string from_form : {"medical", "pharmacy"}) {
        std::vector<assessment::PriorAnswer> answers;
        for (const auto& item : (*built)->latest("r7")->find(from_form)->items)
            for (const auto& row : item.rows)
                answers.push_back({{item.canonical_id, row.key},
                                   {.value = assessment::AnswerValue::yes, .note = from_form}});
        auto carried = assessment::carry_forward(**built, "r7", "r8", from_form, "institution", answers);
        ASSERT_TRUE(carried) << from_form << ": " << carried.error().message;
        EXPECT_FALSE(carried->carried.empty()) << from_form;
        for (const auto& c : carried->carried) {
            EXPECT_EQ(c.answer.note, from_form);
            EXPECT_TRUE(c.needs_reconfirmation);
        }
        const bool ast = std::any_of(carried->carried.begin(), carried->carried.end(),
                                     [](const auto& c) { return c.key.canonical_id == "AST-01"; });
        EXPECT_EQ(ast, (*built)->latest("r7")->find(from_form)->find("AST-01") != nullptr) << from_form;
    }
}

}  // namespace
}  // namespace mamori::catalog_editor
