// The survey module's institution side through the API (issue 18, item 3) on the demo database, with the
// server's survey date fixed (--survey-date) so that the 2026 version is open and the 2023 one closed on any
// day the test runs: the hospital persona's demo draft, filling, saving, a stale revision, submitting an
// incomplete response (the missing questions computed here from the questionnaire's conditions), an answer to a
// hidden question, history, audit rows, a viewer who reads but may not write, and every caller who is not a
// targeted institution's getting 404.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>
#include <set>

#include "support/demo_server_test.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"}, {"sakura@demo.example", "sakura-demo-pass"},
    {"aoba@demo.example", "aoba-demo-pass"},         {"vendor@demo.example", "vendor-demo-pass"},
    {"mhlw@demo.example", "mhlw-demo-pass"},         {"hokenjo@demo.example", "hokenjo-demo-pass"},
    {"viewer@survey.example", "survey viewer pass"}, {"editor@survey.example", "survey editor pass"},
    {"dental@survey.example", "survey dental pass"}};

constexpr const char* kForm = "/api/v1/surveys/mhlw-hospital/2026";
constexpr const char* kClosedForm = "/api/v1/surveys/mhlw-hospital/2023";

// kUnconditional: the 2026 version's questions without a shown_if, in order; kAfterEhr: those shown when
// ehr_in_use is yes; bcp_drill is shown when cyber_bcp is yes.
const std::vector<std::string> kUnconditional = {"ehr_in_use", "q11", "q12", "q13", "cyber_bcp", "security_manager",
                                                 "vulnerability_information", "mds_sds"};
const std::vector<std::string> kAfterEhr = {"q10", "q10_1", "q10_2", "offline_backup"};

class SurveyApi : public DemoServerTest {
  protected:
    SurveyApi() : DemoServerTest(kPasswords) {}

    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(db(), std::vector<std::string>{"--demo", "--survey-date", "2026-11-01"});
        add_demo_user("デモ総合病院", "viewer@survey.example", "閲覧 太郎", "viewer");
        add_demo_user("デモ総合病院", "editor@survey.example", "編集 次郎", "editor");
        add_demo_user("ひまわり歯科医院", "dental@survey.example", "歯科 三郎", "administrator");
    }

    static json full_answers() {
        json a = json::object();
        for (const auto& q : kUnconditional) a[q] = "yes";
        a["q10"] = "monthly";
        for (const auto& q : {"q10_1", "q10_2", "offline_backup", "bcp_drill"}) a[q] = "no";
        return a;
    }

    static std::vector<std::string> error_fields(const json& problem) {
        std::vector<std::string> out;
        for (const auto& e : problem.value("errors", json::array())) out.push_back(e["field"]);
        return out;
    }
};

TEST_F(SurveyApi, TheHospitalSeesItsQuestionnairesAndTheDemoDraft) {
    SessionClient hospital = persona("hospital@demo.example");
    const auto list = hospital.get("/api/v1/surveys");
    ASSERT_EQ(list.status, 200) << list.body;
    const json surveys = list.json()["surveys"];
    ASSERT_EQ(surveys.size(), 2u) << surveys.dump();
    std::map<std::string, json> by_version;
    for (const auto& s : surveys) by_version[s["version"]] = s;
    EXPECT_EQ(by_version["2026"]["open"], true);
    EXPECT_EQ(by_version["2026"]["status"], "draft") << "the demo persona's draft";
    EXPECT_EQ(by_version["2026"]["revision"], 1);
    EXPECT_EQ(by_version["2026"]["fiscal_year"], 2026);
    EXPECT_EQ(by_version["2026"]["opens"], "2026-10-01");
    EXPECT_EQ(by_version["2023"]["open"], false);
    EXPECT_EQ(by_version["2023"]["status"], "not_started");
    EXPECT_EQ(by_version["2023"]["fiscal_year"], 2022);

    const auto form = hospital.get(kForm);
    ASSERT_EQ(form.status, 200) << form.body;
    const json f = form.json();
    EXPECT_EQ(f["can_edit"], true);
    EXPECT_EQ(f["source"]["url"], nullptr) << "mamori's edition";
    ASSERT_EQ(f["questions"].size(), kUnconditional.size() + kAfterEhr.size() + 1);
    std::map<std::string, json> question;
    for (const auto& q : f["questions"]) question[q["id"]] = q;
    EXPECT_EQ(question["q10"]["number"], "Q10");
    EXPECT_EQ(question["q10"]["options"].size(), 5u);
    EXPECT_EQ(question["q10"]["shown_if"]["question"], "ehr_in_use");
    EXPECT_EQ(question["cyber_bcp"]["number"], nullptr);
    EXPECT_EQ(question["cyber_bcp"]["indicator"], "cyber_bcp");
    EXPECT_EQ(question["bcp_drill"]["shown_if"]["options"], json::array({"yes"}));
    for (const auto& [id, q] : question) EXPECT_EQ(q["wording"], "mamori") << id;
    const json draft = f["response"];
    EXPECT_EQ(draft["status"], "draft");
    EXPECT_EQ(draft["answers"]["ehr_in_use"], "yes");
    EXPECT_FALSE(draft["updated_by"].is_null());
}

