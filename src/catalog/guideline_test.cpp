// Guideline versions: 7.0 loads beside 6.0 (five volumes, sourced entries, changes), items may reference
// either version ("C-14" in the first listed guideline, "gl-7.0:C-14-6" in a named one), and a broken
// reference or change is reported with file, JSON path and what is wrong.
#include <gtest/gtest.h>

#include <algorithm>

#include "mamori/catalog/loader.hpp"
#include "mamori/catalog/views.hpp"

namespace mamori::catalog {
namespace {

std::vector<embedded::File> embedded_files() {
    return {embedded::catalog_files().begin(), embedded::catalog_files().end()};
}

// with_replaced: the embedded files with `path` replaced by `doc` (the returned strings own the text).
struct Files {
    std::vector<std::string> texts;
    std::vector<embedded::File> files;
};
Files with_replaced(const std::string& path, const Json& doc) {
    Files out;
    out.texts.reserve(1);
    out.texts.push_back(doc.dump());
    out.files = embedded_files();
    for (auto& f : out.files)
        if (f.path == path) f.data = out.texts.front();
    return out;
}

Json file_json(const std::string& path) {
    for (const auto& f : embedded::catalog_files())
        if (f.path == path) return Json::parse(f.data);
    throw std::runtime_error("no embedded file " + path);
}

Result<std::shared_ptr<const Catalog>> build(const std::vector<embedded::File>& files) {
    auto builder = CatalogBuilder::from_files(files);
    if (!builder) return fail(builder.error());
    return builder->build();
}

std::string describe(const Error& e) {
    std::string s = e.message;
    for (const auto& f : e.fields) s += "\n  " + f.field + ": " + f.message;
    return s;
}

void expect_one_error(const Error& error, const std::string& field, const std::vector<std::string>& words) {
    ASSERT_EQ(error.fields.size(), 1u) << describe(error);
    EXPECT_EQ(error.fields[0].field, field) << describe(error);
    for (const auto& w : words)
        EXPECT_NE(error.fields[0].message.find(w), std::string::npos) << w << "\n" << describe(error);
}

// r7_item: the first item of R7's medical form whose canonical id is `canonical_id`, as JSON path and value.
std::size_t r7_medical_item_index(const Json& r7, const std::string& canonical_id) {
    const Json& items = r7.at("forms").at(0).at("items");
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].value("canonical_id", "") == canonical_id) return i;
    throw std::runtime_error("no item " + canonical_id);
}

TEST(Guidelines, SevenLoadsBesideSixWithFiveVolumes) {
    auto catalog = build(embedded_files());
    ASSERT_TRUE(catalog) << describe(catalog.error());
    const Catalog& c = **catalog;
    EXPECT_EQ(c.guideline.id, "gl-6.0");
    ASSERT_EQ(c.later_guidelines.size(), 1u);
    const Guideline* seven = c.find_guideline("gl-7.0");
    ASSERT_NE(seven, nullptr);
    std::vector<std::string> volumes;
    for (const auto& e : seven->entries)
        if (e.json.at("kind") == "volume") volumes.push_back(e.id);
    EXPECT_EQ(volumes, (std::vector<std::string>{"O", "M", "P", "C", "S"}));
    ASSERT_NE(seven->find("S"), nullptr);
    EXPECT_EQ(seven->find("S")->title_ja, "保守委託機関編");
    // Nothing about 7.0 was read from an official file: no entry may claim [V].
    for (const auto& e : seven->entries) EXPECT_NE(e.confidence, Confidence::verified) << e.id;
    // Where only a summary is known, the title stays unknown rather than invented.
    const GuidelineEntry* c14 = seven->find("C-14");
    ASSERT_NE(c14, nullptr);
    EXPECT_FALSE(c14->title_ja.has_value());
    EXPECT_NE(c14->json.at("note").get<std::string>().find("not found"), std::string::npos);
    // 6.0 still resolves its own bare references.
    EXPECT_EQ(c.resolve_guideline_ref("C-14").first, &c.guideline);
    EXPECT_EQ(c.resolve_guideline_ref("gl-7.0:C-14-6").first, seven);
    EXPECT_EQ(c.resolve_guideline_ref("gl-7.0:C-99").second, nullptr);
    EXPECT_EQ(c.resolve_guideline_ref("gl-9.9:C-14").second, nullptr);
}

TEST(Guidelines, PeriodicPasswordChangeDropIsShownOnTheR7PasswordItem) {
    auto catalog = build(embedded_files());
    ASSERT_TRUE(catalog) << describe(catalog.error());
    const CanonicalItem* iam03 = (*catalog)->find_canonical("IAM-03");
    ASSERT_NE(iam03, nullptr);
    const Json view = item_history_view(**catalog, *iam03);
    std::vector<std::string> ids;
    for (const auto& change : view.at("guideline_changes")) {
        EXPECT_EQ(change.at("guideline"), "gl-7.0");
        ids.push_back(change.at("id"));
    }
    EXPECT_NE(std::find(ids.begin(), ids.end(), "password-periodic-change"), ids.end());
    const CanonicalItem* gov01 = (*catalog)->find_canonical("GOV-01");
    ASSERT_NE(gov01, nullptr);
    EXPECT_TRUE(item_history_view(**catalog, *gov01).at("guideline_changes").empty());
}

