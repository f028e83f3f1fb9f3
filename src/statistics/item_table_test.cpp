#include "mamori/statistics/item_table.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mamori::statistics {
namespace {

// A share drawn as "n/N", a hidden one as "-"; a line as "asked: yes no not_required unanswered".
std::string drawn(const std::optional<Share>& share) {
    return share ? fmt::format("{}/{}", share->count, share->denominator) : "-";
}

std::string drawn(const GroupShares& line) {
    auto text = fmt::format("{}:", line.asked ? std::to_string(*line.asked) : "-");
    for (const auto& share : line.shares) text = fmt::format("{} {}", text, drawn(share));
    return text;
}

AnswerCounts answers(std::int64_t yes, std::int64_t no, std::int64_t not_required, std::int64_t unanswered,
                     std::int64_t asked) {
    return {yes, no, not_required, unanswered, asked};
}

// The expected lines below were worked out by hand from suppression.hpp's rules (rows before columns, the
// smallest non-zero published entry first); the comment above each case shows the resulting grid.
struct ItemTableCase {
    std::string name;
    ItemCounts counts;
    int minimum_count;
    std::vector<std::string> expected_groups;
    std::string expected_total;
};

const ItemCounts two_prefectures{
    Dimension::prefecture,
    {{"01", answers(30, 12, 0, 10, 52)}, {"13", answers(20, 15, 11, 0, 46)}, {"47", answers(0, 0, 0, 0, 0)}}};

// 01: 30 12c 0 10c | 52      13: 20c 15 11c 0 | 46c      47: 3p 2p 0 1p | 6p      total: 53 29 11c 11c | 104
const ItemCounts one_small_prefecture{
    Dimension::prefecture,
    {{"01", answers(30, 12, 0, 10, 52)}, {"13", answers(20, 15, 11, 0, 46)}, {"47", answers(3, 2, 0, 1, 6)}}};

const std::vector<ItemTableCase>& item_cases() {
    static const std::vector<ItemTableCase> all = {
        {"every count at least k: every share with its denominator; a group asked of none shows 0 of 0",
         two_prefectures,
         10,
         {"52: 30/52 12/52 0/52 10/52", "46: 20/46 15/46 11/46 0/46", "0: 0/0 0/0 0/0 0/0"},
         "98: 50/98 27/98 11/98 10/98"},
        {"a group asked of fewer than k is hidden whole, its zero too; complementary cells hide their "
         "shares, "
         "and a published count whose denominator is hidden is not shown",
         one_small_prefecture,
         10,
         {"52: 30/52 - 0/52 -", "-: - - - -", "-: - - - -"},
         "104: 53/104 29/104 - -"},
        {"k = 1 hides nothing",
         one_small_prefecture,
         1,
         {"52: 30/52 12/52 0/52 10/52", "46: 20/46 15/46 11/46 0/46", "6: 3/6 2/6 0/6 1/6"},
         "104: 53/104 29/104 11/104 11/104"},
        {"no group at all: an empty table with a total of 0 of 0",
         {Dimension::bed_band, {}},
         10,
         {},
         "0: 0/0 0/0 0/0 0/0"},
    };
    return all;
}

TEST(ItemStatisticsTable, SharesCarryTheirDenominatorsAndSuppression) {
    for (const auto& c : item_cases()) {
        SCOPED_TRACE(c.name);
        const auto table = item_table(c.counts, c.minimum_count);
        ASSERT_TRUE(table) << table.error().message;
        EXPECT_EQ(table->minimum_count, c.minimum_count);
        ASSERT_EQ(table->groups.size(), c.expected_groups.size());
        for (std::size_t i = 0; i < c.expected_groups.size(); ++i) {
            EXPECT_EQ(table->groups[i].key, c.counts.groups[i].key);
            EXPECT_EQ(drawn(table->groups[i]), c.expected_groups[i]);
        }
        EXPECT_EQ(table->total.key, "total");
        EXPECT_EQ(drawn(table->total), c.expected_total);
    }
}

TEST(ItemStatisticsTable, RatioIsCountOverDenominatorAndNoneOfNothing) {
    const auto table = item_table(two_prefectures);
    ASSERT_TRUE(table);
    EXPECT_DOUBLE_EQ(table->groups[0].shares[0]->ratio().value(), 30.0 / 52.0);
    EXPECT_DOUBLE_EQ(table->total.shares[2]->ratio().value(), 11.0 / 98.0);
    EXPECT_FALSE(table->groups[2].shares[0]->ratio().has_value());
    EXPECT_EQ(column_of(assessment::AnswerValue::not_required), AnswerColumn::not_required);
}

// Yes counts; rows and columns in the order the counts first name them (hospital_200_299 first here):
//   01: 25c 12c | 37      13: 40c 4p | 44      totals: 65 16 | 81
// Numbers asked: 01: 30 15 | 45   13: 42 14 | 56   totals: 72 29 | 101 (all published).
TEST(ItemStatisticsCrossTable, PrefectureByBedBandOfOneAnswer) {
    const CrossCounts counts{Dimension::prefecture,
                             Dimension::bed_band,
                             {{"01", "hospital_200_299", answers(25, 5, 0, 0, 30)},
                              {"13", "hospital_20_99", answers(4, 10, 0, 0, 14)},
                              {"01", "hospital_20_99", answers(12, 3, 0, 0, 15)},
                              {"13", "hospital_200_299", answers(40, 0, 0, 2, 42)}}};
    const auto table = cross_table(counts, AnswerColumn::yes, 10);
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->row_keys, (std::vector<std::string>{"01", "13"}));
    EXPECT_EQ(table->column_keys, (std::vector<std::string>{"hospital_200_299", "hospital_20_99"}));
    for (const auto& row : table->cells)
        for (const auto& cell : row) EXPECT_EQ(drawn(cell), "-");
    EXPECT_EQ(drawn(table->row_totals[0]), "37/45");
    EXPECT_EQ(drawn(table->row_totals[1]), "44/56");
    EXPECT_EQ(drawn(table->column_totals[0]), "65/72");
    EXPECT_EQ(drawn(table->column_totals[1]), "16/29");
    EXPECT_EQ(drawn(table->grand_total), "81/101");

