// The survey module's analyst side through the API (issue 18, item 3): a small hand-made set of submitted
// responses (k = 3), counted here from the set itself and compared with what the API publishes — nationally,
// by bed band (a small cell hidden with its complementary partner), for a prefecture user (only its own
// prefecture), with the checklist's and MHLW's figures beside the linked questions; drafts and a clinic's
// response are not counted; an institution's user gets 404; the CSV says the same.
#include <gtest/gtest.h>
#include <fmt/format.h>
#include <soci/soci.h>

#include <map>
#include <optional>

#include "support/demo_server_test.hpp"
#include "support/statistics_seed.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {{"mhlw@demo.example", "mhlw-demo-pass"},
                                                       {"tokyo@demo.example", "tokyo-demo-pass"},
                                                       {"hospital@demo.example", "hospital-demo-pass"},
                                                       {"sakura@demo.example", "sakura-demo-pass"}};

constexpr int k = 3;

struct Seeded {
    std::string kind;
    std::string prefecture;
    int beds;
    std::string status;
    std::string ehr;
    std::string bcp;
};

// 北海道: 12 hospitals of 50 beds (4 with a BCP, 10 with an EHR), 6 of 550 beds (5 with a BCP); 東京都: 5 of 150
// beds (2 with a BCP). Not counted: two drafts and a clinic's submitted response.
std::vector<Seeded> hand_made_set() {
    std::vector<Seeded> out;
    for (int i = 0; i < 12; ++i) out.push_back({"hospital", "01", 50, "submitted", i < 10 ? "yes" : "no", i < 4 ? "yes" : "no"});
    for (int i = 0; i < 6; ++i) out.push_back({"hospital", "01", 550, "submitted", "yes", i < 5 ? "yes" : "no"});
    for (int i = 0; i < 5; ++i) out.push_back({"hospital", "13", 150, "submitted", "yes", i < 2 ? "yes" : "no"});
    for (int i = 0; i < 2; ++i) out.push_back({"hospital", "01", 50, "draft", "yes", "yes"});
    out.push_back({"clinic", "01", 0, "submitted", "yes", "yes"});
    return out;
}

// count: submitted hospitals of `prefecture` ("" = all) within [min_beds, max_beds] whose `field` is `value`
// ("" = any).
long long count(const std::vector<Seeded>& set, std::string Seeded::*field, const std::string& value,
                const std::string& prefecture = "", int min_beds = 0, int max_beds = 100000) {
    long long n = 0;
    for (const auto& s : set)
        if (s.kind == "hospital" && s.status == "submitted" && (prefecture.empty() || s.prefecture == prefecture) &&
            s.beds >= min_beds && s.beds <= max_beds && (value.empty() || s.*field == value))
            ++n;
    return n;
}

class SurveyStatisticsApi : public DemoServerTest {
  protected:
    SurveyStatisticsApi() : DemoServerTest(kPasswords) {}

    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(
            db(), std::vector<std::string>{"--demo", "--statistics-minimum-count", std::to_string(k)});
        DatabaseSession direct(db());
        soci::session& sql = *direct;
        int n = 0;
        for (const auto& s : hand_made_set()) {
            const long long org =
                seed_institution(sql, s.kind, fmt::format("調査テスト施設 {}", ++n), s.prefecture, s.beds);
            json answers = {{"ehr_in_use", s.ehr}, {"cyber_bcp", s.bcp}};
            if (s.bcp == "yes") answers["bcp_drill"] = "yes";
            const std::string text = answers.dump();
            const std::string submitted_at = s.status == "submitted" ? "'2026-11-01T00:00:00.000Z'" : "NULL";
            sql << "INSERT INTO survey_responses (organisation_id, questionnaire, version, status, revision, answers, "
                   "updated_at, submitted_at) VALUES (:o, 'mhlw-hospital', '2026', :s, 1, :a, "
                   "'2026-11-01T00:00:00.000Z', " + submitted_at + ")",
                soci::use(org), soci::use(s.status), soci::use(text);
        }
    }

    static const json& question(const json& view, const std::string& id) {
        for (const auto& q : view["questions"])
            if (q["id"] == id) return q;
        static const json none;
        ADD_FAILURE() << "no question " << id;
        return none;
    }

    static const json& group(const json& q, const std::string& key) {
        for (const auto& g : q["groups"])
            if (g["key"] == key) return g;
        static const json none;
        ADD_FAILURE() << "no group " << key << " in " << q["groups"].dump();
        return none;
    }

    static const json& option(const json& g, const std::string& id) {
        for (const auto& o : g["options"])
            if (o["id"] == id) return o;
        static const json none;
        ADD_FAILURE() << "no option " << id;
        return none;
    }

    static void expect_count(const json& o, long long n, long long total) {
        EXPECT_EQ(o["count"], n) << o.dump();
        EXPECT_DOUBLE_EQ(o["share"].get<double>(), static_cast<double>(n) / static_cast<double>(total)) << o.dump();
    }
};

