// The proof the issue asks for: on many small random tables, nobody holding the published view can work out a
// suppressed count. For every suppressed entry we search — by our own constraint search, independent of the
// suppression code — for another non-negative integer table that shows exactly the same published numbers but
// has a different value there, and check that table by plain arithmetic.
//
// Criterion: every suppressed entry can be one more or one less than its true value (so it takes at least two
// values); when no suppressed entry is 0, both one more and one less (so the published numbers bound it
// neither from above nor from below by its true value).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "mamori/statistics/suppression.hpp"

namespace mamori::statistics {
namespace {

// What an outsider knows: the grid (totals as last row and column), each entry a count or unknown.
struct KnownGrid {
    std::size_t height = 0;
    std::size_t width = 0;
    std::vector<std::optional<std::int64_t>> entries;
};

KnownGrid known_from(const PublishedTable& view) {
    KnownGrid grid{view.rows() + 1, view.columns() + 1, {}};
    for (std::size_t r = 0; r < grid.height; ++r)
        for (std::size_t c = 0; c < grid.width; ++c) grid.entries.push_back(view.entry(r, c));
    return grid;
}

// Every row and column of the grid: its entries' indexes, the last one being the sum of the others.
std::vector<std::vector<std::size_t>> lines_of(std::size_t height, std::size_t width) {
    std::vector<std::vector<std::size_t>> lines;
    for (std::size_t r = 0; r < height; ++r) {
        lines.emplace_back();
        for (std::size_t c = 0; c < width; ++c) lines.back().push_back(r * width + c);
    }
    for (std::size_t c = 0; c < width; ++c) {
        lines.emplace_back();
        for (std::size_t r = 0; r < height; ++r) lines.back().push_back(r * width + c);
    }
    return lines;
}

// consistent: whether `table` (a full grid) shows every known number of `known`, adds up and has no negative.
bool consistent(const KnownGrid& known, const std::vector<std::int64_t>& table) {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i] < 0) return false;
        if (known.entries[i] && *known.entries[i] != table[i]) return false;
    }
    for (const auto& line : lines_of(known.height, known.width)) {
        std::int64_t parts = 0;
        for (std::size_t i = 0; i + 1 < line.size(); ++i) parts += table[line[i]];
        if (parts != table[line.back()]) return false;
    }
    return true;
}

// TableSearch: a table consistent with `known` in which one entry has a chosen value, each unknown entry
// within `reach` of a reference table (the true one: a witness near it is still a witness). Bounds
// propagation over the line sums, then branching on the narrowest unknown.
class TableSearch {
  public:
    TableSearch(KnownGrid known, std::vector<std::int64_t> reference, std::int64_t reach)
        : known_(std::move(known)),
          reference_(std::move(reference)),
          reach_(reach),
          lines_(lines_of(known_.height, known_.width)) {}

    std::optional<std::vector<std::int64_t>> find(std::size_t entry, std::int64_t value) const {
        std::vector<Range> ranges;
        for (std::size_t i = 0; i < known_.entries.size(); ++i) {
            if (known_.entries[i])
                ranges.push_back({*known_.entries[i], *known_.entries[i]});
            else
                ranges.push_back({std::max<std::int64_t>(0, reference_[i] - reach_), reference_[i] + reach_});
        }
        ranges[entry] = {value, value};
        return search(std::move(ranges));
    }

  private:
    struct Range {
        std::int64_t low;
        std::int64_t high;
    };

