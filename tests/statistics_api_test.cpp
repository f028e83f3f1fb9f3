// National statistics through the API (issue 18) on the demo database with a small hand-made set of hospitals
// added for fiscal year 2024 (which the demo itself has no checklist in): every number the API gives is
// compared with a count this test makes from its own list, small cells are hidden, a saved answer shows in
// the next answer, the ministry sees the country and a prefecture only itself, and the files carry the same
// numbers.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>
#include <optional>

#include "support/demo_server_test.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/statistics_seed.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {{"mhlw@demo.example", "mhlw-demo-pass"},
                                                       {"tokyo@demo.example", "tokyo-demo-pass"},
                                                       {"sakura@demo.example", "sakura-demo-pass"}};

constexpr int kMinimumCount = 3;  // the server's k in these tests

// Seeded: one hospital of the hand-made set and its answer to IR-03 (3-③, the cyber-attack BCP) in FY2024.
struct Seeded {
    std::string prefecture;
    int beds = 0;
    std::optional<std::string> value;  // nullopt: no answer row
    bool reconfirm = false;            // carried from last year, not confirmed: counts as unanswered
    bool submitted = false;
    std::optional<std::string> target;  // 目標日 of an いいえ
};

// The set: 北海道 (01) 24 hospitals in two bands; 青森県 (02) 4 hospitals, fewer than k in places; 岩手県 (03)
// 9 hospitals with counts of exactly k, the smallest published ones, so that they (not 北海道's) are what
// complementary suppression hides to protect 青森県's.
std::vector<Seeded> hand_made_set() {
    std::vector<Seeded> out;
    for (int i = 0; i < 24; ++i) {
        Seeded s{"01", i < 12 ? 50 : 250, std::nullopt, false, i % 3 == 0};
        if (i % 4 == 0) s.value = "yes";
        if (i % 4 == 1 || i % 4 == 2) s.value = "no";
        if (i % 4 == 1) s.target = "2025-03-31";  // passed
        if (i % 4 == 2) s.target = "2099-03-31";  // ahead
        if (i == 7) {
            s.reconfirm = true;
            s.value = "yes";
        }
        out.push_back(s);
    }
    out.push_back({"02", 120, "yes", false, true});
    out.push_back({"02", 120, "no", false, false});
    out.push_back({"02", 130, "no", false, false});
    out.push_back({"02", 140, std::nullopt, false, false});
    for (int i = 0; i < 9; ++i)
        out.push_back({"03", 150, i < 3 ? std::optional<std::string>("yes")
                                        : i < 6 ? std::optional<std::string>("no") : std::nullopt,
                       false, false});
    return out;
}

struct Expected {
    long long asked = 0, yes = 0, no = 0, unanswered = 0;
};

Expected count(const std::vector<Seeded>& set, const std::string& prefecture, int min_beds = 0,
               int max_beds = 100000) {
    Expected e;
    for (const auto& s : set) {
        if (!prefecture.empty() && s.prefecture != prefecture) continue;
        if (s.beds < min_beds || s.beds > max_beds) continue;
        ++e.asked;
        if (!s.value || s.reconfirm)
            ++e.unanswered;
        else if (*s.value == "yes")
            ++e.yes;
        else
            ++e.no;
    }
    return e;
}

