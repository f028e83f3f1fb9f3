// Improvement requests (改善指導) through the API on the demo database: the whole cycle between デモ区保健所
// and デモ総合病院 with evidence, the refusals (other jurisdiction, other institution, the wrong side, a
// closed request, a due date in the past, a stale version), the demo's history, the package and the PDFs.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <chrono>
#include <map>

#include "mamori/core/time.hpp"
#include "mamori/identity/passwords.hpp"
#include "support/demo_server_test.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"},
    {"hokenjo@demo.example", "hokenjo-demo-pass"},
    {"sakura@demo.example", "sakura-demo-pass"},
    {"osaka-inspector@demo.example", "a long enough password"}};

std::string in_days(int days) {
    using namespace std::chrono;
    return to_iso_date(year_month_day(sys_days(japan_date(system_clock::now())) + std::chrono::days(days)));
}

int this_fiscal_year() {
    return fiscal_year(japan_date(std::chrono::system_clock::now()));
}

class ImprovementRequestsApi : public DemoServerTest {
  protected:
    ImprovementRequestsApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("大阪府", "osaka-inspector@demo.example", "大阪の検査員", "inspector");
    }
    long long hospital_visit(int fiscal_year) {
        return scalar(
            "SELECT MIN(v.id) FROM inspection_visits v JOIN organisations o ON o.id = v.organisation_id "
            "WHERE o.name = 'デモ総合病院' AND v.fiscal_year = " + std::to_string(fiscal_year));
    }
};

