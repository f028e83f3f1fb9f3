// API and CLI tests of the checklist catalog: the real `mamori serve` answers every catalog endpoint
// (public, no login), and `mamori catalog validate` / `import` load a new edition and its revisions, which
// a running server then serves. The r8 used here is a small FICTIONAL fixture (tests/fixtures/catalog).
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "mamori/catalog/loader.hpp"
#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::filesystem::path& fixtures() {
    // MAMORI_SOURCE_DIR (tests/CMakeLists.txt) is the source tree.
    static const auto dir = std::filesystem::path(MAMORI_SOURCE_DIR) / "tests" / "fixtures/catalog";
    return dir;
}

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

class CatalogApi : public ::testing::Test {
  protected:
    void SetUp() override { server_ = std::make_unique<ServerProcess>(dir_.path() / "mamori.db"); }

    HttpResult get(const std::string& target,
                   const std::vector<std::pair<std::string, std::string>>& headers = {}) {
        return request(server_->host(), server_->port(), "GET", target, "", headers);
    }

    json get_json(const std::string& target) {
        const auto r = get(target);
        EXPECT_EQ(r.status, 200) << target << "\n" << r.body;
        EXPECT_EQ(r.header("Content-Type").value_or(""), "application/json; charset=utf-8") << target;
        return r.json();
    }

    // expect_problem: an RFC 9457 answer with `status` whose detail mentions every word.
    void expect_problem(const std::string& target, int status, const std::vector<std::string>& words) {
        const auto r = get(target);
        EXPECT_EQ(r.status, status) << target << "\n" << r.body;
        EXPECT_EQ(r.header("Content-Type").value_or(""), "application/problem+json; charset=utf-8") << target;
        const json body = r.json();
        for (const auto& w : words)
            EXPECT_TRUE(contains(body.value("detail", ""), w)) << target << ": " << w << "\n" << r.body;
    }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
};

TEST_F(CatalogApi, EditionsAreListedByFiscalYearWithTheirForms) {
    const json body = get_json("/api/v1/catalog/editions");
    const auto& editions = body.at("editions");
    ASSERT_EQ(editions.size(), 3u);
    const std::vector<std::vector<int>> counts = {{13, 13, 12}, {13, 13, 12}, {18, 18, 16}};
    const char* ids[] = {"r5", "r6", "r7"};
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& e = editions[i];
        EXPECT_EQ(e.at("id"), ids[i]);
        EXPECT_EQ(e.at("fiscal_year"), 2023 + static_cast<int>(i));
        EXPECT_EQ(e.at("revision"), 1);
        for (const char* key : {"fiscal_year_ja", "published", "published_precision", "title_ja", "title_en"})
            EXPECT_TRUE(e.contains(key)) << key;
        ASSERT_EQ(e.at("forms").size(), 3u);
        for (std::size_t f = 0; f < 3; ++f) {
            EXPECT_EQ(e["forms"][f].at("item_count"), counts[i][f]);
            EXPECT_FALSE(e["forms"][f].at("title_ja").get<std::string>().empty());
        }
    }
    EXPECT_EQ(editions[0]["forms"][0]["id"], "medical");
    EXPECT_EQ(editions[2]["published"], "2025-05-16");
}

