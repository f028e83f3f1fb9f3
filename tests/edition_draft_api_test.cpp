// The edition editor over HTTP (docs/edition-editor-api.md) on a demo server: the ministry's administrator
// drafts 令和8年度版 from R7 with one merged form, edits it, publishes it as a new immutable revision,
// corrects it as revision 2; everyone else is refused; a pharmacy and a clinic then start FY2026 on the new
// form. The draft keeps R7's wording (no official R8 wording is invented here).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::string kDrafts = "/api/v1/catalog/drafts";

SessionClient persona(const ServerProcess& server, const std::string& login, const std::string& password) {
    SessionClient c(server.host(), server.port());
    auto r = c.post("/api/v1/session", {{"login", login}, {"password", password}});
    EXPECT_EQ(r.status, 200) << login << ": " << r.body;
    return c;
}

std::string draft_path(const json& draft) {
    return kDrafts + "/" + std::to_string(draft["id"].get<long long>());
}

json complete_item(const std::string& text_ja) {
    return {{"text_ja", text_ja},
            {"text_en", "Maintenance staff use personal accounts."},
            {"meaning_ja", "保守の作業者を一人ずつ区別できるようにすることです。"},
            {"how_ja", "保守事業者に個人別のアカウントを発行してもらいます。"},
            {"evidence_ja", "保守用アカウントの一覧。"},
            {"meaning_en", "Tell maintenance staff apart."},
            {"how_en", "Have the vendor issue personal accounts."},
            {"evidence_en", "The list of maintenance accounts."}};
}

std::vector<std::string> item_ids(const json& page) {
    std::vector<std::string> out;
    for (const auto& item : page["items"]) out.push_back(item["canonical_id"]);
    return out;
}

class EditionDraftApi : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ =
            std::make_unique<ServerProcess>(dir_.path() / "drafts.db", std::vector<std::string>{"--demo"});
    }
    SessionClient admin() { return persona(*server_, "mhlw-admin@demo.example", "mhlw-admin-demo-pass"); }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
};

