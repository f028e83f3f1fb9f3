// The BCP 確認表 with the institution's answers and the preparedness documents through the API on the demo
// database: answers with versions, history and audit; the refusals (a bad status named, a stale version, a
// viewer, a row the data does not have, callers outside the institution); each document's route.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "support/demo_server_test.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"},
    {"hokenjo@demo.example", "hokenjo-demo-pass"},
    {"sakura@demo.example", "sakura-demo-pass"},
    {"vendor@demo.example", "vendor-demo-pass"},
    {"sakura-viewer@demo.example", "a long enough password"}};

class PreparednessDocumentsApi : public DemoServerTest {
  protected:
    PreparednessDocumentsApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("さくら内科クリニック", "sakura-viewer@demo.example", "受付 閲覧", "viewer");
    }

    // row: the row `code` of GET /bcp.
    static json row(SessionClient& c, const std::string& code) {
        const auto sheet = c.get("/api/v1/preparedness/bcp");
        EXPECT_EQ(sheet.status, 200) << sheet.body;
        const json phases = sheet.json()["phases"];
        for (const auto& phase : phases)
            for (const auto& r : phase["rows"])
                if (r["code"] == code) return r;
        return nullptr;
    }
};

TEST_F(PreparednessDocumentsApi, TheChecklistHasFivePhasesAndAnswersAreVersionedAndAudited) {
    SessionClient clinic = persona("sakura@demo.example");
    const long long audited =
        scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'preparedness.bcp_answer.changed'");
    const auto sheet = clinic.get("/api/v1/preparedness/bcp");
    ASSERT_EQ(sheet.status, 200) << sheet.body;
    const json body = sheet.json();
    ASSERT_EQ(body["phases"].size(), 5u);
    EXPECT_EQ(body["phases"][0]["label_ja"], "平時");
    EXPECT_EQ(body["phases"][1]["rows"].size(), 0u);
    EXPECT_NE(body["phases"][1]["note_ja"], "");
    EXPECT_TRUE(body["can_write"].get<bool>());
    const json first = body["phases"][0]["rows"][0];
    EXPECT_EQ(first["code"], "1-1");
    EXPECT_EQ(first["confidence"], "V");
    EXPECT_TRUE(first["answer"].is_null());
    EXPECT_EQ(first["version"], 0);

    auto put =
        clinic.put("/api/v1/preparedness/bcp/1-1",
                   {{"version", 0}, {"status", "done"}, {"note", "構成図あり"}, {"evidence", "構成図 2026"}});
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(put.json()["version"], 1);
    EXPECT_EQ(put.json()["answer"]["status"], "done");
    put = clinic.put("/api/v1/preparedness/bcp/1-1",
                     {{"version", 1}, {"status", "not_done"}, {"note", "更新中"}});
    ASSERT_EQ(put.status, 200) << put.body;
    const json answered = put.json();
    EXPECT_EQ(answered["version"], 2);
    ASSERT_EQ(answered["history"].size(), 2u);
    EXPECT_EQ(answered["history"][1]["answer"]["status"], "done");
    EXPECT_EQ(answered["answer"]["evidence"], "");
    EXPECT_EQ(row(clinic, "1-1")["answer"]["status"], "not_done");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'preparedness.bcp_answer.changed'"),
              audited + 2);
    // The demo answered 1-2.
    EXPECT_EQ(row(clinic, "1-2")["answer"]["status"], "done");
    EXPECT_EQ(row(clinic, "1-2")["version"], 1);
    // The same answer again: no new version.
    put = clinic.put("/api/v1/preparedness/bcp/1-1",
                     {{"version", 2}, {"status", "not_done"}, {"note", "更新中"}});
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(put.json()["version"], 2);

    // A stale version, a bad status, a row that is not in the data, no version.
    put = clinic.put("/api/v1/preparedness/bcp/1-1", {{"version", 1}, {"status", "done"}});
    EXPECT_EQ(put.status, 409) << put.body;
    put = clinic.put("/api/v1/preparedness/bcp/1-3", {{"version", 0}, {"status", "done"}});
    EXPECT_EQ(put.status, 404) << "1-3 is not in the data";
    put = clinic.put("/api/v1/preparedness/bcp/5-6", {{"version", 1}, {"status", "done"}});
    EXPECT_EQ(put.status, 409) << "an answer not made yet is at version 0";
    put = clinic.put("/api/v1/preparedness/bcp/5-6", {{"version", 0}, {"status", "yes"}});
    ASSERT_EQ(put.status, 400) << put.body;
    EXPECT_EQ(put.json()["errors"][0]["field"], "status");
    EXPECT_EQ(clinic.put("/api/v1/preparedness/bcp/5-1", {{"version", 0}, {"status", "done"}}).status, 404);
    EXPECT_EQ(clinic.put("/api/v1/preparedness/bcp/5-6", {{"status", "done"}}).status, 400);

    // Another institution sees its own (unanswered) row; callers outside institutions get 404.
    SessionClient hospital = persona("hospital@demo.example");
    EXPECT_TRUE(row(hospital, "1-1")["answer"].is_null());
    for (const std::string login : {"hokenjo@demo.example", "vendor@demo.example"}) {
        SessionClient other = persona(login);
        EXPECT_EQ(other.get("/api/v1/preparedness/bcp").status, 404) << login;
        EXPECT_EQ(other.put("/api/v1/preparedness/bcp/1-1", {{"version", 2}, {"status", "done"}}).status, 404)
            << login;
    }
    // A viewer reads, cannot answer.
    SessionClient viewer = persona("sakura-viewer@demo.example");
    EXPECT_EQ(row(viewer, "1-1")["version"], 2);
    EXPECT_EQ(viewer.put("/api/v1/preparedness/bcp/1-1", {{"version", 2}, {"status", "done"}}).status, 403);
}

TEST_F(PreparednessDocumentsApi, EachDocumentDownloadsForTheInstitutionOnly) {
    SessionClient clinic = persona("sakura@demo.example");
    const struct {
        const char* path;
        const char* type;
        const char* starts;
    } documents[] = {
        {"contact-chart.pdf", "application/pdf", "%PDF"},
        {"contact-chart.csv", "text/csv; charset=utf-8", "\xEF\xBB\xBF区分,"},
        {"bcp.pdf", "application/pdf", "%PDF"},
        {"bcp.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"},
    };
    SessionClient viewer = persona("sakura-viewer@demo.example");
    SessionClient health_centre = persona("hokenjo@demo.example");
    for (const auto& d : documents) {
        SCOPED_TRACE(d.path);
        const std::string url = std::string("/api/v1/preparedness/documents/") + d.path;
        const auto got = clinic.get(url);
        ASSERT_EQ(got.status, 200) << got.body.substr(0, 300);
        EXPECT_EQ(got.header("Content-Type").value_or(""), d.type);
        EXPECT_TRUE(got.body.starts_with(d.starts));
        EXPECT_NE(got.header("Content-Disposition").value_or("").find("attachment"), std::string::npos);
        EXPECT_EQ(viewer.get(url).status, 200);
        EXPECT_EQ(health_centre.get(url).status, 404);
    }
    const auto csv = clinic.get("/api/v1/preparedness/documents/contact-chart.csv").body;
    EXPECT_NE(csv.find("厚生労働省 医療情報技術推進室"), std::string::npos) << csv;
}

}  // namespace
}  // namespace mamori::testing