TEST_F(CatalogApi, AnswersCarryAnEntityTagAndRevalidate) {
    const auto first = get("/api/v1/catalog/editions/r7/forms/medical");
    ASSERT_EQ(first.status, 200);
    const auto etag = first.header("ETag");
    ASSERT_TRUE(etag.has_value());
    EXPECT_EQ(first.header("Cache-Control").value_or(""), "no-cache");
    const auto again = get("/api/v1/catalog/editions/r7/forms/medical", {{"If-None-Match", *etag}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(get("/api/v1/catalog/editions/r6/forms/medical", {{"If-None-Match", *etag}}).status, 200);
}

TEST_F(CatalogApi, EditionShowsFormsWithoutItemsAndItsRevisions) {
    const json e = get_json("/api/v1/catalog/editions/r7");
    EXPECT_EQ(e.at("id"), "r7");
    EXPECT_EQ(e.at("kind"), "edition");
    EXPECT_EQ(e.at("numbering_style"), "circled");
    EXPECT_EQ(e.at("revision"), 1);
    ASSERT_EQ(e.at("revisions").size(), 1u);
    EXPECT_EQ(e["revisions"][0].at("source"), "embedded");
    EXPECT_TRUE(e["revisions"][0].at("imported_at").is_null());
    EXPECT_EQ(e["revisions"][0].at("sha256").get<std::string>().size(), 64u);
    ASSERT_EQ(e.at("forms").size(), 3u);
    for (const auto& f : e["forms"]) {
        EXPECT_FALSE(f.contains("items"));
        EXPECT_TRUE(f.contains("item_count"));
        EXPECT_TRUE(f.contains("answer_columns"));
    }
    EXPECT_EQ(e["forms"][2].at("item_count"), 16);
    EXPECT_EQ(get_json("/api/v1/catalog/editions/r7?revision=1"), e);
}

TEST_F(CatalogApi, FormItemsComeInPrintedOrderWithResolvedGuidelineReferences) {
    const json body = get_json("/api/v1/catalog/editions/r7/forms/medical");
    EXPECT_EQ(body.at("edition"),
              (json{{"id", "r7"},
                    {"revision", 1},
                    {"fiscal_year", 2025},
                    {"title_ja", "医療機関等におけるサイバーセキュリティ対策チェックリスト(令和7年度版)"},
                    {"title_en",
                     "Cybersecurity Checklist for Medical Institutions etc., FY2025 (Reiwa 7) edition"}}));
    const auto& items = body.at("form").at("items");
    const std::vector<std::string> order = {"GOV-01", "AST-01", "VND-01", "VND-02", "IAM-01", "IAM-02",
                                            "VUL-01", "IAM-03", "IAM-04", "DEV-01", "IAM-05", "LOG-01",
                                            "HRD-01", "NET-01", "IR-01",  "IR-02",  "IR-03",  "GOV-02"};
    ASSERT_EQ(items.size(), order.size());
    for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(items[i].at("canonical_id"), order[i]);
    const auto& patch = items[6];
    EXPECT_EQ(patch.at("number"), "2-⑥");
    ASSERT_EQ(patch.at("guideline").size(), 2u);
    EXPECT_EQ(patch["guideline"][0].at("id"), "C-8-3");
    for (const char* key : {"volume", "number", "title_ja", "title_en", "confidence"})
        EXPECT_TRUE(patch["guideline"][0].contains(key)) << key;
    EXPECT_EQ(items[9].at("guideline_refs_none_given"), true);  // DEV-01
    EXPECT_TRUE(items[9].at("guideline").empty());
    EXPECT_TRUE(body["form"].at("gate").is_null());
    const json r6 = get_json("/api/v1/catalog/editions/r6/forms/medical");
    EXPECT_EQ(r6["form"]["gate"].at("canonical_id"), "PRE-00");
    EXPECT_EQ(r6["form"]["gate"].at("guideline")[0].at("id"), "O-2.3");
}

// Every inferred ([I]) item must be shown as unconfirmed, in every edition and form.
TEST_F(CatalogApi, EveryInferredItemIsUnconfirmed) {
    std::size_t inferred = 0, confirmed = 0;
    for (const char* edition : {"r5", "r6", "r7"})
        for (const char* form : {"medical", "pharmacy", "vendor"}) {
            const json body = get_json(std::string("/api/v1/catalog/editions/") + edition + "/forms/" + form);
            for (const auto& item : body.at("form").at("items")) {
                const bool is_inferred = item.at("confidence") == "I";
                EXPECT_EQ(item.at("unconfirmed"), is_inferred)
                    << edition << " " << form << " " << item["number"];
                (is_inferred ? inferred : confirmed)++;
            }
        }
    EXPECT_EQ(inferred, 1u + 12 + 11 + 1 + 8 + 12 + 8 + 17 + 16);  // the I column of the format's §10 table
    EXPECT_EQ(confirmed, 128u - inferred);
}

TEST_F(CatalogApi, ItemHistorySpansTheEditions) {
    const json patch = get_json("/api/v1/catalog/items/VUL-01");
    EXPECT_EQ(patch.at("canonical_id"), "VUL-01");
    EXPECT_EQ(patch.at("canonical").at("domain"), "VUL");
    const auto& history = patch.at("history");
    ASSERT_EQ(history.size(), 9u);
    const std::vector<std::pair<std::string, std::string>> order = {
        {"r5", "medical"}, {"r5", "pharmacy"}, {"r5", "vendor"},   {"r6", "medical"}, {"r6", "pharmacy"},
        {"r6", "vendor"},  {"r7", "medical"},  {"r7", "pharmacy"}, {"r7", "vendor"}};
    for (std::size_t i = 0; i < order.size(); ++i) {
        EXPECT_EQ(history[i].at("edition"), order[i].first);
        EXPECT_EQ(history[i].at("form"), order[i].second);
        EXPECT_TRUE(history[i].at("item").contains("unconfirmed"));
    }
    EXPECT_EQ(history[0].at("fiscal_year"), 2023);
    EXPECT_EQ(history[0].at("item").at("number"), "2-(7)");
    EXPECT_EQ(history[6].at("item").at("number"), "2-⑥");

    EXPECT_EQ(get_json("/api/v1/catalog/items/IAM-05").at("history").size(), 3u);  // new in R7
    EXPECT_EQ(get_json("/api/v1/catalog/items/GOV-02").at("history").size(), 2u);  // not on the vendor form
    const json gate = get_json("/api/v1/catalog/items/PRE-00");
    ASSERT_EQ(gate.at("history").size(), 2u);  // the R6 medical and pharmacy gates
    EXPECT_EQ(gate["history"][0].at("item").at("question_ja"), "医療情報システムを導入、運用している。");
}

TEST_F(CatalogApi, GuidelineAndPrioritiesAreTheFiles) {
    const json guideline = get_json("/api/v1/catalog/guideline");
    EXPECT_EQ(guideline.at("kind"), "guideline");
    EXPECT_EQ(guideline.at("id"), "gl-6.0");
    EXPECT_EQ(guideline.at("volumes").size(), 4u);
    EXPECT_EQ(guideline.at("entries").size(), 89u);
    const json priorities = get_json("/api/v1/catalog/priorities");
    EXPECT_EQ(priorities.at("kind"), "priorities");
    ASSERT_EQ(priorities.at("order").size(), 18u);
    EXPECT_EQ(priorities["order"][0].at("canonical_id"), "GOV-01");
    EXPECT_EQ(priorities["order"][17].at("canonical_id"), "GOV-02");
}

TEST_F(CatalogApi, GuidelinesListsSixThenSevenAndItemsCarryItsChanges) {
    const json all = get_json("/api/v1/catalog/guidelines").at("guidelines");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].at("id"), "gl-6.0");
    EXPECT_EQ(all[1].at("id"), "gl-7.0");
    EXPECT_EQ(all[1].at("volumes").size(), 5u);
    EXPECT_EQ(all[1].at("volumes")[4].at("title_ja"), "保守委託機関編");
    EXPECT_EQ(all[1].at("confidence"), "S");
    EXPECT_TRUE(all[0].at("changes").empty());

    // R7 2-⑦ (IAM-03): 7.0 dropped periodic password change; GOV-01 was not changed by 7.0.
    const json iam03 = get_json("/api/v1/catalog/items/IAM-03").at("guideline_changes");
    bool periodic = false;
    for (const auto& change : iam03) {
        EXPECT_EQ(change.at("guideline"), "gl-7.0");
        periodic = periodic || change.at("id") == "password-periodic-change";
    }
    EXPECT_TRUE(periodic) << iam03.dump();
    EXPECT_TRUE(get_json("/api/v1/catalog/items/GOV-01").at("guideline_changes").empty());
}

