#include "demo_statistics.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "mamori/assessment/checklist.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/demo.hpp"
#include "mamori/store/row_values.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

using namespace std::chrono;

const std::string kSample = "o.facility_id >= '96' AND o.facility_id < '97'";

// One demo database with the sample, shared by the suite (writing it is the slow part).
class DemoStatistics : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        temp_ = new testing::TempDatabase(2);
        ASSERT_TRUE(load_demo(temp_->db(), {}));
        catalog_ = CatalogService::load(embedded::catalog_files(), &temp_->db())->release();
        today_ = japan_date(system_clock::now());
        const auto started = steady_clock::now();
        auto written = create_statistics_sample(temp_->db(), catalog_->snapshot()->catalog(), today_);
        const auto took = duration_cast<milliseconds>(steady_clock::now() - started);
        ASSERT_TRUE(written) << written.error().message;
        first_ = *written;
        std::cout << "[ sample   ] " << first_.institutions << " institutions, " << first_.assessments
                  << " checklists, " << first_.answers << " answers, " << first_.systems << " EHRs in "
                  << took.count() << " ms\n";
    }
    static void TearDownTestSuite() {
        delete catalog_;
        delete temp_;
    }

    static long long count(const std::string& query) {
        auto lease = temp_->db().acquire();
        long long n = 0;
        *lease << query, soci::into(n);
        return n;
    }
    // by: the number of sample rows per key that `query` selects (key, count).
    static std::map<std::string, long long> by(const std::string& query) {
        auto lease = temp_->db().acquire();
        std::map<std::string, long long> out;
        soci::rowset<soci::row> rows = (lease->prepare << query);
        for (const auto& r : rows) out[r.get<std::string>(0)] = store::int64_at(r, 1);
        return out;
    }

    static testing::TempDatabase* temp_;
    static CatalogService* catalog_;
    static year_month_day today_;
    static StatisticsSample first_;
};

testing::TempDatabase* DemoStatistics::temp_ = nullptr;
CatalogService* DemoStatistics::catalog_ = nullptr;
year_month_day DemoStatistics::today_;
StatisticsSample DemoStatistics::first_;

TEST_F(DemoStatistics, HasEveryKindAndEnoughHospitalsInEveryBedBand) {
    EXPECT_EQ(first_.institutions,
              static_cast<std::size_t>(count("SELECT COUNT(*) FROM organisations o WHERE " + kSample)));
    EXPECT_GE(first_.institutions, 4000u);
    EXPECT_LE(first_.institutions, 5000u);
    const auto kinds =
        by("SELECT o.kind, COUNT(*) FROM organisations o WHERE " + kSample + " GROUP BY o.kind");
    EXPECT_EQ(kinds.size(), 4u);
    EXPECT_GE(kinds.at("hospital"), 800);
    EXPECT_GE(kinds.at("clinic"), 1400);
    EXPECT_GE(kinds.at("dental_clinic"), 800);
    EXPECT_GE(kinds.at("pharmacy"), 1000);

    const std::string band =
        "CASE WHEN o.beds_total < 100 THEN '20_99' WHEN o.beds_total < 200 THEN '100_199' WHEN o.beds_total "
        "< 300 "
        "THEN '200_299' WHEN o.beds_total < 400 THEN '300_399' WHEN o.beds_total < 500 THEN '400_499' ELSE "
        "'500_plus' END";
    const auto bands =
        by("SELECT " + band + ", COUNT(*) FROM organisations o WHERE o.kind = 'hospital' AND " + kSample +
           " GROUP BY " + band);
    ASSERT_EQ(bands.size(), 6u);
    for (const auto& [name, n] : bands) EXPECT_GE(n, 30) << name;
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM organisations o WHERE o.kind = 'hospital' AND (o.beds_total IS NULL OR "
              "o.beds_total < 20) AND " +
              kSample),
        0);
    // The common bands have at least 10 hospitals in each of the big prefectures.
    for (const std::string prefecture : {"01", "11", "12", "14", "23", "28", "40"})
        for (const std::string common : {"20_99", "100_199"}) {
            const auto here = by("SELECT " + band +
                                 ", COUNT(*) FROM organisations o WHERE o.kind = 'hospital' AND "
                                 "o.prefecture_code = '" +
                                 prefecture + "' AND " + kSample + " GROUP BY " + band);
            EXPECT_GE(here.count(common) ? here.at(common) : 0, 10) << prefecture << " " << common;
        }
    const auto clinics =
        by("SELECT CASE WHEN o.beds_total > 0 THEN 'with' ELSE 'without' END, COUNT(*) FROM organisations o "
           "WHERE "
           "o.kind = 'clinic' AND " +
           kSample + " GROUP BY CASE WHEN o.beds_total > 0 THEN 'with' ELSE 'without' END");
    EXPECT_GE(clinics.at("with"), 50);
    EXPECT_GE(clinics.at("without"), 1000);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM organisations o WHERE o.kind = 'clinic' AND o.beds_total > 19 AND " +
              kSample),
        0);
}

