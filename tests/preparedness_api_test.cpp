// The preparedness records (issue 19) through the API on the demo database: the contact chart pre-filled on
// first opening and reviewed, backups with restore tests and their warnings, drills, and an incident with
// its timeline, first-response checklist and reports, readable by the health centre once reported to it;
// the refusals (future dates, missing fields named, a stale version, a viewer, another institution, an
// inspector before the report).
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>
#include <set>

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
    {"aoba@demo.example", "aoba-demo-pass"},
    {"tokyo@demo.example", "tokyo-demo-pass"},
    {"vendor@demo.example", "vendor-demo-pass"},
    {"sakura-viewer@demo.example", "a long enough password"},
    {"osaka-inspector@demo.example", "a long enough password"}};

class PreparednessApi : public DemoServerTest {
  protected:
    PreparednessApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("さくら内科クリニック", "sakura-viewer@demo.example", "受付 閲覧", "viewer");
        add_demo_user("大阪府", "osaka-inspector@demo.example", "大阪の検査員", "inspector");
    }

    // reasons: the reason each field of a 400 answer gives (the page words it), by field.
    static std::map<std::string, std::string> reasons(const HttpResult& r) {
        std::map<std::string, std::string> out;
        const json problem = r.json();
        for (const auto& e : problem["errors"]) out[e["field"].get<std::string>()] = e.value("reason", "");
        return out;
    }

    // fields: the fields a 400 answer names.
    static std::set<std::string> fields(const HttpResult& r) {
        std::set<std::string> out;
        const json problem = r.json();
        if (problem.contains("errors"))
            for (const auto& e : problem["errors"]) out.insert(e["field"].get<std::string>());
        return out;
    }

    // warnings: the summary's warning codes for `kind` record `id` (or for no record when id is 0).
    static std::set<std::string> warnings(SessionClient& c, long long id) {
        const auto summary = c.get("/api/v1/preparedness/summary");
        EXPECT_EQ(summary.status, 200) << summary.body;
        std::set<std::string> out;
        const json all = summary.json()["warnings"];
        for (const auto& w : all)
            if ((id == 0 && w["record_id"].is_null()) || (id != 0 && w["record_id"] == id))
                out.insert(w["code"].get<std::string>());
        return out;
    }
};

