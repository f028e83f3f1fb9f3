#include "mamori/statistics/item_table.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>
#include <utility>

#include "mamori/statistics/count_table.hpp"

namespace mamori::statistics {

namespace {

constexpr int first_fiscal_year = 2000;
constexpr int last_fiscal_year = 2100;
constexpr std::size_t rate_column_count = 4;  // submitted × complete

// share_of: published whole (count and denominator both shown) or not at all.
std::optional<Share> share_of(std::optional<std::int64_t> count, std::optional<std::int64_t> denominator) {
    if (!count || !denominator) return std::nullopt;
    return Share{*count, *denominator};
}

// share_of_sum: a count that is a sum of published cells; hidden when any of them is.
std::optional<Share> share_of_sum(const std::vector<std::optional<std::int64_t>>& parts,
                                  std::optional<std::int64_t> denominator) {
    std::int64_t sum = 0;
    for (const auto& part : parts) {
        if (!part) return std::nullopt;
        sum += *part;
    }
    return share_of(sum, denominator);
}

GroupShares shares_of_line(std::string key, const PublishedTable& view, std::size_t grid_row) {
    GroupShares line{std::move(key), view.entry(grid_row, answer_column_count), {}};
    for (std::size_t c = 0; c < answer_column_count; ++c)
        line.shares.push_back(share_of(view.entry(grid_row, c), line.asked));
    return line;
}

GroupShares empty_total() {
    return {"total", 0, std::vector<std::optional<Share>>(answer_column_count, Share{0, 0})};
}

std::vector<std::int64_t> answer_row(const AnswerCounts& c) {
    return {c.yes, c.no, c.not_required, c.unanswered};
}

// table_of: CountTable refuses only what validate() has already refused, so a refusal here is a broken
// invariant, not bad input.
CountTable table_of(const std::vector<std::vector<std::int64_t>>& cells) {
    auto table = CountTable::two_way(cells);
    if (!table) throw std::logic_error("statistics: validated counts refused: " + table.error().message);
    return std::move(*table);
}

}  // namespace

std::optional<double> Share::ratio() const {
    if (denominator == 0) return std::nullopt;
    return static_cast<double>(count) / static_cast<double>(denominator);
}

Result<ItemTable> item_table(const ItemCounts& counts, int minimum_count) {
    if (auto ok = validate(counts); !ok) return fail(ok.error());
    ItemTable result{counts.dimension, minimum_count, {}, empty_total()};
    if (counts.groups.empty()) return result;

    std::vector<std::vector<std::int64_t>> cells;
    for (const auto& group : counts.groups) cells.push_back(answer_row(group.counts));
    const auto view = publish(table_of(cells), minimum_count);
    for (std::size_t r = 0; r < counts.groups.size(); ++r)
        result.groups.push_back(shares_of_line(counts.groups[r].key, view, r));
    result.total = shares_of_line("total", view, counts.groups.size());
    return result;
}

Result<CrossTable> cross_table(const CrossCounts& counts, AnswerColumn answer, int minimum_count) {
    if (auto ok = validate(counts); !ok) return fail(ok.error());
    CrossTable result;
    result.row_dimension = counts.rows;
    result.column_dimension = counts.columns;
    result.answer = answer;
    result.minimum_count = minimum_count;
    result.grand_total = Share{0, 0};
    if (counts.groups.empty()) return result;

    // Keys in the order the groups first name them (the caller's order: bands from small to large).
    std::map<std::string, std::size_t> row_index;
    std::map<std::string, std::size_t> column_index;
    for (const auto& g : counts.groups) {
        if (row_index.emplace(g.row_key, result.row_keys.size()).second) result.row_keys.push_back(g.row_key);
        if (column_index.emplace(g.column_key, result.column_keys.size()).second)
            result.column_keys.push_back(g.column_key);
    }

    const auto rows = result.row_keys.size();
    const auto columns = result.column_keys.size();
    std::vector<std::vector<std::int64_t>> answered(rows, std::vector<std::int64_t>(columns, 0));
    auto asked = answered;
    for (const auto& g : counts.groups) {
        const auto r = row_index.at(g.row_key);
        const auto c = column_index.at(g.column_key);
        answered[r][c] = g.counts.of(answer);
        asked[r][c] = g.counts.asked;
    }
    const auto answered_view = publish(table_of(answered), minimum_count);
    const auto asked_view = publish(table_of(asked), minimum_count);
    const auto share_at = [&](std::size_t grid_row, std::size_t grid_column) {
        return share_of(answered_view.entry(grid_row, grid_column), asked_view.entry(grid_row, grid_column));
    };

    result.cells.assign(rows, std::vector<std::optional<Share>>(columns));
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) result.cells[r][c] = share_at(r, c);
        result.row_totals.push_back(share_at(r, columns));
    }
    for (std::size_t c = 0; c < columns; ++c) result.column_totals.push_back(share_at(rows, c));
    result.grand_total = share_at(rows, columns);
    return result;
}

