// Catalog import over HTTP by a ministry administrator: dry run, import, the new edition served, a re-import
// changing nothing, and the audit entry.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/server_process.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

std::string r8_bundle() {
    const auto path = std::filesystem::path(MAMORI_SOURCE_DIR) / "tests" / "fixtures/catalog/r8-bundle.json";
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(CatalogAdminApi, MinistryAdministratorImportsAnEditionOverHttp) {
    TempDir dir;
    ServerProcess server(dir.path() / "admin.db", {"--demo", "--demo-organisations-only"});
    SessionClient admin(server.host(), server.port());
    auto setup = admin.post("/api/v1/setup", {{"setup_code", server.setup_code()},
                                              {"organisation_id", 1},
                                              {"login", "catalog@mhlw.example"},
                                              {"display_name", "カタログ 担当"},
                                              {"password", "ministry password 2026"}});
    ASSERT_EQ(setup.status, 201) << setup.body;
    ASSERT_EQ(setup.json()["user"]["organisation_name"], "厚生労働省");
    admin.enrol_totp();

    const json bundle = json::parse(r8_bundle());
    auto dry = admin.post("/api/v1/admin/catalog/imports?dry_run=true&file=r8-bundle.json", bundle);
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_EQ(dry.json()["summary"]["edition"], "r8");
    EXPECT_EQ(admin.get("/api/v1/catalog/editions/r8").status, 404) << "a dry run stores nothing";

    auto imported = admin.post("/api/v1/admin/catalog/imports?file=r8-bundle.json", bundle);
    ASSERT_EQ(imported.status, 201) << imported.body;
    EXPECT_EQ(imported.json()["revision"], 1);
    EXPECT_EQ(admin.get("/api/v1/catalog/editions/r8").status, 200);

    auto again = admin.post("/api/v1/admin/catalog/imports?file=r8-bundle.json", bundle);
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(again.json()["imported"], false);

    auto broken = admin.post("/api/v1/admin/catalog/imports", json{{"kind", "edition"}});
    EXPECT_EQ(broken.status, 400);
    EXPECT_FALSE(broken.json()["errors"].empty());

    const json entries = admin.get("/api/v1/organisations/1/audit").json()["entries"];
    int imports = 0;
    for (const auto& e : entries) imports += e["action"] == "catalog.imported" ? 1 : 0;
    EXPECT_EQ(imports, 1) << "one import, one audit entry; the no-op re-import is not an import";
}

}  // namespace
}  // namespace mamori::testing
