// The yearly inspection plan over HTTP, on the demo set (docs/adr/0018-inspections.md): the prefecture's
// frequency policy, the due list, visits planned from it, notified, postponed and rescheduled on their
// versions with history, the institution's notice, the plan file out and back in, the jurisdiction's summary,
// and every refusal (another prefecture, the institution, stale versions, missing dates and reasons).
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <chrono>
#include <map>

#include "mamori/core/time.hpp"
#include "mamori/documents/xlsx_table.hpp"
#include "mamori/identity/passwords.hpp"
#include "support/demo_server_test.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;
using namespace std::chrono;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"}, {"aoba@demo.example", "aoba-demo-pass"},
    {"hokenjo@demo.example", "hokenjo-demo-pass"},   {"tokyo@demo.example", "tokyo-demo-pass"},
    {"sakura@demo.example", "sakura-demo-pass"},     {"osaka@demo.example", "a long enough password"},
};

std::string day(int from_today) {
    return to_iso_date(year_month_day(sys_days(japan_date(system_clock::now())) + days(from_today)));
}

class InspectionPlanApi : public DemoServerTest {
  protected:
    InspectionPlanApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("大阪府", "osaka@demo.example", "大阪 太郎", "administrator");  // the other side of every rule
    }
    SessionClient as(const std::string& login) { return persona(login); }
    long long organisation(const std::string& name) {
        return scalar("SELECT id FROM organisations WHERE name = '" + name + "'");
    }
    static std::string field_of(const HttpResult& r) {
        const auto body = r.json();
        return body.contains("errors") && !body["errors"].empty() ? body["errors"][0]["field"].get<std::string>() : "";
    }
};

