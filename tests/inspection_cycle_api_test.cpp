// The whole inspection cycle (issue 15) through the API on the demo database, between デモ区保健所 and
// あおば薬局 (no visit yet this year): plan, notice on the institution's side, the checklist answered and
// submitted, the on-site record frozen, findings recorded and the record completed, the findings turned into
// improvement requests at once, the institution's plans, evidence and completion reports, one request sent
// back and both closed — and every refusal on the way (another prefecture's inspector, a due date in the
// past, a line that is not a finding, recording on a completed record, editing a closed request).
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "mamori/core/time.hpp"
#include "mamori/documents/letter_pdf.hpp"
#include "mamori/identity/passwords.hpp"
#include "support/pdf_text.hpp"
#include "support/demo_server_test.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hokenjo@demo.example", "hokenjo-demo-pass"},
    {"aoba@demo.example", "aoba-demo-pass"},
    {"osaka-inspector@demo.example", "a long enough password"}};

std::string in_days(int days) {
    using namespace std::chrono;
    return to_iso_date(year_month_day(sys_days(japan_date(system_clock::now())) + std::chrono::days(days)));
}

std::string field_of(const HttpResult& r) {
    const auto body = r.json();
    return body.contains("errors") && !body["errors"].empty() ? body["errors"][0]["field"].get<std::string>()
                                                              : "";
}

class InspectionCycleApi : public DemoServerTest {
  protected:
    InspectionCycleApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("大阪府", "osaka-inspector@demo.example", "大阪の検査員", "inspector");
    }
};

// answer_all: every line of the checklist answered はい (one いいえ with its target), as the pharmacy would.
void answer_all(SessionClient& pharmacy, const std::string& path, json assessment) {
    ASSERT_EQ(
        pharmacy.patch(path, {{"version", assessment["version"]}, {"has_vendor_contract", false}}).status,
        200);
    const std::string today = in_days(0);
    int n = 0;
    for (const auto& item : assessment["items"]) {
        if (item["applicability"]["requires_vendor_contract"]) continue;
        for (const auto& row : item["rows"]) {
            json body = {{"value", "yes"}, {"confirmed_on", today}, {"version", 0}};
            if (n++ == 0)
                body = {
                    {"value", "no"}, {"confirmed_on", today}, {"target_date", in_days(90)}, {"version", 0}};
            const auto r = pharmacy.put(path + "/answers/" + item["canonical_id"].get<std::string>() + "/" +
                                            row["key"].get<std::string>(),
                                        body);
            ASSERT_EQ(r.status, 200) << item["canonical_id"] << ": " << r.body;
        }
    }
}

