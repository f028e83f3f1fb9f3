// Edition drafts as stored: one open draft per edition even when many start at once, versions kept as
// history, stale versions refused, publication and the draft's status in one transaction.
#include "mamori/services/edition_drafts.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "identity_records.hpp"
#include "mamori/services/demo.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

using catalog::Json;
using testing::TempDatabase;

const audit::Context kContext{"local", "test"};

class EditionDraftsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(load_demo(temp.db(), {}));
        catalog = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db()));
        drafts = std::make_unique<EditionDraftService>(temp.db(), *catalog);
        ministry = person("admin@mhlw.example", "厚生労働省", "administrator");
    }

    identity::Caller person(const std::string& login, const std::string& organisation,
                            const std::string& role) {
        auto lease = temp.db().acquire();
        long long org = 0, id = 0;
        *lease << "SELECT id FROM organisations WHERE name = :n", soci::use(organisation), soci::into(org);
        *lease << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, "
                  "updated_at, password_changed_at) VALUES (:o, :l, :l2, 'x', '2026-01-01T00:00:00Z', "
                  "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
            soci::use(org), soci::use(login), soci::use(login), soci::into(id);
        *lease << "INSERT INTO user_roles (user_id, role) VALUES (:u, :r)", soci::use(id), soci::use(role);
        return records::caller_for(*lease, *records::find_user(*lease, id));
    }

    long long count(const std::string& query) {
        auto lease = temp.db().acquire();
        long long n = 0;
        *lease << query, soci::into(n);
        return n;
    }

    TempDatabase temp{8};
    std::unique_ptr<CatalogService> catalog;
    std::unique_ptr<EditionDraftService> drafts;
    identity::Caller ministry;
};

const catalog_editor::StartOptions kR8{"r7", "r8", 2026, std::nullopt, true};

TEST_F(EditionDraftsTest, OneOpenDraftPerEditionWhenManyStartAtOnce) {
    std::atomic<int> created = 0, conflicts = 0, other = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            auto draft = drafts->create(ministry, kR8, kContext);
            if (draft)
                ++created;
            else if (draft.error().code == ErrorCode::conflict)
                ++conflicts;
            else
                ++other;
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(created.load(), 1);
    EXPECT_EQ(conflicts.load(), 7);
    EXPECT_EQ(other.load(), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM edition_drafts"), 1);
}

TEST_F(EditionDraftsTest, EverySavedVersionIsKeptAndStaleVersionsAreRefused) {
    auto draft = drafts->create(ministry, kR8, kContext);
    ASSERT_TRUE(draft) << draft.error().message;
    auto changed = drafts->operate(
        ministry, draft->id, 1, {{"op", "remove_item"}, {"form", "institution"}, {"canonical_id", "DEV-01"}},
        kContext);
    ASSERT_TRUE(changed) << changed.error().message;
    EXPECT_EQ(changed->version, 2);
    auto stale = drafts->save(ministry, draft->id, 1, Json::parse(draft->document), kContext);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::conflict);
    auto saved = drafts->save(ministry, draft->id, 2, Json::parse(draft->document), kContext);
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(saved->version, 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM edition_draft_versions"), 3) << "versions 1, 2 and 3";
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'catalog.draft_%'"), 3);
    EXPECT_EQ(saved->document, draft->document) << "version 3 brings back version 1's document";
}

TEST_F(EditionDraftsTest, PublishingStoresTheRevisionAndClosesTheDraftTogether) {
    auto draft = drafts->create(ministry, kR8, kContext);
    ASSERT_TRUE(draft) << draft.error().message;
    auto published = drafts->publish(ministry, draft->id, 1, kContext);
    ASSERT_TRUE(published) << published.error().message;
    EXPECT_EQ(published->revision, 1);
    EXPECT_EQ(published->draft.status, "published");
    EXPECT_EQ(published->draft.published_revision, 1);
    EXPECT_NE(catalog->snapshot()->catalog().latest("r8"), nullptr);
    EXPECT_EQ(count("SELECT COUNT(*) FROM catalog_revisions WHERE edition_id = 'r8'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'catalog.draft_published'"), 1);

    // A second publication of the same draft changes nothing.
    auto again = drafts->publish(ministry, draft->id, 1, kContext);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::conflict);
    // A corrected revision that equals the current one is refused, and the import is rolled back with it.
    auto same = drafts->create(ministry, {"r8", "r8", 0, std::nullopt, false}, kContext);
    ASSERT_TRUE(same) << same.error().message;
    auto nothing = drafts->publish(ministry, same->id, 1, kContext);
    ASSERT_FALSE(nothing);
    EXPECT_EQ(nothing.error().code, ErrorCode::conflict);
    EXPECT_EQ(count("SELECT COUNT(*) FROM catalog_revisions WHERE edition_id = 'r8'"), 1);
    EXPECT_EQ(drafts->get(ministry, same->id)->status, "draft");
}

TEST_F(EditionDraftsTest, AnInvalidDraftIsSavedButNotPublished) {
    auto draft = drafts->create(ministry, kR8, kContext);
    ASSERT_TRUE(draft);
    Json broken = Json::parse(draft->document);
    broken["edition"]["forms"][0]["items"][0]["text_ja"] = "";
    auto saved = drafts->save(ministry, draft->id, 1, broken, kContext);
    ASSERT_TRUE(saved) << saved.error().message;
    const auto validation = drafts->validate(saved->document);
    EXPECT_FALSE(validation.valid);
    ASSERT_EQ(validation.errors.size(), 1u);
    EXPECT_EQ(validation.errors[0].field, "edition.forms[0].items[0].text_ja");
    auto refused = drafts->publish(ministry, draft->id, 2, kContext);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(refused.error().fields.at(0).field, "edition.forms[0].items[0].text_ja");
    EXPECT_EQ(count("SELECT COUNT(*) FROM catalog_revisions"), 0);
    EXPECT_EQ(drafts->get(ministry, draft->id)->status, "draft");
}

TEST_F(EditionDraftsTest, OnlyCatalogEditorsReachDrafts) {
    const auto analyst = person("analyst@mhlw.example", "厚生労働省", "analyst");
    const auto clinic = person("admin@sakura.example", "さくら内科クリニック", "administrator");
    for (const auto& caller : {analyst, clinic}) {
        EXPECT_EQ(drafts->list(caller).error().code, ErrorCode::forbidden);
        EXPECT_EQ(drafts->create(caller, kR8, kContext).error().code, ErrorCode::forbidden);
    }
    EXPECT_TRUE(drafts->list(ministry));
}

}  // namespace
}  // namespace mamori::services
