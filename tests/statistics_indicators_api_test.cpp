// MHLW's survey indicators beside mamori's figures through the API (issue 18, item 3), on the demo database
// with a hand-made set of hospitals (and one clinic) answering FY2023's checklist: mamori's share of はい is
// counted over hospitals only, nationally, by bed band and for a prefecture, and compared with a count this
// test makes from its own list; MHLW's figure, source, confidence and denominator come beside it, with why
// the two are or are not comparable.
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

constexpr int kMinimumCount = 3;

// Seeded: one institution with a FY2023 checklist (edition r5) and its answers to IR-03 (cyber BCP) and
// GOV-01 (安全管理責任者); nullopt: no answer row.
struct Seeded {
    std::string kind;
    std::string prefecture;
    int beds = 0;
    std::optional<std::string> bcp;
    std::optional<std::string> manager;
    int fiscal_year = 2023;
};

// 北海道: 12 hospitals of 50 beds (4 はい), 12 of 550 beds (6 はい, 3 いいえ, 3 unanswered); 東京都: 6 of 150 beds
// (3 はい); and three clinics in 北海道 answering はい, which a survey of hospitals must not count (as many as k, so
// that nothing of the hospitals is hidden on their account). FY2024: only two
// hospitals (fewer than k = 3).
std::vector<Seeded> hand_made_set() {
    std::vector<Seeded> out;
    for (int i = 0; i < 12; ++i) out.push_back({"hospital", "01", 50, i < 4 ? "yes" : "no", "yes"});
    for (int i = 0; i < 12; ++i)
        out.push_back({"hospital", "01", 550, i < 6 ? std::optional<std::string>("yes")
                                              : i < 9 ? std::optional<std::string>("no") : std::nullopt,
                       i % 2 == 0 ? "yes" : "no"});
    for (int i = 0; i < 6; ++i) out.push_back({"hospital", "13", 150, i < 3 ? "yes" : "no", "yes"});
    for (int i = 0; i < 3; ++i) out.push_back({"clinic", "01", 0, "yes", "yes"});
    out.push_back({"hospital", "01", 250, "yes", "yes", 2024});
    out.push_back({"hospital", "01", 250, "no", "yes", 2024});
    return out;
}

// yes_of: {はい, asked} among the FY2023 hospitals of `prefecture` ("" = all) within [min_beds, max_beds].
std::pair<long long, long long> yes_of(const std::vector<Seeded>& set, std::optional<std::string> Seeded::*answer,
                                       const std::string& prefecture, int min_beds = 0, int max_beds = 100000) {
    long long yes = 0, asked = 0;
    for (const auto& s : set) {
        if (s.kind != "hospital" || s.fiscal_year != 2023 || (!prefecture.empty() && s.prefecture != prefecture))
            continue;
        if (s.beds < min_beds || s.beds > max_beds) continue;
        ++asked;
        if (s.*answer == "yes") ++yes;
    }
    return {yes, asked};
}

class StatisticsIndicatorsApi : public DemoServerTest {
  protected:
    StatisticsIndicatorsApi() : DemoServerTest(kPasswords) {}

    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(
            db(), std::vector<std::string>{"--demo", "--statistics-minimum-count", std::to_string(kMinimumCount)});
        DatabaseSession direct(db());
        int n = 0;
        for (const auto& s : hand_made_set()) {
            SeededChecklist checklist{.kind = s.kind,
                                      .name = "指標テスト施設 " + std::to_string(++n),
                                      .prefecture = s.prefecture,
                                      .beds = s.beds,
                                      .fiscal_year = s.fiscal_year,
                                      .edition = s.fiscal_year == 2023 ? "r5" : "r6"};
            for (const auto& [item, value] : {std::pair{"IR-03", s.bcp}, std::pair{"GOV-01", s.manager}})
                if (value) checklist.answers.push_back({item, *value, "2023-10-01"});
            seed_checklist(*direct, checklist);
        }
    }

    static const json& indicator(const json& view, const std::string& id) {
        for (const auto& i : view["indicators"])
            if (i["id"] == id) return i;
        static const json none;
        ADD_FAILURE() << "no indicator " << id << " in " << view.dump();
        return none;
    }

    static const json& band(const json& bands, const std::string& key) {
        for (const auto& b : bands)
            if (b["key"] == key) return b;
        static const json none;
        ADD_FAILURE() << "no band " << key << " in " << bands.dump();
        return none;
    }

    static void expect_share(const json& share, std::pair<long long, long long> expected) {
        ASSERT_TRUE(share.is_object()) << share.dump();
        EXPECT_EQ(share["count"], expected.first) << share.dump();
        EXPECT_EQ(share["of"], expected.second) << share.dump();
        EXPECT_DOUBLE_EQ(share["ratio"].get<double>(),
                         static_cast<double>(expected.first) / static_cast<double>(expected.second));
    }

    static std::vector<std::string> reasons(const json& i) {
        std::vector<std::string> out;
        for (const auto& r : i["not_comparable_because"]) out.push_back(r["code"]);
        return out;
    }
};

