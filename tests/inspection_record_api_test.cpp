// The on-site record of an inspection visit (issue 15): started by the jurisdiction's inspector with the
// institution's checklist frozen as the checklist of record, lines changed against versions (applied,
// unchanged, conflicts answered 409 with the server's line), completed (the visit done, the record
// read-only), the package exported and a record file imported; the institution reads its completed record
// without notes.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <chrono>
#include <map>

#include "mamori/core/time.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"}, {"sakura@demo.example", "sakura-demo-pass"},
    {"hokenjo@demo.example", "hokenjo-demo-pass"},   {"tokyo@demo.example", "tokyo-demo-pass"},
    {"mhlw@demo.example", "mhlw-demo-pass"},
};

int this_fiscal_year() {
    return fiscal_year(japan_date(std::chrono::system_clock::now()));
}

class InspectionRecordApi : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(db(), std::vector<std::string>{"--demo"});
    }
    std::filesystem::path db() const { return dir_.path() / "record.db"; }
    SessionClient persona(const std::string& login) {
        SessionClient c(server_->host(), server_->port());
        auto r = c.post("/api/v1/session", {{"login", login}, {"password", kPasswords.at(login)}});
        EXPECT_EQ(r.status, 200) << login << ": " << r.body;
        return c;
    }
    long long organisation(const std::string& name) {
        DatabaseSession direct(db());
        long long id = 0;
        *direct << "SELECT MIN(id) FROM organisations WHERE name = :n", soci::use(name), soci::into(id);
        return id;
    }
    // visit: a visit of `institution` by `inspecting`, written as the plan would leave it.
    long long visit(const std::string& institution, const std::string& inspecting,
                    const std::string& status = "planned") {
        const long long org = organisation(institution), by = organisation(inspecting);
        const int fy = this_fiscal_year();
        DatabaseSession direct(db());
        long long id = 0;
        *direct
            << "INSERT INTO inspection_visits (organisation_id, inspecting_organisation_id, fiscal_year, "
               "reason, planned_on, status, version, created_at, updated_at) VALUES (:o, :i, :fy, 'regular', "
               "'2026-10-01', :s, 1, '2026-07-01T00:00:00Z', '2026-07-01T00:00:00Z') RETURNING id",
            soci::use(org), soci::use(by), soci::use(fy), soci::use(status), soci::into(id);
        return id;
    }
    static std::string record_path(long long visit) {
        return "/api/v1/inspections/visits/" + std::to_string(visit) + "/record";
    }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
};

json first_line_answered(const json& record, const std::string& value) {
    for (const auto& l : record["checklist_of_record"]["lines"])
        if (l["answer"] == value) return l;
    return nullptr;
}