TEST_F(SurveyApi, SaveSubmitIncompleteThenCompleteWithHistoryAndAudit) {
    SessionClient hospital = persona("hospital@demo.example");
    const long long org = scalar("SELECT id FROM organisations WHERE name = 'デモ総合病院'");
    const int start = hospital.get(kForm).json()["response"]["revision"];
    const long long audit_before = scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'survey.%' AND organisation_id = " +
                                          std::to_string(org));

    // Only the EHR question answered "yes": every other unconditional question and the four shown after it
    // are missing; bcp_drill is not (cyber_bcp is unanswered, so it is not shown).
    auto saved = hospital.put(std::string(kForm) + "/response", {{"revision", start}, {"answers", {{"ehr_in_use", "yes"}}}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.json()["response"]["revision"], start + 1);
    EXPECT_EQ(saved.json()["response"]["answers"], json({{"ehr_in_use", "yes"}})) << "a save is the whole set";
    auto submitted = hospital.post(std::string(kForm) + "/response/submit", {{"revision", start + 1}});
    ASSERT_EQ(submitted.status, 400) << submitted.body;
    EXPECT_EQ(submitted.json()["code"], "incomplete");
    std::set<std::string> expected(kUnconditional.begin() + 1, kUnconditional.end());
    expected.insert(kAfterEhr.begin(), kAfterEhr.end());
    const json missing = submitted.json()["missing"];
    EXPECT_EQ(std::set<std::string>(missing.begin(), missing.end()), expected);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM survey_responses WHERE status = 'submitted' AND organisation_id = " +
                     std::to_string(org)),
              0);

    saved = hospital.put(std::string(kForm) + "/response", {{"revision", start + 1}, {"answers", full_answers()}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    submitted = hospital.post(std::string(kForm) + "/response/submit", {{"revision", start + 2}});
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    const json after = submitted.json()["response"];
    EXPECT_EQ(after["status"], "submitted");
    EXPECT_EQ(after["revision"], start + 3);
    EXPECT_EQ(after["submitted_by"], "佐藤 健（安全管理責任者）");
    EXPECT_EQ(after["answers"], full_answers());

    // Saved again after submission: stays submitted with a new revision; emptying a required answer is refused.
    json changed = full_answers();
    changed["q13"] = "no";
    saved = hospital.put(std::string(kForm) + "/response", {{"revision", start + 3}, {"answers", changed}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.json()["response"]["status"], "submitted");
    EXPECT_EQ(saved.json()["response"]["revision"], start + 4);
    changed["q13"] = nullptr;
    const auto emptied = hospital.put(std::string(kForm) + "/response", {{"revision", start + 4}, {"answers", changed}});
    ASSERT_EQ(emptied.status, 400) << emptied.body;
    EXPECT_EQ(emptied.json()["missing"], json::array({"q13"}));

    const auto history = hospital.get(std::string(kForm) + "/response/history");
    ASSERT_EQ(history.status, 200) << history.body;
    const json revisions = history.json()["revisions"];
    ASSERT_EQ(revisions.size(), static_cast<std::size_t>(start + 4));
    EXPECT_EQ(revisions[0]["revision"], start + 4);
    EXPECT_EQ(revisions[0]["status"], "submitted");
    EXPECT_EQ(revisions[0]["answers"]["q13"], "no");
    EXPECT_EQ(revisions[1]["action"], "submitted");
    EXPECT_EQ(revisions[2]["action"], "saved");
    EXPECT_EQ(revisions[2]["status"], "draft");
    EXPECT_EQ(revisions[3]["answers"], json({{"ehr_in_use", "yes"}}));
    EXPECT_EQ(revisions[0]["by"], "佐藤 健（安全管理責任者）");

    // One audit row per write that went through: three saves and a submission.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'survey.response_saved' AND organisation_id = " +
                     std::to_string(org)) +
                  scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'survey.response_submitted' AND "
                         "organisation_id = " +
                         std::to_string(org)) -
                  audit_before,
              4);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM survey_response_revisions"), start + 4);
}

TEST_F(SurveyApi, AStaleRevisionIsAConflictAndChangesNothing) {
    SessionClient hospital = persona("hospital@demo.example");
    SessionClient editor = persona("editor@survey.example");
    const int start = hospital.get(kForm).json()["response"]["revision"];
    ASSERT_EQ(editor.put(std::string(kForm) + "/response", {{"revision", start}, {"answers", {{"ehr_in_use", "no"}}}}).status,
              200);
    const auto stale = hospital.put(std::string(kForm) + "/response", {{"revision", start}, {"answers", full_answers()}});
    ASSERT_EQ(stale.status, 409) << stale.body;
    EXPECT_EQ(stale.json()["code"], "stale_revision");
    EXPECT_EQ(error_fields(stale.json()), std::vector<std::string>{"revision"});
    const auto now = hospital.get(kForm).json()["response"];
    EXPECT_EQ(now["revision"], start + 1);
    EXPECT_EQ(now["answers"], json({{"ehr_in_use", "no"}}));
    EXPECT_EQ(now["updated_by"], "編集 次郎");
    EXPECT_EQ(hospital.post(std::string(kForm) + "/response/submit", {{"revision", start}}).json()["code"],
              "stale_revision");
}