class StatisticsApi : public DemoServerTest {
  protected:
    StatisticsApi() : DemoServerTest(kPasswords) {}

    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(
            db(), std::vector<std::string>{"--demo", "--statistics-minimum-count", std::to_string(kMinimumCount)});
        seed(hand_made_set());
    }

    void seed(const std::vector<Seeded>& set) {
        DatabaseSession direct(db());
        int n = 0;
        for (const auto& s : set) {
            SeededChecklist checklist{.name = "統計テスト病院 " + std::to_string(++n),
                                      .prefecture = s.prefecture,
                                      .beds = s.beds,
                                      .fiscal_year = 2024,
                                      .edition = "r6",
                                      .status = s.submitted ? "submitted" : "draft"};
            if (s.value)
                checklist.answers.push_back({"IR-03", *s.value, "2024-10-01", s.target, s.reconfirm});
            seed_checklist(*direct, checklist);
        }
    }

    static const json& group(const json& view, const std::string& key) {
        for (const auto& g : view["groups"])
            if (g["key"] == key) return g;
        static const json none;
        ADD_FAILURE() << "no group " << key << " in " << view.dump();
        return none;
    }

    static void expect_group(const json& g, const Expected& e) {
        ASSERT_FALSE(g["asked"].is_null()) << g.dump();
        EXPECT_EQ(g["asked"], e.asked) << g.dump();
        EXPECT_EQ(g["yes"]["count"], e.yes) << g.dump();
        EXPECT_EQ(g["no"]["count"], e.no) << g.dump();
        EXPECT_EQ(g["unanswered"]["count"], e.unanswered) << g.dump();
        EXPECT_EQ(g["not_required"]["count"], 0) << g.dump();
        EXPECT_EQ(g["yes"]["of"], e.asked);
        EXPECT_DOUBLE_EQ(g["yes"]["ratio"].get<double>(), static_cast<double>(e.yes) / e.asked);
    }
};

constexpr const char* kItem = "/api/v1/statistics/item?fiscal_year=2024&item=IR-03";

TEST_F(StatisticsApi, EveryCountMatchesOneMadeIndependentlyFromTheHandMadeSet) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto set = hand_made_set();

    const auto by_prefecture = mhlw.get(kItem);
    ASSERT_EQ(by_prefecture.status, 200) << by_prefecture.body;
    const json view = by_prefecture.json();
    EXPECT_EQ(view["fiscal_year"], 2024);
    EXPECT_EQ(view["number"], "3-(3)") << "as the R6 form prints it";
    EXPECT_EQ(view["minimum_count"], kMinimumCount);
    EXPECT_EQ(view["groups"].size(), 47u) << "every prefecture has a line, for the map";
    expect_group(group(view, "01"), count(set, "01"));
    EXPECT_EQ(group(view, "01")["label_ja"], "北海道");
    expect_group(view["total"], count(set, ""));
    EXPECT_EQ(group(view, "13")["asked"], 0) << "no checklist of 2024 in Tokyo: 0 of 0";
    EXPECT_TRUE(group(view, "13")["yes"]["ratio"].is_null());

    const auto by_band = mhlw.get(std::string(kItem) + "&by=bed_band&prefecture=01");
    ASSERT_EQ(by_band.status, 200) << by_band.body;
    expect_group(group(by_band.json(), "hospital_20_99"), count(set, "01", 20, 99));
    expect_group(group(by_band.json(), "hospital_200_299"), count(set, "01", 200, 299));

    const auto filtered = mhlw.get(std::string(kItem) + "&bed_band=hospital_200_299");
    ASSERT_EQ(filtered.status, 200) << filtered.body;
    expect_group(group(filtered.json(), "01"), count(set, "01", 200, 299));
    EXPECT_EQ(filtered.json()["filters"]["bed_band"], "hospital_200_299");

    const auto cross = mhlw.get("/api/v1/statistics/cross?fiscal_year=2024&item=IR-03&answer=no");
    ASSERT_EQ(cross.status, 200) << cross.body;
    const json c = cross.json();
    ASSERT_EQ(c["rows"][0]["key"], "01");
    ASSERT_EQ(c["columns"][0]["key"], "hospital_20_99") << "bands from small to large";
    EXPECT_EQ(c["cells"][0][0]["count"], count(set, "01", 20, 99).no);
    EXPECT_EQ(c["cells"][0][0]["of"], count(set, "01", 20, 99).asked);

    long long submitted = 0;
    for (const auto& s : set) submitted += s.submitted ? 1 : 0;
    const auto rates = mhlw.get("/api/v1/statistics/rates?fiscal_year=2024&by=facility_kind");
    ASSERT_EQ(rates.status, 200) << rates.body;
    const json hospitals = group(rates.json(), "hospital");
    EXPECT_EQ(hospitals["asked"], static_cast<long long>(set.size()));
    EXPECT_EQ(hospitals["submitted"]["count"], submitted);
    EXPECT_EQ(hospitals["complete"]["count"], 0) << "one line answered of a whole form is not complete";

    const auto trend = mhlw.get("/api/v1/statistics/trend?item=IR-03&prefecture=01");
    ASSERT_EQ(trend.status, 200) << trend.body;
    bool saw_2024 = false;
    const json years = trend.json()["years"];
    for (const auto& year : years)
        if (year["fiscal_year"] == 2024) {
            saw_2024 = true;
            expect_group(year["total"], count(set, "01"));
        }
    EXPECT_TRUE(saw_2024) << trend.body;
}

