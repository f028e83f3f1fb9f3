// Loading and validating: the broken fixtures of tests/fixtures/catalog/broken (one per kind of error, each
// rejected with exactly one message naming file, JSON path and what is wrong), the file limits, and
// revisions.
#include "mamori/catalog/loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mamori/catalog/comparison.hpp"

namespace mamori::catalog {
namespace {

// fixtures: tests/fixtures/catalog of the source tree (MAMORI_SOURCE_DIR, set by tests/CMakeLists.txt).
std::filesystem::path fixtures() {
    return std::filesystem::path(MAMORI_SOURCE_DIR) / "tests/fixtures/catalog";
}

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

CatalogBuilder embedded_builder() {
    auto builder = CatalogBuilder::from_files(embedded::catalog_files());
    if (!builder) throw std::runtime_error(builder.error().message);
    return *builder;
}

// import_text: the catalog after offering `text` (named `name`) as the next revision of its edition.
Result<std::shared_ptr<const Catalog>> import_text(CatalogBuilder builder, const std::string& name,
                                                   const std::string& text) {
    auto bundle = parse_bundle(name, text);
    if (!bundle) return fail(bundle.error());
    auto added = builder.add_revision(*bundle, {builder.latest_revision(bundle->edition_id()) + 1, "test"});
    if (!added) return fail(added.error());
    return builder.build();
}

std::string describe(const Error& e) {
    std::string s = e.message;
    for (const auto& f : e.fields) s += "\n  " + f.field + ": " + f.message;
    return s;
}

// expect_one_error: exactly one error, at "<file>: <path>", whose message holds every word of `words`.
void expect_one_error(const Error& error, const std::string& field, const std::vector<std::string>& words) {
    ASSERT_EQ(error.fields.size(), 1u) << describe(error);
    EXPECT_EQ(error.fields[0].field, field) << describe(error);
    for (const auto& w : words)
        EXPECT_NE(error.fields[0].message.find(w), std::string::npos) << w << "\n" << describe(error);
}

struct BrokenFile {
    const char* file;
    const char* path;  // JSON path, or "line L, column C"
    std::vector<std::string> words;
};

const BrokenFile kBroken[] = {
    {"duplicate-canonical-id.json",
     "forms[0].items[2].canonical_id",
     {"duplicate canonical id \"AST-01\"", "items[1]"}},
    {"duplicate-key.json", "forms[0].title_en", {"\"title_en\" appears twice"}},
    {"unknown-guideline-ref.json",
     "forms[0].items[1].guideline_refs[1]",
     {"unknown guideline entry \"C-99\""}},
    {"mapping-points-nowhere.json",
     "mappings[0].forms[0].entries[1].from[0].number",
     {"points nowhere", "AST-01", "r7", "\"2-①\"", "\"2-(1)\""}},
    {"missing-japanese.json", "forms[0].items[1].text_ja", {"must be Japanese text"}},
    {"bad-confidence.json", "forms[0].items[1].confidence", {"exactly \"V\", \"S\" or \"I\"", "\"[V]\""}},
    {"unknown-canonical-id.json", "forms[0].items[1].canonical_id", {"unknown canonical id \"AST-09\""}},
    {"wrong-format-version.json", "format_version", {"is 2", "format version 1"}},
    {"wrong-kind.json", "kind", {"\"edition\"", "\"edition_bundle\"", "\"priorities\""}},
    {"malformed.json", "line 6, column 18", {"malformed JSON", "expected '}'"}},
    {"out-of-order.json", "forms[0].items[1].number", {"\"1-①\" is out of printed order", "after \"2-①\""}},
    {"too-deep.json", "line 1, column 65", {"nesting deeper than 64"}},
};

TEST(CatalogLoader, EachBrokenFixtureIsRejectedWithItsMessage) {
    for (const auto& broken : kBroken) {
        SCOPED_TRACE(broken.file);
        const std::string name = std::string("broken/") + broken.file;
        auto result = import_text(embedded_builder(), name, read(fixtures() / name));
        ASSERT_FALSE(result) << broken.file << " was accepted";
        expect_one_error(result.error(), name + ": " + broken.path, broken.words);
    }
}

TEST(CatalogLoader, OversizedFilesAreRefusedBeforeParsing) {
    // Generated rather than stored: an 8 MiB fixture has no place in the repository.
    std::string text = read(fixtures() / "r8-bundle.json");
    text.append(kMaxFileBytes + 1 - text.size(), ' ');
    auto result = parse_bundle("huge.json", text);
    ASSERT_FALSE(result);
    ASSERT_EQ(result.error().fields.size(), 1u);
    EXPECT_EQ(result.error().fields[0].field, "huge.json");
    EXPECT_NE(result.error().fields[0].message.find("at most 8388608 bytes"), std::string::npos)
        << describe(result.error());
    text.resize(kMaxFileBytes);
    EXPECT_TRUE(parse_bundle("just-fits.json", text)) << "8 MiB exactly is allowed";
}

TEST(CatalogLoader, ByteOrderMarkIsRefused) {
    auto result = parse_bundle("bom.json", "\xEF\xBB\xBF{}");
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().fields.at(0).message.find("byte-order mark"), std::string::npos);
}

// The loader path the server uses at start: a broken embedded-like file set is refused.
TEST(CatalogLoader, PriorityCycleInTheFileSetIsRefused) {
    const std::string cyclic = read(fixtures() / "broken/priority-cycle/priorities.json");
    std::vector<embedded::File> files(embedded::catalog_files().begin(), embedded::catalog_files().end());
    for (auto& f : files)
        if (f.path == "priorities.json") f.data = cyclic;
    auto builder = CatalogBuilder::from_files(files);
    ASSERT_TRUE(builder) << describe(builder.error());
    auto result = builder->build();
    ASSERT_FALSE(result);
    expect_one_error(result.error(), "priorities.json: order[0].depends_on[0]",
                     {"dependency cycle: GOV-01 → AST-01 → GOV-01"});
}

TEST(CatalogLoader, FileSetMustMatchTheIndex) {
    const std::vector<embedded::File> all(embedded::catalog_files().begin(), embedded::catalog_files().end());
    {
        std::vector<embedded::File> files;
        for (const auto& f : all)
            if (f.path != "mappings/r5-r6.json") files.push_back(f);
        auto builder = CatalogBuilder::from_files(files);
        ASSERT_FALSE(builder);
        expect_one_error(builder.error(), "catalog.json: files[5].path",
                         {"\"mappings/r5-r6.json\"", "no such file"});
    }
    {
        auto files = all;
        files.push_back({"editions/r9.json", "{}"});
        auto builder = CatalogBuilder::from_files(files);
        ASSERT_FALSE(builder);
        expect_one_error(builder.error(), "editions/r9.json", {"not listed in catalog.json"});
    }
    {
        const std::string text =
            R"({"kind": "mapping", "format_version": 1, "scheme": "x", "domains": [], "items": []})";
        auto files = all;
        for (auto& f : files)
            if (f.path == "canonical.json") f.data = text;
        auto built = CatalogBuilder::from_files(files)->build();
        ASSERT_FALSE(built);
        EXPECT_EQ(built.error().fields.at(0).field, "canonical.json: kind") << describe(built.error());
        EXPECT_NE(built.error().fields.at(0).message.find("must be of kind \"canonical\""),
                  std::string::npos);
    }
}

// with_index: the embedded files with catalog.json replaced by `index` (kept alive by the caller).
std::vector<embedded::File> with_index(const std::string& index) {
    std::vector<embedded::File> files(embedded::catalog_files().begin(), embedded::catalog_files().end());
    for (auto& f : files)
        if (f.path == "catalog.json") f.data = index;
    return files;
}

TEST(CatalogLoader, NewerEditionsKnownAreOptionalAndChecked) {
    Json index;
    for (const auto& f : embedded::catalog_files())
        if (f.path == "catalog.json") index = Json::parse(f.data);
    ASSERT_TRUE(index.contains("newer_editions_known"));
    EXPECT_EQ(index["newer_editions_known"][0]["fiscal_year"], 2026);
    {
        Json without = index;
        without.erase("newer_editions_known");
        const std::string text = without.dump();
        auto builder = CatalogBuilder::from_files(with_index(text));
        ASSERT_TRUE(builder) << describe(builder.error());
        EXPECT_TRUE(builder->build()) << "an index without newer_editions_known is valid";
    }
    {
        Json bad = index;
        bad["newer_editions_known"][0]["source"] = "mhlw.go.jp";
        const std::string text = bad.dump();
        auto builder = CatalogBuilder::from_files(with_index(text));
        ASSERT_TRUE(builder) << describe(builder.error());
        auto built = builder->build();
        ASSERT_FALSE(built);
        expect_one_error(built.error(), "catalog.json: newer_editions_known[0].source", {"URL"});
    }
    {
        Json bad = index;
        bad["newer_editions_known"][0]["items"] = Json::array();
        const std::string text = bad.dump();
        auto builder = CatalogBuilder::from_files(with_index(text));
        ASSERT_TRUE(builder) << describe(builder.error());
        auto built = builder->build();
        ASSERT_FALSE(built);
        expect_one_error(built.error(), "catalog.json: newer_editions_known[0].items", {"unknown field"});
    }
}

TEST(CatalogLoader, ErrorsAreCollectedUpToTheCap) {
    auto doc = Json::parse(read(fixtures() / "r8-bundle.json"));
    auto& items = doc["edition"]["forms"][0]["items"];
    for (int copy = 0; copy < 40; ++copy)
        for (std::size_t i = 0; i < 4; ++i) {
            Json item = items[i];
            item["confidence"] = "X";
            items.push_back(item);
        }
    auto result = import_text(embedded_builder(), "many.json", doc.dump());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().fields.size(), kMaxErrors);
    EXPECT_NE(result.error().message.find("more than 100 errors"), std::string::npos)
        << result.error().message;
}