TEST_F(StatisticsIndicatorsApi, MamorisHospitalsStandBesideMhlwsFigureOfTheSameFiscalYear) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto set = hand_made_set();
    const auto r = mhlw.get("/api/v1/statistics/indicators?fiscal_year=2023");
    ASSERT_EQ(r.status, 200) << r.body;
    const json view = r.json();
    EXPECT_EQ(view["fiscal_year"], 2023);
    EXPECT_EQ(view["edition"], "r5");
    EXPECT_EQ(view["facility_kind"], "hospital");
    EXPECT_EQ(view["scope"]["level"], "national");
    EXPECT_EQ(view["labels_are"], "mamori");

    const json& bcp = indicator(view, "cyber_bcp");
    EXPECT_EQ(bcp["label_ja"], "サイバー攻撃を想定したBCPの策定");
    EXPECT_EQ(bcp["line"]["item"], "IR-03");
    EXPECT_EQ(bcp["line"]["row"], "main");
    EXPECT_EQ(bcp["line"]["number"], "3-(3)");
    EXPECT_EQ(bcp["line"]["mapping_confidence"], "I");
    // 13 はい of 30 hospitals: the clinics' はい are not counted.
    EXPECT_EQ(yes_of(set, &Seeded::bcp, ""), std::make_pair(13LL, 30LL));
    expect_share(bcp["mamori"]["yes"], yes_of(set, &Seeded::bcp, ""));
    EXPECT_EQ(bcp["mamori"]["asked"], 30);
    EXPECT_EQ(bcp["mamori"]["scope"], "national");
    EXPECT_FALSE(bcp["mamori"].contains("bands")) << "by=none";
    // The 2024 survey was answered in Feb–Mar 2024, that is FY2023: 27% [S], from cbnews.
    const json& figure = bcp["mhlw"];
    EXPECT_EQ(figure["scope"], "national");
    EXPECT_DOUBLE_EQ(figure["value"].get<double>(), 0.27);
    EXPECT_EQ(figure["confidence"], "S");
    EXPECT_EQ(figure["source"], "https://cbnews.jp/news/entry/20240610180255");
    EXPECT_EQ(figure["survey"]["fiscal_year"], 2023);
    EXPECT_TRUE(figure["same_fiscal_year"].get<bool>());
    EXPECT_EQ(figure["denominator"]["kind"], "all_respondents");
    EXPECT_EQ(figure["denominator"]["text_ja"], "有効回答の得られたすべての医療機関数を母数");
    EXPECT_TRUE(bcp["comparable"].get<bool>()) << bcp.dump();

    // The 安全管理責任者: only the 2023 survey's 73%, tagged "?" (press reports), of FY2022: not comparable.
    const json& manager = indicator(view, "security_manager");
    expect_share(manager["mamori"]["yes"], yes_of(set, &Seeded::manager, ""));
    EXPECT_DOUBLE_EQ(manager["mhlw"]["value"].get<double>(), 0.73);
    EXPECT_EQ(manager["mhlw"]["confidence"], "?");
    EXPECT_TRUE(manager["mhlw"]["source"].is_null());
    EXPECT_FALSE(manager["mhlw"]["same_fiscal_year"].get<bool>());
    EXPECT_EQ(manager["mhlw"]["survey"]["fiscal_year"], 2022);
    EXPECT_FALSE(manager["comparable"].get<bool>());
    EXPECT_EQ(reasons(manager),
              (std::vector<std::string>{"earlier_survey", "mhlw_denominator_unknown", "mhlw_figure_unverified"}));
    for (const auto& reason : manager["not_comparable_because"]) EXPECT_FALSE(reason["text_ja"].get<std::string>().empty());

    // A related question is context, never a comparison; nobody answered it: 0 はい of 30.
    const json& vendors = indicator(view, "vendor_connection_points");
    EXPECT_EQ(vendors["relation"], "related_question");
    EXPECT_EQ(vendors["line"]["item"], "VND-01");
    EXPECT_EQ(vendors["mamori"]["yes"]["count"], 0);
    EXPECT_EQ(vendors["mamori"]["asked"], 30);
    EXPECT_FALSE(vendors["comparable"].get<bool>());
    EXPECT_EQ(reasons(vendors).front(), "related_question");
}

