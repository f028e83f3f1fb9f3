/// @file
/// @brief Small-cell suppression of a statistics table (issue 18, item 4): which cells and totals an analyst
/// outside the institutions' own jurisdiction may see, and the published view that holds only those.
///
///     auto view = publish(table);                // k = default_minimum_count
///     view.cell(0, 1)                            // std::nullopt: suppressed
///
/// The rules, on the grid of CountTable::entry (cells and totals alike; every row and column of that grid is
/// one equation "last = sum of the others"):
///
/// 1. Primary: an entry with 0 < count < k is suppressed.
/// 2. Zero is published. Zero institutions cannot be singled out: a 0 names no institution and no
///    institution's answer, and hiding it would mark the cells around it as non-zero. A zero can still tell
///    something about a group: when a line's only non-zero cell is suppressed, the zeros beside it show that
///    every institution of that line is in that one cell (e.g. "all of prefecture X's 500+ bed hospitals
///    answered はい") — without saying how many. That is group knowledge, not an institution's; a view where
///    even that must not show has to merge categories before it asks for the table.
/// 3. Complementary: wherever a suppressed entry could be worked out from published ones, a further entry is
///    suppressed, until nothing can be:
///    a. a grid line (row or column, totals included) with exactly one suppressed entry gives it away by
///       subtraction, so a second entry of that line is suppressed;
///    b. one suppressed entry per line is not enough in general: two groups of suppressed entries joined by
///       a single suppressed entry (a "bridge" in the graph whose vertices are grid rows and columns and
///       whose edges are suppressed entries) let that entry be worked out from sums of lines. An entry can
///       vary while every published number stays the same exactly when it lies on a cycle of that graph
///       (add and subtract one around the cycle), so a bridge gets one more suppressed entry joining its two
///       sides.
///    The entry chosen is the smallest published one that fixes the problem, non-zero before zero (a zero
///    on a cycle can only grow, so it would show that the cell beside it is at most its true value), ties
///    broken by grid position (row-major). Only when every entry that would do is 0 is a zero hidden; the
///    counts on its cycle then still take two values but may be bounded on one side. One entry at a time,
///    until stable; deterministic.
///
/// Guarantee (checked in suppression_proof_test.cpp by a search of its own, not this code): for every
/// suppressed entry there is another non-negative integer table with every published number the same in which
/// that entry differs; when no suppressed entry is 0, it can be both one more and one less than its true
/// value.
///
/// Not covered here: differencing across queries. Two answers over the same institutions (a table and its
/// margin, or the same table with one institution more) each safe alone can give a cell away together; the
/// service must serve every view of one query from one published table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "mamori/statistics/count_table.hpp"

namespace mamori::statistics {

// default_minimum_count: k, the fewest institutions a published non-zero count may stand for.
inline constexpr int default_minimum_count = 10;

enum class Suppression {
    published,
    primary,        // 0 < count < k
    complementary,  // hidden so that a suppressed entry cannot be worked out
    linked,         // hidden because the same count is hidden in another table of the same query
};

// GridPosition: an entry on the grid of CountTable::entry (row = rows() for the column totals, column =
// columns() for the row totals).
struct GridPosition {
    std::size_t row = 0;
    std::size_t column = 0;
};

// SuppressionPattern: why each entry of a table is published or not, on the same grid as CountTable::entry.
// For tests and audit only: the reasons must not reach an analyst (a "primary" mark says 0 < count < k).
class SuppressionPattern {
  public:
    SuppressionPattern(std::size_t rows, std::size_t columns);

    std::size_t rows() const { return rows_; }
    std::size_t columns() const { return columns_; }

    Suppression cell(std::size_t row, std::size_t column) const { return entry(row, column); }
    Suppression row_total(std::size_t row) const { return entry(row, columns_); }
    Suppression column_total(std::size_t column) const { return entry(rows_, column); }
    Suppression grand_total() const { return entry(rows_, columns_); }
    Suppression entry(std::size_t grid_row, std::size_t grid_column) const;
    void set(std::size_t grid_row, std::size_t grid_column, Suppression reason);

    std::size_t suppressed_count() const;

  private:
    std::size_t rows_ = 0;
    std::size_t columns_ = 0;
    std::vector<Suppression> grid_;
};

// suppress: the pattern of `table` for k = `minimum_count` (k ≤ 1 suppresses nothing). `linked`: entries that
// equal a count hidden in another table of the same query; hidden as the small ones are, with their partners.
SuppressionPattern suppress(const CountTable& table, int minimum_count = default_minimum_count,
                            const std::vector<GridPosition>& linked = {});

class PublishedTable;

// publish: the published view of `table` under suppress(table, minimum_count, linked).
PublishedTable publish(const CountTable& table, int minimum_count = default_minimum_count,
                       const std::vector<GridPosition>& linked = {});

// PublishedTable: what may be shown of a table — each cell and total either its count or nullopt
// (suppressed). Built only by publish(), so a view or export holding one cannot reach a hidden count.
class PublishedTable {
  public:
    std::size_t rows() const { return rows_; }
    std::size_t columns() const { return columns_; }
    int minimum_count() const { return minimum_count_; }

    std::optional<std::int64_t> cell(std::size_t row, std::size_t column) const { return entry(row, column); }
    std::optional<std::int64_t> row_total(std::size_t row) const { return entry(row, columns_); }
    std::optional<std::int64_t> column_total(std::size_t column) const { return entry(rows_, column); }
    std::optional<std::int64_t> grand_total() const { return entry(rows_, columns_); }
    std::optional<std::int64_t> entry(std::size_t grid_row, std::size_t grid_column) const;

  private:
    friend PublishedTable publish(const CountTable& table, int minimum_count,
                                  const std::vector<GridPosition>& linked);
    PublishedTable(std::size_t rows, std::size_t columns, int minimum_count);

    std::size_t rows_ = 0;
    std::size_t columns_ = 0;
    int minimum_count_ = default_minimum_count;
    std::vector<std::optional<std::int64_t>> grid_;
};

}  // namespace mamori::statistics