TEST_F(PreparednessApi, TheContactChartIsPrefilledOnFirstOpeningAndReviewed) {
    SessionClient pharmacy = persona("aoba@demo.example");
    const long long before = scalar("SELECT COUNT(*) FROM preparedness_records");
    const auto opened = pharmacy.get("/api/v1/preparedness/contacts");
    ASSERT_EQ(opened.status, 200) << opened.body;
    const json chart = opened.json();
    EXPECT_TRUE(chart["can_write"].get<bool>());
    EXPECT_EQ(chart["chart"]["version"], 1);
    EXPECT_TRUE(chart["chart"]["reviewed_on"].is_null());
    ASSERT_EQ(chart["contacts"].size(), 2u) << opened.body;
    EXPECT_EQ(chart["contacts"][0]["body"], "ministry");
    EXPECT_EQ(chart["contacts"][0]["organisation_name"], "厚生労働省 医療情報技術推進室");
    EXPECT_EQ(chart["contacts"][0]["phone"], "") << "no number is invented";
    EXPECT_NE(chart["contacts"][0]["note"], "");
    EXPECT_EQ(chart["contacts"][1]["body"], "police");
    EXPECT_EQ(chart["contacts"][1]["organisation_name"], "警視庁 サイバー犯罪相談窓口")
        << "the pharmacy is in Tokyo";
    EXPECT_EQ(chart["contacts"][1]["phone"], "");
    // Opening again adds nothing.
    ASSERT_EQ(pharmacy.get("/api/v1/preparedness/contacts").json()["contacts"].size(), 2u);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM preparedness_records"), before + 3);
    const long long chart_id = chart["chart"]["id"];
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'preparedness.chart.opened' AND target = "
                     "'preparedness_chart:" +
                     std::to_string(chart_id) + "'"),
              1);

    // Without the head and the security officer, and never reviewed: two warnings on the chart.
    EXPECT_EQ(warnings(pharmacy, chart_id),
              (std::set<std::string>{"contact_role_missing", "chart_not_reviewed"}));

    // The ministry's number, filled in: a new version; the police row stays.
    json ministry = chart["contacts"][0];
    const std::string ministry_url =
        "/api/v1/preparedness/contacts/" + std::to_string(ministry["id"].get<long long>());
    ministry["phone"] = "03-0000-0000";
    const auto filled = pharmacy.put(ministry_url, ministry);
    ASSERT_EQ(filled.status, 200) << filled.body;
    EXPECT_EQ(filled.json()["version"], 2);
    EXPECT_EQ(filled.json()["history"][1]["record"]["phone"], "");

    for (const auto& [role, name] :
         {std::pair{"manager", "鈴木 薫"}, std::pair{"security_officer", "佐藤 一郎"}}) {
        const auto made = pharmacy.post("/api/v1/preparedness/contacts", {{"kind", "internal"},
                                                                          {"role", role},
                                                                          {"person_name", name},
                                                                          {"phone", "090-0000-0000"},
                                                                          {"email", "x@example.jp"}});
        ASSERT_EQ(made.status, 201) << made.body;
    }
    // A future review date is refused, naming the field; a stale version is a conflict.
    auto review = pharmacy.put("/api/v1/preparedness/contacts/review",
                               {{"version", 1}, {"reviewed_on", "2099-01-01"}, {"reviewer", "鈴木"}});
    EXPECT_EQ(review.status, 400) << review.body;
    EXPECT_EQ(fields(review), std::set<std::string>{"reviewed_on"});
    EXPECT_EQ(reasons(review)["reviewed_on"], "future");
    // A vendor row without the vendor's name, with a number that is not one and an address that is not one:
    // each field with the reason the page words in Japanese.
    const auto bad = pharmacy.post("/api/v1/preparedness/contacts", {{"kind", "vendor"},
                                                                     {"system_name", "レセコン"},
                                                                     {"phone", "電話してください"},
                                                                     {"email", "nobody"},
                                                                     {"note", std::string(1001, 'x')}});
    EXPECT_EQ(bad.status, 400) << bad.body;
    EXPECT_EQ(reasons(bad), (std::map<std::string, std::string>{
                                {"organisation_name", "required"}, {"phone", "phone"}, {"email", "email"},
                                {"note", "too_long"}}));
    review = pharmacy.put("/api/v1/preparedness/contacts/review",
                          {{"version", 1}, {"reviewed_on", "2026-01-01"}, {"reviewer", "鈴木 薫"}});
    ASSERT_EQ(review.status, 200) << review.body;
    EXPECT_EQ(review.json()["version"], 2);
    EXPECT_EQ(
        pharmacy.put("/api/v1/preparedness/contacts/review", {{"version", 1}, {"reviewed_on", "2026-01-02"}})
            .status,
        409);
    EXPECT_TRUE(warnings(pharmacy, chart_id).empty()) << "both roles, both bodies, reviewed in the year";
}

