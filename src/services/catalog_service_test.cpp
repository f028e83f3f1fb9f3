#include "mamori/services/catalog_service.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "mamori/store/catalog_repository.hpp"
#include "mamori/store/migrations.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

using catalog::Json;

// fixture: a file of tests/fixtures/catalog of the source tree (MAMORI_SOURCE_DIR, set by tests/CMakeLists.txt).
std::string fixture(const std::string& name) {
    const auto root = std::filesystem::path(MAMORI_SOURCE_DIR);
    std::ifstream in(root / "tests/fixtures/catalog" / name, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read fixture " + name);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

using testing::TempDatabase;

Json body(Result<const CatalogView*> view) {
    if (!view) throw std::runtime_error(view.error().message);
    return Json::parse((*view)->body);
}

TEST(CatalogService, ServesTheEmbeddedCatalog) {
    auto service = CatalogService::load(embedded::catalog_files(), nullptr);
    ASSERT_TRUE(service) << service.error().message;
    auto snapshot = (*service)->snapshot();
    const Json editions = Json::parse(snapshot->editions().body);
    ASSERT_EQ(editions.at("editions").size(), 3u);
    EXPECT_EQ(editions["editions"][2]["id"], "r7");
    EXPECT_EQ(editions["editions"][2]["forms"][0]["item_count"], 18);
    // 令和8年度版 is known to exist but is not loaded: every loaded edition names it as newer.
    for (const auto& edition : editions["editions"]) {
        ASSERT_EQ(edition.at("newer_known").size(), 1u) << edition["id"];
        EXPECT_EQ(edition["newer_known"][0]["fiscal_year"], 2026);
        EXPECT_EQ(edition["newer_known"][0]["published_label"], "2026-06");
    }
    EXPECT_EQ(snapshot->editions().etag.size(), 34u);

    const Json form = body(snapshot->form("r7", "medical", std::nullopt));
    std::size_t unconfirmed = 0;
    for (const auto& item : form["form"]["items"]) {
        EXPECT_EQ(item["unconfirmed"], item["confidence"] == "I") << item["number"];
        unconfirmed += item["unconfirmed"].get<bool>();
        EXPECT_EQ(item["guideline"].size(), item["guideline_refs"].size());
    }
    EXPECT_EQ(unconfirmed, 8u);

    EXPECT_EQ(snapshot->edition("r9", std::nullopt).error().code, ErrorCode::not_found);
    EXPECT_NE(snapshot->edition("r7", 2).error().message.find("no revision 2"), std::string::npos);
    EXPECT_NE(snapshot->form("r7", "dental", std::nullopt).error().message.find("dental"), std::string::npos);
    EXPECT_NE(snapshot->item("XYZ-01").error().message.find("XYZ-01"), std::string::npos);
    const Json compared = body(snapshot->compare("r6", "r7", "medical"));
    EXPECT_EQ(compared["summary"]["added"], 5);
    EXPECT_EQ((*snapshot->compare("r6", "r7", "medical"))->etag,
              (*snapshot->compare("r6", "r7", "medical"))->etag);
}

// The path `mamori serve` takes at start: a broken catalog is refused with every error named.
TEST(CatalogService, RefusesToLoadABrokenCatalog) {
    const std::string cyclic = fixture("broken/priority-cycle/priorities.json");
    std::vector<embedded::File> files(embedded::catalog_files().begin(), embedded::catalog_files().end());
    for (auto& f : files)
        if (f.path == "priorities.json") f.data = cyclic;
    auto service = CatalogService::load(files, nullptr);
    ASSERT_FALSE(service);
    ASSERT_EQ(service.error().fields.size(), 1u);
    EXPECT_EQ(service.error().fields[0].field, "priorities.json: order[0].depends_on[0]");
}

TEST(CatalogService, ImportStoresRevisionsThatStayReadable) {
    TempDatabase temp;
    auto service = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db()));
    const std::string r8 = fixture("r8-bundle.json");

    auto checked = service->validate_file("r8-bundle.json", r8);
    ASSERT_TRUE(checked) << checked.error().message;
    EXPECT_EQ(checked->next_revision, 1);
    EXPECT_EQ(checked->current_revision, 0);
    EXPECT_EQ(checked->new_canonical_ids, std::vector<std::string>{"IAM-06"});
    EXPECT_EQ(service->snapshot()->catalog().latest("r8"), nullptr) << "validate stores nothing";

    auto first = service->import_file(temp.db(), "r8-bundle.json", r8, "test: r8-bundle.json",
                                      {.actor = "cli"}, {"local", "test"});
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_TRUE(first->imported);
    EXPECT_EQ(first->revision, 1);
    EXPECT_EQ(service->snapshot()->catalog().latest("r8")->revision.revision, 1);

    auto again = service->import_file(temp.db(), "r8-bundle.json", r8, "test: again", {.actor = "cli"},
                                      {"local", "test"});
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->imported);
    EXPECT_EQ(again->revision, 1);

    auto doc = Json::parse(r8);
    doc["edition"]["forms"][0]["items"][0]["text_en"] = "Corrected in revision 2.";
    auto second = service->import_file(temp.db(), "r8-fixed.json", doc.dump(), "test: r8-fixed.json",
                                       {.actor = "cli"}, {"local", "test"});
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_TRUE(second->imported);
    EXPECT_EQ(second->revision, 2);

    // Each stored revision has its audit row in the same transaction; the unchanged import has none.
    auto audit_lease = temp.db().acquire();
    soci::rowset<std::string> audited =
        (audit_lease->prepare << "SELECT target FROM audit_log WHERE action = 'catalog.imported' "
                                 "AND actor = 'cli' ORDER BY seq");
    const std::vector<std::string> targets(audited.begin(), audited.end());
    EXPECT_EQ(targets, (std::vector<std::string>{"catalog:r8:1", "catalog:r8:2"}));

    // A fresh load (a restarted server) sees both revisions, in order, from the database.
    auto reloaded = CatalogService::load(embedded::catalog_files(), &temp.db());
    ASSERT_TRUE(reloaded) << reloaded.error().message;
    auto snapshot = (*reloaded)->snapshot();
    const Json edition = body(snapshot->edition("r8", std::nullopt));
    EXPECT_EQ(edition["revision"], 2);
    ASSERT_EQ(edition["revisions"].size(), 2u);
    EXPECT_EQ(edition["revisions"][0]["source"], "test: r8-bundle.json");
    EXPECT_EQ(edition["revisions"][1]["source"], "test: r8-fixed.json");
    EXPECT_FALSE(edition["revisions"][1]["imported_at"].is_null());
    EXPECT_EQ(edition["forms"][0]["item_count"], 4);
    EXPECT_FALSE(edition["forms"][0].contains("items"));
    EXPECT_EQ(body(snapshot->form("r8", "medical", std::nullopt))["form"]["items"][0]["text_en"],
              "Corrected in revision 2.");
    EXPECT_NE(body(snapshot->form("r8", "medical", 1))["form"]["items"][0]["text_en"],
              "Corrected in revision 2.");

    // Stored revisions cannot be changed in place.
    auto lease = temp.db().acquire();
    EXPECT_THROW(*lease << "UPDATE catalog_revisions SET source = 'x'", std::exception);
    EXPECT_THROW(*lease << "DELETE FROM catalog_revisions", std::exception);
    EXPECT_EQ(store::load_catalog_revisions(*lease).size(), 2u);
}