TEST_F(StatisticsIndicatorsApi, ByBedBandBothSidesGiveTheirBands) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto set = hand_made_set();
    const auto r = mhlw.get("/api/v1/statistics/indicators?fiscal_year=2023&by=bed_band");
    ASSERT_EQ(r.status, 200) << r.body;
    const json view = r.json();
    const json& bcp = indicator(view, "cyber_bcp");
    EXPECT_EQ(r.json()["by"], "bed_band");
    const json& bands = bcp["mamori"]["bands"];
    expect_share(band(bands, "hospital_20_99")["yes"], yes_of(set, &Seeded::bcp, "", 20, 99));
    expect_share(band(bands, "hospital_100_199")["yes"], yes_of(set, &Seeded::bcp, "", 100, 199));
    expect_share(band(bands, "hospital_500_plus")["yes"], yes_of(set, &Seeded::bcp, "", 500));
    EXPECT_EQ(band(bands, "hospital_500_plus")["label_ja"], "500床以上");
    for (const auto& b : bands) EXPECT_NE(b["key"], "clinic_without_beds") << "hospitals only";
    expect_share(bcp["mamori"]["yes"], yes_of(set, &Seeded::bcp, ""));

    const json& published = bcp["mhlw"]["bands"];
    ASSERT_EQ(published.size(), 4u) << published.dump();
    EXPECT_DOUBLE_EQ(band(published, "hospital_500_plus")["value"].get<double>(), 0.44);
    EXPECT_EQ(band(published, "hospital_500_plus")["confidence"], "S");
    EXPECT_DOUBLE_EQ(band(published, "hospital_20_99")["value"].get<double>(), 0.25);
}

TEST_F(StatisticsIndicatorsApi, ALaterYearShowsTheLatestEarlierSurveyMarkedAsSuch) {
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto r = mhlw.get("/api/v1/statistics/indicators?fiscal_year=2024");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["edition"], "r6");
    const json view = r.json();
    const json& bcp = indicator(view, "cyber_bcp");
    EXPECT_EQ(bcp["line"]["number"], "3-(3)");
    EXPECT_TRUE(bcp["mamori"]["asked"].is_null()) << "two hospitals, fewer than k";
    EXPECT_EQ(bcp["mhlw"]["survey"]["fiscal_year"], 2023);
    EXPECT_FALSE(bcp["mhlw"]["same_fiscal_year"].get<bool>());
    EXPECT_EQ(reasons(bcp), std::vector<std::string>{"earlier_survey"});

    const auto r7 = mhlw.get("/api/v1/statistics/indicators?fiscal_year=2025");
    ASSERT_EQ(r7.status, 200) << r7.body;
    const json later = r7.json();
    EXPECT_EQ(indicator(later, "cyber_bcp")["line"]["number"], "3-③");
    EXPECT_EQ(indicator(later, "log_checks")["line"]["number"], "2-⑪");
}

TEST_F(StatisticsIndicatorsApi, APrefectureSeesItselfBesideTheNationalFigureAndNobodyElseSeesAny) {
    SessionClient tokyo = persona("tokyo@demo.example");
    const auto set = hand_made_set();
    const auto r = tokyo.get("/api/v1/statistics/indicators?fiscal_year=2023&by=bed_band");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["scope"]["level"], "prefecture");
    EXPECT_EQ(r.json()["scope"]["prefecture_code"], "13");
    const json view = r.json();
    const json& bcp = indicator(view, "cyber_bcp");
    EXPECT_EQ(bcp["mamori"]["scope"], "prefecture");
    EXPECT_EQ(bcp["mamori"]["prefecture_code"], "13");
    expect_share(bcp["mamori"]["yes"], yes_of(set, &Seeded::bcp, "13"));
    EXPECT_EQ(bcp["mhlw"]["scope"], "national");
    EXPECT_DOUBLE_EQ(bcp["mhlw"]["value"].get<double>(), 0.27);
    EXPECT_EQ(reasons(bcp), std::vector<std::string>{"prefecture_beside_national"});

    SessionClient clinic = persona("sakura@demo.example");
    EXPECT_EQ(clinic.get("/api/v1/statistics/indicators").status, 404);
}