TEST_F(PreparednessApi, BackupsAndRestoreTestsWithTheirWarnings) {
    SessionClient clinic = persona("sakura@demo.example");
    const auto made = clinic.post("/api/v1/preparedness/backups", {{"system_name", "テスト用サーバ"},
                                                                   {"what", "データベース"},
                                                                   {"frequency", "weekly"},
                                                                   {"generations", 4},
                                                                   {"location", "院内NAS"},
                                                                   {"offline_copy", false},
                                                                   {"responsible", "事務長"}});
    ASSERT_EQ(made.status, 201) << made.body;
    const long long backup = made.json()["id"];
    EXPECT_EQ(warnings(clinic, backup),
              (std::set<std::string>{"backup_without_offline_copy", "no_recent_restore_test"}));

    // Missing fields named; an offline copy needs its form.
    auto refused = clinic.post("/api/v1/preparedness/backups", {{"offline_copy", true}});
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(fields(refused), (std::set<std::string>{"system_name", "what", "frequency", "offline_form"}));

    // A restore test of another institution's backup, or in the future: refused.
    SessionClient hospital = persona("hospital@demo.example");
    // So is a backup or vendor contact naming another institution's system; the clinic's own is linked.
    const long long clinic_system = scalar(
        "SELECT MIN(s.id) FROM systems s JOIN organisations o ON o.id = s.organisation_id WHERE o.name = "
        "'さくら内科クリニック'");
    const auto foreign_system =
        hospital.post("/api/v1/preparedness/backups",
                      {{"system_id", clinic_system}, {"what", "DB"}, {"frequency", "daily"}});
    EXPECT_EQ(foreign_system.status, 400) << foreign_system.body;
    EXPECT_EQ(fields(foreign_system), std::set<std::string>{"system_id"});
    const auto own_system =
        clinic.post("/api/v1/preparedness/contacts",
                    {{"kind", "vendor"}, {"system_id", clinic_system}, {"organisation_name", "保守会社"}});
    ASSERT_EQ(own_system.status, 201) << own_system.body;
    EXPECT_EQ(own_system.json()["system_id"], clinic_system);
    const auto foreign = hospital.post(
        "/api/v1/preparedness/restore-tests",
        {{"backup_id", backup}, {"tested_on", "2026-11-01"}, {"restored", "DB"}, {"result", "success"}});
    EXPECT_EQ(foreign.status, 400) << foreign.body;
    EXPECT_EQ(fields(foreign), std::set<std::string>{"backup_id"});
    const auto future = clinic.post(
        "/api/v1/preparedness/restore-tests",
        {{"backup_id", backup}, {"tested_on", "2099-11-01"}, {"restored", "DB"}, {"result", "success"}});
    EXPECT_EQ(future.status, 400);
    EXPECT_EQ(fields(future), std::set<std::string>{"tested_on"});

    const auto tested = clinic.post("/api/v1/preparedness/restore-tests", {{"backup_id", backup},
                                                                           {"tested_on", "2026-11-01"},
                                                                           {"restored", "患者DBを検証用PCへ"},
                                                                           {"minutes", 45},
                                                                           {"result", "success"}});
    ASSERT_EQ(tested.status, 201) << tested.body;
    // The offline copy, by NAS connected only while copying.
    json changed = made.json();
    changed["offline_copy"] = true;
    changed["offline_form"] = "nas_while_copying";
    const std::string url = "/api/v1/preparedness/backups/" + std::to_string(backup);
    const auto put = clinic.put(url, changed);
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(put.json()["version"], 2);
    EXPECT_TRUE(warnings(clinic, backup).empty());

    // Removing the backup removes its restore tests (kept in the history).
    EXPECT_EQ(clinic.post(url + "/remove", {{"version", 1}}).status, 409);
    const auto removed = clinic.post(url + "/remove", {{"version", 2}});
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_EQ(removed.json()["removed"], true);
    const long long test_id = tested.json()["id"];
    EXPECT_EQ(clinic.get("/api/v1/preparedness/restore-tests/" + std::to_string(test_id)).json()["removed"],
              true);
    EXPECT_EQ(
        scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'preparedness.restore_test.removed' AND target = "
            "'preparedness_restore_test:" +
            std::to_string(test_id) + "'"),
        1);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM preparedness_record_versions WHERE record_id = " +
                     std::to_string(backup)),
              3);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE target = 'preparedness_backup:" +
                     std::to_string(backup) + "'"),
              3);
}

