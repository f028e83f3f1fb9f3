/// @file
/// @brief What may be shown of one checklist item's statistics (issue 18, item 2): per group the shares of
/// はい / いいえ / 記入不要 / unanswered, each with its denominator ("n of N"), the national line beneath, a
/// cross-tab of one answer, a trend over fiscal years, and submission / completion rates — every number
/// already through small-cell suppression (suppression.hpp).
///
///     auto table = item_table(counts, 10);                 // Result<ItemTable>
///     table->groups[0].shares[0]                           // std::optional<Share>: 28 of 40, or nothing
///
/// How a share is kept from giving a hidden count away:
/// - The counts of one view form one CountTable (groups × answer columns; the row total of a group is the
///   number asked, the column totals are the national line) and go through publish() once.
/// - A share is published whole or not at all: its count and its denominator are both published, or neither
///   is shown. A share of a hidden count would give the count back (share × denominator); a count whose
///   denominator is hidden could not say "of N", so it is not shown either (hiding more is always safe).
/// - A group asked of fewer than k institutions (0 < N < k) has its denominator suppressed, so the whole
/// group
///   is hidden, zeros included. A group asked of none shows "0 of 0" with no ratio.
/// - A rate whose numerator is a sum of cells (submitted = complete + incomplete) is published only when
///   every cell of that sum is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/statistics/item_counts.hpp"
#include "mamori/statistics/suppression.hpp"

namespace mamori::statistics {

// Share: `count` of `denominator`; ratio() is count / denominator, none when the denominator is 0.
struct Share {
    std::int64_t count = 0;
    std::int64_t denominator = 0;

    std::optional<double> ratio() const;
    friend bool operator==(const Share&, const Share&) = default;
};

// GroupShares: one group's line. `asked` is the published denominator; `shares` follow AnswerColumn order.
struct GroupShares {
    std::string key;
    std::optional<std::int64_t> asked;
    std::vector<std::optional<Share>> shares;
};

struct ItemTable {
    Dimension dimension = Dimension::prefecture;
    int minimum_count = default_minimum_count;
    std::vector<GroupShares> groups;  // in the order given
    GroupShares total;                // key "total": every group together
};

// item_table: `counts` validated (see validate), then shaped and suppressed with k = `minimum_count`.
Result<ItemTable> item_table(const ItemCounts& counts, int minimum_count = default_minimum_count);

// CrossTable: one answer value of one item, rows × columns (keys in the order the counts first name them). cells[r][c] is the count of that
// answer of the institutions asked in that pair; the row, column and grand totals likewise.
struct CrossTable {
    Dimension row_dimension = Dimension::prefecture;
    Dimension column_dimension = Dimension::bed_band;
    AnswerColumn answer = AnswerColumn::yes;
    int minimum_count = default_minimum_count;
    std::vector<std::string> row_keys;
    std::vector<std::string> column_keys;
    std::vector<std::vector<std::optional<Share>>> cells;
    std::vector<std::optional<Share>> row_totals;
    std::vector<std::optional<Share>> column_totals;
    std::optional<Share> grand_total;
};

// cross_table: the counts of `answer` form one two-way table and the numbers asked another, each through
// publish(); a share needs both its count and its denominator published. (The two tables share no equation:
// the other answers, which link them, are not published.)
Result<CrossTable> cross_table(const CrossCounts& counts, AnswerColumn answer,
                               int minimum_count = default_minimum_count);

// Trend: one item over fiscal years (the caller maps canonical ids across editions), one ItemTable per year,
// each suppressed on its own (different years are different answers).
struct YearCounts {
    int fiscal_year = 0;
    ItemCounts counts;
};

struct TrendPoint {
    int fiscal_year = 0;
    ItemTable table;
};

// item_trend: years strictly increasing, 2000..2100, at most max_trend_years; a refusal names "years[i]".
Result<std::vector<TrendPoint>> item_trend(const std::vector<YearCounts>& years,
                                           int minimum_count = default_minimum_count);

// RateTable: per group, submitted of asked and complete of asked.
struct GroupRates {
    std::string key;
    std::optional<std::int64_t> asked;
    std::optional<Share> submitted;
    std::optional<Share> complete;
};

struct RateTable {
    Dimension dimension = Dimension::prefecture;
    int minimum_count = default_minimum_count;
    std::vector<GroupRates> groups;
    GroupRates total;  // key "total"
};

Result<RateTable> rate_table(const RateGroupCounts& counts, int minimum_count = default_minimum_count);

// TargetTable: per group, the institutions whose いいえ has its target date ahead (open) and passed
// (overdue), each of those asked; one table (open, overdue, other) through publish().
struct GroupTargets {
    std::string key;
    std::optional<std::int64_t> asked;
    std::optional<Share> open;
    std::optional<Share> overdue;
};

struct TargetTable {
    Dimension dimension = Dimension::prefecture;
    int minimum_count = default_minimum_count;
    std::vector<GroupTargets> groups;
    GroupTargets total;  // key "total"
};

Result<TargetTable> target_table(const TargetGroupCounts& counts, int minimum_count = default_minimum_count);

}  // namespace mamori::statistics