TEST_F(StatisticsIndicatorsApi, AYearOfFewerHospitalsThanKIsHiddenWhole) {
    SessionClient mhlw = persona("mhlw@demo.example");
    // FY2024: 2 hospitals of 250 beds, 1 はい — fewer than k, so neither mamori's share nor its denominator shows,
    // nationally or in the band; MHLW's figure still does.
    const auto r = mhlw.get("/api/v1/statistics/indicators?fiscal_year=2024&by=bed_band");
    ASSERT_EQ(r.status, 200) << r.body;
    const json view = r.json();
    const json& bcp = indicator(view, "cyber_bcp");
    EXPECT_TRUE(bcp["mamori"]["asked"].is_null()) << bcp.dump();
    EXPECT_TRUE(bcp["mamori"]["yes"].is_null()) << bcp.dump();
    const json& small = band(bcp["mamori"]["bands"], "hospital_200_299");
    EXPECT_TRUE(small["asked"].is_null()) << small.dump();
    EXPECT_TRUE(small["yes"].is_null()) << small.dump();
    EXPECT_EQ(r.body.find("\"count\":1"), std::string::npos) << "the one はい shows nowhere";
    EXPECT_DOUBLE_EQ(bcp["mhlw"]["value"].get<double>(), 0.27);
}

TEST_F(StatisticsIndicatorsApi, MamorisFiguresAreTheHospitalLinesOfTheItemViewsTables) {
    // The same published numbers as the item view by facility kind and by bed band: this view adds no cell
    // that view hides.
    SessionClient mhlw = persona("mhlw@demo.example");
    const auto r = mhlw.get("/api/v1/statistics/indicators?fiscal_year=2023&by=bed_band");
    ASSERT_EQ(r.status, 200) << r.body;
    const json view = r.json();
    const json& bcp = indicator(view, "cyber_bcp");
    const auto kinds = mhlw.get("/api/v1/statistics/item?fiscal_year=2023&item=IR-03&by=facility_kind");
    ASSERT_EQ(kinds.status, 200) << kinds.body;
    const json by_kind = kinds.json();
    for (const auto& g : by_kind["groups"])
        if (g["key"] == "hospital") {
            EXPECT_EQ(bcp["mamori"]["asked"], g["asked"]);
            EXPECT_EQ(bcp["mamori"]["yes"], g["yes"]);
        }
    const auto bands = mhlw.get("/api/v1/statistics/item?fiscal_year=2023&item=IR-03&by=bed_band");
    ASSERT_EQ(bands.status, 200) << bands.body;
    const json by_band = bands.json();
    std::size_t hospital_bands = 0;
    for (const auto& g : by_band["groups"]) {
        if (!g["key"].get<std::string>().starts_with("hospital_")) continue;
        ++hospital_bands;
        const json& mine = band(bcp["mamori"]["bands"], g["key"]);
        EXPECT_EQ(mine["asked"], g["asked"]) << g["key"];
        EXPECT_EQ(mine["yes"], g["yes"]) << g["key"];
    }
    EXPECT_EQ(bcp["mamori"]["bands"].size(), 6u) << "every hospital band, in order";
    EXPECT_EQ(bcp["mamori"]["bands"][0]["key"], "hospital_20_99");
    EXPECT_LE(hospital_bands, 6u);
    const json& empty = band(bcp["mamori"]["bands"], "hospital_300_399");  // no hospital of 300–399 beds here
    EXPECT_EQ(empty["asked"], 0);
    EXPECT_EQ(empty["yes"]["count"], 0);
    EXPECT_TRUE(empty["yes"]["ratio"].is_null());
}

TEST_F(StatisticsIndicatorsApi, BadParametersAreRefusedNamingThem) {
    SessionClient mhlw = persona("mhlw@demo.example");
    for (const auto& [path, field] : std::vector<std::pair<std::string, std::string>>{
             {"/api/v1/statistics/indicators?by=prefecture", "by"},
             {"/api/v1/statistics/indicators?fiscal_year=1999", "fiscal_year"},
             {"/api/v1/statistics/indicators?fiscal_year=20x3", "fiscal_year"}}) {
        const auto r = mhlw.get(path);
        EXPECT_EQ(r.status, 400) << path << ": " << r.body;
        EXPECT_NE(r.body.find("\"" + field + "\""), std::string::npos) << path << ": " << r.body;
    }
}

}  // namespace
}  // namespace mamori::testing