TEST_F(EditionDraftApi, MinistryAdministratorDraftsPublishesAndCorrectsAnEdition) {
    SessionClient ministry = admin();

    // The demo holds an open draft of r8 (R7's wording, with a note saying so); a second one is refused.
    auto listed = ministry.get(kDrafts);
    ASSERT_EQ(listed.status, 200) << listed.body;
    EXPECT_EQ(listed.json()["may_edit"], true);
    ASSERT_EQ(listed.json()["drafts"].size(), 1u) << listed.body;
    const json demo = listed.json()["drafts"][0];
    EXPECT_EQ(demo["edition_id"], "r8");
    EXPECT_EQ(demo["status"], "draft");
    EXPECT_EQ(demo["validation"]["valid"], true) << demo["validation"].dump();
    EXPECT_FALSE(listed.json()["editable_editions"].empty());
    const json demo_document = ministry.get(draft_path(demo)).json()["document"];
    EXPECT_NE(demo_document["edition"]["notes"].dump().find("公式の文言はまだ入力されていません"),
              std::string::npos);
    const json start{
        {"from_edition", "r7"}, {"edition_id", "r8"}, {"fiscal_year", 2026}, {"merge_forms", true}};
    EXPECT_EQ(ministry.post(kDrafts, start).status, 409);
    auto discarded = ministry.del(draft_path(demo));
    ASSERT_EQ(discarded.status, 200) << discarded.body;
    EXPECT_EQ(discarded.json()["status"], "discarded");

    auto bad_start =
        ministry.post(kDrafts, {{"from_edition", "r42"}, {"edition_id", "r8"}, {"fiscal_year", 2026}});
    EXPECT_EQ(bad_start.status, 400) << bad_start.body;
    EXPECT_NE(bad_start.body.find("from_edition"), std::string::npos) << bad_start.body;

    auto created = ministry.post(kDrafts, start);
    ASSERT_EQ(created.status, 201) << created.body;
    json draft = created.json();
    EXPECT_EQ(draft["version"], 1);
    EXPECT_EQ(draft["based_on"], (json{{"edition", "r7"}, {"revision", 1}}));
    ASSERT_EQ(draft["forms"].size(), 2u);
    EXPECT_EQ(draft["forms"][0]["id"], "institution");
    EXPECT_EQ(draft["forms"][0]["title_ja"], "医療機関・薬局確認用");
    EXPECT_EQ(draft["validation"]["valid"], true) << draft["validation"].dump();
    const std::string path = draft_path(draft);

    // Operations, each a new version.
    auto reworded = ministry.post(
        path + "/operations",
        {{"version", 1},
         {"operation",
          {{"op", "set_item"},
           {"form", "institution"},
           {"canonical_id", "AST-01"},
           {"fields", {{"text_ja", "医療情報システムの台帳を作り、年に一度見直している。"}}}}}});
    ASSERT_EQ(reworded.status, 200) << reworded.body;
    EXPECT_EQ(reworded.json()["version"], 2);
    auto added = ministry.post(path + "/operations",
                               {{"version", 2},
                                {"operation",
                                 {{"op", "add_item"},
                                  {"form", "institution"},
                                  {"section", "S2"},
                                  {"after", "AST-01"},
                                  {"item", complete_item("保守事業者は個人別のアカウントを使っている。")}}}});
    ASSERT_EQ(added.status, 200) << added.body;
    draft = added.json();
    EXPECT_EQ(draft["version"], 3);
    EXPECT_EQ(draft["validation"]["valid"], true) << draft["validation"].dump();
    const std::string new_id = draft["document"]["edition"]["forms"][0]["items"][2]["canonical_id"];
    EXPECT_EQ(new_id.substr(0, 4), "AST-");
    EXPECT_EQ(draft["document"]["canonical_items"][0]["canonical_id"], new_id);

    auto wrong = ministry.post(
        path + "/operations",
        {{"version", 3},
         {"operation", {{"op", "remove_item"}, {"form", "institution"}, {"canonical_id", "NOPE-01"}}}});
    EXPECT_EQ(wrong.status, 400) << wrong.body;
    EXPECT_NE(wrong.body.find("operation.canonical_id"), std::string::npos) << wrong.body;
    auto stale_op = ministry.post(
        path + "/operations",
        {{"version", 1},
         {"operation", {{"op", "remove_item"}, {"form", "institution"}, {"canonical_id", "DEV-01"}}}});
    EXPECT_EQ(stale_op.status, 409) << stale_op.body;
    EXPECT_EQ(ministry.put(path, {{"version", 2}, {"document", draft["document"]}}).status, 409)
        << "someone saved meanwhile";
    EXPECT_EQ(ministry.put(path, {{"version", 3}, {"document", "not a bundle"}}).status, 400);

    // Compared with R7 as the catalog compares editions.
    auto compared = ministry.get(path + "/compare?form=institution&from_form=medical");
    ASSERT_EQ(compared.status, 200) << compared.body;
    EXPECT_EQ(compared.json()["form"], "institution");
    EXPECT_NE(compared.body.find(new_id), std::string::npos);

    // An invalid version is saved but not published; the answer names the field.
    json broken = draft["document"];
    broken["edition"]["forms"][0]["items"][0]["text_ja"] = "";
    auto saved = ministry.put(path, {{"version", 3}, {"document", broken}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.json()["version"], 4);
    EXPECT_EQ(saved.json()["validation"]["valid"], false);
    auto refused = ministry.post(path + "/publish", {{"version", 4}});
    ASSERT_EQ(refused.status, 422) << refused.body;
    bool named = false;
    const json errors = refused.json()["errors"];
    for (const auto& e : errors) named = named || e["path"] == "edition.forms[0].items[0].text_ja";
    EXPECT_TRUE(named) << refused.body;
    EXPECT_EQ(ministry.get("/api/v1/catalog/editions/r8").status, 404) << "nothing published";
    auto fixed = ministry.put(path, {{"version", 4}, {"document", draft["document"]}});
    ASSERT_EQ(fixed.status, 200) << fixed.body;

    // Export, publish, then the export imports back as an equal draft.
    auto exported = ministry.get(path + "/export");
    ASSERT_EQ(exported.status, 200);
    EXPECT_NE(exported.header("Content-Disposition")
                  .value_or("")
                  .find("r8-draft-" + std::to_string(draft["id"].get<long long>()) + ".json"),
              std::string::npos);
    EXPECT_EQ(json::parse(exported.body), fixed.json()["document"]);

    auto published = ministry.post(path + "/publish", {{"version", 5}});
    ASSERT_EQ(published.status, 201) << published.body;
    EXPECT_EQ(published.json()["edition"], "r8");
    EXPECT_EQ(published.json()["revision"], 1);
    EXPECT_EQ(published.json()["draft"]["status"], "published");
    EXPECT_EQ(published.json()["draft"]["published_revision"], 1);
    auto r8 = ministry.get("/api/v1/catalog/editions/r8");
    ASSERT_EQ(r8.status, 200) << r8.body;
    EXPECT_EQ(r8.json()["revision"], 1);
    EXPECT_EQ(ministry.get("/api/v1/catalog/editions/r7").status, 200);
    EXPECT_EQ(ministry
                  .post(path + "/operations",
                        {{"version", 5}, {"operation", {{"op", "set_edition"}, {"fields", json::object()}}}})
                  .status,
              409)
        << "a published draft is closed";

    auto imported = ministry.send("POST", kDrafts + "/import", exported.body, "application/json");
    ASSERT_EQ(imported.status, 201) << imported.body;
    EXPECT_EQ(imported.json()["document"], json::parse(exported.body));
    EXPECT_EQ(imported.json()["status"], "draft");
    ASSERT_EQ(ministry.del(draft_path(imported.json())).status, 200);

    // A corrected revision of r8: revision 2, and revision 1 stays readable.
    auto correction = ministry.post(kDrafts, {{"from_edition", "r8"}, {"edition_id", "r8"}});
    ASSERT_EQ(correction.status, 201) << correction.body;
    EXPECT_EQ(correction.json()["based_on"], (json{{"edition", "r8"}, {"revision", 1}}));
    auto corrected = ministry.post(
        draft_path(correction.json()) + "/operations",
        {{"version", 1},
         {"operation",
          {{"op", "set_item"},
           {"form", "institution"},
           {"canonical_id", "GOV-01"},
           {"fields", {{"text_ja", "医療情報システム安全管理責任者を設置し、職員に知らせている。"}}}}}});
    ASSERT_EQ(corrected.status, 200) << corrected.body;
    EXPECT_EQ(corrected.json()["validation"]["valid"], true) << corrected.json()["validation"].dump();
    auto second = ministry.post(draft_path(correction.json()) + "/publish", {{"version", 2}});
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(second.json()["revision"], 2);
    EXPECT_EQ(ministry.get("/api/v1/catalog/editions/r8").json()["revision"], 2);
    auto first = ministry.get("/api/v1/catalog/editions/r8?revision=1");
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json()["revision"], 1);

    // A pharmacy (carrying its R7 薬局確認用 answers) and a clinic start FY2026 on the merged form, with the
    // added item.
    for (const auto& [login, password] : {std::pair{"aoba@demo.example", "aoba-demo-pass"},
                                          std::pair{"sakura@demo.example", "sakura-demo-pass"}}) {
        SessionClient c = persona(*server_, login, password);
        const auto me = c.get("/api/v1/me").json();
        const std::string assessments = "/api/v1/organisations/" +
                                        std::to_string(me["organisation_id"].get<long long>()) +
                                        "/assessments";
        auto started = c.post(assessments, {{"fiscal_year", 2026}, {"carry_forward", true}});
        ASSERT_EQ(started.status, 201) << login << ": " << started.body;
        EXPECT_EQ(started.json()["form"]["id"], "institution") << login;
        EXPECT_EQ(started.json()["edition"]["id"], "r8") << login;
        const auto ids = item_ids(started.json());
        EXPECT_NE(std::find(ids.begin(), ids.end(), new_id), ids.end()) << login;
    }
}

