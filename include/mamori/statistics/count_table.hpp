/// @file
/// @brief The table behind a statistics answer: counts of institutions in rows × columns (e.g. prefecture ×
/// bed band) with their row totals, column totals and grand total. A one-way table (one breakdown only) is a
/// table of one row: its column totals are its cells and its grand total is its row total.
///
///     auto table = CountTable::two_way({{3, 12}, {15, 14}});  // row totals 15, 29; column totals 18, 26; 44
///     auto shares = CountTable::one_way({4, 0, 31});           // total 35
///
/// Totals are computed here, never taken from outside, so a table always adds up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::statistics {

// Limits of one table: far above a real breakdown (47 prefectures × 8 bed bands, ~470 health centres).
inline constexpr std::size_t max_table_rows = 1000;
inline constexpr std::size_t max_table_columns = 1000;
inline constexpr std::size_t max_table_cells = 20'000;
inline constexpr std::int64_t max_cell_count = 10'000'000;

class CountTable {
  public:
    // two_way: `cells[row][column]`; every row as long as the first, at least one row and one column, every
    // count 0..max_cell_count. A refusal names the offending place ("cells[2]", "cells[2][5]").
    static Result<CountTable> two_way(const std::vector<std::vector<std::int64_t>>& cells);
    // one_way: a single row of counts and its total.
    static Result<CountTable> one_way(const std::vector<std::int64_t>& cells);

    std::size_t rows() const { return rows_; }
    std::size_t columns() const { return columns_; }

    std::int64_t cell(std::size_t row, std::size_t column) const;
    std::int64_t row_total(std::size_t row) const;
    std::int64_t column_total(std::size_t column) const;
    std::int64_t grand_total() const;

    // entry: the table with its totals laid out as one more row and one more column — row `rows()` holds the
    // column totals, column `columns()` the row totals, and (rows(), columns()) the grand total. Every row
    // and every column of this grid is one equation: its last entry is the sum of the others.
    std::int64_t entry(std::size_t grid_row, std::size_t grid_column) const;

  private:
    CountTable(std::size_t rows, std::size_t columns, std::vector<std::int64_t> grid);

    std::size_t rows_ = 0;
    std::size_t columns_ = 0;
    std::vector<std::int64_t> grid_;  // (rows + 1) × (columns + 1), row-major
};

}  // namespace mamori::statistics