    // narrow: bounds consistency of every line; false when a line cannot add up.
    bool narrow(std::vector<Range>& ranges) const {
        for (bool changed = true; changed;) {
            changed = false;
            for (const auto& line : lines_) {
                // parts − total = 0: each term's range from the others'.
                std::int64_t low_sum = 0, high_sum = 0;
                for (std::size_t k = 0; k < line.size(); ++k) {
                    const auto& r = ranges[line[k]];
                    const bool total = k + 1 == line.size();
                    low_sum += total ? -r.high : r.low;
                    high_sum += total ? -r.low : r.high;
                }
                if (low_sum > 0 || high_sum < 0) return false;
                for (std::size_t k = 0; k < line.size(); ++k) {
                    auto& r = ranges[line[k]];
                    const bool total = k + 1 == line.size();
                    const auto own_low = total ? -r.high : r.low;
                    const auto own_high = total ? -r.low : r.high;
                    // own term ∈ [−(high_sum − own_high), −(low_sum − own_low)]
                    const auto term_low = own_high - high_sum, term_high = own_low - low_sum;
                    const auto new_low = total ? -term_high : term_low;
                    const auto new_high = total ? -term_low : term_high;
                    if (new_low > r.low) r.low = new_low, changed = true;
                    if (new_high < r.high) r.high = new_high, changed = true;
                    if (r.low > r.high) return false;
                }
            }
        }
        return true;
    }

    std::optional<std::vector<std::int64_t>> search(std::vector<Range> ranges) const {
        if (!narrow(ranges)) return std::nullopt;
        std::optional<std::size_t> branch;
        for (std::size_t i = 0; i < ranges.size(); ++i)
            if (ranges[i].low < ranges[i].high &&
                (!branch || ranges[i].high - ranges[i].low < ranges[*branch].high - ranges[*branch].low))
                branch = i;
        if (!branch) {
            std::vector<std::int64_t> table;
            for (const auto& r : ranges) table.push_back(r.low);
            return table;
        }
        for (auto value = ranges[*branch].low; value <= ranges[*branch].high; ++value) {
            auto next = ranges;
            next[*branch] = {value, value};
            if (auto found = search(std::move(next))) return found;
        }
        return std::nullopt;
    }

    KnownGrid known_;
    std::vector<std::int64_t> reference_;
    std::int64_t reach_;
    std::vector<std::vector<std::size_t>> lines_;
};

std::vector<std::int64_t> grid_of(const CountTable& table) {
    std::vector<std::int64_t> grid;
    for (std::size_t r = 0; r <= table.rows(); ++r)
        for (std::size_t c = 0; c <= table.columns(); ++c) grid.push_back(table.entry(r, c));
    return grid;
}

// can_differ_by: whether an outsider's consistent table can hold `truth[entry] + step` there.
bool can_differ_by(const KnownGrid& known, const std::vector<std::int64_t>& truth, std::size_t entry,
                   std::int64_t step) {
    if (truth[entry] + step < 0) return false;
    const auto found = TableSearch(known, truth, 2).find(entry, truth[entry] + step);
    if (!found) return false;
    EXPECT_TRUE(consistent(known, *found))
        << "the search returned a table that does not fit what was published";
    return (*found)[entry] == truth[entry] + step;
}

// What one table's check found, so that the tests can say they exercised the rules.
struct ProofTally {
    std::size_t suppressed_entries = 0;
    bool complementary = false;
    bool zero_hidden = false;
};

// expect_nothing_can_be_worked_out: the criterion at the top of this file, for every suppressed entry.
ProofTally expect_nothing_can_be_worked_out(const CountTable& table, int k, const std::string& label) {
    const auto pattern = suppress(table, k);
    const auto known = known_from(publish(table, k));
    const auto truth = grid_of(table);
    EXPECT_TRUE(consistent(known, truth)) << label << ": the published view misstates a count";

    ProofTally tally;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (known.entries[i]) continue;
        ++tally.suppressed_entries;
        tally.zero_hidden |= truth[i] == 0;
        tally.complementary |= pattern.entry(i / known.width, i % known.width) == Suppression::complementary;
    }
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (known.entries[i]) continue;
        const bool up = can_differ_by(known, truth, i, +1), down = can_differ_by(known, truth, i, -1);
        const auto where = fmt::format("{} (k = {}): grid entry ({}, {}) = {}", label, k, i / known.width,
                                       i % known.width, truth[i]);
        EXPECT_TRUE(up || down) << where << " can be worked out";
        if (!tally.zero_hidden) {
            EXPECT_TRUE(up && down) << where << " is bounded by its true value";
        }
    }
    return tally;
}