TEST_F(CatalogApi, CompareShowsAddedChangedUnchangedAndRemoved) {
    const json c = get_json("/api/v1/catalog/compare?from=r6&to=r7&form=medical");
    EXPECT_EQ(c.at("from").at("id"), "r6");
    EXPECT_EQ(c.at("to").at("id"), "r7");
    EXPECT_EQ(c.at("form"), "medical");
    EXPECT_EQ(c.at("summary"), (json{{"added", 5}, {"changed", 2}, {"unchanged", 11}, {"removed", 0}}));
    const auto& entries = c.at("entries");
    ASSERT_EQ(entries.size(), 18u);
    std::vector<std::string> added;
    for (const auto& e : entries) {
        if (e.at("status") == "added") {
            added.push_back(e.at("to_item").at("canonical_id"));
            EXPECT_EQ(e.at("kind"), "new");
            EXPECT_TRUE(e.at("from_items").empty());
        }
    }
    EXPECT_EQ(added, (std::vector<std::string>{"IAM-03", "IAM-04", "DEV-01", "IAM-05", "GOV-02"}));
    const auto& patch = entries[6];
    EXPECT_EQ(patch.at("to_item").at("canonical_id"), "VUL-01");
    EXPECT_EQ(patch.at("status"), "changed");
    EXPECT_EQ(patch.at("kind"), "merged");
    EXPECT_EQ(patch.at("from_items").at(0).at("number"), "2-(7)");
    EXPECT_EQ(patch.at("confidence"), "V");
    EXPECT_EQ(entries[0].at("status"), "unchanged");
    EXPECT_EQ(entries[0].at("changes"), (json{"number", "target"}));

    const json composed = get_json("/api/v1/catalog/compare?from=r5&to=r7&form=pharmacy");
    EXPECT_EQ(composed.at("mappings"), (json{"r5-r6", "r6-r7"}));
    EXPECT_EQ(composed.at("summary").at("added"), 5);
}