TEST(CatalogLoader, TargetYearsMustBePlausible) {
    auto doc = Json::parse(read(fixtures() / "r8-bundle.json"));
    auto& item = doc["edition"]["forms"][0]["items"][3];
    item["target_fiscal_year"] = 2031;  // FY2026 edition: at most FY2030
    item["rows"][0]["target_fiscal_year"] = 2031;
    auto result = import_text(embedded_builder(), "late.json", doc.dump());
    ASSERT_FALSE(result);
    ASSERT_EQ(result.error().fields.size(), 2u) << describe(result.error());
    EXPECT_EQ(result.error().fields[0].field,
              "late.json: edition.forms[0].items[3].rows[0].target_fiscal_year");
    EXPECT_EQ(result.error().fields[1].field, "late.json: edition.forms[0].items[3].target_fiscal_year");
    EXPECT_NE(result.error().fields[1].message.find("FY2026 … FY2030"), std::string::npos)
        << describe(result.error());
}

TEST(CatalogLoader, NewEditionBundleAddsEditionMappingAndCanonicalId) {
    auto catalog = import_text(embedded_builder(), "r8-bundle.json", read(fixtures() / "r8-bundle.json"));
    ASSERT_TRUE(catalog) << describe(catalog.error());
    const Catalog& c = **catalog;
    ASSERT_EQ(c.editions.size(), 4u);
    EXPECT_EQ(c.editions.back().id, "r8");
    EXPECT_EQ(c.latest("r8")->revision.revision, 1);
    EXPECT_EQ(c.latest("r8")->revision.sha256, edition_sha256(c.latest("r8")->json));
    ASSERT_NE(c.find_canonical("IAM-06"), nullptr);
    EXPECT_EQ(c.canonical_json.at("items").back().at("canonical_id"), "IAM-06");
    ASSERT_NE(c.find_mapping("r7", "r8"), nullptr);
    for (const auto& item : c.latest("r8")->forms.at(0).items)
        EXPECT_EQ(item.confidence, Confidence::inferred);

    auto r7_r8 = compare(c, "r7", "r8", "medical");
    ASSERT_TRUE(r7_r8) << r7_r8.error().message;
    EXPECT_EQ(r7_r8->added, 1);
    EXPECT_EQ(r7_r8->removed, 15);
    auto r5_r8 = compare(c, "r5", "r8", "medical");
    ASSERT_TRUE(r5_r8) << r5_r8.error().message;
    EXPECT_EQ(r5_r8->mappings.size(), 3u);
    EXPECT_EQ(r5_r8->added, 1);
    EXPECT_EQ(r5_r8->removed, 10);  // the 13 R5 items minus GOV-01, AST-01 and VUL-01
}