TEST_F(DemoStatistics, FillsEveryOtherPrefectureAndLeavesTheDemoPrefecturesAlone) {
    const auto per_prefecture = by("SELECT o.prefecture_code, COUNT(*) FROM organisations o WHERE " +
                                   kSample + " GROUP BY o.prefecture_code");
    EXPECT_EQ(per_prefecture.size(), 45u);
    for (int code = 1; code <= 47; ++code) {
        const auto key = fmt::format("{:02}", code);
        if (key == "13" || key == "27")
            EXPECT_EQ(per_prefecture.count(key), 0u) << key;
        else
            EXPECT_GE(per_prefecture.count(key) ? per_prefecture.at(key) : 0, 30) << key;
    }
    // The demo's own organisations are the only ones in 東京都 and 大阪府, and nothing else was added.
    EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE prefecture_code IN ('13', '27')"), 8);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM organisations o WHERE NOT (" + kSample + ") OR o.facility_id IS NULL"),
        10);
    EXPECT_EQ(count("SELECT COUNT(*) FROM organisations o WHERE o.name NOT LIKE 'サンプル%' AND " + kSample),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM jurisdictions"), 1);
}

TEST_F(DemoStatistics, ASecondRunAddsNothing) {
    const auto before = count("SELECT COUNT(*) FROM answers") + count("SELECT COUNT(*) FROM organisations") +
                        count("SELECT COUNT(*) FROM assessments") + count("SELECT COUNT(*) FROM systems");
    auto again = create_statistics_sample(temp_->db(), catalog_->snapshot()->catalog(), today_);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->institutions + again->assessments + again->answers + again->systems, 0u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM answers") + count("SELECT COUNT(*) FROM organisations") +
                  count("SELECT COUNT(*) FROM assessments") + count("SELECT COUNT(*) FROM systems"),
              before);
}

TEST_F(DemoStatistics, EveryStoredAnswerIsValidForItsFormLine) {
    const auto& catalog = catalog_->snapshot()->catalog();
    auto lease = temp_->db().acquire();
    soci::rowset<soci::row> rows =
        (lease->prepare
         << "SELECT s.fiscal_year, s.form, s.edition, s.edition_revision, a.canonical_id, a.row_key, "
            "a.value, a.confirmed_on, a.target_date, a.version, a.reason FROM answers a JOIN "
            "assessments s ON s.id = a.assessment_id JOIN organisations o ON o.id = "
            "s.organisation_id WHERE " +
                kSample);
    long long checked = 0;
    for (const auto& r : rows) {
        const int fiscal_year = static_cast<int>(store::int64_at(r, 0));
        const auto form_id = r.get<std::string>(1), edition_id = r.get<std::string>(2);
        const auto* revisions = catalog.revisions(edition_id);
        ASSERT_NE(revisions, nullptr) << edition_id;
        EXPECT_EQ(store::int64_at(r, 3), revisions->latest().revision.revision);
        const auto* edition = revisions->find(static_cast<int>(store::int64_at(r, 3)));
        ASSERT_NE(edition, nullptr);
        EXPECT_LE(edition->fiscal_year, fiscal_year) << "a year answers its edition or, before the next, the last";
        const auto* form = edition->find(form_id);
        ASSERT_NE(form, nullptr) << form_id;
        const assessment::RowKey key{r.get<std::string>(4), r.get<std::string>(5)};
        const auto line = assessment::find_row(*form, key);
        ASSERT_TRUE(line) << edition_id << " " << form_id << " " << key.canonical_id << "/" << key.row;
        EXPECT_EQ(store::int64_at(r, 9), 1);
        EXPECT_FALSE(store::optional_text_at(r, 10));
        assessment::Answer answer{.value = *assessment::parse_answer_value(r.get<std::string>(6)),
                                  .confirmed_on = parse_iso_date(r.get<std::string>(7))};
        if (auto target = store::optional_text_at(r, 8)) answer.target_date = parse_iso_date(*target);
        if (line->is_gate()) {
            EXPECT_EQ(answer.value, assessment::AnswerValue::yes);
            EXPECT_TRUE(assessment::check_gate_answer(answer, today_));
        } else {
            const auto context = assessment::answer_context(*form, *line, fiscal_year, false, true);
            const auto ok = assessment::check_answer(answer, context, today_);
            EXPECT_TRUE(ok) << key.canonical_id << ": " << (ok ? "" : ok.error().fields.at(0).message);
            // 目標日 inside the checklist's own fiscal year.
            if (answer.target_date) {
                EXPECT_LE(*answer.target_date, fiscal_year_bounds(fiscal_year).second);
            }
        }
        ++checked;
    }
    EXPECT_EQ(checked, static_cast<long long>(first_.answers));
    EXPECT_EQ(
        count(
            "SELECT COUNT(*) FROM answer_versions v JOIN answers a ON a.id = v.answer_id AND a.version = "
            "v.version AND a.value = v.value AND a.answered_at = v.answered_at JOIN assessments s ON s.id = "
            "a.assessment_id JOIN organisations o ON o.id = s.organisation_id WHERE " +
            kSample),
        checked);
}

