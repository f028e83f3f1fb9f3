// The statistics snapshot on a real database: what it counts (the answer in effect: the gate, 要再確認), and that
// a refresh re-reads only the organisations the change log names — or everything when a jurisdiction moves —
// and finds a change whose id became visible late.
#include "mamori/services/statistics_snapshot.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "mamori/core/embedded.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

using statistics::Dimension;

struct Fixture {
    testing::TempDatabase temp{2};
    std::unique_ptr<CatalogService> catalog;

    Fixture() { catalog = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db())); }

    // hospital: a hospital in `prefecture` with `beds` and a FY2024 checklist (R6, medical); returns the
    // checklist's id.
    long long hospital(const std::string& prefecture, int beds, const std::string& status = "draft") {
        auto lease = temp.db().acquire();
        long long org = 0, assessment = 0;
        *lease << "INSERT INTO organisations (kind, name, prefecture_code, beds_total, created_at) VALUES "
                  "('hospital', 'テスト病院', :p, :b, '2026-01-01T00:00:00Z') RETURNING id",
            soci::use(prefecture), soci::use(beds), soci::into(org);
        *lease << "INSERT INTO assessments (organisation_id, fiscal_year, form, edition, edition_revision, status, "
                  "created_at) VALUES (:o, 2024, 'medical', 'r6', 1, :s, '2026-01-01T00:00:00Z') RETURNING id",
            soci::use(org), soci::use(status), soci::into(assessment);
        return assessment;
    }

    void answer(long long assessment, const std::string& item, const std::string& row, const std::string& value,
                int reconfirm = 0) {
        auto lease = temp.db().acquire();
        *lease << "INSERT INTO answers (assessment_id, canonical_id, row_key, version, value, confirmed_on, "
                  "needs_reconfirmation, answered_at) VALUES (:a, :c, :r, 1, :v, '2024-10-01', :n, "
                  "'2026-01-01T00:00:00Z')",
            soci::use(assessment), soci::use(item), soci::use(row), soci::use(value), soci::use(reconfirm);
    }

    void execute(const std::string& statement) {
        auto lease = temp.db().acquire();
        *lease << statement;
    }

    static statistics::AnswerCounts total(const statistics::ItemCounts& counts) {
        statistics::AnswerCounts t;
        for (const auto& g : counts.groups) {
            t.yes += g.counts.yes;
            t.no += g.counts.no;
            t.not_required += g.counts.not_required;
            t.unanswered += g.counts.unanswered;
            t.asked += g.counts.asked;
        }
        return t;
    }
};

const ItemQuery kBcpByPrefecture{2024, "medical", {"IR-03", "main"}, Dimension::prefecture, {}};

TEST(StatisticsSnapshot, CountsTheAnswerInEffect) {
    Fixture f;
    const auto plain = f.hospital("01", 50);
    f.answer(plain, "IR-03", "main", "yes");
    const auto carried = f.hospital("01", 150);
    f.answer(carried, "IR-03", "main", "yes", /*reconfirm=*/1);
    const auto no_system = f.hospital("02", 250);
    f.answer(no_system, "PRE-00", "main", "no");  // the gate: every item 確認不要 whatever is stored
    f.answer(no_system, "IR-03", "main", "no");
    f.hospital("02", 600);  // not started

    StatisticsSnapshot snapshot(f.temp.db(), *f.catalog);
    ASSERT_TRUE(snapshot.refresh());
    const auto counts = snapshot.item_counts(kBcpByPrefecture);
    ASSERT_EQ(counts.groups.size(), 2u);
    EXPECT_EQ(counts.groups[0].key, "01");
    EXPECT_EQ(counts.groups[0].counts.yes, 1);
    EXPECT_EQ(counts.groups[0].counts.unanswered, 1) << "要再確認 is not this year's answer";
    EXPECT_EQ(counts.groups[1].key, "02");
    EXPECT_EQ(counts.groups[1].counts.not_required, 1);
    EXPECT_EQ(counts.groups[1].counts.no, 0);
    EXPECT_EQ(counts.groups[1].counts.unanswered, 1);

    const auto bands = snapshot.item_counts({2024, "medical", {"IR-03", "main"}, Dimension::bed_band, {}});
    std::vector<std::string> keys;
    for (const auto& g : bands.groups) keys.push_back(g.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"hospital_20_99", "hospital_100_199", "hospital_200_299",
                                              "hospital_500_plus"}));
    EXPECT_EQ(snapshot.fiscal_years("medical"), std::vector<int>{2024});
    EXPECT_TRUE(snapshot.fiscal_years("pharmacy").empty());

    const auto rates = snapshot.rate_counts({2024, "medical", Dimension::facility_kind, {}});
    ASSERT_EQ(rates.groups.size(), 1u);
    EXPECT_EQ(rates.groups[0].asked, 4);
    EXPECT_EQ(rates.groups[0].unsubmitted_complete, 1) << "the gate answered いいえ leaves nothing to answer";
    EXPECT_EQ(rates.groups[0].unsubmitted_incomplete, 3);
}