TEST(CatalogLoader, GuidelineEntriesCanArriveWithAnEdition) {
    auto doc = Json::parse(read(fixtures() / "r8-bundle.json"));
    doc["edition"]["forms"][0]["items"][3]["guideline_refs"].push_back("C-14-9");
    auto without = import_text(embedded_builder(), "r8.json", doc.dump());
    ASSERT_FALSE(without);
    expect_one_error(without.error(), "r8.json: edition.forms[0].items[3].guideline_refs[1]",
                     {"unknown guideline entry \"C-14-9\""});

    doc["guideline_entries"].push_back({{"id", "C-14-9"},
                                        {"volume", "C"},
                                        {"volume_ja", "システム運用編"},
                                        {"kind", "point"},
                                        {"number", "14⑨"},
                                        {"parent", "C-14"},
                                        {"title_ja", nullptr},
                                        {"title_en", nullptr},
                                        {"title_known", false},
                                        {"source", "https://example.org/fictional"},
                                        {"confidence", "I"},
                                        {"note", "FICTIONAL test entry"}});
    auto with = import_text(embedded_builder(), "r8.json", doc.dump());
    ASSERT_TRUE(with) << describe(with.error());
    EXPECT_NE((*with)->guideline.find("C-14-9"), nullptr);
    EXPECT_EQ((*with)->guideline.json.at("entries").back().at("id"), "C-14-9");
}