TEST_F(PreparednessApi, DrillsRefuseFutureDatesAndStaleVersions) {
    SessionClient clinic = persona("sakura@demo.example");
    auto r = clinic.post("/api/v1/preparedness/drills",
                         {{"held_on", "2099-01-01"}, {"scenario", "records_unavailable"}});
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(fields(r), std::set<std::string>{"held_on"});
    r = clinic.post("/api/v1/preparedness/drills", json::object());
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(fields(r), (std::set<std::string>{"held_on", "scenario"}));
    r = clinic.post("/api/v1/preparedness/drills", {{"held_on", "2026-10-01"}, {"scenario", "other"}});
    EXPECT_EQ(fields(r), std::set<std::string>{"scenario_note"});

    const auto made =
        clinic.post("/api/v1/preparedness/drills", {{"held_on", "2026-10-01"},
                                                    {"scenario", "records_unavailable"},
                                                    {"participants", "院長、看護師2名、受付"},
                                                    {"problems", "紙カルテの置き場所が分からなかった"},
                                                    {"follow_ups", "紙運用の手順書を受付に置く"}});
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_FALSE(warnings(clinic, 0).contains("no_recent_drill"));
    json body = made.json();
    const std::string url = "/api/v1/preparedness/drills/" + std::to_string(body["id"].get<long long>());
    body["follow_ups"] = "手順書を配布済み";
    ASSERT_EQ(clinic.put(url, body).status, 200);
    const auto stale = clinic.put(url, body);  // still version 1
    EXPECT_EQ(stale.status, 409) << stale.body;
    body["version"] = 2;
    body["held_on"] = "2099-01-01";
    EXPECT_EQ(fields(clinic.put(url, body)), std::set<std::string>{"held_on"});
    EXPECT_EQ(clinic.get(url).json()["follow_ups"], "手順書を配布済み");
}

TEST_F(PreparednessApi, OnlyTheInstitutionsOwnUsersSeeTheRecordsAndViewersOnlyRead) {
    SessionClient clinic = persona("sakura@demo.example");
    const auto made = clinic.post("/api/v1/preparedness/drills",
                                  {{"held_on", "2026-09-01"}, {"scenario", "devices_inoperable"}});
    ASSERT_EQ(made.status, 201) << made.body;
    const std::string url =
        "/api/v1/preparedness/drills/" + std::to_string(made.json()["id"].get<long long>());
    for (const std::string login : {"hospital@demo.example", "hokenjo@demo.example", "vendor@demo.example"}) {
        SCOPED_TRACE(login);
        SessionClient other = persona(login);
        EXPECT_EQ(other.get(url).status, 404);
        EXPECT_EQ(other.put(url, {{"version", 1}, {"held_on", "2026-09-02"}, {"scenario", "other"}}).status,
                  404);
        EXPECT_EQ(other.post(url + "/remove", {{"version", 1}}).status, 404);
        if (login != "hospital@demo.example") {
            EXPECT_EQ(other.get("/api/v1/preparedness/drills").status, 404);
            EXPECT_EQ(other.get("/api/v1/preparedness/summary").status, 404);
            EXPECT_EQ(other.get("/api/v1/preparedness/contacts").status, 404);
        }
    }
    SessionClient viewer = persona("sakura-viewer@demo.example");
    const auto seen = viewer.get("/api/v1/preparedness/drills");
    ASSERT_EQ(seen.status, 200);
    EXPECT_FALSE(seen.json()["can_write"].get<bool>());
    EXPECT_EQ(viewer.get(url).status, 200);
    EXPECT_EQ(
        viewer.post("/api/v1/preparedness/drills", {{"held_on", "2026-09-01"}, {"scenario", "other"}}).status,
        403);
    EXPECT_EQ(viewer.put(url, {{"version", 1}, {"held_on", "2026-09-02"}, {"scenario", "devices_inoperable"}})
                  .status,
              403);
    EXPECT_EQ(viewer.post(url + "/remove", {{"version", 1}}).status, 403);
    EXPECT_EQ(clinic.get(url).json()["version"], 1);

    // An API token of the clinic's administrator without the write scope reads but does not write.
    const auto token = clinic.post("/api/v1/me/tokens", {{"name", "読み取り"}, {"scopes", {"read"}}});
    ASSERT_EQ(token.status, 201) << token.body;
    SessionClient bearer = persona("sakura-viewer@demo.example");
    bearer.set_cookie("");
    const std::vector<std::pair<std::string, std::string>> auth = {
        {"Authorization", "Bearer " + token.json()["token"].get<std::string>()}};
    EXPECT_EQ(bearer.call("GET", url, std::nullopt, auth).status, 200);
    const auto refused =
        bearer.call("POST", "/api/v1/preparedness/drills",
                    json{{"held_on", "2026-09-01"}, {"scenario", "devices_inoperable"}}, auth);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_NE(refused.body.find("may only read"), std::string::npos)
        << "refused for its scope: " << refused.body;
    const auto refused_change = bearer.call(
        "PUT", url, json{{"version", 1}, {"held_on", "2026-09-02"}, {"scenario", "devices_inoperable"}},
        auth);
    EXPECT_EQ(refused_change.status, 403) << refused_change.body;
    EXPECT_EQ(clinic.get(url).json()["version"], 1);
}