TEST_F(StatisticsApi, TargetsAheadAndPassedAreCountedOfTheNumberAsked) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto r = mhlw.get("/api/v1/statistics/targets?fiscal_year=2024&item=IR-03&prefecture=01&by=bed_band");
    ASSERT_EQ(r.status, 200) << r.body;
    const json view = r.json();
    const auto today = view["today"].get<std::string>();
    long long open = 0, overdue = 0, asked = 0;
    for (const auto& s : hand_made_set()) {
        if (s.prefecture != "01") continue;
        ++asked;
        if (s.value == "no" && !s.reconfirm && s.target) ++(*s.target >= today ? open : overdue);
    }
    ASSERT_GT(open, 0);
    ASSERT_GT(overdue, 0);
    EXPECT_EQ(view["total"]["asked"], asked);
    EXPECT_EQ(view["total"]["open"]["count"], open) << r.body;
    EXPECT_EQ(view["total"]["overdue"]["count"], overdue) << r.body;
    EXPECT_EQ(today.size(), 10u);
}

TEST_F(StatisticsApi, SmallCellsAreHiddenWithWhateverWouldGiveThemBack) {
    SessionClient mhlw = persona("mhlw@demo.example");
    // 青森県: 4 hospitals, 1 はい, 2 いいえ, 1 unanswered — with k = 3 the 1s are hidden, and so is a partner
    // in the line so that neither can be worked out from the number asked.
    const auto r = mhlw.get(kItem);
    ASSERT_EQ(r.status, 200) << r.body;
    const json aomori = group(r.json(), "02");
    EXPECT_EQ(aomori["asked"], 4);
    EXPECT_TRUE(aomori["yes"].is_null()) << aomori.dump();
    EXPECT_TRUE(aomori["unanswered"].is_null()) << aomori.dump();
    int hidden = 0;
    for (const char* answer : {"yes", "no", "not_required", "unanswered"}) hidden += aomori[answer].is_null() ? 1 : 0;
    EXPECT_GE(hidden, 2);

    // By band in 青森県: its 4 hospitals are all of 100〜199 beds: 4 asked is shown, the 1 and 2 are not.
    const auto bands = mhlw.get(std::string(kItem) + "&prefecture=02&by=bed_band");
    ASSERT_EQ(bands.status, 200) << bands.body;
    const json band = group(bands.json(), "hospital_100_199");
    EXPECT_EQ(band["asked"], 4) << band.dump();
    EXPECT_TRUE(band["yes"].is_null()) << band.dump();
    EXPECT_TRUE(band["no"].is_null()) << band.dump();
    EXPECT_TRUE(band["unanswered"].is_null()) << band.dump();
}

TEST_F(StatisticsApi, AnAnswerSavedShowsInTheNextAnswer) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto before = mhlw.get(kItem);
    ASSERT_EQ(before.status, 200) << before.body;
    const long long yes_before = before.json()["total"]["yes"]["count"].get<long long>();
    {
        DatabaseSession direct(db());
        *direct << "UPDATE answers SET value = 'yes', version = version + 1 WHERE value = 'no' AND assessment_id = "
                   "(SELECT MIN(a.id) FROM assessments a JOIN answers w ON w.assessment_id = a.id WHERE "
                   "a.fiscal_year = 2024 AND w.value = 'no')";
    }
    const auto after = mhlw.get(kItem);
    ASSERT_EQ(after.status, 200) << after.body;
    EXPECT_EQ(after.json()["total"]["yes"]["count"].get<long long>(), yes_before + 1);
    EXPECT_EQ(after.json()["total"]["asked"], before.json()["total"]["asked"]);
}