TEST_F(InspectionRecordApi, StartFreezesTheChecklistOfRecordAgainstLaterEdits) {
    const long long v = visit("デモ総合病院", "デモ区保健所");
    SessionClient inspector = persona("hokenjo@demo.example");
    const auto started = inspector.post(record_path(v), json::object());
    ASSERT_EQ(started.status, 201) << started.body;
    const json record = started.json();
    EXPECT_EQ(record["status"], "in_progress");
    EXPECT_EQ(record["checklist_of_record"]["exists"], true);
    EXPECT_EQ(record["checklist_of_record"]["status"], "draft");
    EXPECT_GT(record["checklist_of_record"]["lines"].size(), 10u);
    EXPECT_FALSE(record["checklist_of_record"]["edition"].get<std::string>().empty());
    // The hospital's draft leaves lines unanswered: they are proposed as 記載不備.
    EXPECT_FALSE(record["proposals"].empty()) << record["proposals"].dump();
    const json no = first_line_answered(record, "no");
    ASSERT_FALSE(no.is_null());
    ASSERT_FALSE(no["target_date"].is_null());

    // The institution changes that line afterwards; the checklist of record keeps what it was.
    SessionClient hospital = persona("hospital@demo.example");
    const long long assessment = record["checklist_of_record"]["assessment_id"];
    const std::string answer_path = "/api/v1/assessments/" + std::to_string(assessment) + "/answers/" +
                                    no["canonical_id"].get<std::string>() + "/" +
                                    no["row"].get<std::string>();
    const auto history = hospital.get(answer_path + "/history");
    ASSERT_EQ(history.status, 200) << history.body;
    const int version = history.json()["versions"].back()["version"];
    const auto changed = hospital.put(answer_path, {{"version", version},
                                                    {"value", "yes"},
                                                    {"confirmed_on", no["confirmed_on"]},
                                                    {"note", "検査の後で変更"}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    const auto again = inspector.get(record_path(v));
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json()["checklist_of_record"], record["checklist_of_record"]);

    // Started once; only for a planned or notified visit.
    EXPECT_EQ(inspector.post(record_path(v), json::object()).status, 409);
    const long long postponed = visit("デモ総合病院", "デモ区保健所", "postponed");
    EXPECT_EQ(inspector.post(record_path(postponed), json::object()).status, 409);
}

TEST_F(InspectionRecordApi, AnInstitutionWithoutAChecklistGetsAnEmptyCheckListOfRecord) {
    const long long v = visit("さくら内科クリニック", "デモ区保健所");
    SessionClient inspector = persona("hokenjo@demo.example");
    const auto started = inspector.post(record_path(v), json::object());
    ASSERT_EQ(started.status, 201) << started.body;
    EXPECT_EQ(started.json()["checklist_of_record"]["exists"], false);
    EXPECT_TRUE(started.json()["checklist_of_record"]["lines"].empty());
    // Lines can still be recorded (any item: there is no checklist to hold them to).
    const auto line =
        inspector.put(record_path(v) + "/lines/1-1/main",
                      {{"verdict", "finding"}, {"finding", "チェックリスト未作成"}, {"base_version", 0}});
    EXPECT_EQ(line.status, 200) << line.body;
}

TEST_F(InspectionRecordApi, LinesCarryVersionsAndConflictsShowTheServersLine) {
    const long long v = visit("デモ総合病院", "デモ区保健所");
    SessionClient inspector = persona("hokenjo@demo.example");
    const auto started = inspector.post(record_path(v), json::object());
    ASSERT_EQ(started.status, 201) << started.body;
    const json frozen = started.json()["checklist_of_record"]["lines"];
    const std::string line = record_path(v) + "/lines/" + frozen[1]["canonical_id"].get<std::string>() + "/" +
                             frozen[1]["row"].get<std::string>();

    const json mine = {{"verdict", "finding"},      {"finding", "規程が未整備"}, {"note", "院長に口頭確認"},
                       {"evidence_seen", "規程集"}, {"base_version", 0},         {"device", "tablet-a"}};
    const auto first = inspector.put(line, mine);
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json()["outcome"], "applied");
    EXPECT_EQ(first.json()["line"]["version"], 1);
    // The same change again (a retried sync): unchanged, whatever its base.
    const auto retried = inspector.put(line, mine);
    ASSERT_EQ(retried.status, 200) << retried.body;
    EXPECT_EQ(retried.json()["outcome"], "unchanged");
    // Another device's change made against version 0: a conflict carrying the server's line.
    json theirs = mine;
    theirs["verdict"] = "confirmed";
    theirs["finding"] = "";
    theirs["device"] = "tablet-b";
    const auto conflict = inspector.put(line, theirs);
    ASSERT_EQ(conflict.status, 409) << conflict.body;
    EXPECT_EQ(conflict.json()["current"]["verdict"], "finding");
    EXPECT_EQ(conflict.json()["current"]["version"], 1);
    EXPECT_EQ(conflict.json()["current"]["device"], "tablet-a");
    // Chosen knowingly (based on version 1): applied as version 2.
    theirs["base_version"] = 1;
    const auto chosen = inspector.put(line, theirs);
    ASSERT_EQ(chosen.status, 200) << chosen.body;
    EXPECT_EQ(chosen.json()["line"]["version"], 2);
    const auto history = inspector.get(line + "/history");
    ASSERT_EQ(history.status, 200) << history.body;
    ASSERT_EQ(history.json()["versions"].size(), 2u);
    EXPECT_EQ(history.json()["versions"][0]["device"], "tablet-a");
    EXPECT_EQ(history.json()["versions"][0]["verdict"], "finding");
    EXPECT_EQ(history.json()["versions"][1]["device"], "tablet-b");

    // Refusals name the field and change nothing.
    for (const auto& [body, field] : std::vector<std::pair<json, std::string>>{
             {{{"verdict", "finding"}, {"base_version", 2}}, "finding"},
             {{{"verdict", "ok"}, {"base_version", 2}}, "verdict"},
             {{{"verdict", "confirmed"}}, "base_version"},
             {{{"verdict", "confirmed"}, {"note", std::string(2001, 'x')}, {"base_version", 2}}, "note"}}) {
        const auto refused = inspector.put(line, body);
        EXPECT_EQ(refused.status, 400) << refused.body;
        EXPECT_NE(refused.body.find("\"" + field + "\""), std::string::npos) << refused.body;
    }
    const auto unknown = inspector.put(record_path(v) + "/lines/NO-SUCH/main",
                                       {{"verdict", "confirmed"}, {"base_version", 0}});
    EXPECT_EQ(unknown.status, 400) << unknown.body;
    EXPECT_EQ(inspector.get(line + "/history").json()["versions"].size(), 2u);
}

