#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "mamori/statistics/item_table.hpp"

namespace mamori::statistics {
namespace {

// On random small tables (many cells under k), checks item_table against publish() run on the same counts: a
// share is shown exactly when its count and its denominator are both published, with the true values, and a
// group asked of 0 < N < k shows nothing at all.
TEST(ItemStatisticsProperty, ASharePairsAPublishedCountWithAPublishedDenominator) {
    std::mt19937 random(18);
    std::uniform_int_distribution<int> group_count(1, 6);
    std::uniform_int_distribution<std::int64_t> count(0, 14);
    constexpr int k = 10;
    int small_groups = 0;
    int hidden_shares_of_published_counts = 0;
    for (int round = 0; round < 300; ++round) {
        SCOPED_TRACE(round);
        ItemCounts counts{Dimension::prefecture, {}};
        std::vector<std::vector<std::int64_t>> cells;
        const auto groups = group_count(random);
        for (int g = 0; g < groups; ++g) {
            AnswerCounts a{count(random), count(random), count(random) / 3, count(random) / 2, 0};
            a.asked = a.yes + a.no + a.not_required + a.unanswered;
            counts.groups.push_back({std::to_string(g + 1), a});
            cells.push_back({a.yes, a.no, a.not_required, a.unanswered});
        }
        const auto table = item_table(counts, k);
        ASSERT_TRUE(table);
        const auto view = publish(*CountTable::two_way(cells), k);
        for (std::size_t r = 0; r <= counts.groups.size(); ++r) {
            const auto& line = r < counts.groups.size() ? table->groups[r] : table->total;
            const auto asked = view.entry(r, answer_column_count);
            EXPECT_EQ(line.asked, asked);
            if (r < counts.groups.size() && counts.groups[r].counts.asked > 0 &&
                counts.groups[r].counts.asked < k)
                ++small_groups;
            if (asked && *asked > 0 && *asked < k) ADD_FAILURE() << "a denominator under k was published";
            for (std::size_t c = 0; c < answer_column_count; ++c) {
                const auto published = view.entry(r, c);
                const auto& share = line.shares[c];
                ASSERT_EQ(share.has_value(), published.has_value() && asked.has_value());
                if (published && !asked) ++hidden_shares_of_published_counts;
                if (!share) continue;
                EXPECT_EQ(share->count, *published);
                EXPECT_EQ(share->denominator, *asked);
            }
        }
    }
    // The random tables do reach the cases that matter.
    EXPECT_GT(small_groups, 50);
    EXPECT_GT(hidden_shares_of_published_counts, 50);
}

}  // namespace
}  // namespace mamori::statistics