TEST_F(CatalogApi, UnknownThingsAreNotFound) {
    expect_problem("/api/v1/catalog/editions/r9", 404, {"r9"});
    expect_problem("/api/v1/catalog/editions/r9/forms/medical", 404, {"r9"});
    expect_problem("/api/v1/catalog/editions/r7/forms/dental", 404, {"dental", "r7"});
    expect_problem("/api/v1/catalog/editions/r7?revision=5", 404, {"no revision 5"});
    expect_problem("/api/v1/catalog/editions/r7/forms/medical?revision=2", 404, {"no revision 2"});
    expect_problem("/api/v1/catalog/items/XYZ-99", 404, {"XYZ-99"});
    expect_problem("/api/v1/catalog/compare?from=r4&to=r7&form=medical", 404, {"r4"});
    expect_problem("/api/v1/catalog/compare?from=r6&to=r7&form=dental", 404, {"dental"});
}

TEST_F(CatalogApi, BadQueryParametersAreRefused) {
    expect_problem("/api/v1/catalog/editions/r7?revision=abc", 400, {"revision", "abc"});
    expect_problem("/api/v1/catalog/editions/r7?revision=0", 400, {"revision"});
    expect_problem("/api/v1/catalog/editions/r7?revision=-1", 400, {"revision"});
    expect_problem("/api/v1/catalog/editions/r7?rev=1", 400, {"rev", "revision"});
    expect_problem("/api/v1/catalog/editions/r7?revision=1&revision=1", 400, {"twice"});
    expect_problem("/api/v1/catalog/editions?page=2", 400, {"page"});
    expect_problem("/api/v1/catalog/compare?from=r6&to=r7", 400, {"form", "required"});
    expect_problem("/api/v1/catalog/compare?from=r7&to=r5&form=medical", 400,
                   {"no mapping leads from r7 form medical to r5 form medical"});
    expect_problem("/api/v1/catalog/compare?from=r7&to=r7&form=medical", 400, {"same edition"});
    expect_problem("/api/v1/catalog/editions/r7?revision=%zz", 400, {"escape"});
}