TEST_F(InspectionRecordApi,
       CompleteMakesTheVisitDoneAndTheRecordReadOnlyAndTheInstitutionReadsItWithoutNotes) {
    const long long v = visit("デモ総合病院", "デモ区保健所", "notified");
    SessionClient inspector = persona("hokenjo@demo.example");
    SessionClient hospital = persona("hospital@demo.example");
    const auto started = inspector.post(record_path(v), json::object());
    ASSERT_EQ(started.status, 201) << started.body;
    const json frozen = started.json()["checklist_of_record"]["lines"];
    const auto path = [&](int i) {
        return record_path(v) + "/lines/" + frozen[i]["canonical_id"].get<std::string>() + "/" +
               frozen[i]["row"].get<std::string>();
    };
    ASSERT_EQ(
        inspector
            .put(path(1),
                 {{"verdict", "finding"}, {"finding", "指摘事項"}, {"note", "内部メモ"}, {"base_version", 0}})
            .status,
        200);
    ASSERT_EQ(inspector.put(path(2), {{"verdict", "confirmed"}, {"base_version", 0}}).status, 200);
    ASSERT_EQ(inspector.put(path(3), {{"verdict", "incomplete"}, {"base_version", 0}}).status, 200);
    ASSERT_EQ(inspector.put(path(4), {{"verdict", "confirmed"}, {"base_version", 0}}).status, 200);

    // Before completion the institution sees nothing of the record.
    EXPECT_EQ(hospital.get(record_path(v)).status, 404);
    EXPECT_EQ(inspector.post(record_path(v) + "/complete", {{"summary", "x"}, {"version", 9}}).status, 409);
    const auto done = inspector.post(record_path(v) + "/complete", {{"summary", "概ね良好。指摘1件。"},
                                                                    {"version", started.json()["version"]}});
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(done.json()["status"], "completed");
    EXPECT_EQ(done.json()["visit_status"], "done");
    EXPECT_EQ(done.json()["counts"], (json{{"confirmed", 2}, {"incomplete", 1}, {"finding", 1}}));
    {
        DatabaseSession direct(db());
        std::string status;
        *direct << "SELECT status FROM inspection_visits WHERE id = :v", soci::use(v), soci::into(status);
        EXPECT_EQ(status, "done");
        long long events = 0;
        *direct << "SELECT COUNT(*) FROM inspection_visit_events WHERE visit_id = :v AND action = 'complete'",
            soci::use(v), soci::into(events);
        EXPECT_EQ(events, 1);
        long long audited = 0;
        *direct << "SELECT COUNT(*) FROM audit_log WHERE action = 'inspection.record_completed'",
            soci::into(audited);
        EXPECT_EQ(audited, 1);
    }

    // Read-only now.
    EXPECT_EQ(inspector.put(path(2), {{"verdict", "incomplete"}, {"base_version", 1}}).status, 409);
    EXPECT_EQ(inspector.post(record_path(v) + "/complete", {{"summary", "x"}, {"version", 2}}).status, 409);
    EXPECT_EQ(inspector
                  .post(record_path(v) + "/import", json{{"format", "mamori.inspection-record"},
                                                         {"format_version", 1},
                                                         {"visit_id", v},
                                                         {"lines", json::array()}})
                  .status,
              409);

    // The institution reads the result and the findings, never the notes.
    const auto result = hospital.get(record_path(v));
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.json()["summary"], "概ね良好。指摘1件。");
    EXPECT_EQ(result.json()["notes_visible"], false);
    EXPECT_EQ(result.body.find("内部メモ"), std::string::npos) << result.body;
    EXPECT_NE(result.body.find("指摘事項"), std::string::npos);
    const json lines = result.json()["lines"];
    for (const auto& l : lines) EXPECT_FALSE(l.contains("note"));
    // …and cannot act as an inspector.
    EXPECT_EQ(hospital.get(record_path(v) + "/package").status, 404);
    EXPECT_EQ(hospital.get(path(1) + "/history").status, 404);
}