// Two app servers on one database: a revision imported through one is served by the other after refresh.
TEST(CatalogService, RefreshPicksUpRevisionsAnotherServerImported) {
    TempDatabase temp;
    auto importing = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db()));
    auto other = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db()));
    auto unchanged = other->refresh(temp.db());
    ASSERT_TRUE(unchanged) << unchanged.error().message;
    EXPECT_FALSE(*unchanged);

    ASSERT_TRUE(importing->import_file(temp.db(), "r8-bundle.json", fixture("r8-bundle.json"), "test",
                                       {.actor = "cli"}, {"local", "test"}));
    EXPECT_EQ(other->snapshot()->catalog().latest("r8"), nullptr) << "not before it looks";
    const auto before = other->snapshot();
    auto refreshed = other->refresh(temp.db());
    ASSERT_TRUE(refreshed) << refreshed.error().message;
    EXPECT_TRUE(*refreshed);
    ASSERT_NE(other->snapshot()->catalog().latest("r8"), nullptr);
    EXPECT_EQ(other->snapshot()->catalog().latest("r8")->revision.revision, 1);
    EXPECT_EQ(before->catalog().latest("r8"), nullptr) << "a snapshot already handed out stays as it was";
    EXPECT_FALSE(*other->refresh(temp.db()));
    EXPECT_FALSE(*importing->refresh(temp.db())) << "the importing server already serves its own import";
}

TEST(CatalogService, ImportRefusesAnInvalidFileAndStoresNothing) {
    TempDatabase temp;
    auto service = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db()));
    auto result = service->import_file(temp.db(), "broken.json", fixture("broken/unknown-guideline-ref.json"),
                                       "test", {.actor = "cli"}, {"local", "test"});
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().fields.at(0).field, "broken.json: forms[0].items[1].guideline_refs[1]");
    auto lease = temp.db().acquire();
    EXPECT_TRUE(store::load_catalog_revisions(*lease).empty());
}

// A stored revision that no longer validates (e.g. written by hand) stops the server, naming the row.
TEST(CatalogService, RefusesToLoadABrokenStoredRevision) {
    TempDatabase temp;
    auto doc = Json::parse(fixture("broken/unknown-guideline-ref.json"));
    const std::string content =
        Json{{"kind", "edition_bundle"}, {"format_version", 1}, {"edition", doc}}.dump();
    {
        auto lease = temp.db().acquire();
        store::insert_catalog_revision(
            *lease, {"r8", 1, content, catalog::edition_sha256(doc), "2026-04-01T00:00:00.000Z", "by hand"});
    }
    auto service = CatalogService::load(embedded::catalog_files(), &temp.db());
    ASSERT_FALSE(service);
    ASSERT_EQ(service.error().fields.size(), 1u);
    EXPECT_EQ(service.error().fields[0].field,
              "database: r8 revision 1: edition.forms[0].items[1].guideline_refs[1]");
}

}  // namespace
}  // namespace mamori::services