TEST(Guidelines, AnItemCanReferenceBothVersions) {
    Json r7 = file_json("editions/r7.json");
    const std::size_t i = r7_medical_item_index(r7, "IAM-03");
    r7["forms"][0]["items"][i]["guideline_refs"].push_back("gl-7.0:C-14.1.1");
    auto files = with_replaced("editions/r7.json", r7);
    auto catalog = build(files.files);
    ASSERT_TRUE(catalog) << describe(catalog.error());
    const Json item = item_view(**catalog, (*catalog)->latest("r7")->forms.at(0).items.at(i).json);
    std::vector<std::string> guidelines;
    for (const auto& ref : item.at("guideline")) guidelines.push_back(ref.at("guideline"));
    EXPECT_NE(std::find(guidelines.begin(), guidelines.end(), "gl-6.0"), guidelines.end());
    EXPECT_EQ(guidelines.back(), "gl-7.0");
    EXPECT_EQ(item.at("guideline").back().at("id"), "C-14.1.1");
}

TEST(Guidelines, BrokenReferencesNameFilePathAndField) {
    Json r7 = file_json("editions/r7.json");
    const std::size_t i = r7_medical_item_index(r7, "IAM-03");
    const std::size_t n = r7["forms"][0]["items"][i]["guideline_refs"].size();
    const std::string at =
        "editions/r7.json: forms[0].items[" + std::to_string(i) + "].guideline_refs[" + std::to_string(n) + "]";
    {
        Json doc = r7;
        doc["forms"][0]["items"][i]["guideline_refs"].push_back("gl-7.0:C-99");
        auto files = with_replaced("editions/r7.json", doc);
        auto catalog = build(files.files);
        ASSERT_FALSE(catalog);
        expect_one_error(catalog.error(), at, {"unknown guideline entry \"C-99\"", "gl-7.0"});
    }
    {
        Json doc = r7;
        doc["forms"][0]["items"][i]["guideline_refs"].push_back("gl-9.9:C-14");
        auto files = with_replaced("editions/r7.json", doc);
        auto catalog = build(files.files);
        ASSERT_FALSE(catalog);
        expect_one_error(catalog.error(), at, {"unknown guideline \"gl-9.9\""});
    }
    {
        // S-9 exists only in 7.0: a bare reference means 6.0 and is refused.
        Json doc = r7;
        doc["forms"][0]["items"][i]["guideline_refs"].push_back("S-9");
        auto files = with_replaced("editions/r7.json", doc);
        auto catalog = build(files.files);
        ASSERT_FALSE(catalog);
        expect_one_error(catalog.error(), at, {"unknown guideline entry \"S-9\"", "gl-6.0"});
    }
}

TEST(Guidelines, BrokenChangesAndEntriesOfSevenAreReported) {
    const Json seven = file_json("guideline-7.0.json");
    {
        Json doc = seven;
        doc["changes"][0]["refs"].push_back("C-404");
        auto files = with_replaced("guideline-7.0.json", doc);
        auto catalog = build(files.files);
        ASSERT_FALSE(catalog);
        const std::string at = "guideline-7.0.json: changes[0].refs[" +
                               std::to_string(seven["changes"][0]["refs"].size()) + "]";
        expect_one_error(catalog.error(), at, {"unknown guideline entry \"C-404\"", "gl-7.0"});
    }
    {
        Json doc = seven;
        doc["changes"][0]["affects_canonical"] = Json::array({"IAM-99"});
        auto files = with_replaced("guideline-7.0.json", doc);
        auto catalog = build(files.files);
        ASSERT_FALSE(catalog);
        expect_one_error(catalog.error(), "guideline-7.0.json: changes[0].affects_canonical[0]",
                         {"unknown canonical item \"IAM-99\""});
    }
    {
        Json doc = seven;
        doc["entries"][0]["volume"] = "X";
        auto files = with_replaced("guideline-7.0.json", doc);
        auto catalog = build(files.files);
        ASSERT_FALSE(catalog);
        EXPECT_EQ(catalog.error().fields.at(0).field, "guideline-7.0.json: entries[0].volume")
            << describe(catalog.error());
    }
    {
        Json doc = seven;
        doc["id"] = "gl-6.0";
        auto files = with_replaced("guideline-7.0.json", doc);
        auto builder = CatalogBuilder::from_files(files.files);
        ASSERT_FALSE(builder);
        EXPECT_EQ(builder.error().fields.at(0).field, "guideline-7.0.json: id") << describe(builder.error());
    }
    {
        Json six = file_json("guideline-6.0.json");
        six["changes"].push_back(seven["changes"][0]);
        auto files = with_replaced("guideline-6.0.json", six);
        auto catalog = build(files.files);
        ASSERT_FALSE(catalog);
        expect_one_error(catalog.error(), "guideline-6.0.json: changes", {"first listed guideline"});
    }
}

}  // namespace
}  // namespace mamori::catalog