TEST_F(DemoStatistics, ChecklistsAreSubmittedDraftOrNotStartedInEveryYear) {
    const auto& catalog = catalog_->snapshot()->catalog();
    for (const auto& [fiscal_year, edition_id] :
         {std::pair{2024, "r6"}, std::pair{2025, "r7"}, std::pair{2026, "r7"}}) {
        const auto* edition = catalog.latest(edition_id);
        ASSERT_NE(edition, nullptr);
        const auto year = std::to_string(fiscal_year);
        const auto statuses =
            by("SELECT a.status, COUNT(*) FROM assessments a JOIN organisations o ON o.id = "
               "a.organisation_id WHERE a.fiscal_year = " +
               year + " AND " + kSample + " GROUP BY a.status");
        const double institutions = static_cast<double>(first_.institutions);
        const double not_started = 1 - (statuses.at("submitted") + statuses.at("draft")) / institutions;
        EXPECT_GT(not_started, 0.12) << year;
        EXPECT_LT(not_started, 0.30) << year;
        EXPECT_GT(statuses.at("draft"), 400) << year;
        // A submitted checklist answers every line of its form (the gate included), a draft only some.
        for (const auto& [form_id, kinds] :
             {std::pair<std::string, std::string>{"medical", "'hospital', 'clinic', 'dental_clinic'"},
              std::pair<std::string, std::string>{"pharmacy", "'pharmacy'"}}) {
            const auto lines = assessment::checklist_rows(*edition->find(form_id)).size();
            const std::string answered = "SELECT COUNT(*) FROM answers x WHERE x.assessment_id = a.id";
            EXPECT_EQ(
                count("SELECT COUNT(*) FROM assessments a JOIN organisations o ON o.id = a.organisation_id "
                      "WHERE a.status = 'submitted' AND a.fiscal_year = " +
                      year + " AND a.form = '" + form_id + "' AND (" + answered + ") <> " +
                      std::to_string(lines) + " AND " + kSample),
                0)
                << year << " " << form_id;
            EXPECT_EQ(
                count("SELECT COUNT(*) FROM assessments a JOIN organisations o ON o.id = a.organisation_id "
                      "WHERE a.status = 'draft' AND a.fiscal_year = " +
                      year + " AND a.form = '" + form_id + "' AND ((" + answered +
                      ") >= " + std::to_string(lines) + " OR (" + answered + ") = 0) AND " + kSample),
                0)
                << year << " " << form_id;
            EXPECT_EQ(
                count("SELECT COUNT(*) FROM assessments a JOIN organisations o ON o.id = a.organisation_id "
                      "WHERE a.form = '" +
                      form_id + "' AND o.kind NOT IN (" + kinds + ") AND " + kSample),
                0);
        }
    }
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM assessments a JOIN organisations o ON o.id = a.organisation_id WHERE "
              "(a.status = 'submitted') <> (a.submitted_at IS NOT NULL) AND " +
              kSample),
        0);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM assessment_events e JOIN assessments a ON a.id = e.assessment_id JOIN "
              "organisations o ON o.id = a.organisation_id WHERE " +
              kSample),
        static_cast<long long>(first_.assessments) +
            count("SELECT COUNT(*) FROM assessments a JOIN organisations o ON o.id = a.organisation_id WHERE "
                  "a.status = 'submitted' AND " +
                  kSample));
}