TEST_F(InspectionPlanApi, ThePrefectureSetsItsPolicyAndTheHealthCentrePlansNotifiesAndPostpones) {
    // A visit three weeks ahead, its fiscal year, and the checklist asked for a week before.
    const std::string visit_on = day(20), due_on = day(13);
    const int fy = fiscal_year(*parse_iso_date(visit_on));
    const std::string fy_query = "?fiscal_year=" + std::to_string(fy);
    SessionClient tokyo = as("tokyo@demo.example");
    SessionClient hokenjo = as("hokenjo@demo.example");

    // The national default, with its source and confidence; pharmacies are inspected on cause.
    auto policy = tokyo.get("/api/v1/inspections/policies");
    ASSERT_EQ(policy.status, 200) << policy.body;
    EXPECT_EQ(policy.json()["prefecture_name"], "東京都");
    EXPECT_EQ(policy.json()["permissions"]["edit"], true);
    ASSERT_EQ(policy.json()["rules"].size(), 5u);
    for (const json body = policy.json(); const auto& rule : body["rules"]) {
        EXPECT_FALSE(rule["source"].get<std::string>().empty()) << rule.dump();
        EXPECT_EQ(rule["prefecture_rule"], false);
        if (rule["inspection_class"] == "pharmacy") { EXPECT_TRUE(rule["every_years"].is_null()); }
        if (rule["inspection_class"] == "hospital") { EXPECT_EQ(rule["every_years"], 1); }
    }
    // The health centre reads it and may not change it; 0 years is refused naming the field.
    EXPECT_EQ(hokenjo.get("/api/v1/inspections/policies").json()["permissions"]["edit"], false);
    EXPECT_EQ(hokenjo.put("/api/v1/inspections/policies", {{"rules", {{{"inspection_class", "pharmacy"}, {"every_years", 5}}}}}).status, 403);
    auto zero = tokyo.put("/api/v1/inspections/policies", {{"rules", {{{"inspection_class", "pharmacy"}, {"every_years", 0}}}}});
    EXPECT_EQ(zero.status, 400) << zero.body;
    EXPECT_EQ(field_of(zero), "rules[0].every_years");
    auto set = tokyo.put("/api/v1/inspections/policies",
                         {{"rules", {{{"inspection_class", "pharmacy"}, {"every_years", 5}, {"source", "東京都の方針（テスト）"}}}}});
    ASSERT_EQ(set.status, 200) << set.body;
    const auto after = hokenjo.get("/api/v1/inspections/policies").json();
    for (const auto& rule : after["rules"])
        if (rule["inspection_class"] == "pharmacy") {
            EXPECT_EQ(rule["every_years"], 5);
            EXPECT_EQ(rule["prefecture_rule"], true);
        }

    // The pharmacy, never inspected, is now due and not planned; the demo hospital is due and notified.
    auto due = hokenjo.get("/api/v1/inspections/plan/due" + fy_query);
    ASSERT_EQ(due.status, 200) << due.body;
    const long long aoba = organisation("あおば薬局"), hospital = organisation("デモ総合病院");
    std::map<long long, json> due_rows;
    for (const json body = due.json(); const auto& r : body["rows"]) due_rows[r["organisation_id"].get<long long>()] = r;
    ASSERT_TRUE(due_rows.contains(aoba)) << due.body;
    EXPECT_TRUE(due_rows[aoba]["visit_id"].is_null());
    EXPECT_EQ(due_rows[aoba]["due"], "due");
    ASSERT_TRUE(due_rows.contains(hospital)) << due.body;
    EXPECT_EQ(due_rows[hospital]["visit_status"], "notified");
    EXPECT_EQ(hokenjo.get("/api/v1/inspections/plan/due" + fy_query + "&unplanned=true").json()["total"], 1);

    // Planned from the due list, with an inspector of the health centre.
    const auto inspectors = hokenjo.get("/api/v1/inspections/plan/inspectors").json()["inspectors"];
    ASSERT_EQ(inspectors.size(), 1u);
    auto created = hokenjo.post("/api/v1/inspections/visits", {{"organisation_ids", {aoba}},
                                                               {"fiscal_year", fy},
                                                               {"planned_on", visit_on},
                                                               {"inspectors", {inspectors[0]["id"]}}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string visit = "/api/v1/inspections/visits/" + std::to_string(created.json()["created"][0].get<long long>());
    auto again = hokenjo.post("/api/v1/inspections/visits", {{"organisation_ids", {aoba}}, {"fiscal_year", fy}});
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_EQ(field_of(again), "organisation_ids[0]");
    auto osaka_clinic = hokenjo.post("/api/v1/inspections/visits",
                                     {{"organisation_ids", {organisation("なにわ診療所")}}, {"fiscal_year", fy}});
    EXPECT_EQ(osaka_clinic.status, 404) << osaka_clinic.body;
    auto not_inspector = hokenjo.post("/api/v1/inspections/visits",
                                      {{"organisation_ids", {organisation("ひまわり歯科医院")}}, {"fiscal_year", fy}, {"inspectors", {1}}});
    EXPECT_EQ(not_inspector.status, 400) << not_inspector.body;

    // A notice needs the checklist's date, not in the past, and the current version.
    auto v1 = hokenjo.get(visit).json();
    EXPECT_EQ(v1["status"], "planned");
    EXPECT_EQ(v1["inspectors"][0]["id"], inspectors[0]["id"]);
    auto no_due = hokenjo.post(visit + "/transition", {{"version", v1["version"]}, {"action", "notify"}});
    EXPECT_EQ(no_due.status, 400);
    EXPECT_EQ(field_of(no_due), "checklist_due_on");
    auto past = hokenjo.post(visit + "/transition",
                             {{"version", v1["version"]}, {"action", "notify"}, {"checklist_due_on", day(-1)}});
    EXPECT_EQ(past.status, 400);
    EXPECT_EQ(field_of(past), "checklist_due_on");
    auto undated = hokenjo.patch(visit, {{"version", v1["version"]}, {"planned_on", nullptr}});
    ASSERT_EQ(undated.status, 200) << undated.body;
    auto no_date = hokenjo.post(visit + "/transition",
                                {{"version", undated.json()["version"]}, {"action", "notify"}, {"checklist_due_on", due_on}});
    EXPECT_EQ(no_date.status, 400);
    EXPECT_EQ(field_of(no_date), "planned_on");
    auto stale = hokenjo.post(visit + "/transition", {{"version", v1["version"]},
                                                      {"action", "notify"},
                                                      {"planned_on", visit_on},
                                                      {"checklist_due_on", due_on}});
    EXPECT_EQ(stale.status, 409) << stale.body;
    auto notified = hokenjo.post(visit + "/transition", {{"version", undated.json()["version"]},
                                                         {"action", "notify"},
                                                         {"planned_on", visit_on},
                                                         {"checklist_due_on", due_on}});
    ASSERT_EQ(notified.status, 200) << notified.body;
    EXPECT_EQ(notified.json()["status"], "notified");
    EXPECT_EQ(notified.json()["planned_on"], visit_on);
    std::vector<std::string> actions;
    for (const json body = notified.json(); const auto& h : body["history"]) actions.push_back(h["action"]);
    EXPECT_EQ(actions, (std::vector<std::string>{"created", "changed", "notify"}));

    // The pharmacy sees its notice, with nothing internal; the hospital sees the demo's.
    SessionClient pharmacy = as("aoba@demo.example");
    auto notices = pharmacy.get("/api/v1/inspections/notices");
    ASSERT_EQ(notices.status, 200) << notices.body;
    ASSERT_EQ(notices.json()["notices"].size(), 1u);
    const auto notice = notices.json()["notices"][0];
    EXPECT_EQ(notice["planned_on"], visit_on);
    EXPECT_EQ(notice["checklist_due_on"], due_on);
    EXPECT_EQ(notice["inspecting_organisation_name"], "デモ区保健所");
    EXPECT_FALSE(notice.contains("inspectors"));
    EXPECT_FALSE(notice.contains("history"));
    EXPECT_EQ(as("hospital@demo.example").get("/api/v1/inspections/notices").json()["notices"].size(), 1u);
    // The institution reaches none of the plan.
    EXPECT_EQ(pharmacy.get(visit).status, 403);
    EXPECT_EQ(pharmacy.get("/api/v1/inspections/plan/due").status, 403);
    EXPECT_EQ(hokenjo.get("/api/v1/inspections/notices").status, 403);

    // Postponed only with a reason, then back to planned; the notice is gone.
    const int version = notified.json()["version"];
    auto no_reason = hokenjo.post(visit + "/transition", {{"version", version}, {"action", "postpone"}, {"reason", "  "}});
    EXPECT_EQ(no_reason.status, 400);
    EXPECT_EQ(field_of(no_reason), "reason");
    auto postponed = hokenjo.post(visit + "/transition", {{"version", version}, {"action", "postpone"}, {"reason", "薬局の改装工事のため"}});
    ASSERT_EQ(postponed.status, 200) << postponed.body;
    EXPECT_EQ(postponed.json()["postponed_reason"], "薬局の改装工事のため");
    EXPECT_EQ(pharmacy.get("/api/v1/inspections/notices").json()["notices"].size(), 0u);
    auto done = hokenjo.post(visit + "/transition", {{"version", postponed.json()["version"]}, {"action", "complete"}});
    EXPECT_EQ(done.status, 400) << "completing belongs to the on-site record";
    auto rescheduled = hokenjo.post(visit + "/transition", {{"version", postponed.json()["version"]}, {"action", "reschedule"}});
    ASSERT_EQ(rescheduled.status, 200) << rescheduled.body;
    EXPECT_EQ(rescheduled.json()["status"], "planned");
    EXPECT_TRUE(rescheduled.json()["checklist_due_on"].is_null());

    // The prefecture sees the health centre's plan, filtered; another prefecture sees none of it.
    auto list = tokyo.get("/api/v1/inspections/visits" + fy_query + "&health_centre=" +
                          std::to_string(organisation("デモ区保健所")));
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.json()["total"], 4);
    EXPECT_EQ(tokyo.get("/api/v1/inspections/visits" + fy_query + "&status=postponed").json()["total"], 1);
    EXPECT_EQ(hokenjo.get("/api/v1/inspections/visits" + fy_query + "&status=bogus").status, 400);
    SessionClient osaka = as("osaka@demo.example");
    EXPECT_EQ(osaka.get(visit).status, 404);
    EXPECT_EQ(osaka.post(visit + "/transition", {{"version", 1}, {"action", "postpone"}, {"reason", "x"}}).status, 404);
    EXPECT_EQ(osaka.get("/api/v1/inspections/visits" + fy_query).json()["total"], 0);
    EXPECT_EQ(osaka.get("/api/v1/inspections/visits?health_centre=" + std::to_string(organisation("デモ区保健所"))).status, 400);
    for (const json body = osaka.get("/api/v1/inspections/policies").json(); const auto& rule : body["rules"])
        if (rule["inspection_class"] == "pharmacy") { EXPECT_TRUE(rule["every_years"].is_null()); }

    // The summary counts the year.
    auto summary = hokenjo.get("/api/v1/inspections/summary" + fy_query);
    ASSERT_EQ(summary.status, 200) << summary.body;
    EXPECT_EQ(summary.json()["institutions"], 4);
    EXPECT_EQ(summary.json()["notified"], 1);
    EXPECT_EQ(summary.json()["postponed"], 1);
    EXPECT_EQ(summary.json()["planned"], 2);
    EXPECT_EQ(summary.json()["inspected"], 0);
}

TEST_F(InspectionPlanApi, ThePlanFileGoesOutAndComesBackWithAPreviewFirst) {
    const int fy = fiscal_year(japan_date(system_clock::now()));
    SessionClient hokenjo = as("hokenjo@demo.example");
    auto csv = hokenjo.get("/api/v1/inspections/plan.csv?fiscal_year=" + std::to_string(fy));
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF" "facility_id,name,planned_on,reason,status\r\n")) << csv.body;
    EXPECT_NE(csv.body.find("9913000000001,デモ総合病院,"), std::string::npos) << csv.body;

    auto xlsx = hokenjo.get("/api/v1/inspections/plan.xlsx?fiscal_year=" + std::to_string(fy));
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_TRUE(xlsx.body.starts_with("PK")) << "a zip package";
    EXPECT_NE(xlsx.header("Content-Type").value_or("").find("spreadsheetml"), std::string::npos);
    EXPECT_EQ(as("aoba@demo.example").get("/api/v1/inspections/plan.xlsx").status, 403);

    // The same file back changes nothing.
    const std::string import = "/api/v1/inspections/plan/import?fiscal_year=" + std::to_string(fy);
    auto same = hokenjo.send("POST", import + "&confirm=true", csv.body, "text/csv");
    ASSERT_EQ(same.status, 200) << same.body;
    EXPECT_EQ(same.json()["unchanged"], 3);
    EXPECT_EQ(same.json()["created"], 0);
    EXPECT_EQ(same.json()["updated"], 0);

    // A new line and a bad one: the preview names the column, and nothing is written even when confirmed.
    const std::string first_day = std::to_string(fy + 1) + "-04-01";  // outside the fiscal year
    const std::string file = csv.body + "9913000000004,あおば薬局,,cause,\r\n9913000000003,,"+ first_day + ",regular,\r\n";
    auto preview = hokenjo.send("POST", import + "&confirm=true", file, "text/csv");
    ASSERT_EQ(preview.status, 200) << preview.body;
    EXPECT_EQ(preview.json()["applied"], false);
    EXPECT_EQ(preview.json()["created"], 1);
    EXPECT_EQ(preview.json()["errors"], 1);
    bool named = false;
    for (const json body = preview.json(); const auto& l : body["lines"])
        if (l["outcome"] == "error") named = l["column"] == "planned_on" && l["line"] == 6;
    EXPECT_TRUE(named) << preview.body;
    EXPECT_EQ(hokenjo.get("/api/v1/inspections/visits?fiscal_year=" + std::to_string(fy)).json()["total"], 3);

    // Without the bad line it is written once; the same file again changes nothing.
    const std::string good = csv.body + "9913000000004,あおば薬局,,cause,\r\n";
    auto applied = hokenjo.send("POST", import + "&confirm=true", good, "text/csv");
    ASSERT_EQ(applied.status, 200) << applied.body;
    EXPECT_EQ(applied.json()["applied"], true);
    EXPECT_EQ(applied.json()["created"], 1);
    auto repeated = hokenjo.send("POST", import + "&confirm=true", good, "text/csv");
    EXPECT_EQ(repeated.json()["created"], 0);
    EXPECT_EQ(repeated.json()["unchanged"], 4);
    EXPECT_EQ(hokenjo.get("/api/v1/inspections/visits?fiscal_year=" + std::to_string(fy)).json()["total"], 4);
    auto header = hokenjo.send("POST", import, "id,when\r\n", "text/csv");
    EXPECT_EQ(header.json()["errors"], 1);
    EXPECT_EQ(header.json()["lines"][0]["column"], "facility_id");
    EXPECT_EQ(header.json()["lines"][0]["code"], "header_column");
    EXPECT_EQ(header.json()["lines"][0]["params"]["value"], "id");
}

TEST_F(InspectionPlanApi, TheExportedWorkbookComesBackUnchangedAndAnEditedOneNamesItsCells) {
    const int fy = fiscal_year(japan_date(system_clock::now()));
    const std::string year = "?fiscal_year=" + std::to_string(fy);
    SessionClient hokenjo = as("hokenjo@demo.example");
    const std::string import = "/api/v1/inspections/plan/import" + year;
    const auto xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    auto xlsx = hokenjo.get("/api/v1/inspections/plan.xlsx" + year);
    ASSERT_EQ(xlsx.status, 200);

    // Re-imported unchanged, the preview has nothing to change, and confirming writes nothing.
    auto same = hokenjo.send("POST", import, xlsx.body, xlsx_type);
    ASSERT_EQ(same.status, 200) << same.body;
    EXPECT_EQ(same.json()["unchanged"], 3) << same.body;
    EXPECT_EQ(same.json()["created"], 0);
    EXPECT_EQ(same.json()["updated"], 0);
    EXPECT_EQ(same.json()["errors"], 0);
    auto before = hokenjo.get("/api/v1/inspections/visits" + year);
    auto confirmed = hokenjo.send("POST", import + "&confirm=true", xlsx.body, xlsx_type);
    EXPECT_EQ(confirmed.json()["created"], 0) << confirmed.body;
    EXPECT_EQ(confirmed.json()["updated"], 0);
    EXPECT_EQ(hokenjo.get("/api/v1/inspections/visits" + year).body, before.body);

    // A workbook as a person edits it: Japanese headers under a title, 随時 and 未定, extra columns, a date
    // outside the year, an unknown institution and a repeated one; each error names its sheet row and cell.
    const std::string outside = std::to_string(fy + 1) + "-04-01";
    auto edited = documents::render_table_xlsx(
        {.sheet_name = "年度計画",
         .title = "立入検査の年度計画",
         .headers = {"医療機関コード", "医療機関名", "予定日", "区分", "状態", "担当者"},
         .rows = {{"9913000000004", "あおば薬局", "未定", "随時", "", "x"},
                  {"9913000000003", "", outside, "定期", "", ""},
                  {"9999999999999", "", "", "", "", ""},
                  {"9913000000004", "", "", "", "", ""}}});
    ASSERT_TRUE(edited.has_value());
    auto preview = hokenjo.send("POST", import, *edited, xlsx_type);
    ASSERT_EQ(preview.status, 200) << preview.body;
    const json body = preview.json();
    EXPECT_EQ(body["created"], 1) << preview.body;
    EXPECT_EQ(body["errors"], 3);
    std::map<int, json> by_line;
    for (const auto& l : body["lines"]) by_line[l["line"].get<int>()] = l;
    ASSERT_EQ(by_line.size(), 4u) << preview.body;
    EXPECT_EQ(by_line[4]["outcome"], "created");
    EXPECT_EQ(by_line[5]["code"], "date_outside_year");
    EXPECT_EQ(by_line[5]["params"]["cell"], "C5");
    EXPECT_EQ(by_line[5]["params"]["value"], outside);
    EXPECT_EQ(by_line[6]["code"], "facility_unknown");
    EXPECT_EQ(by_line[6]["params"]["cell"], "A6");
    EXPECT_EQ(by_line[7]["code"], "duplicate_facility");
    EXPECT_EQ(by_line[7]["params"]["value"], "4");
    EXPECT_FALSE(by_line[5]["message"].get<std::string>().empty()) << "the English text stays for the API";

    // Not a workbook after all: one error on the file, nothing written.
    auto broken = hokenjo.send("POST", import + "&confirm=true", std::string("PK\x03\x04" "broken"), xlsx_type);
    ASSERT_EQ(broken.status, 200) << broken.body;
    EXPECT_EQ(broken.json()["errors"], 1);
    EXPECT_EQ(broken.json()["lines"][0]["code"], "file_unreadable");
    EXPECT_EQ(hokenjo.get("/api/v1/inspections/visits" + year).body, before.body);
}

}  // namespace
}  // namespace mamori::testing