TEST_F(InspectionRecordApi, OutsideTheJurisdictionTheVisitDoesNotExist) {
    const long long osaka = visit("なにわ診療所", "大阪府");
    const long long own = visit("デモ総合病院", "デモ区保健所");
    SessionClient inspector = persona("hokenjo@demo.example");
    EXPECT_EQ(inspector.post(record_path(osaka), json::object()).status, 404);
    EXPECT_EQ(inspector.get(record_path(osaka)).status, 404);
    SessionClient prefecture = persona("tokyo@demo.example");
    EXPECT_EQ(prefecture.post(record_path(osaka), json::object()).status, 404);
    ASSERT_EQ(inspector.post(record_path(own), json::object()).status, 201);
    // Another institution, the ministry's analyst and the institution itself cannot start or write.
    for (const auto* login : {"sakura@demo.example", "mhlw@demo.example", "hospital@demo.example"}) {
        SessionClient c = persona(login);
        SCOPED_TRACE(login);
        EXPECT_EQ(c.get(record_path(own)).status, 404);
        EXPECT_EQ(
            c.put(record_path(own) + "/lines/X/main", {{"verdict", "confirmed"}, {"base_version", 0}}).status,
            404);
        EXPECT_EQ(c.post(record_path(own) + "/complete", {{"summary", ""}, {"version", 1}}).status, 404);
    }
    // The prefecture's administrator of the same jurisdiction may read it.
    EXPECT_EQ(prefecture.get(record_path(own)).status, 200);
}