TEST_F(SurveyStatisticsApi, NationalCountsAreTheSetsOwn) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto set = hand_made_set();
    const auto list = mhlw.get("/api/v1/statistics/surveys");
    ASSERT_EQ(list.status, 200) << list.body;
    std::map<std::string, json> versions;
    const json surveys = list.json()["surveys"];
    for (const auto& s : surveys) versions[s["version"]] = s;
    EXPECT_EQ(versions["2026"]["responses"], count(set, &Seeded::kind, ""));
    EXPECT_EQ(versions["2023"]["responses"], 0);

    const auto r = mhlw.get("/api/v1/statistics/surveys/mhlw-hospital/2026");
    ASSERT_EQ(r.status, 200) << r.body;
    const json view = r.json();
    EXPECT_EQ(view["query"]["minimum_count"], k);
    EXPECT_EQ(view["query"]["prefecture"], nullptr);
    EXPECT_EQ(view["query"]["fiscal_year"], 2026);
    const auto& bcp = group(question(view, "cyber_bcp"), "all");
    const long long all = count(set, &Seeded::kind, ""), yes = count(set, &Seeded::bcp, "yes");
    EXPECT_EQ(bcp["total"], all);
    expect_count(option(bcp, "yes"), yes, all);
    expect_count(option(bcp, "no"), all - yes, all);
    // Shown only to those with a BCP (all of whom answered yes here), and q10 only to those with an EHR.
    const auto& drill = group(question(view, "bcp_drill"), "all");
    EXPECT_EQ(drill["total"], yes);
    expect_count(option(drill, "yes"), yes, yes);
    // 2 without an EHR (< k) are hidden with their partner, the 21 with one; Q10 is shown to exactly those 21,
    // so its number shown is hidden too (it would give back both).
    EXPECT_EQ(count(set, &Seeded::ehr, "no"), 2);
    EXPECT_TRUE(option(group(question(view, "ehr_in_use"), "all"), "yes")["count"].is_null());
    EXPECT_TRUE(group(question(view, "q10"), "all")["total"].is_null());
    // Nobody answered Q10: whatever of it is published is 0.
    const json monthly = option(group(question(view, "q10"), "all"), "monthly")["count"];
    if (!monthly.is_null()) {
        EXPECT_EQ(monthly, 0);
    }

    // Beside the linked questions: the checklist's line that fiscal year and MHLW's latest figure (the 2024
    // survey, FY2023: an earlier year); none beside a question without an indicator.
    const auto& linked = question(view, "cyber_bcp");
    EXPECT_EQ(linked["checklist"]["indicator"], "cyber_bcp");
    EXPECT_EQ(linked["checklist"]["line_number"], "3-③");
    EXPECT_DOUBLE_EQ(linked["mhlw"]["value"].get<double>(), 0.27);
    EXPECT_EQ(linked["mhlw"]["survey_fiscal_year"], 2023);
    EXPECT_EQ(linked["mhlw"]["same_fiscal_year"], false);
    EXPECT_EQ(question(view, "q12")["checklist"], nullptr);
    EXPECT_EQ(question(view, "q12")["mhlw"], nullptr);
    const auto older = mhlw.get("/api/v1/statistics/surveys/mhlw-hospital/2023").json();
    EXPECT_DOUBLE_EQ(question(older, "cyber_bcp")["mhlw"]["value"].get<double>(), 0.23);
    EXPECT_EQ(question(older, "cyber_bcp")["mhlw"]["same_fiscal_year"], true);
    EXPECT_EQ(question(older, "cyber_bcp")["checklist"]["line_number"], nullptr) << "no checklist in FY2022";
    EXPECT_EQ(group(question(older, "cyber_bcp"), "all")["total"], 0);
}