// ---------------------------------------------------------------------------------------------------------
// mamori catalog validate / import, then serve

TEST(CatalogCli, ValidateReportsAGoodBundleAndNamesTheErrorsOfABrokenOne) {
    TempDir dir;
    const auto db = database_url(dir.path() / "none.db");
    const auto good =
        mamori({"catalog", "validate", (fixtures() / "r8-bundle.json").string(), "--database", db});
    EXPECT_EQ(good.code, 0) << good.output;
    EXPECT_TRUE(contains(good.output, "is valid: edition r8")) << good.output;
    EXPECT_TRUE(contains(good.output, "import would create revision 1 (a new edition)")) << good.output;
    EXPECT_TRUE(contains(good.output, "mapping r7-r8 medical: unchanged 3, new 1, removed 15"))
        << good.output;
    if (!testing_postgres()) {
        EXPECT_FALSE(std::filesystem::exists(dir.path() / "none.db"))
            << "validate must not create a database";
    }

    const auto broken_file = fixtures() / "broken/unknown-guideline-ref.json";
    const auto broken = mamori({"catalog", "validate", broken_file.string(), "--database", db});
    EXPECT_EQ(broken.code, 1) << broken.output;
    EXPECT_TRUE(contains(broken.output, broken_file.string() +
                                            ": forms[0].items[1].guideline_refs[1]: unknown "
                                            "guideline entry \"C-99\""))
        << broken.output;

    const auto missing = mamori({"catalog", "validate", (dir.path() / "nothing.json").string()});
    EXPECT_EQ(missing.code, 1) << missing.output;
    EXPECT_TRUE(contains(missing.output, "cannot read")) << missing.output;
}

