#include "mamori/statistics/suppression.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mamori::statistics {
namespace {

// A pattern drawn as text, one string per grid row (the last string is the column totals, the last character
// of each string its row total): '.' published, 'p' primary, 'c' complementary.
std::vector<std::string> drawn(const SuppressionPattern& pattern) {
    std::vector<std::string> lines;
    for (std::size_t r = 0; r <= pattern.rows(); ++r) {
        std::string line;
        for (std::size_t c = 0; c <= pattern.columns(); ++c) {
            const auto s = pattern.entry(r, c);
            line += s == Suppression::primary ? 'p' : s == Suppression::complementary ? 'c' : '.';
        }
        lines.push_back(line);
    }
    return lines;
}

struct SuppressionCase {
    std::string name;
    std::vector<std::vector<std::int64_t>> cells;
    int minimum_count;
    std::vector<std::string> expected;
};

const std::vector<SuppressionCase>& cases() {
    static const std::vector<SuppressionCase> all = {
        {"primary cells that already hide each other need nothing more",
         {{3, 4, 20}, {5, 6, 20}, {30, 30, 30}},
         10,
         {"pp..", "pp..", "....", "...."}},
        {"one small cell takes the smallest of its row, then of its column",
         {{3, 12, 20}, {15, 14, 30}},
         10,
         {"pc..", "cc..", "...."}},
        {"a chain through three rows and three columns closes on itself",
         {{2, 15, 40}, {50, 16, 11}, {45, 60, 12}},
         10,
         {"pc..", ".cc.", "c.c.", "...."}},
        {"a row total below k is suppressed and protected like a cell",
         {{4, 5, 0}, {20, 30, 40}},
         10,
         {"pp.p", "cc.c", "...."}},
        {"an all-zero row is published whole and changes nothing",
         {{0, 0, 0}, {3, 12, 20}, {15, 14, 30}},
         10,
         {"....", "pc..", "cc..", "...."}},
        {"an all-zero table is published whole", {{0, 0}, {0, 0}}, 10, {"...", "...", "..."}},
        {"a large k hides every non-zero count and never a zero",
         {{0, 5}, {7, 0}},
         1000,
         {".pp", "p.p", "ppp"}},
        {"two protected groups joined by one small cell: the joining cell gets a partner across",
         {{3, 4, 5, 50}, {6, 7, 50, 40}, {50, 50, 8, 9}, {50, 50, 2, 3}},
         10,
         {"ppp..", "pp.c.", "..pp.", "..pp.", "....."}},
        {"k = 1 suppresses nothing",
         {{2, 15, 40}, {50, 16, 11}, {45, 60, 12}},
         1,
         {"....", "....", "....", "...."}},
        {"k = 0 suppresses nothing", {{1, 2}, {3, 4}}, 0, {"...", "...", "..."}},
        {"a large k hides every non-zero count",
         {{2, 15, 40}, {50, 16, 11}, {45, 60, 12}},
         1000,
         {"pppp", "pppp", "pppp", "pppp"}},
        {"k = 5: a count equal to k is published",
         {{30, 4, 3}, {40, 20, 30}, {5, 50, 50}},
         5,
         {".pp.", ".cc.", "....", "...."}},
    };
    return all;
}

TEST(Suppression, HandMadeTablesGiveTheirKnownPatterns) {
    for (const auto& c : cases()) {
        const auto table = CountTable::two_way(c.cells);
        ASSERT_TRUE(table) << c.name;
        EXPECT_EQ(drawn(suppress(*table, c.minimum_count)), c.expected) << c.name;
    }
}

struct OneWayCase {
    std::string name;
    std::vector<std::int64_t> cells;
    std::vector<std::string> expected;  // the row, then the column totals (equal to the cells)
};

TEST(Suppression, OneWayTablesHideASecondCellAndTheirTotalWhenItIsSmall) {
    const OneWayCase cases[] = {
        {"one small cell takes the smallest other cell", {3, 12, 20}, {"pc..", "pc.."}},
        {"a total below k: nothing but zeros is shown", {2, 3, 0}, {"pp.p", "pp.p"}},
        {"a single small cell hides itself and the total", {7}, {"pp", "pp"}},
        {"large counts are all shown", {12, 40, 0}, {"....", "...."}},
    };
    for (const auto& c : cases) {
        const auto table = CountTable::one_way(c.cells);
        ASSERT_TRUE(table) << c.name;
        EXPECT_EQ(drawn(suppress(*table)), c.expected) << c.name;
    }
}

TEST(Suppression, DefaultKIsTen) {
    EXPECT_EQ(default_minimum_count, 10);
    const auto table = CountTable::two_way({{9, 10}, {10, 10}});
    ASSERT_TRUE(table);
    EXPECT_EQ(drawn(suppress(*table)), (std::vector<std::string>{"pc.", "cc.", "..."}));
}

TEST(Suppression, EveryLineHasNoneOrAtLeastTwoSuppressedEntries) {
    for (const auto& c : cases()) {
        const auto pattern = suppress(*CountTable::two_way(c.cells), c.minimum_count);
        for (std::size_t r = 0; r <= pattern.rows(); ++r) {
            std::size_t hidden = 0;
            for (std::size_t col = 0; col <= pattern.columns(); ++col)
                hidden += pattern.entry(r, col) != Suppression::published;
            EXPECT_NE(hidden, 1u) << c.name << ", grid row " << r;
        }
        for (std::size_t col = 0; col <= pattern.columns(); ++col) {
            std::size_t hidden = 0;
            for (std::size_t r = 0; r <= pattern.rows(); ++r)
                hidden += pattern.entry(r, col) != Suppression::published;
            EXPECT_NE(hidden, 1u) << c.name << ", grid column " << col;
        }
    }
}

TEST(StatisticsPublishing, TheViewHoldsExactlyThePublishedCountsAndNothingElse) {
    const auto table = CountTable::two_way({{2, 15, 40}, {50, 16, 11}, {45, 60, 12}});
    ASSERT_TRUE(table);
    const auto pattern = suppress(*table);
    const auto view = publish(*table);
    EXPECT_EQ(view.minimum_count(), default_minimum_count);
    ASSERT_EQ(view.rows(), 3u);
    ASSERT_EQ(view.columns(), 3u);
    for (std::size_t r = 0; r <= 3; ++r)
        for (std::size_t c = 0; c <= 3; ++c) {
            if (pattern.entry(r, c) == Suppression::published)
                EXPECT_EQ(view.entry(r, c), table->entry(r, c)) << r << "," << c;
            else
                EXPECT_EQ(view.entry(r, c), std::nullopt) << r << "," << c;
        }
    EXPECT_EQ(view.cell(0, 0), std::nullopt);
    EXPECT_EQ(view.cell(0, 2), 40);
    EXPECT_EQ(view.row_total(1), 77);
    EXPECT_EQ(view.column_total(2), 63);
    EXPECT_EQ(view.grand_total(), 251);
    EXPECT_EQ(pattern.suppressed_count(), 6u);
}

TEST(StatisticsPublishing, KIsTheOneAskedFor) {
    const auto table = CountTable::two_way({{3, 12}, {15, 14}});
    ASSERT_TRUE(table);
    const auto view = publish(*table, 3);
    EXPECT_EQ(view.minimum_count(), 3);
    EXPECT_EQ(view.cell(0, 0), 3);
    EXPECT_EQ(publish(*table, 4).cell(0, 0), std::nullopt);
}

TEST(StatisticsCountTable, TotalsAreComputedFromTheCells) {
    const auto table = CountTable::two_way({{3, 12, 20}, {15, 14, 30}});
    ASSERT_TRUE(table);
    EXPECT_EQ(table->row_total(0), 35);
    EXPECT_EQ(table->row_total(1), 59);
    EXPECT_EQ(table->column_total(0), 18);
    EXPECT_EQ(table->column_total(2), 50);
    EXPECT_EQ(table->grand_total(), 94);
    EXPECT_EQ(table->entry(2, 3), 94);
    EXPECT_THROW((void)table->cell(2, 0), std::out_of_range);

    const auto one_way = CountTable::one_way({4, 0, 31});
    ASSERT_TRUE(one_way);
    EXPECT_EQ(one_way->rows(), 1u);
    EXPECT_EQ(one_way->row_total(0), 35);
    EXPECT_EQ(one_way->column_total(2), 31);
    EXPECT_EQ(one_way->grand_total(), 35);
}

TEST(StatisticsCountTable, RefusesTablesThatAreNotRectangularOrHoldImpossibleCounts) {
    struct Refusal {
        std::vector<std::vector<std::int64_t>> cells;
        std::string field;
    };
    const Refusal refusals[] = {
        {{}, "cells"},
        {std::vector<std::vector<std::int64_t>>{std::vector<std::int64_t>{}}, "cells[0]"},
        {{{1, 2}, {3}}, "cells[1]"},
        {{{1, 2}, {3, -1}}, "cells[1][1]"},
        {{{max_cell_count + 1}}, "cells[0][0]"},
        {std::vector<std::vector<std::int64_t>>(max_table_rows + 1, {1}), "cells"},
        {{std::vector<std::int64_t>(max_table_columns + 1, 1)}, "cells[0]"},
        {std::vector<std::vector<std::int64_t>>(max_table_cells / 100 + 1, std::vector<std::int64_t>(100, 1)),
         "cells"},
    };
    for (const auto& refusal : refusals) {
        const auto table = CountTable::two_way(refusal.cells);
        ASSERT_FALSE(table) << refusal.field;
        ASSERT_EQ(table.error().fields.size(), 1u);
        EXPECT_EQ(table.error().fields[0].field, refusal.field);
    }
    EXPECT_TRUE(CountTable::two_way({{max_cell_count}}));
}

}  // namespace
}  // namespace mamori::statistics