TEST_F(DemoStatistics, BcpAndEhrRiseWithBedBand) {
    const auto share = [](const std::string& query) {
        const auto n = by(query);
        const double yes = n.count("yes") ? n.at("yes") : 0, no = n.count("no") ? n.at("no") : 0;
        return yes / (yes + no);
    };
    const auto bcp = [&](const std::string& beds) {
        return share(
            "SELECT a.value, COUNT(*) FROM answers a JOIN assessments s ON s.id = a.assessment_id JOIN "
            "organisations o ON o.id = s.organisation_id WHERE a.canonical_id = 'IR-03' AND o.kind = "
            "'hospital' AND s.fiscal_year = 2025 AND " +
            beds + " AND " + kSample + " GROUP BY a.value");
    };
    const double small = bcp("o.beds_total < 100"), large = bcp("o.beds_total >= 500");
    EXPECT_GT(small, 0.08);
    EXPECT_LT(small, 0.30);
    EXPECT_GT(large, 0.30);
    EXPECT_LT(large, 0.65);
    const auto ehr = [&](const std::string& beds) {
        return double(count(
                   "SELECT COUNT(*) FROM systems s JOIN organisations o ON o.id = s.organisation_id WHERE "
                   "s.kind = 'ehr' AND s.status = 'in_use' AND o.kind = 'hospital' AND " +
                   beds + " AND " + kSample)) /
               double(count("SELECT COUNT(*) FROM organisations o WHERE o.kind = 'hospital' AND " + beds +
                            " AND " + kSample));
    };
    EXPECT_LT(ehr("o.beds_total < 100"), ehr("o.beds_total >= 400"));
    EXPECT_GT(count("SELECT COUNT(*) FROM systems s JOIN organisations o ON o.id = s.organisation_id WHERE "
                    "o.kind = 'clinic' AND " +
                    kSample),
              300);
    EXPECT_EQ(count("SELECT COUNT(*) FROM system_versions v JOIN systems s ON s.id = v.system_id JOIN "
                    "organisations o ON o.id = s.organisation_id WHERE v.version = 1 AND " +
                    kSample),
              static_cast<long long>(first_.systems));
}

TEST(DemoStatisticsInstall, InstallDemoAddsTheSampleOnce) {
    testing::TempDatabase temp(2);
    auto catalog = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db()));
    const auto sample = [&] {
        auto lease = temp.db().acquire();
        long long n = 0;
        *lease << "SELECT COUNT(*) FROM organisations o WHERE " + kSample, soci::into(n);
        return n;
    };
    const auto started = steady_clock::now();
    auto first = install_demo(temp.db(), *catalog, {});
    std::cout << "[ demo     ] install_demo with the sample: "
              << duration_cast<milliseconds>(steady_clock::now() - started).count() << " ms\n";
    ASSERT_TRUE(first) << first.error().message;
    const auto after_first = sample();
    EXPECT_GE(after_first, 4000);
    auto second = install_demo(temp.db(), *catalog, {});
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(sample(), after_first);
    EXPECT_EQ(second->personas_created, 0);
}

TEST(DemoStatisticsInstall, CanBeLeftOutForTestsWithFiguresOfTheirOwn) {
    testing::TempDatabase temp(2);
    auto catalog = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db()));
    auto installed =
        install_demo(temp.db(), *catalog, {.synthetic_institutions = 0, .statistics_sample = false});
    ASSERT_TRUE(installed) << installed.error().message;
    EXPECT_EQ(installed->organisations, 10u);
    auto lease = temp.db().acquire();
    long long sample = -1, personas = 0;
    *lease << "SELECT COUNT(*) FROM organisations o WHERE " + kSample, soci::into(sample);
    *lease << "SELECT COUNT(*) FROM users WHERE demo_persona = 1", soci::into(personas);
    EXPECT_EQ(sample, 0);
    EXPECT_EQ(personas, 8);
}

}  // namespace
}  // namespace mamori::services