TEST_F(ImprovementRequestsApi, TheWholeCycleWithEvidenceBetweenBothSides) {
    SessionClient inspector = persona("hokenjo@demo.example");
    SessionClient hospital = persona("hospital@demo.example");
    const long long visit = hospital_visit(this_fiscal_year());
    ASSERT_GT(visit, 0) << "the demo has this year's visit of the hospital";
    const std::string base = "/api/v1/inspections/visits/" + std::to_string(visit);

    const auto items = inspector.get(base + "/improvement-requests");
    ASSERT_EQ(items.status, 200) << items.body;
    ASSERT_TRUE(items.json()["can_create"].get<bool>());
    ASSERT_FALSE(items.json()["items"].empty());
    const std::string item = items.json()["items"][0]["canonical_id"];

    // Create: the item, the text, a due date from today on.
    const auto made =
        inspector.post("/api/v1/improvement-requests", {{"visit_id", visit},
                                                        {"canonical_id", item},
                                                        {"text", "バックアップの手順を定めること"},
                                                        {"due_on", in_days(30)}});
    ASSERT_EQ(made.status, 201) << made.body;
    const long long id = made.json()["id"];
    const std::string url = "/api/v1/improvement-requests/" + std::to_string(id);
    EXPECT_EQ(made.json()["status"], "open");
    EXPECT_FALSE(made.json()["item_label"].get<std::string>().empty()) << made.body;
    EXPECT_EQ(made.json()["actions"], json::array({"edit"})) << "an open request waits for the institution";

    // Edit while open; a stale version is a conflict.
    auto edited = inspector.put(url, {{"version", 1},
                                      {"canonical_id", item},
                                      {"text", "バックアップの手順書を整備すること"},
                                      {"due_on", in_days(45)}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.json()["version"], 2);
    EXPECT_EQ(
        inspector.put(url, {{"version", 1}, {"canonical_id", item}, {"text", "x"}, {"due_on", in_days(45)}})
            .status,
        409);

    // The institution sees it in its list and answers with a plan.
    const auto mine = hospital.get("/api/v1/improvement-requests");
    ASSERT_EQ(mine.status, 200) << mine.body;
    bool listed = false;
    const json mine_json = mine.json();
    for (const auto& r : mine_json["requests"]) listed = listed || r["id"] == id;
    EXPECT_TRUE(listed) << mine.body;
    auto planned = hospital.post(
        url + "/steps", {{"version", 2}, {"action", "submit_plan"}, {"text", "来月までに手順書を作る"}});
    ASSERT_EQ(planned.status, 200) << planned.body;
    EXPECT_EQ(planned.json()["status"], "plan_submitted");
    // Once answered, the inspector can no longer edit it.
    EXPECT_EQ(
        inspector.put(url, {{"version", 3}, {"canonical_id", item}, {"text", "x"}, {"due_on", in_days(45)}})
            .status,
        409);

    // Completion needs evidence: uploaded first, then named.
    EXPECT_EQ(
        hospital
            .post(url + "/steps", {{"version", 3}, {"action", "report_completion"}, {"text", "作りました"}})
            .status,
        400);
    const std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    auto uploaded = hospital.send("POST", url + "/evidence?file_name=%E6%89%8B%E9%A0%86%E6%9B%B8.pdf", pdf,
                                  "application/pdf");
    ASSERT_EQ(uploaded.status, 201) << uploaded.body;
    const json evidence = {{"sha256", uploaded.json()["sha256"]},
                           {"file_name", uploaded.json()["file_name"]}};
    auto completed = hospital.post(
        url + "/steps",
        {{"version", 3}, {"action", "report_completion"}, {"text", "作りました"}, {"evidence", evidence}});
    ASSERT_EQ(completed.status, 200) << completed.body;
    EXPECT_EQ(completed.json()["status"], "completion_reported");

    // The institution may not close; the inspector sends it back with a reason.
    EXPECT_EQ(hospital.post(url + "/steps", {{"version", 4}, {"action", "close"}}).status, 403);
    EXPECT_EQ(inspector.post(url + "/steps", {{"version", 4}, {"action", "send_back"}, {"text", ""}}).status,
              400);
    auto back = inspector.post(
        url + "/steps", {{"version", 4}, {"action", "send_back"}, {"text", "訓練の記録も添付してください"}});
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(back.json()["status"], "returned");

    // Completion again, then closed.
    completed = hospital.post(url + "/steps", {{"version", 5},
                                               {"action", "report_completion"},
                                               {"text", "訓練記録を添付します"},
                                               {"evidence", evidence}});
    ASSERT_EQ(completed.status, 200) << completed.body;
    auto closed =
        inspector.post(url + "/steps", {{"version", 6}, {"action", "close"}, {"text", "確認しました"}});
    ASSERT_EQ(closed.status, 200) << closed.body;
    EXPECT_EQ(closed.json()["status"], "closed");
    EXPECT_FALSE(closed.json()["overdue"].get<bool>());

    // The history: every step with who, when and why, on both sides.
    const auto seen = hospital.get(url);
    ASSERT_EQ(seen.status, 200);
    std::vector<std::string> actions;
    const json seen_json = seen.json();
    for (const auto& e : seen_json["events"]) actions.push_back(e["action"]);
    EXPECT_EQ(actions, (std::vector<std::string>{"created", "edited", "submit_plan", "report_completion",
                                                 "send_back", "report_completion", "close"}));
    const auto& events = seen_json["events"];
    EXPECT_EQ(events[4]["text"], "訓練の記録も添付してください");
    EXPECT_EQ(events[4]["by_side"], "inspector");
    EXPECT_EQ(events[2]["by_side"], "institution");
    EXPECT_FALSE(events[2]["by"].get<std::string>().empty());
    EXPECT_FALSE(events[2]["at"].get<std::string>().empty());
    const auto file =
        inspector.get(url + "/steps/" + std::to_string(events[3]["id"].get<long long>()) + "/evidence");
    ASSERT_EQ(file.status, 200) << file.body;
    EXPECT_EQ(file.body, pdf);

    // A closed request is final: edits and steps are conflicts.
    EXPECT_EQ(
        inspector.put(url, {{"version", 7}, {"canonical_id", item}, {"text", "x"}, {"due_on", in_days(45)}})
            .status,
        409);
    EXPECT_EQ(
        inspector.post(url + "/steps", {{"version", 7}, {"action", "send_back"}, {"text", "やはり"}}).status,
        409);

    // Every write is audited.
    DatabaseSession direct(db());
    long long audited = 0;
    *direct << "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'improvement_request.%'",
        soci::into(audited);
    EXPECT_GE(audited, 8);

    // The document of the request is a PDF on both sides.
    for (SessionClient* c : {&inspector, &hospital}) {
        const auto document = c->get(url + "/document");
        ASSERT_EQ(document.status, 200) << document.body;
        EXPECT_EQ(document.body.substr(0, 4), "%PDF");
    }
}

TEST_F(ImprovementRequestsApi, RefusalsNameTheirReason) {
    SessionClient inspector = persona("hokenjo@demo.example");
    SessionClient hospital = persona("hospital@demo.example");
    SessionClient osaka = persona("osaka-inspector@demo.example");
    SessionClient clinic = persona("sakura@demo.example");
    const long long visit = hospital_visit(this_fiscal_year());
    ASSERT_GT(visit, 0);
    const json body = {{"visit_id", visit},
                       {"canonical_id", "BAK-01"},
                       {"text", "手順を定めること"},
                       {"due_on", in_days(10)}};

    // A due date in the past: 400 naming due_on, nothing stored.
    json past = body;
    past["due_on"] = in_days(-1);
    const auto refused = inspector.post("/api/v1/improvement-requests", past);
    EXPECT_EQ(refused.status, 400) << refused.body;
    EXPECT_NE(refused.body.find("due_on"), std::string::npos) << refused.body;
    // The wrong jurisdiction: the visit does not exist for them.
    EXPECT_EQ(osaka.post("/api/v1/improvement-requests", body).status, 404);
    // The institution does not make requests.
    EXPECT_EQ(hospital.post("/api/v1/improvement-requests", body).status, 404);

    const auto made = inspector.post("/api/v1/improvement-requests", body);
    ASSERT_EQ(made.status, 201) << made.body;
    const std::string url =
        "/api/v1/improvement-requests/" + std::to_string(made.json()["id"].get<long long>());
    EXPECT_EQ(osaka.get(url).status, 404);
    EXPECT_EQ(osaka.get("/api/v1/inspections/visits/" + std::to_string(visit) + "/package").status, 404);
    EXPECT_EQ(clinic.get(url).status, 404);
    EXPECT_EQ(clinic.post(url + "/steps", {{"version", 1}, {"action", "submit_plan"}, {"text", "x"}}).status,
              404);
    // The inspector may not answer for the institution, nor the institution edit the request.
    EXPECT_EQ(
        inspector.post(url + "/steps", {{"version", 1}, {"action", "submit_plan"}, {"text", "x"}}).status,
        403);
    EXPECT_EQ(
        hospital.put(url, {{"version", 1}, {"canonical_id", "BAK-01"}, {"text", "x"}, {"due_on", in_days(5)}})
            .status,
        403);
    // Completion before anything to show: the evidence is refused by kind.
    EXPECT_EQ(
        hospital.send("POST", url + "/evidence?file_name=a.exe", "MZ\x90\x00", "application/octet-stream")
            .status,
        400);

    DatabaseSession direct(db());
    long long stored = 0;
    const std::string due_on =
        body["due_on"].get<std::string>();  // SOCI runs the statement after temporaries die
    *direct << "SELECT COUNT(*) FROM improvement_requests WHERE canonical_id = 'BAK-01' AND due_on = :d",
        soci::use(due_on), soci::into(stored);
    EXPECT_EQ(stored, 1);
}

TEST_F(ImprovementRequestsApi, TheDemoHistoryThePackageAndTheResultNotice) {
    SessionClient inspector = persona("hokenjo@demo.example");
    SessionClient hospital = persona("hospital@demo.example");
    const long long last = hospital_visit(this_fiscal_year() - 1), now = hospital_visit(this_fiscal_year());
    ASSERT_GT(last, 0);

    // The institution's page: last year's result (summary and findings, never the notes) and both requests.
    const auto me = hospital.get("/api/v1/me").json();
    const auto history = hospital.get(
        "/api/v1/organisations/" + std::to_string(me["organisation_id"].get<long long>()) + "/inspections");
    ASSERT_EQ(history.status, 200) << history.body;
    EXPECT_EQ(history.body.find("院内メモ"), std::string::npos)
        << "a line's internal note reached the institution";
    bool result_seen = false;
    const json history_json = history.json();
    for (const auto& v : history_json["visits"])
        if (v["id"] == last) {
            result_seen = v["has_result"].get<bool>();
            EXPECT_EQ(v["findings"].size(), 2u);
            EXPECT_FALSE(v["summary"].get<std::string>().empty());
        }
    EXPECT_TRUE(result_seen) << history.body;
    std::map<std::string, int> statuses;
    for (const auto& r : history_json["requests"]) ++statuses[r["status"].get<std::string>()];
    EXPECT_EQ(statuses["closed"], 1);
    EXPECT_EQ(statuses["plan_submitted"], 1);
    EXPECT_EQ(history.json()["open"], 1);
    EXPECT_EQ(history.json()["overdue"], 0);

    // The package of this year's visit: the checklist's いいえ, the last inspection with one request open.
    const auto package = inspector.get("/api/v1/inspections/visits/" + std::to_string(now) + "/package");
    ASSERT_EQ(package.status, 200) << package.body;
    const auto p = package.json();
    EXPECT_EQ(p["institution"]["name"], "デモ総合病院");
    EXPECT_EQ(p["checklist"]["status"], "draft");
    EXPECT_FALSE(p["no_lines"].empty());
    EXPECT_EQ(p["vendor_forms_available"], false);
    EXPECT_EQ(p["last_visit"]["fiscal_year"], this_fiscal_year() - 1);
    EXPECT_EQ(p["last_visit"]["open_requests"], 1);
    EXPECT_EQ(p["last_findings"].size(), 2u);
    // The package is the inspectors' own: the institution does not see it.
    EXPECT_EQ(hospital.get("/api/v1/inspections/visits/" + std::to_string(now) + "/package").status, 404);
    const auto package_pdf =
        inspector.get("/api/v1/inspections/visits/" + std::to_string(now) + "/package?format=pdf");
    ASSERT_EQ(package_pdf.status, 200);
    EXPECT_EQ(package_pdf.body.substr(0, 4), "%PDF");

    // 結果通知: for a completed record only, on both sides.
    EXPECT_EQ(inspector.get("/api/v1/inspections/visits/" + std::to_string(now) + "/documents/result-notice")
                  .status,
              409);
    for (SessionClient* c : {&inspector, &hospital}) {
        const auto notice =
            c->get("/api/v1/inspections/visits/" + std::to_string(last) + "/documents/result-notice");
        ASSERT_EQ(notice.status, 200) << notice.body;
        EXPECT_EQ(notice.body.substr(0, 4), "%PDF");
    }
}

TEST_F(ImprovementRequestsApi, OverdueRequestsAreFlaggedOnBothSidesUntilClosed) {
    SessionClient inspector = persona("hokenjo@demo.example");
    SessionClient hospital = persona("hospital@demo.example");
    {
        // The demo's open request (plan submitted) passes its due date; the closed one's passed long ago.
        DatabaseSession direct(db());
        const std::string yesterday = in_days(-1);
        *direct << "UPDATE improvement_requests SET due_on = :d WHERE status = 'plan_submitted'",
            soci::use(yesterday);
    }
    const auto overdue = inspector.get("/api/v1/improvement-requests?overdue=true");
    ASSERT_EQ(overdue.status, 200) << overdue.body;
    const json listed = overdue.json();
    ASSERT_EQ(listed["requests"].size(), 1u) << overdue.body;
    EXPECT_EQ(listed["requests"][0]["status"], "plan_submitted");
    EXPECT_TRUE(listed["requests"][0]["overdue"].get<bool>());
    EXPECT_EQ(listed["overdue"], 1);
    // The whole list puts it first.
    const json all = inspector.get("/api/v1/improvement-requests").json();
    ASSERT_EQ(all["requests"].size(), 2u);
    EXPECT_TRUE(all["requests"][0]["overdue"].get<bool>());
    EXPECT_FALSE(all["requests"][1]["overdue"].get<bool>()) << "a closed request is never overdue";
    // The institution sees the same on its list and its page.
    EXPECT_EQ(hospital.get("/api/v1/improvement-requests").json()["overdue"], 1);
    const auto me = hospital.get("/api/v1/me").json();
    const json history = hospital
                             .get("/api/v1/organisations/" +
                                  std::to_string(me["organisation_id"].get<long long>()) + "/inspections")
                             .json();
    EXPECT_EQ(history["overdue"], 1);
    EXPECT_EQ(history["open"], 1);
}

}  // namespace
}  // namespace mamori::testing