TEST_F(InspectionCycleApi, FromThePlanToTheClosedRequestsWithEveryRefusal) {
    SessionClient inspector = persona("hokenjo@demo.example");
    SessionClient pharmacy = persona("aoba@demo.example");
    SessionClient osaka = persona("osaka-inspector@demo.example");
    const long long aoba = scalar("SELECT id FROM organisations WHERE name = 'あおば薬局'");
    ASSERT_GT(aoba, 0);
    const std::string visit_on = in_days(21), checklist_due_on = in_days(14);
    const int fy = fiscal_year(*parse_iso_date(visit_on));

    // 1. Plan: the pharmacy has no visit this year; the health centre plans one with its inspector.
    const auto inspectors = inspector.get("/api/v1/inspections/plan/inspectors").json()["inspectors"];
    ASSERT_FALSE(inspectors.empty());
    const auto created =
        inspector.post("/api/v1/inspections/visits", {{"organisation_ids", {aoba}},
                                                      {"fiscal_year", fy},
                                                      {"planned_on", visit_on},
                                                      {"inspectors", {inspectors[0]["id"]}}});
    ASSERT_EQ(created.status, 201) << created.body;
    const long long visit = created.json()["created"][0];
    const std::string visit_url = "/api/v1/inspections/visits/" + std::to_string(visit);
    const std::string record_url = visit_url + "/record";
    const std::string findings_url = visit_url + "/improvement-requests/from-findings";

    // Another prefecture's inspector: the visit does not exist.
    EXPECT_EQ(osaka.get(visit_url).status, 404);
    EXPECT_EQ(osaka
                  .post(visit_url + "/transition",
                        {{"version", 1}, {"action", "notify"}, {"checklist_due_on", checklist_due_on}})
                  .status,
              404);

    // 2. Notice: the pharmacy sees it on its dashboard with the date its checklist is asked for.
    EXPECT_EQ(pharmacy.get("/api/v1/inspections/notices").json()["notices"].size(), 0u)
        << "a planned visit is not shown before its notice";
    const auto planned = inspector.get(visit_url).json();
    const auto notified = inspector.post(
        visit_url + "/transition",
        {{"version", planned["version"]}, {"action", "notify"}, {"checklist_due_on", checklist_due_on}});
    ASSERT_EQ(notified.status, 200) << notified.body;
    EXPECT_EQ(notified.json()["status"], "notified");
    const auto notices = pharmacy.get("/api/v1/inspections/notices");
    ASSERT_EQ(notices.status, 200) << notices.body;
    ASSERT_EQ(notices.json()["notices"].size(), 1u) << notices.body;
    EXPECT_EQ(notices.json()["notices"][0]["planned_on"], visit_on);
    EXPECT_EQ(notices.json()["notices"][0]["checklist_due_on"], checklist_due_on);
    EXPECT_EQ(notices.json()["notices"][0]["inspecting_organisation_name"], "デモ区保健所");

    // 3. The pharmacy answers and submits its checklist of the fiscal year.
    const auto started_checklist = pharmacy.post(
        "/api/v1/organisations/" + std::to_string(aoba) + "/assessments", {{"fiscal_year", fy}});
    ASSERT_EQ(started_checklist.status, 201) << started_checklist.body;
    const std::string checklist_url =
        "/api/v1/assessments/" + std::to_string(started_checklist.json()["id"].get<long long>());
    answer_all(pharmacy, checklist_url, started_checklist.json());
    const auto answered = pharmacy.get(checklist_url).json();
    ASSERT_EQ(answered["progress"]["percent"], 100) << answered["progress"].dump();
    const auto submitted = pharmacy.post(checklist_url + "/submit", {{"version", answered["version"]}});
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    EXPECT_EQ(submitted.json()["status"], "submitted");

    // 4. On site: the record starts with the submitted checklist frozen as the checklist of record.
    EXPECT_EQ(osaka.post(record_url, json::object()).status, 404);
    const auto started = inspector.post(record_url, json::object());
    ASSERT_EQ(started.status, 201) << started.body;
    EXPECT_EQ(started.json()["checklist_of_record"]["status"], "submitted");
    EXPECT_EQ(inspector.post(record_url, json::object()).status, 409) << "a record starts once";
    const json lines = started.json()["checklist_of_record"]["lines"];
    ASSERT_GE(lines.size(), 4u);
    const auto line_url = [&](int i) {
        return record_url + "/lines/" + lines[i]["canonical_id"].get<std::string>() + "/" +
               lines[i]["row"].get<std::string>();
    };
    const auto key_of = [&](int i) {
        return json{{"canonical_id", lines[i]["canonical_id"]}, {"row_key", lines[i]["row"]}};
    };
    ASSERT_EQ(inspector
                  .put(line_url(0), {{"verdict", "finding"},
                                     {"finding", "バックアップの復旧手順が文書化されていない"},
                                     {"note", "内部メモ：担当者不在"},
                                     {"base_version", 0}})
                  .status,
              200);
    ASSERT_EQ(inspector
                  .put(line_url(1), {{"verdict", "finding"},
                                     {"finding", "パスワードの使い回しがある"},
                                     {"note", "内部メモ：要再訪"},
                                     {"base_version", 0}})
                  .status,
              200);
    ASSERT_EQ(inspector.put(line_url(2), {{"verdict", "confirmed"}, {"base_version", 0}}).status, 200);
    EXPECT_EQ(osaka.put(line_url(3), {{"verdict", "confirmed"}, {"base_version", 0}}).status, 404);
    ASSERT_EQ(inspector.put(line_url(3), {{"verdict", "incomplete"}, {"base_version", 0}}).status, 200);

    // 5. Completed: the visit is done and the record read-only.
    const auto completed = inspector.post(record_url + "/complete", {{"summary", "概ね良好。指摘2件。"},
                                                                     {"version", started.json()["version"]}});
    ASSERT_EQ(completed.status, 200) << completed.body;
    EXPECT_EQ(completed.json()["visit_status"], "done");
    EXPECT_EQ(completed.json()["counts"], (json{{"confirmed", 1}, {"incomplete", 1}, {"finding", 2}}));
    EXPECT_EQ(inspector.put(line_url(2), {{"verdict", "finding"}, {"finding", "後から"}, {"base_version", 1}})
                  .status,
              409)
        << "recording on a completed record";
    EXPECT_EQ(inspector.post(record_url, json::object()).status, 409) << "no second record of a done visit";
    EXPECT_EQ(inspector
                  .post(visit_url + "/transition",
                        {{"version", completed.json()["version"]}, {"action", "postpone"}, {"reason", "x"}})
                  .status,
              409);
    // The institution reads its result without the inspector's notes.
    const auto result = pharmacy.get(record_url);
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.json()["summary"], "概ね良好。指摘2件。");
    EXPECT_EQ(result.body.find("内部メモ"), std::string::npos) << result.body;
    EXPECT_NE(result.body.find("パスワードの使い回し"), std::string::npos);

    // 6. The findings, turned into requests at once. Refusals first; none of them makes anything.
    const auto findings = inspector.get(findings_url);
    ASSERT_EQ(findings.status, 200) << findings.body;
    ASSERT_EQ(findings.json()["findings"].size(), 2u) << findings.body;
    EXPECT_TRUE(findings.json()["can_create"].get<bool>());
    EXPECT_TRUE(findings.json()["findings"][0]["request_id"].is_null());
    EXPECT_EQ(findings.json()["findings"][0]["canonical_id"], lines[0]["canonical_id"])
        << "in the checklist's order";
    EXPECT_EQ(findings.json()["findings"][1]["canonical_id"], lines[1]["canonical_id"]);
    EXPECT_FALSE(findings.json()["findings"][0]["label"].get<std::string>().empty()) << findings.body;
    EXPECT_EQ(pharmacy.get(findings_url).status, 404) << "the institution has no inspector's view";
    EXPECT_EQ(osaka.get(findings_url).status, 404);
    const json both = {{"due_on", in_days(30)}, {"findings", json::array({key_of(0), key_of(1)})}};
    EXPECT_EQ(osaka.post(findings_url, both).status, 404);
    EXPECT_EQ(pharmacy.post(findings_url, both).status, 404);
    auto refused = inspector.post(findings_url, {{"due_on", in_days(-1)}, {"findings", both["findings"]}});
    EXPECT_EQ(refused.status, 400) << refused.body;
    EXPECT_EQ(field_of(refused), "findings[0].due_on");
    json empty_text = key_of(1);
    empty_text["text"] = "   ";
    refused = inspector.post(findings_url, {{"due_on", in_days(30)}, {"findings", {key_of(0), empty_text}}});
    EXPECT_EQ(refused.status, 400) << refused.body;
    EXPECT_EQ(field_of(refused), "findings[1].text");
    refused = inspector.post(findings_url, {{"due_on", in_days(30)}, {"findings", {key_of(0), key_of(2)}}});
    EXPECT_EQ(refused.status, 400) << "a confirmed line is not a finding: " << refused.body;
    EXPECT_EQ(field_of(refused), "findings[1]");
    refused = inspector.post(findings_url, {{"due_on", in_days(30)}, {"findings", {key_of(3)}}});
    EXPECT_EQ(refused.status, 400) << "記載不備 is not a finding: " << refused.body;
    EXPECT_EQ(inspector.post(findings_url, {{"due_on", in_days(30)}, {"findings", json::array()}}).status,
              400);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM improvement_requests WHERE visit_id = " + std::to_string(visit)),
              0);

    // One action, two requests: the first with the finding's text and the common due date, the second
    // with its own text and date.
    json second = key_of(1);
    second["text"] = "パスワードの使い回しをやめ、利用者ごとのアカウントにすること";
    second["due_on"] = in_days(60);
    const auto made =
        inspector.post(findings_url, {{"due_on", in_days(30)}, {"findings", {key_of(0), second}}});
    ASSERT_EQ(made.status, 201) << made.body;
    ASSERT_EQ(made.json()["created"].size(), 2u) << made.body;
    EXPECT_TRUE(made.json()["already"].empty());
    const json first_request = made.json()["created"][0], second_request = made.json()["created"][1];
    EXPECT_EQ(first_request["text"], "バックアップの復旧手順が文書化されていない");
    EXPECT_EQ(first_request["due_on"], in_days(30));
    EXPECT_EQ(first_request["canonical_id"], lines[0]["canonical_id"]);
    EXPECT_EQ(first_request["status"], "open");
    EXPECT_EQ(second_request["text"], second["text"]);
    EXPECT_EQ(second_request["due_on"], in_days(60));
    // Idempotent: the same findings again make nothing and name the requests they already have.
    const auto again = inspector.post(findings_url, both);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_TRUE(again.json()["created"].empty());
    ASSERT_EQ(again.json()["already"].size(), 2u);
    EXPECT_EQ(again.json()["already"][0]["request_id"], first_request["id"]);
    EXPECT_EQ(
        scalar("SELECT COUNT(*) FROM improvement_requests WHERE record_row_key IS NOT NULL AND visit_id = " +
               std::to_string(visit)),
        2);
    std::map<std::string, json> linked;
    for (const json body = inspector.get(findings_url).json(); const auto& f : body["findings"])
        linked[f["canonical_id"].get<std::string>() + "/" + f["row_key"].get<std::string>()] =
            f["request_id"];
    EXPECT_EQ(
        linked.at(lines[0]["canonical_id"].get<std::string>() + "/" + lines[0]["row"].get<std::string>()),
        first_request["id"]);
    EXPECT_EQ(
        linked.at(lines[1]["canonical_id"].get<std::string>() + "/" + lines[1]["row"].get<std::string>()),
        second_request["id"]);

    // 7. The institution sees both requests, with the finding and never a note, and answers them.
    const auto mine = pharmacy.get("/api/v1/improvement-requests");
    ASSERT_EQ(mine.status, 200) << mine.body;
    EXPECT_EQ(mine.json()["requests"].size(), 2u) << mine.body;
    EXPECT_EQ(mine.body.find("内部メモ"), std::string::npos);
    const auto url_of = [](const json& r) {
        return "/api/v1/improvement-requests/" + std::to_string(r["id"].get<long long>());
    };
    const std::string first = url_of(first_request), other = url_of(second_request);
    const auto seen = pharmacy.get(first);
    ASSERT_EQ(seen.status, 200) << seen.body;
    EXPECT_EQ(seen.json()["finding"], "バックアップの復旧手順が文書化されていない");
    const json actions = seen.json()["actions"];
    EXPECT_NE(std::find(actions.begin(), actions.end(), "submit_plan"), actions.end()) << seen.body;
    EXPECT_EQ(std::find(actions.begin(), actions.end(), "close"), actions.end())
        << "closing is the inspector's";
    EXPECT_EQ(osaka.get(first).status, 404);

    const std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    const auto answer = [&](const std::string& url, int version) {
        auto planned_step =
            pharmacy.post(url + "/steps",
                          {{"version", version}, {"action", "submit_plan"}, {"text", "今月中に対応します"}});
        EXPECT_EQ(planned_step.status, 200) << planned_step.body;
        auto uploaded = pharmacy.send("POST", url + "/evidence?file_name=report.pdf", pdf, "application/pdf");
        EXPECT_EQ(uploaded.status, 201) << uploaded.body;
        auto reported = pharmacy.post(
            url + "/steps",
            {{"version", version + 1},
             {"action", "report_completion"},
             {"text", "対応しました"},
             {"evidence",
              {{"sha256", uploaded.json()["sha256"]}, {"file_name", uploaded.json()["file_name"]}}}});
        EXPECT_EQ(reported.status, 200) << reported.body;
        EXPECT_EQ(reported.json()["status"], "completion_reported");
        return reported.json()["version"].get<int>();
    };
    int first_version = answer(first, 1);
    const int other_version = answer(other, 1);

    // 8. The inspector sends the first back with a reason, closes the other; the first is answered again
    // and closed too.
    EXPECT_EQ(
        inspector.post(first + "/steps", {{"version", first_version}, {"action", "send_back"}, {"text", ""}})
            .status,
        400)
        << "sending back needs a reason";
    const auto back = inspector.post(
        first + "/steps",
        {{"version", first_version}, {"action", "send_back"}, {"text", "復旧訓練の記録も添付してください"}});
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(back.json()["status"], "returned");
    EXPECT_EQ(pharmacy.get(first).json()["status"], "returned");
    const auto closed_other = inspector.post(
        other + "/steps", {{"version", other_version}, {"action", "close"}, {"text", "確認しました"}});
    ASSERT_EQ(closed_other.status, 200) << closed_other.body;
    EXPECT_EQ(closed_other.json()["status"], "closed");

    const auto uploaded =
        pharmacy.send("POST", first + "/evidence?file_name=drill.pdf", pdf, "application/pdf");
    ASSERT_EQ(uploaded.status, 201) << uploaded.body;
    const auto reported = pharmacy.post(
        first + "/steps",
        {{"version", back.json()["version"]},
         {"action", "report_completion"},
         {"text", "訓練記録を添付します"},
         {"evidence", {{"sha256", uploaded.json()["sha256"]}, {"file_name", uploaded.json()["file_name"]}}}});
    ASSERT_EQ(reported.status, 200) << reported.body;
    first_version = reported.json()["version"];
    const auto closed_first = inspector.post(
        first + "/steps", {{"version", first_version}, {"action", "close"}, {"text", "確認しました"}});
    ASSERT_EQ(closed_first.status, 200) << closed_first.body;
    EXPECT_EQ(closed_first.json()["status"], "closed");

    // A closed request is final: not edited, not stepped; its finding is not turned into a request again.
    EXPECT_EQ(inspector
                  .put(first, {{"version", closed_first.json()["version"]},
                               {"canonical_id", first_request["canonical_id"]},
                               {"text", "書き換え"},
                               {"due_on", in_days(45)}})
                  .status,
              409);
    EXPECT_EQ(
        inspector
            .post(first + "/steps",
                  {{"version", closed_first.json()["version"]}, {"action", "send_back"}, {"text", "再度"}})
            .status,
        409);
    EXPECT_EQ(inspector.post(findings_url, {{"due_on", in_days(30)}, {"findings", {key_of(0)}}})
                  .json()["created"]
                  .size(),
              0u);

    // What each side sees in the end: the institution's history of this visit with its result and both
    // requests closed; the documents of the visit and of a request.
    const auto history = pharmacy.get("/api/v1/organisations/" + std::to_string(aoba) + "/inspections");
    ASSERT_EQ(history.status, 200) << history.body;
    EXPECT_EQ(history.json()["open"], 0);
    EXPECT_EQ(history.body.find("内部メモ"), std::string::npos);
    bool has_result = false;
    for (const json body = history.json(); const auto& v : body["visits"])
        if (v["id"] == visit) has_result = v["has_result"].get<bool>();
    EXPECT_TRUE(has_result) << history.body;
    for (SessionClient* c : {&inspector, &pharmacy}) {
        const auto notice = c->get(visit_url + "/documents/result-notice");
        ASSERT_EQ(notice.status, 200) << notice.body;
        EXPECT_EQ(notice.body.substr(0, 4), "%PDF");
        // The visit was held (the record started and completed) today, three weeks before its planned date:
        // the notice names the day it was held.
        const std::string text = pdf_text(notice.body, dir_.path());
        EXPECT_NE(text.find(documents::japanese_date(in_days(0))), std::string::npos) << text;
        EXPECT_EQ(text.find(documents::japanese_date(visit_on)), std::string::npos) << text;
        const auto letter = c->get(first + "/document");
        ASSERT_EQ(letter.status, 200) << letter.body;
        EXPECT_EQ(letter.body.substr(0, 4), "%PDF");
    }
    EXPECT_EQ(osaka.get(visit_url + "/documents/result-notice").status, 404);

    // Every write is in the audit log.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'improvement_request.created' AND "
                     "target LIKE 'improvement_request:%' AND detail LIKE '%from_finding%'"),
              2);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'improvement_request.send_back'"), 1);
    EXPECT_GE(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'improvement_request.close'"), 2);
    EXPECT_GE(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'inspection.record_completed'"), 1);
    EXPECT_GE(scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'inspection.%'"), 5);
}

}  // namespace
}  // namespace mamori::testing