TEST(CatalogLoader, CanonicalIdsAreNeverRedefined) {
    auto doc = Json::parse(read(fixtures() / "r8-bundle.json"));
    Json gov = {{"canonical_id", "GOV-01"}, {"domain", "GOV"}, {"short_ja", "別の意味"},
                {"short_en", "Redefined"},  {"kind", "item"},  {"appears_in", Json::object()}};
    doc["canonical_items"].push_back(gov);
    auto result = import_text(embedded_builder(), "r8.json", doc.dump());
    ASSERT_FALSE(result);
    expect_one_error(result.error(), "r8.json: canonical_items[1].canonical_id",
                     {"duplicate canonical id \"GOV-01\"", "canonical.json: items[1]", "never redefined"});
}

TEST(CatalogLoader, RevisionsOfAnEditionStayReadable) {
    CatalogBuilder builder = embedded_builder();
    auto r7 = Json::parse(
        std::string(std::find_if(embedded::catalog_files().begin(), embedded::catalog_files().end(),
                                 [](const embedded::File& f) { return f.path == "editions/r7.json"; })
                        ->data));
    auto same = parse_bundle("r7.json", r7.dump(2));
    ASSERT_TRUE(same);
    EXPECT_TRUE(adds_nothing(**builder.build(), *same));
    auto sorted = parse_bundle("r7-sorted.json", nlohmann::json::parse(r7.dump()).dump());
    ASSERT_TRUE(sorted);
    EXPECT_TRUE(adds_nothing(**builder.build(), *sorted)) << "key order alone is not a change";

    r7["forms"][0]["items"][0]["text_en"] = "A corrected translation.";
    auto corrected = parse_bundle("r7-corrected.json", r7.dump());
    ASSERT_TRUE(corrected);
    EXPECT_FALSE(adds_nothing(**builder.build(), *corrected));
    EXPECT_FALSE(builder.add_revision(*corrected, {3, "test"})) << "revision 3 cannot follow revision 1";
    ASSERT_TRUE(builder.add_revision(*corrected, {2, "test", "2026-04-01T00:00:00.000Z"}));
    auto c = builder.build();
    ASSERT_TRUE(c) << describe(c.error());
    const EditionRevisions* revisions = (*c)->revisions("r7");
    ASSERT_EQ(revisions->revisions.size(), 2u);
    EXPECT_EQ(revisions->latest().revision.revision, 2);
    EXPECT_EQ(revisions->latest().forms[0].items[0].json.at("text_en"), "A corrected translation.");
    EXPECT_NE(revisions->find(1)->forms[0].items[0].json.at("text_en"), "A corrected translation.");
    EXPECT_NE(revisions->find(1)->revision.sha256, revisions->find(2)->revision.sha256);
}

TEST(CatalogLoader, StoredRevisionsAreCheckedAgainstTheirHash) {
    CatalogBuilder builder = embedded_builder();
    auto bundle = parse_bundle("database: r8 revision 1", read(fixtures() / "r8-bundle.json"));
    ASSERT_TRUE(bundle);
    auto damaged =
        builder.add_revision(*bundle, {1, "cli", "2026-04-01T00:00:00.000Z", std::string(64, '0')});
    ASSERT_FALSE(damaged);
    EXPECT_NE(damaged.error().message.find("damaged"), std::string::npos);
}

TEST(CatalogLoader, BundleMappingsMustInvolveTheEdition) {
    auto doc = Json::parse(read(fixtures() / "r8-bundle.json"));
    doc["mappings"][0]["id"] = "r5-r6";
    doc["mappings"][0]["from_edition"] = "r5";
    doc["mappings"][0]["to_edition"] = "r6";
    CatalogBuilder builder = embedded_builder();
    auto added = builder.add_revision(*parse_bundle("r8.json", doc.dump()), {1, "test"});
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().fields.at(0).field, "r8.json: mappings[0]");
}

}  // namespace
}  // namespace mamori::catalog
