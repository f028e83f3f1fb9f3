#include "mamori/statistics/suppression.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace mamori::statistics {

namespace {

constexpr auto no_edge = std::numeric_limits<std::size_t>::max();

// GridEntry: one place on the grid of CountTable::entry (totals as the last row and column).
struct GridEntry {
    std::size_t row = 0;
    std::size_t column = 0;
};

// SuppressedGraph: the grid's rows (vertices 0 … height-1) and columns (height … height+width-1), one edge
// per suppressed entry, in grid order.
struct SuppressedGraph {
    std::vector<GridEntry> edges;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> adjacency;  // (neighbour, edge)
};

// BridgeFinder: Tarjan's low-link search; an edge is a bridge when nothing below it reaches above it.
class BridgeFinder {
  public:
    explicit BridgeFinder(const SuppressedGraph& graph)
        : graph_(graph),
          order_(graph.adjacency.size(), 0),
          low_(graph.adjacency.size(), 0),
          is_bridge_(graph.edges.size(), false) {
        for (std::size_t v = 0; v < graph.adjacency.size(); ++v)
            if (order_[v] == 0) visit(v, no_edge);
    }

    std::optional<std::size_t> first_bridge() const {
        const auto found = std::find(is_bridge_.begin(), is_bridge_.end(), true);
        if (found == is_bridge_.end()) return std::nullopt;
        return static_cast<std::size_t>(found - is_bridge_.begin());
    }

  private:
    void visit(std::size_t vertex, std::size_t arrived_by) {
        order_[vertex] = low_[vertex] = ++counter_;
        for (const auto& [next, edge] : graph_.adjacency[vertex]) {
            if (edge == arrived_by) continue;
            if (order_[next] != 0) {
                low_[vertex] = std::min(low_[vertex], order_[next]);
                continue;
            }
            visit(next, edge);
            low_[vertex] = std::min(low_[vertex], low_[next]);
            if (low_[next] > order_[vertex]) is_bridge_[edge] = true;
        }
    }

    const SuppressedGraph& graph_;
    std::vector<std::size_t> order_;
    std::vector<std::size_t> low_;
    std::vector<bool> is_bridge_;
    std::size_t counter_ = 0;
};

class Suppressor {
  public:
    Suppressor(const CountTable& table, int minimum_count, const std::vector<GridPosition>& linked)
        : table_(table),
          pattern_(table.rows(), table.columns()),
          height_(table.rows() + 1),
          width_(table.columns() + 1),
          suppressed_in_row_(height_, 0),
          suppressed_in_column_(width_, 0) {
        for (std::size_t r = 0; r < height_; ++r)
            for (std::size_t c = 0; c < width_; ++c) {
                const auto count = table.entry(r, c);
                if (count > 0 && count < minimum_count) hide({r, c}, Suppression::primary);
            }
        for (const auto& at : linked)
            if (at.row < height_ && at.column < width_ && !suppressed({at.row, at.column}))
                hide({at.row, at.column}, Suppression::linked);
    }

    SuppressionPattern run() && {
        while (hide_second_entry_of_a_line() || join_the_sides_of_a_bridge()) {
        }
        return std::move(pattern_);
    }

  private:
    bool suppressed(GridEntry at) const {
        return pattern_.entry(at.row, at.column) != Suppression::published;
    }

    void hide(GridEntry at, Suppression reason) {
        pattern_.set(at.row, at.column, reason);
        ++suppressed_in_row_[at.row];
        ++suppressed_in_column_[at.column];
    }

    // better_choice: the smaller count hides less; a zero only when nothing else will do (see the header);
    // then grid order.
    bool better_choice(GridEntry a, GridEntry b) const {
        const auto key = [&](GridEntry e) {
            const auto count = table_.entry(e.row, e.column);
            return std::make_tuple(count == 0, count, e.row, e.column);
        };
        return key(a) < key(b);
    }

    void hide_best_of(const std::vector<GridEntry>& candidates) {
        if (candidates.empty()) throw std::logic_error("suppression: no entry left to hide");
        hide(*std::min_element(candidates.begin(), candidates.end(),
                               [&](GridEntry a, GridEntry b) { return better_choice(a, b); }),
             Suppression::complementary);
    }

    // Rule 3a: a line with exactly one suppressed entry gives it away by subtraction.
    bool hide_second_entry_of_a_line() {
        std::vector<GridEntry> candidates;
        for (std::size_t r = 0; r < height_; ++r) {
            if (suppressed_in_row_[r] != 1) continue;
            for (std::size_t c = 0; c < width_; ++c)
                if (!suppressed({r, c})) candidates.push_back({r, c});
            hide_best_of(candidates);
            return true;
        }
        for (std::size_t c = 0; c < width_; ++c) {
            if (suppressed_in_column_[c] != 1) continue;
            for (std::size_t r = 0; r < height_; ++r)
                if (!suppressed({r, c})) candidates.push_back({r, c});
            hide_best_of(candidates);
            return true;
        }
        return false;
    }