TEST_F(SurveyStatisticsApi, ByBedBandASmallCellIsHiddenWithItsPartner) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto set = hand_made_set();
    const auto r = mhlw.get("/api/v1/statistics/surveys/mhlw-hospital/2026?by=bed_band");
    ASSERT_EQ(r.status, 200) << r.body;
    const json view = r.json();
    const auto& bcp = question(view, "cyber_bcp");
    // 20–99 beds: 12 asked (4 with a BCP and 8 without: hidden or not as the drill question's table needs, below).
    const auto& small = group(bcp, "hospital_20_99");
    EXPECT_EQ(small["label_ja"], "20〜99床");
    EXPECT_EQ(small["total"], count(set, &Seeded::kind, "", "", 20, 99));
    // 100–199 beds: 2 with a BCP (< k) hidden, and a partner in its line (3 without, or the total) so that
    // subtraction does not give it back. 500+ beds: 1 without a BCP likewise.
    EXPECT_EQ(count(set, &Seeded::bcp, "yes", "", 100, 199), 2);
    EXPECT_EQ(count(set, &Seeded::bcp, "no", "", 500, 100000), 1);
    for (const auto& [band, small] : std::vector<std::pair<std::string, std::string>>{{"hospital_100_199", "yes"},
                                                                                    {"hospital_500_plus", "no"}}) {
        const auto& g = group(bcp, band);
        EXPECT_EQ(option(g, small)["count"], nullptr) << band;
        EXPECT_EQ(option(g, small)["share"], nullptr) << band;
        int hidden = g["total"].is_null() ? 1 : 0;
        for (const auto& o : g["options"]) hidden += o["count"].is_null() ? 1 : 0;
        EXPECT_GE(hidden, 2) << band << ": the small cell's partner is hidden too " << g.dump();
    }
    // The drill question is shown to exactly those with a BCP: where a band hides its BCP はい, it hides the
    // drill's number shown as well (and what would give that back).
    const auto& drill = question(view, "bcp_drill");
    for (const auto& g : bcp["groups"]) {
        const std::string key = g["key"];
        if (option(g, "yes")["count"].is_null()) {
            EXPECT_TRUE(group(drill, key)["total"].is_null()) << key << ": " << group(drill, key).dump();
        } else {
            EXPECT_EQ(group(drill, key)["total"], option(g, "yes")["count"]) << key;
        }
    }
    // A band nobody is in shows 0 of 0.
    EXPECT_EQ(group(bcp, "hospital_300_399")["total"], 0);
    EXPECT_EQ(option(group(bcp, "hospital_300_399"), "yes")["count"], 0);
    EXPECT_EQ(option(group(bcp, "hospital_300_399"), "yes")["share"], nullptr);
    EXPECT_EQ(group(bcp, "all")["total"], count(set, &Seeded::kind, ""));
    // Every published count is the set's own.
    for (const auto& [band, lo, hi] : std::vector<std::tuple<std::string, int, int>>{
             {"all", 0, 100000}, {"hospital_20_99", 20, 99}, {"hospital_100_199", 100, 199}, {"hospital_500_plus", 500, 100000}})
        for (const auto& answer : {"yes", "no"}) {
            const auto& c = option(group(bcp, band), answer)["count"];
            if (!c.is_null()) {
                EXPECT_EQ(c, count(set, &Seeded::bcp, answer, "", lo, hi)) << band << " " << answer;
            }
        }
}

TEST_F(SurveyStatisticsApi, APrefectureSeesOnlyItselfAndInstitutionsNothing) {
    SessionClient tokyo = persona("tokyo@demo.example");
    const auto set = hand_made_set();
    const auto list = tokyo.get("/api/v1/statistics/surveys");
    ASSERT_EQ(list.status, 200) << list.body;
    const json surveys = list.json()["surveys"];
    for (const auto& s : surveys)
        if (s["version"] == "2026") {
            EXPECT_EQ(s["responses"], count(set, &Seeded::kind, "", "13"));
        }
    const auto r = tokyo.get("/api/v1/statistics/surveys/mhlw-hospital/2026");
    ASSERT_EQ(r.status, 200) << r.body;
    const json view = r.json();
    EXPECT_EQ(view["query"]["prefecture"], "13");
    const auto& bcp = group(question(view, "cyber_bcp"), "all");
    EXPECT_EQ(bcp["total"], count(set, &Seeded::kind, "", "13"));
    EXPECT_EQ(option(bcp, "yes")["count"], nullptr) << "2 < k";
    EXPECT_EQ(option(bcp, "no")["count"], nullptr) << "its partner";
    EXPECT_EQ(group(question(view, "ehr_in_use"), "all")["total"], 5);
    expect_count(option(group(question(view, "ehr_in_use"), "all"), "yes"), 5, 5);

    for (const auto* login : {"hospital@demo.example", "sakura@demo.example"}) {
        SessionClient c = persona(login);
        EXPECT_EQ(c.get("/api/v1/statistics/surveys").status, 404) << login;
        EXPECT_EQ(c.get("/api/v1/statistics/surveys/mhlw-hospital/2026").status, 404) << login;
    }
    SessionClient mhlw = persona("mhlw@demo.example");
    EXPECT_EQ(mhlw.get("/api/v1/statistics/surveys/mhlw-hospital/2025").status, 404);
    EXPECT_EQ(mhlw.get("/api/v1/statistics/surveys/mhlw-hospital/2026?by=prefecture").status, 400);
}

TEST_F(SurveyStatisticsApi, TheCsvAndXlsxCarryThePublishedNumbers) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto csv = mhlw.get("/api/v1/statistics/surveys/mhlw-hospital/2026?by=bed_band&format=csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_NE(csv.header("Content-Type").value_or("").find("text/csv"), std::string::npos);
    EXPECT_NE(csv.body.find("設問番号"), std::string::npos);
    EXPECT_NE(csv.body.find("サイバー攻撃を想定した事業継続計画"), std::string::npos);
    // The 100–199 band's EHR line: 5 shown, 5 yes, 100%; its BCP cells (2 with one) are empty fields.
    EXPECT_NE(csv.body.find("電子カルテシステムを導入していますか。,100〜199床,5,はい,5,100.0%"), std::string::npos)
        << csv.body.substr(0, 2000);
    EXPECT_NE(csv.body.find("100〜199床,5,はい,,"), std::string::npos);
    EXPECT_EQ(csv.body.find("hospital_"), std::string::npos) << "no key reaches a Japanese file";
    const auto xlsx = mhlw.get("/api/v1/statistics/surveys/mhlw-hospital/2026?format=xlsx&lang=en");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

}  // namespace
}  // namespace mamori::testing