TEST(SuppressionProof, NoSuppressedCountOfARandomTableCanBeWorkedOutFromWhatIsPublished) {
    std::mt19937 random(18);  // mt19937's sequence is fixed by the standard
    std::size_t tables_with_complements = 0, suppressed_entries = 0;
    for (int n = 0; n < 300; ++n) {
        const std::size_t rows = 1 + random() % 4, columns = 1 + random() % 4;
        std::vector<std::vector<std::int64_t>> cells(rows, std::vector<std::int64_t>(columns));
        for (auto& row : cells)
            for (auto& count : row)
                count = random() % 4 == 0 ? 0 : static_cast<std::int64_t>(1 + random() % 25);
        const auto table = CountTable::two_way(cells);
        ASSERT_TRUE(table);
        const auto tally =
            expect_nothing_can_be_worked_out(*table, n % 2 == 0 ? 10 : 5, fmt::format("table {}", n));
        tables_with_complements += tally.complementary;
        suppressed_entries += tally.suppressed_entries;
    }
    // The random tables exercise the rules, not only tables with nothing to hide.
    EXPECT_GT(tables_with_complements, 100u);
    EXPECT_GT(suppressed_entries, 1000u);
}

// When every entry that could join two groups of suppressed entries is 0, a zero is hidden; then a suppressed
// count may be bounded on one side by its true value, but it still takes two values. (Found in a sweep of
// 30,000 random 5×5 tables, half of their counts 0: 4 such tables, none with a count that could be worked
// out.)
TEST(SuppressionProof, AHiddenZeroStillLeavesEveryCountTwoValues) {
    const auto table = CountTable::two_way({{16, 24, 0, 0}, {0, 0, 19, 21}, {0, 3, 24, 19}, {7, 17, 0, 0}});
    ASSERT_TRUE(table);
    const auto tally = expect_nothing_can_be_worked_out(*table, 5, "zeros between groups");
    EXPECT_TRUE(tally.zero_hidden);
}

// The search itself must see a giveaway when there is one, or the proof above would prove nothing.
TEST(SuppressionProof, TheSearchFindsTheCountsThatAWeakerPatternGivesAway) {
    // Two groups of small cells joined by the 5 at (0, 2): hiding only the primary cells is not enough,
    // because rows 0–1 minus columns 0–1 leave exactly that cell.
    const auto table = CountTable::two_way({{3, 4, 5, 50}, {6, 7, 50, 40}, {50, 50, 8, 9}, {50, 50, 2, 3}});
    ASSERT_TRUE(table);
    const auto truth = grid_of(*table);
    KnownGrid primary_only{5, 5, {}};
    for (const auto value : truth) {
        if (value > 0 && value < 10)
            primary_only.entries.emplace_back(std::nullopt);
        else
            primary_only.entries.emplace_back(value);
    }
    EXPECT_FALSE(can_differ_by(primary_only, truth, 0 * 5 + 2, +1));
    EXPECT_FALSE(can_differ_by(primary_only, truth, 0 * 5 + 2, -1));
    EXPECT_TRUE(can_differ_by(primary_only, truth, 0 * 5 + 0, +1));  // inside a group, a cell still moves

    // The real pattern adds a partner across the groups, and then it moves.
    const auto published = known_from(publish(*table));
    EXPECT_TRUE(can_differ_by(published, truth, 0 * 5 + 2, +1));
    EXPECT_TRUE(can_differ_by(published, truth, 0 * 5 + 2, -1));

    // One hidden cell in a row with its total shown: subtraction.
    const auto small = CountTable::two_way({{3, 12}, {15, 14}});
    ASSERT_TRUE(small);
    const auto small_truth = grid_of(*small);
    KnownGrid one_hidden{3, 3, {}};
    for (const auto value : small_truth) one_hidden.entries.emplace_back(value);
    one_hidden.entries[0] = std::nullopt;
    EXPECT_FALSE(can_differ_by(one_hidden, small_truth, 0, +1));
    EXPECT_FALSE(can_differ_by(one_hidden, small_truth, 0, -1));
}

}  // namespace
}  // namespace mamori::statistics