    // いいえ: 01: 5p 3p | 8p   13: 0 10c | 10c   totals: 5p 13c | 18 — a zero whose denominator is shown
    // stays.
    const auto no = cross_table(counts, AnswerColumn::no, 10);
    ASSERT_TRUE(no);
    EXPECT_EQ(drawn(no->cells[0][0]), "-");
    EXPECT_EQ(drawn(no->cells[0][1]), "-");
    EXPECT_EQ(drawn(no->cells[1][0]), "0/42");
    EXPECT_EQ(drawn(no->cells[1][1]), "-");
    EXPECT_EQ(drawn(no->row_totals[0]), "-");
    EXPECT_EQ(drawn(no->row_totals[1]), "-");
    EXPECT_EQ(drawn(no->column_totals[0]), "-");
    EXPECT_EQ(drawn(no->column_totals[1]), "-");
    EXPECT_EQ(drawn(no->grand_total), "18/101");
}

TEST(ItemStatisticsCrossTable, APairNotListedHasNoInstitution) {
    const CrossCounts counts{
        Dimension::prefecture,
        Dimension::facility_kind,
        {{"01", "hospital", answers(20, 0, 0, 0, 20)}, {"13", "clinic", answers(30, 0, 0, 0, 30)}}};
    const auto table = cross_table(counts, AnswerColumn::yes, 10);
    ASSERT_TRUE(table);
    // rows 01, 13; columns hospital, clinic (as first named)
    EXPECT_EQ(drawn(table->cells[0][0]), "20/20");
    EXPECT_EQ(drawn(table->cells[0][1]), "0/0");
    EXPECT_EQ(drawn(table->cells[1][0]), "0/0");
    EXPECT_EQ(drawn(table->cells[1][1]), "30/30");
    EXPECT_EQ(drawn(table->grand_total), "50/50");
}