Result<std::vector<TrendPoint>> item_trend(const std::vector<YearCounts>& years, int minimum_count) {
    if (years.size() > max_trend_years)
        return fail(ErrorCode::too_large, fmt::format("a trend has at most {} years", max_trend_years),
                    "years");
    std::vector<TrendPoint> series;
    for (std::size_t i = 0; i < years.size(); ++i) {
        const auto field = fmt::format("years[{}]", i);
        const auto year = years[i].fiscal_year;
        if (year < first_fiscal_year || year > last_fiscal_year)
            return fail(
                ErrorCode::invalid_input,
                fmt::format("a fiscal year is between {} and {}", first_fiscal_year, last_fiscal_year),
                field + ".fiscal_year");
        if (i > 0 && year <= years[i - 1].fiscal_year)
            return fail(ErrorCode::invalid_input,
                        fmt::format("fiscal year {} does not follow {}", year, years[i - 1].fiscal_year),
                        field + ".fiscal_year");
        auto table = item_table(years[i].counts, minimum_count);
        if (!table) {
            auto error = table.error();
            error.message = fmt::format("fiscal year {}: {}", year, error.message);
            for (auto& f : error.fields) f.field = fmt::format("{}.counts.{}", field, f.field);
            return fail(std::move(error));
        }
        series.push_back({year, std::move(*table)});
    }
    return series;
}

Result<RateTable> rate_table(const RateGroupCounts& counts, int minimum_count) {
    if (auto ok = validate(counts); !ok) return fail(ok.error());
    RateTable result{counts.dimension, minimum_count, {}, {"total", 0, Share{0, 0}, Share{0, 0}}};
    if (counts.groups.empty()) return result;

    std::vector<std::vector<std::int64_t>> cells;
    for (const auto& g : counts.groups)
        cells.push_back(
            {g.submitted_complete, g.submitted_incomplete, g.unsubmitted_complete, g.unsubmitted_incomplete});
    const auto view = publish(table_of(cells), minimum_count);
    const auto rates_of_line = [&](std::string key, std::size_t grid_row) {
        const auto asked = view.entry(grid_row, rate_column_count);
        return GroupRates{std::move(key), asked,
                          share_of_sum({view.entry(grid_row, 0), view.entry(grid_row, 1)}, asked),
                          share_of_sum({view.entry(grid_row, 0), view.entry(grid_row, 2)}, asked)};
    };
    for (std::size_t r = 0; r < counts.groups.size(); ++r)
        result.groups.push_back(rates_of_line(counts.groups[r].key, r));
    result.total = rates_of_line("total", counts.groups.size());
    return result;
}

Result<TargetTable> target_table(const TargetGroupCounts& counts, int minimum_count) {
    if (auto ok = validate(counts); !ok) return fail(ok.error());
    TargetTable result{counts.dimension, minimum_count, {}, {"total", 0, Share{0, 0}, Share{0, 0}}};
    if (counts.groups.empty()) return result;

    std::vector<std::vector<std::int64_t>> cells;
    for (const auto& g : counts.groups) cells.push_back({g.open, g.overdue, g.other});
    const auto view = publish(table_of(cells), minimum_count);
    const auto targets_of_line = [&](std::string key, std::size_t grid_row) {
        const auto asked = view.entry(grid_row, 3);
        return GroupTargets{std::move(key), asked, share_of(view.entry(grid_row, 0), asked),
                            share_of(view.entry(grid_row, 1), asked)};
    };
    for (std::size_t r = 0; r < counts.groups.size(); ++r)
        result.groups.push_back(targets_of_line(counts.groups[r].key, r));
    result.total = targets_of_line("total", counts.groups.size());
    return result;
}

}  // namespace mamori::statistics
