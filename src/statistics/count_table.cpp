#include "mamori/statistics/count_table.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <utility>

namespace mamori::statistics {

CountTable::CountTable(std::size_t rows, std::size_t columns, std::vector<std::int64_t> grid)
    : rows_(rows), columns_(columns), grid_(std::move(grid)) {}

Result<CountTable> CountTable::two_way(const std::vector<std::vector<std::int64_t>>& cells) {
    if (cells.empty()) return fail(ErrorCode::invalid_input, "a table needs at least one row", "cells");
    if (cells.size() > max_table_rows)
        return fail(ErrorCode::too_large, fmt::format("a table has at most {} rows", max_table_rows),
                    "cells");
    const auto columns = cells.front().size();
    if (columns == 0) return fail(ErrorCode::invalid_input, "a table needs at least one column", "cells[0]");
    if (columns > max_table_columns)
        return fail(ErrorCode::too_large, fmt::format("a table has at most {} columns", max_table_columns),
                    "cells[0]");
    if (cells.size() * columns > max_table_cells)
        return fail(ErrorCode::too_large, fmt::format("a table has at most {} cells", max_table_cells),
                    "cells");

    const auto rows = cells.size();
    const auto width = columns + 1;
    std::vector<std::int64_t> grid((rows + 1) * width, 0);
    for (std::size_t r = 0; r < rows; ++r) {
        if (cells[r].size() != columns)
            return fail(ErrorCode::invalid_input,
                        fmt::format("every row needs {} counts, this one has {}", columns, cells[r].size()),
                        fmt::format("cells[{}]", r));
        for (std::size_t c = 0; c < columns; ++c) {
            const auto count = cells[r][c];
            if (count < 0 || count > max_cell_count)
                return fail(ErrorCode::invalid_input,
                            fmt::format("a count is between 0 and {}", max_cell_count),
                            fmt::format("cells[{}][{}]", r, c));
            grid[r * width + c] = count;
            grid[r * width + columns] += count;
            grid[rows * width + c] += count;
            grid[rows * width + columns] += count;
        }
    }
    return CountTable(rows, columns, std::move(grid));
}

Result<CountTable> CountTable::one_way(const std::vector<std::int64_t>& cells) {
    return two_way({cells});
}

std::int64_t CountTable::entry(std::size_t grid_row, std::size_t grid_column) const {
    if (grid_row > rows_ || grid_column > columns_) throw std::out_of_range("CountTable::entry");
    return grid_[grid_row * (columns_ + 1) + grid_column];
}

std::int64_t CountTable::cell(std::size_t row, std::size_t column) const {
    if (row >= rows_ || column >= columns_) throw std::out_of_range("CountTable::cell");
    return entry(row, column);
}

std::int64_t CountTable::row_total(std::size_t row) const {
    if (row >= rows_) throw std::out_of_range("CountTable::row_total");
    return entry(row, columns_);
}

std::int64_t CountTable::column_total(std::size_t column) const {
    if (column >= columns_) throw std::out_of_range("CountTable::column_total");
    return entry(rows_, column);
}

std::int64_t CountTable::grand_total() const {
    return entry(rows_, columns_);
}

}  // namespace mamori::statistics