TEST(CatalogCli, ImportedEditionIsServedAndRevisionsStayReadable) {
    TempDir dir;
    const auto db_path = dir.path() / "mamori.db";
    const auto db = database_url(db_path);
    const auto bundle = (fixtures() / "r8-bundle.json").string();

    const auto first = mamori({"catalog", "import", bundle, "--database", db});
    ASSERT_EQ(first.code, 0) << first.output;
    EXPECT_TRUE(contains(first.output, "imported r8 revision 1")) << first.output;
    EXPECT_TRUE(contains(first.output, "within 10 seconds")) << first.output;

    const auto same = mamori({"catalog", "import", bundle, "--database", db});
    EXPECT_EQ(same.code, 0) << same.output;
    EXPECT_TRUE(contains(same.output, "same content as r8 revision 1: nothing imported")) << same.output;

    {
        ServerProcess server(db_path);
        const auto editions = request(server.host(), server.port(), "GET", "/api/v1/catalog/editions").json();
        ASSERT_EQ(editions.at("editions").size(), 4u);
        EXPECT_EQ(editions["editions"][3].at("id"), "r8");
        EXPECT_EQ(editions["editions"][3].at("revision"), 1);
        const auto form =
            request(server.host(), server.port(), "GET", "/api/v1/catalog/editions/r8/forms/medical").json();
        ASSERT_EQ(form.at("form").at("items").size(), 4u);
        for (const auto& item : form["form"]["items"]) EXPECT_EQ(item.at("unconfirmed"), true);
        const auto compared =
            request(server.host(), server.port(), "GET", "/api/v1/catalog/compare?from=r7&to=r8&form=medical")
                .json();
        EXPECT_EQ(compared.at("summary"),
                  (json{{"added", 1}, {"changed", 0}, {"unchanged", 3}, {"removed", 15}}));
        EXPECT_EQ(compared.at("entries").back().at("status"), "removed");
        const auto item = request(server.host(), server.port(), "GET", "/api/v1/catalog/items/IAM-06").json();
        // The fixture gives every institution kind a form: IAM-06 is in r8's medical and pharmacy forms.
        ASSERT_EQ(item.at("history").size(), 2u);
        EXPECT_EQ(item["history"][0].at("form"), "medical");
        EXPECT_EQ(item["history"][1].at("form"), "pharmacy");
    }

    // A revision imported while a server runs (from the CLI, or through another app server) is served
    // without a restart once the server's catalog watch sees it (every 10 s).
    ServerProcess server(db_path);
    auto changed = catalog::Json::parse(read(bundle));
    changed["edition"]["forms"][0]["items"][0]["text_en"] = "Corrected wording (revision 2).";
    const auto changed_path = dir.path() / "r8-corrected.json";
    write(changed_path, changed.dump(2));
    const auto second = mamori({"catalog", "import", changed_path.string(), "--database", db});
    ASSERT_EQ(second.code, 0) << second.output;
    EXPECT_TRUE(contains(second.output, "imported r8 revision 2")) << second.output;

    json edition;
    for (int waited_ms = 0; waited_ms <= 15000; waited_ms += 250) {
        edition = request(server.host(), server.port(), "GET", "/api/v1/catalog/editions/r8").json();
        if (edition.at("revision") == 2) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    EXPECT_EQ(edition.at("revision"), 2) << "not served within 15 s";
    EXPECT_TRUE(server.wait_for_log("catalog revisions stored by another process are now served", 1000));
    ASSERT_EQ(edition.at("revisions").size(), 2u);
    EXPECT_TRUE(contains(edition["revisions"][1].at("source").get<std::string>(), "r8-corrected.json"));
    const auto current =
        request(server.host(), server.port(), "GET", "/api/v1/catalog/editions/r8/forms/medical").json();
    EXPECT_EQ(current["form"]["items"][0].at("text_en"), "Corrected wording (revision 2).");
    const auto old =
        request(server.host(), server.port(), "GET", "/api/v1/catalog/editions/r8/forms/medical?revision=1");
    ASSERT_EQ(old.status, 200) << old.body;
    EXPECT_EQ(old.json().at("edition").at("revision"), 1);
    EXPECT_NE(old.json()["form"]["items"][0].at("text_en"), "Corrected wording (revision 2).");
}

TEST(CatalogCli, ServerRefusesToStartOnAnInvalidStoredCatalog) {
    TempDir dir;
    const auto db_path = dir.path() / "mamori.db";
    ASSERT_EQ(mamori({"migrate", "--database", database_url(db_path)}).code, 0);
    // Written past the validator, as a damaged or hand-edited database would be.
    const auto edition = catalog::Json::parse(read(fixtures() / "broken/unknown-guideline-ref.json"));
    const std::string content =
        catalog::Json{{"kind", "edition_bundle"}, {"format_version", 1}, {"edition", edition}}.dump();
    const std::string sha = catalog::edition_sha256(edition);
    {
        DatabaseSession direct(db_path);
        soci::session& sql = *direct;
        sql << "INSERT INTO catalog_revisions (edition_id, revision, content, sha256, imported_at, source) "
               "VALUES ('r8', 1, :c, :s, '2026-04-01T00:00:00.000Z', 'by hand')",
            soci::use(content), soci::use(sha);
    }
    const auto serve = mamori({"serve", "--listen", "127.0.0.1:0", "--database", database_url(db_path)});
    EXPECT_EQ(serve.code, 1) << serve.output;
    EXPECT_TRUE(contains(serve.output, "the checklist catalog is invalid; not starting")) << serve.output;
    EXPECT_TRUE(contains(serve.output,
                         "database: r8 revision 1: edition.forms[0].items[1].guideline_refs[1]: unknown "
                         "guideline entry \"C-99\""))
        << serve.output;
    EXPECT_FALSE(contains(serve.output, "running at")) << serve.output;
}

}  // namespace
}  // namespace mamori::testing