TEST_F(EditionDraftApi, OnlyCatalogEditorsReachDrafts) {
    SessionClient anonymous(server_->host(), server_->port());
    EXPECT_EQ(anonymous.get(kDrafts).status, 401);
    const json start{{"from_edition", "r7"}, {"edition_id", "r9"}, {"fiscal_year", 2027}};
    for (const auto& [login, password] : {std::pair{"mhlw@demo.example", "mhlw-demo-pass"},
                                          std::pair{"tokyo@demo.example", "tokyo-demo-pass"},
                                          std::pair{"sakura@demo.example", "sakura-demo-pass"},
                                          std::pair{"hokenjo@demo.example", "hokenjo-demo-pass"}}) {
        SessionClient c = persona(*server_, login, password);
        EXPECT_EQ(c.get("/api/v1/me").json().value("may_edit_catalog", true), false)
            << login << ": the pages show no way in";
        EXPECT_EQ(c.get(kDrafts).status, 403) << login;
        EXPECT_EQ(c.post(kDrafts, start).status, 403) << login;
        EXPECT_EQ(c.get(kDrafts + "/1").status, 403) << login;
        EXPECT_EQ(c.post(kDrafts + "/1/publish", {{"version", 1}}).status, 403) << login;
    }
    EXPECT_EQ(admin().get(kDrafts).status, 200);
    EXPECT_EQ(admin().get("/api/v1/me").json()["may_edit_catalog"], true);
}

// The operator of a single-clinic installation (no ministry, prefecture or health centre in the database)
// loads the ministry's files themselves: they are a catalog editor there.
TEST(EditionDraftApiSingleClinic, TheClinicsAdministratorEditsEditions) {
    TempDir dir;
    ServerProcess server(dir.path() / "clinic.db");
    SessionClient admin(server.host(), server.port());
    admin.set_up_clinic(server.setup_code(), "admin@clinic.example", "a long clinic password 2026");
    auto listed = admin.get(kDrafts);
    ASSERT_EQ(listed.status, 200) << listed.body;
    EXPECT_EQ(listed.json()["drafts"].size(), 0u);
    EXPECT_EQ(admin.get("/api/v1/me").json()["may_edit_catalog"], true) << "the pages show the way in";
    auto created = admin.post(
        kDrafts,
        {{"from_edition", "r7"}, {"edition_id", "r8"}, {"fiscal_year", 2026}, {"merge_forms", true}});
    ASSERT_EQ(created.status, 201) << created.body;
    // A file larger than 4 MiB is refused before it is read.
    const std::string huge(std::size_t{5} * 1024 * 1024, ' ');
    EXPECT_EQ(admin.send("POST", kDrafts + "/import", huge, "application/json").status, 413);
    auto shallow = admin.send("POST", kDrafts + "/import", std::string(100, '[') + std::string(100, ']'),
                              "application/json");
    EXPECT_EQ(shallow.status, 400) << shallow.body;
}

}  // namespace
}  // namespace mamori::testing