TEST(ItemStatisticsTrend, EachYearSuppressedOnItsOwn) {
    const auto trend =
        item_trend({{2024, two_prefectures}, {2025, one_small_prefecture}, {2026, two_prefectures}}, 10);
    ASSERT_TRUE(trend) << trend.error().message;
    ASSERT_EQ(trend->size(), 3u);
    std::vector<std::string> series_13;
    for (const auto& point : *trend)
        series_13.push_back(fmt::format("{} {}", point.fiscal_year, drawn(point.table.groups[1])));
    EXPECT_EQ(series_13, (std::vector<std::string>{"2024 46: 20/46 15/46 11/46 0/46", "2025 -: - - - -",
                                                   "2026 46: 20/46 15/46 11/46 0/46"}));
    EXPECT_EQ(drawn((*trend)[1].table.total), "104: 53/104 29/104 - -");
}

// 01: 40 0 5p 15c | 60     13: 20c 0 12c 18 | 50c     47: 3p 0 0 4p | 7p     total: 63 0 17 37 | 117
TEST(ItemStatisticsRates, SubmittedAndCompleteOfAsked) {
    const RateGroupCounts counts{
        Dimension::prefecture, {{"01", 40, 0, 5, 15, 60}, {"13", 20, 0, 12, 18, 50}, {"47", 3, 0, 0, 4, 7}}};
    const auto table = rate_table(counts, 10);
    ASSERT_TRUE(table) << table.error().message;
    ASSERT_EQ(table->groups.size(), 3u);
    EXPECT_EQ(table->groups[0].asked, 60);
    EXPECT_EQ(drawn(table->groups[0].submitted), "40/60");
    EXPECT_EQ(drawn(table->groups[0].complete), "-");  // 40 + a hidden 5
    for (std::size_t i = 1; i < 3; ++i) {
        EXPECT_FALSE(table->groups[i].asked.has_value());
        EXPECT_EQ(drawn(table->groups[i].submitted), "-");
        EXPECT_EQ(drawn(table->groups[i].complete), "-");
    }
    EXPECT_EQ(table->total.asked, 117);
    EXPECT_EQ(drawn(table->total.submitted), "63/117");
    EXPECT_EQ(drawn(table->total.complete), "80/117");
}

// Targets: 01: open 30, overdue 12, other 58 | 100   13: 25, 3p, 40 | 68   total 55 15 98 | 168. The 3 and
// its partners in its line and columns are hidden (a 2 × 2 cycle); the numbers asked and the national line
// stay.
TEST(ItemStatisticsTargets, OpenAndOverdueOfAsked) {
    const TargetGroupCounts counts{Dimension::prefecture, {{"01", 30, 12, 58, 100}, {"13", 25, 3, 40, 68}}};
    const auto table = target_table(counts, 10);
    ASSERT_TRUE(table) << table.error().message;
    ASSERT_EQ(table->groups.size(), 2u);
    EXPECT_EQ(table->groups[0].asked, 100);
    EXPECT_EQ(table->groups[1].asked, 68);
    for (const auto& g : table->groups) {
        EXPECT_EQ(drawn(g.open), "-") << g.key;
        EXPECT_EQ(drawn(g.overdue), "-") << g.key;
    }
    EXPECT_EQ(drawn(table->total.open), "55/168");
    EXPECT_EQ(drawn(table->total.overdue), "15/168");

    const auto large = target_table({Dimension::bed_band, {{"hospital_20_99", 40, 20, 40, 100}}}, 10);
    ASSERT_TRUE(large);
    EXPECT_EQ(drawn(large->groups[0].open), "40/100");
    EXPECT_EQ(drawn(large->groups[0].overdue), "20/100");

    const auto broken = target_table({Dimension::prefecture, {{"01", 30, 12, 50, 100}}});
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().fields[0].field, "groups[0]") << broken.error().message;
}