TEST_F(PreparednessApi, AnIncidentReportedToTheHealthCentreIsReadByItAlone) {
    SessionClient clinic = persona("sakura@demo.example");
    const auto made = clinic.post("/api/v1/preparedness/incidents",
                                  {{"title", "受付PCの画面に脅迫文"}, {"detected_at", "2026-12-05T08:40"}});
    ASSERT_EQ(made.status, 201) << made.body;
    const long long id = made.json()["id"];
    const std::string url = "/api/v1/preparedness/incidents/" + std::to_string(id);
    EXPECT_EQ(made.json()["checklist"].size(), 6u);
    EXPECT_TRUE(warnings(clinic, id).contains("incident_first_response_open"));

    auto step = clinic.post(
        url + "/events",
        {{"version", 1}, {"kind", "isolated"}, {"at", "2026-12-05T08:50"}, {"note", "LANケーブルを抜いた"}});
    ASSERT_EQ(step.status, 200) << step.body;
    EXPECT_EQ(step.json()["events"][0]["kind"], "isolated");
    const auto future =
        clinic.post(url + "/events", {{"version", 2}, {"kind", "other"}, {"at", "2099-01-01T00:00"}});
    EXPECT_EQ(future.status, 400);
    EXPECT_EQ(fields(future), std::set<std::string>{"events[1].at"});
    step = clinic.post(url + "/checklist", {{"version", 2},
                                            {"item", "disconnect_network"},
                                            {"done", true},
                                            {"by", "受付 田中"},
                                            {"at", "2026-12-05T08:50"}});
    ASSERT_EQ(step.status, 200) << step.body;
    EXPECT_EQ(step.json()["checklist"][0]["done"], true);
    EXPECT_EQ(clinic.post(url + "/checklist", {{"version", 3}, {"item", "pray"}, {"done", true}}).status,
              400);
    const auto not_text = clinic.post(url + "/checklist", {{"version", 3}, {"item", 7}, {"done", true}});
    EXPECT_EQ(not_text.status, 400) << "an item that is not text is refused, not a server error";
    EXPECT_NE(not_text.body.find("item"), std::string::npos) << not_text.body;

    // Before any report, the health centre does not see it.
    SessionClient hokenjo = persona("hokenjo@demo.example");
    EXPECT_EQ(hokenjo.get(url).status, 404);
    step = clinic.post(
        url + "/reports",
        {{"version", 3}, {"to", "health_centre"}, {"at", "2026-12-05T10:00"}, {"reference", "電話"}});
    ASSERT_EQ(step.status, 200) << step.body;
    const auto read = hokenjo.get(url);
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(read.json()["title"], "受付PCの画面に脅迫文");
    EXPECT_FALSE(read.json()["can_write"].get<bool>()) << "the health centre reads it, never changes it";
    EXPECT_TRUE(clinic.get(url).json()["can_write"].get<bool>());
    const auto listed = hokenjo.get("/api/v1/preparedness/incidents");
    ASSERT_EQ(listed.status, 200) << listed.body;
    bool found = false;
    const json incidents = listed.json()["incidents"];
    for (const auto& i : incidents) found = found || i["id"] == id;
    EXPECT_TRUE(found);
    EXPECT_FALSE(listed.json()["can_write"].get<bool>());
    EXPECT_EQ(hokenjo.put(url, {{"version", 4}, {"title", "x"}, {"detected_at", "2026-12-05"}}).status, 403);
    EXPECT_EQ(hokenjo.post(url + "/close", {{"version", 4}, {"closed_at", "2026-12-06"}}).status, 403);
    // The prefecture over it reads it; another prefecture's inspector and the hospital do not.
    EXPECT_EQ(persona("tokyo@demo.example").get(url).status, 200);
    EXPECT_EQ(persona("osaka-inspector@demo.example").get(url).status, 404);
    EXPECT_EQ(persona("hospital@demo.example").get(url).status, 404);
    // The clinic's other records stay hidden from the health centre.
    EXPECT_EQ(hokenjo.get("/api/v1/preparedness/drills").status, 404);

    // Closing needs a time not before detection; then the checklist warning is gone.
    auto closed = clinic.post(url + "/close", {{"version", 4}, {"closed_at", "2026-12-04"}});
    EXPECT_EQ(fields(closed), std::set<std::string>{"closed_at"});
    closed = clinic.post(url + "/close", {{"version", 4},
                                          {"closed_at", "2026-12-06"},
                                          {"lessons", "バックアップから復旧"},
                                          {"bcp_rows", {"5-2", "1-2"}}});
    ASSERT_EQ(closed.status, 200) << closed.body;
    EXPECT_EQ(closed.json()["status"], "closed");
    EXPECT_EQ(closed.json()["bcp_rows"], json({"5-2", "1-2"}));
    EXPECT_FALSE(warnings(clinic, id).contains("incident_first_response_open"));
    EXPECT_EQ(clinic.post(url + "/close", {{"version", 5}, {"closed_at", "2026-12-06"}}).status, 409);
    EXPECT_EQ(
        scalar("SELECT COUNT(*) FROM preparedness_record_versions WHERE record_id = " + std::to_string(id)),
        5);
}