TEST(StatisticsSnapshot, ARefreshReadsOnlyTheOrganisationsThatChanged) {
    Fixture f;
    for (int i = 0; i < 5; ++i) f.answer(f.hospital("01", 50), "IR-03", "main", "no");
    const auto changed = f.hospital("01", 50);
    f.answer(changed, "IR-03", "main", "no");

    StatisticsSnapshot snapshot(f.temp.db(), *f.catalog);
    auto first = snapshot.refresh();
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->full);
    EXPECT_EQ(first->organisations, 6u);

    auto idle = snapshot.refresh();
    ASSERT_TRUE(idle);
    EXPECT_FALSE(idle->full);
    EXPECT_EQ(idle->organisations, 0u);

    f.execute(fmt::format("UPDATE answers SET value = 'yes' WHERE assessment_id = {}", changed));
    auto next = snapshot.refresh();
    ASSERT_TRUE(next);
    EXPECT_FALSE(next->full);
    EXPECT_EQ(next->organisations, 1u);
    EXPECT_EQ(Fixture::total(snapshot.item_counts(kBcpByPrefecture)).yes, 1);

    // A new institution comes in; one that moves to another prefecture is counted there.
    f.answer(f.hospital("02", 50), "IR-03", "main", "yes");
    f.execute(fmt::format(
        "UPDATE organisations SET prefecture_code = '03' WHERE id = (SELECT organisation_id FROM assessments "
        "WHERE id = {})",
        changed));
    ASSERT_TRUE(snapshot.refresh());
    const auto moved = snapshot.item_counts(kBcpByPrefecture);
    ASSERT_EQ(moved.groups.size(), 3u);
    EXPECT_EQ(moved.groups[0].counts.asked, 5);
    EXPECT_EQ(moved.groups[1].counts.yes, 1);
    EXPECT_EQ(moved.groups[2].key, "03");
    EXPECT_EQ(moved.groups[2].counts.yes, 1);

    // A checklist deleted is no longer counted.
    f.execute(fmt::format("DELETE FROM answers WHERE assessment_id = {}", changed));
    f.execute(fmt::format("DELETE FROM assessments WHERE id = {}", changed));
    ASSERT_TRUE(snapshot.refresh());
    EXPECT_EQ(Fixture::total(snapshot.item_counts(kBcpByPrefecture)).asked, 6);
}

TEST(StatisticsSnapshot, AJurisdictionChangeReadsEverythingAgain) {
    Fixture f;
    f.execute("INSERT INTO municipalities (code, prefecture_code, name, updated_at) VALUES ('011002', '01', "
              "'札幌市', '2026-01-01T00:00:00Z')");
    long long centre = 0;
    {
        auto lease = f.temp.db().acquire();
        *lease << "INSERT INTO organisations (kind, name, prefecture_code, created_at) VALUES ('health_centre', "
                  "'札幌市保健所', '01', '2026-01-01T00:00:00Z') RETURNING id",
            soci::into(centre);
    }
    const auto a = f.hospital("01", 50);
    f.execute("UPDATE organisations SET municipality_code = '011002' WHERE id = (SELECT organisation_id FROM "
              "assessments WHERE id = " +
              std::to_string(a) + ")");
    StatisticsSnapshot snapshot(f.temp.db(), *f.catalog);
    ASSERT_TRUE(snapshot.refresh());
    const ItemQuery by_centre{2024, "medical", {"IR-03", "main"}, Dimension::health_centre, {"01", {}, {}}};
    ASSERT_EQ(snapshot.item_counts(by_centre).groups.size(), 1u);
    EXPECT_EQ(snapshot.item_counts(by_centre).groups[0].key, kUnknownGroup);

    f.execute(fmt::format("INSERT INTO jurisdictions (organisation_id, municipality_code) VALUES ({}, '011002')",
                          centre));
    auto refreshed = snapshot.refresh();
    ASSERT_TRUE(refreshed);
    EXPECT_TRUE(refreshed->full);
    const auto counts = snapshot.item_counts(by_centre);
    ASSERT_EQ(counts.groups.size(), 1u);
    EXPECT_EQ(counts.groups[0].key, std::to_string(centre));
    EXPECT_EQ(snapshot.health_centres(std::string("01")).at(std::to_string(centre)).ja, "札幌市保健所");
}

TEST(StatisticsSnapshot, AChangeWhoseIdShowsLateIsStillRead) {
    Fixture f;
    const auto a = f.hospital("01", 50);
    f.answer(a, "IR-03", "main", "no");
    StatisticsSnapshot snapshot(f.temp.db(), *f.catalog);
    ASSERT_TRUE(snapshot.refresh());

    // As PostgreSQL can make a later id visible first: id N + 2 is read before N + 1 exists.
    long long last = 0;
    {
        auto lease = f.temp.db().acquire();
        *lease << "SELECT MAX(id) FROM statistics_changes", soci::into(last);
    }
    f.execute(fmt::format("INSERT INTO statistics_changes (id, organisation_id) VALUES ({}, 999999)", last + 2));
    ASSERT_TRUE(snapshot.refresh());
    f.execute(fmt::format("UPDATE answers SET value = 'yes' WHERE assessment_id = {}", a));
    // The trigger's row is at N + 1 already on PostgreSQL (the sequence never saw N + 2); SQLite gave it N + 3:
    // put it at N + 1, as the late transaction would have.
    f.execute(fmt::format("UPDATE statistics_changes SET id = {0} WHERE id = (SELECT MAX(id) FROM statistics_changes "
                          "WHERE id <> {1}) AND id <> {0}",
                          last + 1, last + 2));
    auto late = snapshot.refresh();
    ASSERT_TRUE(late);
    EXPECT_EQ(late->organisations, 1u);
    EXPECT_EQ(Fixture::total(snapshot.item_counts(kBcpByPrefecture)).yes, 1);
}

}  // namespace
}  // namespace mamori::services