TEST_F(SurveyApi, AnswersAreCheckedAgainstTheQuestionnaire) {
    SessionClient hospital = persona("hospital@demo.example");
    const int start = hospital.get(kForm).json()["response"]["revision"];
    struct Case {
        json answers;
        std::vector<std::string> fields;
    };
    const std::vector<Case> cases = {
        {{{"ehr_in_use", "no"}, {"q10", "monthly"}}, {"answers.q10"}},          // hidden: no EHR
        {{{"cyber_bcp", "no"}, {"bcp_drill", "yes"}}, {"answers.bcp_drill"}},   // hidden: no BCP
        {{{"q11", "sometimes"}}, {"answers.q11"}},                              // not an option
        {{{"q99", "yes"}}, {"answers.q99"}},                                    // not a question
        {{{"q10", "monthly"}}, {"answers.q10"}},                                // its condition unanswered
        {{{"q11", 3}}, {"answers.q11"}},                                        // not an option id
    };
    for (const auto& c : cases) {
        const auto r = hospital.put(std::string(kForm) + "/response", {{"revision", start}, {"answers", c.answers}});
        ASSERT_EQ(r.status, 400) << c.answers.dump() << " " << r.body;
        EXPECT_EQ(error_fields(r.json()), c.fields) << c.answers.dump();
    }
    EXPECT_EQ(hospital.put(std::string(kForm) + "/response", {{"answers", json::object()}}).status, 400)
        << "revision is required";
    EXPECT_EQ(hospital.get(kForm).json()["response"]["revision"], start) << "nothing was stored";
}

TEST_F(SurveyApi, AClosedVersionTakesNoAnswers) {
    SessionClient hospital = persona("hospital@demo.example");
    const auto form = hospital.get(kClosedForm);
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_EQ(form.json()["open"], false);
    EXPECT_EQ(form.json()["can_edit"], false);
    const auto saved = hospital.put(std::string(kClosedForm) + "/response", {{"revision", 0}, {"answers", full_answers()}});
    ASSERT_EQ(saved.status, 409) << saved.body;
    EXPECT_EQ(saved.json()["code"], "closed");
    EXPECT_EQ(hospital.post(std::string(kClosedForm) + "/response/submit", {{"revision", 0}}).json()["code"], "closed");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM survey_responses WHERE version = '2023'"), 0);
}

TEST_F(SurveyApi, AViewerReadsButDoesNotWrite) {
    SessionClient viewer = persona("viewer@survey.example");
    const auto form = viewer.get(kForm);
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_EQ(form.json()["can_edit"], false);
    const int revision = form.json()["response"]["revision"];
    EXPECT_EQ(viewer.put(std::string(kForm) + "/response", {{"revision", revision}, {"answers", full_answers()}}).status, 403);
    EXPECT_EQ(viewer.post(std::string(kForm) + "/response/submit", {{"revision", revision}}).status, 403);
    EXPECT_EQ(viewer.get(std::string(kForm) + "/response/history").status, 200);
}

TEST_F(SurveyApi, NobodyButATargetedInstitutionReachesAQuestionnaire) {
    // A clinic, a dental clinic and a pharmacy are institutions the questionnaire does not target: an empty
    // list, and 404 on the questionnaire. A vendor, a health centre and the ministry have no surveys at all.
    for (const auto* login : {"sakura@demo.example", "dental@survey.example", "aoba@demo.example"}) {
        SessionClient c = persona(login);
        const auto list = c.get("/api/v1/surveys");
        ASSERT_EQ(list.status, 200) << login << " " << list.body;
        EXPECT_EQ(list.json()["surveys"], json::array()) << login;
        EXPECT_EQ(c.get(kForm).status, 404) << login;
        EXPECT_EQ(c.put(std::string(kForm) + "/response", {{"revision", 0}, {"answers", json::object()}}).status, 404)
            << login;
        EXPECT_EQ(c.post(std::string(kForm) + "/response/submit", {{"revision", 0}}).status, 404) << login;
        EXPECT_EQ(c.get(std::string(kForm) + "/response/history").status, 404) << login;
    }
    for (const auto* login : {"vendor@demo.example", "hokenjo@demo.example", "mhlw@demo.example"}) {
        SessionClient c = persona(login);
        EXPECT_EQ(c.get("/api/v1/surveys").status, 404) << login;
        EXPECT_EQ(c.get(kForm).status, 404) << login;
        EXPECT_EQ(c.put(std::string(kForm) + "/response", {{"revision", 0}, {"answers", json::object()}}).status, 404)
            << login;
    }
    SessionClient hospital = persona("hospital@demo.example");
    EXPECT_EQ(hospital.get("/api/v1/surveys/mhlw-hospital/1999").status, 404);
    EXPECT_EQ(hospital.get("/api/v1/surveys/other/2026").status, 404);
}

}  // namespace
}  // namespace mamori::testing