TEST_F(PreparednessApi, TheDemoPersonasHaveTheirRecordsAndOneWarning) {
    for (const std::string login : {"sakura@demo.example", "hospital@demo.example"}) {
        SCOPED_TRACE(login);
        SessionClient c = persona(login);
        const auto summary = c.get("/api/v1/preparedness/summary");
        ASSERT_EQ(summary.status, 200) << summary.body;
        const json s = summary.json();
        EXPECT_EQ(s["counts"]["backup"], 2);
        EXPECT_EQ(s["counts"]["restore_test"], 1);
        EXPECT_EQ(s["counts"]["drill"], 1);
        EXPECT_EQ(s["counts"]["incident"], 1);
        EXPECT_EQ(s["open_incidents"], 0);
        std::multiset<std::string> codes;
        const json all = s["warnings"];
        for (const auto& w : all) codes.insert(w["code"].get<std::string>());
        // The backup without an offline copy is also untested.
        EXPECT_EQ(codes,
                  (std::multiset<std::string>{"backup_without_offline_copy", "no_recent_restore_test"}))
            << summary.body;
        const auto chart = c.get("/api/v1/preparedness/contacts");
        ASSERT_EQ(chart.status, 200);
        const json contacts = chart.json()["contacts"];
        int vendors = 0;
        for (const auto& contact : contacts) vendors += contact["kind"] == "vendor" ? 1 : 0;
        EXPECT_EQ(vendors, login == "sakura@demo.example" ? 2 : 5);
        const auto drills = c.get("/api/v1/preparedness/drills").json();
        ASSERT_EQ(drills["drills"].size(), 1u);
    }
    // The clinic's incident was reported to the health centre, which reads it; the hospital's to the
    // ministry.
    SessionClient hokenjo = persona("hokenjo@demo.example");
    const json incidents = hokenjo.get("/api/v1/preparedness/incidents").json()["incidents"];
    ASSERT_EQ(incidents.size(), 1u);
    EXPECT_EQ(incidents[0]["reports"][0]["to"], "health_centre");
}

TEST_F(PreparednessApi, TheHistoryCannotBeRewritten) {
    SessionClient clinic = persona("sakura@demo.example");
    ASSERT_EQ(clinic
                  .post("/api/v1/preparedness/drills",
                        {{"held_on", "2026-09-01"}, {"scenario", "devices_inoperable"}})
                  .status,
              201);
    DatabaseSession direct(db());
    bool refused_update = false, refused_delete = false;
    try {
        *direct << "UPDATE preparedness_record_versions SET action = 'changed'";
    } catch (const std::exception&) {
        refused_update = true;
    }
    try {
        *direct << "DELETE FROM preparedness_record_versions";
    } catch (const std::exception&) {
        refused_delete = true;
    }
    EXPECT_TRUE(refused_update);
    EXPECT_TRUE(refused_delete);
}

}  // namespace
}  // namespace mamori::testing