TEST_F(InspectionRecordApi, APackageGoesOutAndARecordFileComesBackLineByLine) {
    const long long v = visit("デモ総合病院", "デモ区保健所");
    SessionClient inspector = persona("hokenjo@demo.example");
    ASSERT_EQ(inspector.post(record_path(v), json::object()).status, 201);
    const auto package = inspector.get(record_path(v) + "/package");
    ASSERT_EQ(package.status, 200) << package.body;
    const json p = package.json();
    EXPECT_EQ(p["format"], "mamori.inspection-package");
    EXPECT_EQ(p["institution"]["name"], "デモ総合病院");
    const json frozen = p["checklist_of_record"]["lines"];
    ASSERT_GT(frozen.size(), 3u);
    const auto file_line = [&](int i, const std::string& verdict, const std::string& finding) {
        return json{{"canonical_id", frozen[i]["canonical_id"]},
                    {"row", frozen[i]["row"]},
                    {"verdict", verdict},
                    {"finding", finding},
                    {"note", "メモ"},
                    {"evidence_seen", ""},
                    {"base_version", 0}};
    };
    json file = {{"format", "mamori.inspection-record"},
                 {"format_version", 1},
                 {"visit_id", v},
                 {"device", "tablet-file"},
                 {"summary", "ファイルから"},
                 {"completed", true},
                 {"lines", {file_line(1, "confirmed", ""), file_line(2, "finding", "未整備")}}};

    // A file with a bad line is refused naming it, and nothing is applied.
    json bad = file;
    bad["lines"][1]["verdict"] = "maybe";
    const auto refused = inspector.send("POST", record_path(v) + "/import", bad.dump(), "application/json");
    ASSERT_EQ(refused.status, 400) << refused.body;
    EXPECT_NE(refused.body.find("lines[1].verdict"), std::string::npos) << refused.body;
    EXPECT_EQ(refused.json()["errors"][0]["reason"], "verdict_unknown") << "a reason the page words in Japanese";
    json wrong_visit = file;
    wrong_visit["visit_id"] = v + 1000;
    const auto other = inspector.send("POST", record_path(v) + "/import", wrong_visit.dump(), "application/json");
    EXPECT_EQ(other.status, 400);
    EXPECT_EQ(other.json()["errors"][0]["reason"], "other_visit");
    EXPECT_EQ(other.json()["errors"][0]["value"], std::to_string(v + 1000));
    EXPECT_TRUE(inspector.get(record_path(v)).json()["lines"].empty());

    // A line changed on the server meanwhile conflicts; the record is then not completed.
    ASSERT_EQ(inspector
                  .put(record_path(v) + "/lines/" + frozen[2]["canonical_id"].get<std::string>() + "/" +
                           frozen[2]["row"].get<std::string>(),
                       {{"verdict", "confirmed"}, {"base_version", 0}})
                  .status,
              200);
    const auto imported = inspector.send("POST", record_path(v) + "/import", file.dump(), "application/json");
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_EQ(imported.json()["lines"][0]["outcome"], "applied");
    EXPECT_EQ(imported.json()["lines"][1]["outcome"], "conflict");
    EXPECT_EQ(imported.json()["lines"][1]["line"]["verdict"], "confirmed");
    EXPECT_EQ(imported.json()["completed"], false);

    // Resolved (the file's line based on the server's version), the file completes the record.
    file["lines"][1]["base_version"] = 1;
    const auto second = inspector.send("POST", record_path(v) + "/import", file.dump(), "application/json");
    ASSERT_EQ(second.status, 200) << second.body;
    EXPECT_EQ(second.json()["lines"][0]["outcome"], "unchanged");
    EXPECT_EQ(second.json()["lines"][1]["outcome"], "applied");
    EXPECT_EQ(second.json()["completed"], true);
    const auto record = inspector.get(record_path(v)).json();
    EXPECT_EQ(record["status"], "completed");
    EXPECT_EQ(record["summary"], "ファイルから");
    EXPECT_EQ(record["counts"]["finding"], 1);
}

TEST_F(InspectionRecordApi, TheServiceWorkerIsServedFromTheRootAndNeverCachedAsImmutable) {
    SessionClient anonymous(server_->host(), server_->port());
    const auto worker = anonymous.get("/sw.js");
    ASSERT_EQ(worker.status, 200);
    EXPECT_EQ(worker.header("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(worker.header("Cache-Control"), "no-cache");
    EXPECT_NE(worker.body.find("addEventListener('fetch'"), std::string::npos);
}

TEST_F(InspectionRecordApi, TheDemoHasTheHospitalsRecordInProgressWithAFinding) {
    long long v = 0;
    {
        DatabaseSession direct(db());
        *direct << "SELECT MIN(visit_id) FROM inspection_records WHERE status = 'in_progress'", soci::into(v);
    }
    ASSERT_GT(v, 0);
    SessionClient inspector = persona("hokenjo@demo.example");
    const auto record = inspector.get(record_path(v));
    ASSERT_EQ(record.status, 200) << record.body;
    EXPECT_EQ(record.json()["institution_name"], "デモ総合病院");
    EXPECT_EQ(record.json()["status"], "in_progress");
    EXPECT_EQ(record.json()["counts"]["finding"], 1);
    EXPECT_GE(record.json()["lines"].size(), 3u);
    EXPECT_EQ(record.json()["checklist_of_record"]["exists"], true);
}

}  // namespace
}  // namespace mamori::testing