TEST_F(StatisticsApi, TheMinistrySeesTheCountryAPrefectureItselfAndNobodyElseAnything) {
    SessionClient tokyo = persona("tokyo@demo.example");
    const auto context = tokyo.get("/api/v1/statistics/context");
    ASSERT_EQ(context.status, 200) << context.body;
    EXPECT_EQ(context.json()["scope"]["level"], "prefecture");
    EXPECT_EQ(context.json()["scope"]["prefecture_code"], "13");
    ASSERT_EQ(context.json()["prefectures"].size(), 1u);

    const auto own = tokyo.get(kItem);
    ASSERT_EQ(own.status, 200) << own.body;
    EXPECT_EQ(own.json()["filters"]["prefecture"], "13");
    EXPECT_EQ(own.json()["total"]["asked"], 0) << "北海道's hospitals are not in Tokyo's numbers";
    EXPECT_EQ(tokyo.get(std::string(kItem) + "&prefecture=01").status, 404);
    EXPECT_EQ(tokyo.get("/api/v1/statistics/open-data?fiscal_year=2024").status, 404);

    SessionClient clinic = persona("sakura@demo.example");
    for (const char* path : {"/api/v1/statistics/context", kItem, "/api/v1/statistics/rates"})
        EXPECT_EQ(clinic.get(path).status, 404) << path;

    const auto national = persona("mhlw@demo.example").get("/api/v1/statistics/context");
    ASSERT_EQ(national.status, 200);
    EXPECT_EQ(national.json()["scope"]["level"], "national");
    EXPECT_EQ(national.json()["prefectures"].size(), 47u);
}

TEST_F(StatisticsApi, BadParametersAreRefusedNamingThem) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const std::vector<std::pair<std::string, std::string>> cases = {
        {std::string(kItem) + "&by=ward", "by"},
        {std::string(kItem) + "&prefecture=48", "prefecture"},
        {std::string(kItem) + "&bed_band=huge", "bed_band"},
        {std::string(kItem) + "&facility_kind=vendor", "facility_kind"},
        {"/api/v1/statistics/item?fiscal_year=20x4&item=IR-03", "fiscal_year"},
        {"/api/v1/statistics/item?fiscal_year=2024&item=NOPE-01", "item"},
        {std::string(kItem) + "&row=server", "row"},
        {std::string(kItem) + "&format=pdf", "format"},
        {"/api/v1/statistics/item?fiscal_year=2024&item=IR-03&by=health_centre", "by"},
        {"/api/v1/statistics/cross?fiscal_year=2024&item=IR-03&answer=maybe", "answer"},
    };
    for (const auto& [path, field] : cases) {
        const auto r = mhlw.get(path);
        EXPECT_EQ(r.status, 400) << path << ": " << r.body;
        EXPECT_NE(r.body.find("\"" + field + "\""), std::string::npos) << path << ": " << r.body;
    }
}

TEST_F(StatisticsApi, FilesCarryThePublishedNumbers) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto set = hand_made_set();
    const auto csv = mhlw.get(std::string(kItem) + "&prefecture=01&by=bed_band&format=csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    const auto e = count(set, "01", 20, 99);
    const std::string line = "20〜99床," + std::to_string(e.asked) + "," + std::to_string(e.yes) + ",";
    EXPECT_NE(csv.body.find(line), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("k = 3"), std::string::npos) << csv.body;
    EXPECT_EQ(csv.body.find("hospital_20_99"), std::string::npos) << "no internal key in a Japanese file";

    const auto xlsx = mhlw.get(std::string(kItem) + "&format=xlsx");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");

    const auto open = mhlw.get("/api/v1/statistics/open-data?fiscal_year=2024");
    ASSERT_EQ(open.status, 200) << open.body;
    const auto hokkaido = count(set, "01");
    EXPECT_NE(open.body.find("2024,medical,IR-03,main,3-(3),01," + std::to_string(hokkaido.asked) + "," +
                             std::to_string(hokkaido.yes) + "," + std::to_string(hokkaido.no) + ",0," +
                             std::to_string(hokkaido.unanswered)),
              std::string::npos)
        << open.body.substr(0, 2000);
    const auto dictionary = mhlw.get("/api/v1/statistics/open-data/dictionary");
    ASSERT_EQ(dictionary.status, 200);
    EXPECT_NE(dictionary.body.find("prefecture_code"), std::string::npos);
}

}  // namespace
}  // namespace mamori::testing