    SuppressedGraph suppressed_graph() const {
        SuppressedGraph graph;
        graph.adjacency.resize(height_ + width_);
        for (std::size_t r = 0; r < height_; ++r)
            for (std::size_t c = 0; c < width_; ++c) {
                if (!suppressed({r, c})) continue;
                const auto edge = graph.edges.size();
                graph.edges.push_back({r, c});
                graph.adjacency[r].emplace_back(height_ + c, edge);
                graph.adjacency[height_ + c].emplace_back(r, edge);
            }
        return graph;
    }

    // reachable_without: the vertices reached from `start` when edge `removed` is taken away.
    static std::vector<bool> reachable_without(const SuppressedGraph& graph, std::size_t start,
                                               std::size_t removed) {
        std::vector<bool> seen(graph.adjacency.size(), false);
        std::vector<std::size_t> to_visit{start};
        seen[start] = true;
        while (!to_visit.empty()) {
            const auto vertex = to_visit.back();
            to_visit.pop_back();
            for (const auto& [next, edge] : graph.adjacency[vertex])
                if (edge != removed && !seen[next]) {
                    seen[next] = true;
                    to_visit.push_back(next);
                }
        }
        return seen;
    }

    // Rule 3b: a suppressed entry on no cycle is fixed by the sums of lines; hide one more entry that joins
    // the two sides it holds together, which puts it on a cycle.
    bool join_the_sides_of_a_bridge() {
        const auto graph = suppressed_graph();
        const auto bridge = BridgeFinder(graph).first_bridge();
        if (!bridge) return false;
        const auto at = graph.edges[*bridge];
        const auto row_side = reachable_without(graph, at.row, *bridge);
        const auto column_side = reachable_without(graph, height_ + at.column, *bridge);
        std::vector<GridEntry> candidates;
        for (std::size_t r = 0; r < height_; ++r)
            for (std::size_t c = 0; c < width_; ++c) {
                const bool joins =
                    (row_side[r] && column_side[height_ + c]) || (column_side[r] && row_side[height_ + c]);
                if (joins && !suppressed({r, c})) candidates.push_back({r, c});
            }
        hide_best_of(candidates);
        return true;
    }

    const CountTable& table_;
    SuppressionPattern pattern_;
    std::size_t height_;
    std::size_t width_;
    std::vector<std::size_t> suppressed_in_row_;
    std::vector<std::size_t> suppressed_in_column_;
};

}  // namespace

SuppressionPattern::SuppressionPattern(std::size_t rows, std::size_t columns)
    : rows_(rows), columns_(columns), grid_((rows + 1) * (columns + 1), Suppression::published) {}

Suppression SuppressionPattern::entry(std::size_t grid_row, std::size_t grid_column) const {
    if (grid_row > rows_ || grid_column > columns_) throw std::out_of_range("SuppressionPattern::entry");
    return grid_[grid_row * (columns_ + 1) + grid_column];
}

void SuppressionPattern::set(std::size_t grid_row, std::size_t grid_column, Suppression reason) {
    if (grid_row > rows_ || grid_column > columns_) throw std::out_of_range("SuppressionPattern::set");
    grid_[grid_row * (columns_ + 1) + grid_column] = reason;
}

std::size_t SuppressionPattern::suppressed_count() const {
    return static_cast<std::size_t>(
        std::count_if(grid_.begin(), grid_.end(), [](Suppression s) { return s != Suppression::published; }));
}

SuppressionPattern suppress(const CountTable& table, int minimum_count, const std::vector<GridPosition>& linked) {
    return Suppressor(table, minimum_count, linked).run();
}

PublishedTable::PublishedTable(std::size_t rows, std::size_t columns, int minimum_count)
    : rows_(rows), columns_(columns), minimum_count_(minimum_count), grid_((rows + 1) * (columns + 1)) {}

std::optional<std::int64_t> PublishedTable::entry(std::size_t grid_row, std::size_t grid_column) const {
    if (grid_row > rows_ || grid_column > columns_) throw std::out_of_range("PublishedTable::entry");
    return grid_[grid_row * (columns_ + 1) + grid_column];
}

PublishedTable publish(const CountTable& table, int minimum_count, const std::vector<GridPosition>& linked) {
    const auto pattern = suppress(table, minimum_count, linked);
    PublishedTable view(table.rows(), table.columns(), minimum_count);
    for (std::size_t r = 0; r <= table.rows(); ++r)
        for (std::size_t c = 0; c <= table.columns(); ++c)
            if (pattern.entry(r, c) == Suppression::published)
                view.grid_[r * (table.columns() + 1) + c] = table.entry(r, c);
    return view;
}

}  // namespace mamori::statistics
