// Guideline 第7.0版 per institution over HTTP (demo server): the institution records whether its contract
// makes the vendor responsible for every server's security updates and sees which volumes apply; the change
// is audited with before and after; others see nothing and a viewer may not change it.
#include <gtest/gtest.h>

#include "support/server_process.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

SessionClient persona(const ServerProcess& server, const std::string& login, const std::string& password) {
    SessionClient c(server.host(), server.port());
    auto r = c.post("/api/v1/session", {{"login", login}, {"password", password}});
    EXPECT_EQ(r.status, 200) << login << ": " << r.body;
    return c;
}

std::string organisation_path(SessionClient& c, const std::string& tail) {
    return "/api/v1/organisations/" +
           std::to_string(c.get("/api/v1/me").json()["organisation_id"].get<long long>()) + tail;
}

std::vector<std::string> volume_ids(const json& answer) {
    std::vector<std::string> out;
    for (const auto& v : answer["volumes"]) out.push_back(v["id"]);
    return out;
}

TEST(GuidelineVolumesApi, TheContractAnswerDecidesTheVolumesAndEveryChangeIsAudited) {
    TempDir dir;
    ServerProcess server(dir.path() / "gl7.db", {"--demo"});
    SessionClient clinic = persona(server, "sakura@demo.example", "sakura-demo-pass");
    const std::string path = organisation_path(clinic, "/guideline-volumes");

    auto initial = clinic.get(path);
    ASSERT_EQ(initial.status, 200) << initial.body;
    EXPECT_TRUE(initial.json()["vendor_update_responsibility"].is_null());
    EXPECT_EQ(volume_ids(initial.json()), (std::vector<std::string>{"O", "M", "P", "C"}));
    EXPECT_EQ(initial.json()["volumes"][1]["title_ja"], "経営管理編");
    EXPECT_FALSE(initial.json()["deemed_compliance"].get<bool>());
    EXPECT_EQ(initial.json()["condition"]["confidence"], "S");
    EXPECT_TRUE(initial.json()["permissions"]["edit"].get<bool>());

    auto yes = clinic.put(path, {{"vendor_update_responsibility", "yes"}});
    ASSERT_EQ(yes.status, 200) << yes.body;
    EXPECT_EQ(volume_ids(yes.json()), (std::vector<std::string>{"O", "S"}));
    EXPECT_EQ(yes.json()["volumes"][1]["title_ja"], "保守委託機関編");
    EXPECT_TRUE(yes.json()["deemed_compliance"].get<bool>());
    EXPECT_EQ(clinic.get(path).json()["vendor_update_responsibility"], "yes") << "stored";

    auto unclear = clinic.put(path, {{"vendor_update_responsibility", "unknown"}});
    ASSERT_EQ(unclear.status, 200) << unclear.body;
    EXPECT_EQ(volume_ids(unclear.json()), (std::vector<std::string>{"O", "M", "P", "C"}))
        << "an unclear contract counts as the institution's own responsibility";

    auto bad = clinic.put(path, {{"vendor_update_responsibility", "maybe"}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("\"vendor_update_responsibility\""), std::string::npos) << bad.body;
    EXPECT_EQ(clinic.put(path, json::object()).status, 400);
    EXPECT_EQ(clinic.get(path).json()["vendor_update_responsibility"], "unknown")
        << "a refused change changes nothing";

    const auto audit = clinic.get(organisation_path(clinic, "/audit"));
    ASSERT_EQ(audit.status, 200) << audit.body;
    int changes = 0;
    const json entries = audit.json()["entries"];
    for (const auto& e : entries)
        if (e["action"] == "organisation.vendor_update_responsibility") {
            ++changes;
            EXPECT_TRUE(e["detail"].contains("before") && e["detail"].contains("after")) << e.dump();
        }
    EXPECT_EQ(changes, 2) << "null → yes, yes → unknown";

    // Another institution sees nothing; the hospital's security manager records the hospital's answer.
    SessionClient pharmacy = persona(server, "aoba@demo.example", "aoba-demo-pass");
    EXPECT_EQ(pharmacy.get(path).status, 404);
    EXPECT_EQ(pharmacy.put(path, {{"vendor_update_responsibility", "no"}}).status, 404);
    SessionClient hospital = persona(server, "hospital@demo.example", "hospital-demo-pass");
    EXPECT_EQ(
        hospital
            .put(organisation_path(hospital, "/guideline-volumes"), {{"vendor_update_responsibility", "no"}})
            .status,
        200);
    // A viewer reads but does not change it.
    auto invited = clinic.post(
        organisation_path(clinic, "/invitations"),
        {{"login", "viewer@sakura.example"}, {"display_name", "閲覧 職員"}, {"roles", {"viewer"}}});
    ASSERT_EQ(invited.status, 201) << invited.body;
    SessionClient viewer(server.host(), server.port());
    ASSERT_EQ(viewer
                  .post("/api/v1/invitations/accept",
                        {{"code", invited.json()["code"]}, {"password", "a long enough password"}})
                  .status,
              201);
    auto seen = viewer.get(path);
    ASSERT_EQ(seen.status, 200);
    EXPECT_FALSE(seen.json()["permissions"]["edit"].get<bool>());
    EXPECT_EQ(viewer.put(path, {{"vendor_update_responsibility", "yes"}}).status, 403);
}

}  // namespace
}  // namespace mamori::testing