struct RefusalCase {
    std::string name;
    ItemCounts counts;
    std::string field;
    std::string message_part;
};

TEST(ItemStatisticsValidation, BadCountsRefusedNamingTheGroup) {
    const std::vector<RefusalCase> cases = {
        {"answers not adding up to asked",
         {Dimension::prefecture, {{"01", answers(1, 0, 0, 0, 1)}, {"13", answers(5, 5, 0, 0, 11)}}},
         "groups[1]",
         "\"13\": the counts add up to 10, but 11 were asked"},
        {"a negative count",
         {Dimension::prefecture, {{"01", answers(1, -1, 0, 0, 0)}}},
         "groups[0].no",
         "\"01\""},
        {"a negative asked",
         {Dimension::prefecture, {{"01", answers(0, 0, 0, 0, -2)}}},
         "groups[0].asked",
         "\"01\""},
        {"a key listed twice",
         {Dimension::prefecture, {{"01", answers(0, 0, 0, 0, 0)}, {"01", answers(0, 0, 0, 0, 0)}}},
         "groups[1].key",
         "\"01\" is listed twice"},
        {"an unknown bed band",
         {Dimension::bed_band, {{"hospital_1000_plus", answers(0, 0, 0, 0, 0)}}},
         "groups[0].key",
         "\"hospital_1000_plus\" is not a bed band"},
        {"an empty key", {Dimension::prefecture, {{"", answers(0, 0, 0, 0, 0)}}}, "groups[0].key", "key"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto table = item_table(c.counts);
        ASSERT_FALSE(table);
        EXPECT_EQ(table.error().code, ErrorCode::invalid_input);
        ASSERT_EQ(table.error().fields.size(), 1u);
        EXPECT_EQ(table.error().fields[0].field, c.field);
        EXPECT_NE(table.error().message.find(c.message_part), std::string::npos) << table.error().message;
    }
}

TEST(ItemStatisticsValidation, TooManyGroupsRefused) {
    ItemCounts counts{Dimension::prefecture, {}};
    for (std::size_t i = 0; i <= max_table_rows; ++i)
        counts.groups.push_back({std::to_string(i), answers(0, 0, 0, 0, 0)});
    const auto table = item_table(counts);
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::too_large);
}

TEST(ItemStatisticsValidation, TrendCrossAndRatesNameTheirPlace) {
    const ItemCounts bad{Dimension::prefecture, {{"13", answers(5, 5, 0, 0, 11)}}};
    const auto unordered = item_trend({{2025, two_prefectures}, {2024, two_prefectures}});
    ASSERT_FALSE(unordered);
    EXPECT_EQ(unordered.error().fields[0].field, "years[1].fiscal_year");
    const auto bad_year = item_trend({{2024, two_prefectures}, {2025, bad}});
    ASSERT_FALSE(bad_year);
    EXPECT_EQ(bad_year.error().fields[0].field, "years[1].counts.groups[0]");
    EXPECT_NE(bad_year.error().message.find("fiscal year 2025"), std::string::npos);
    EXPECT_FALSE(item_trend({{1999, two_prefectures}}));

    const auto twice = cross_table({Dimension::prefecture,
                                    Dimension::bed_band,
                                    {{"01", "hospital_20_99", answers(0, 0, 0, 0, 0)},
                                     {"01", "hospital_20_99", answers(0, 0, 0, 0, 0)}}},
                                   AnswerColumn::yes);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().fields[0].field, "groups[1]");
    EXPECT_NE(twice.error().message.find("01 × hospital_20_99"), std::string::npos);

    const auto rates = rate_table({Dimension::prefecture, {{"01", 10, 0, 0, 0, 12}}});
    ASSERT_FALSE(rates);
    EXPECT_EQ(rates.error().fields[0].field, "groups[0]");
    EXPECT_NE(rates.error().message.find("\"01\""), std::string::npos);
}

}  // namespace
}  // namespace mamori::statistics
