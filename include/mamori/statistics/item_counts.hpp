/// @file
/// @brief The counts a statistics answer about one checklist item is built from (issue 18, item 2), as the
/// statistics service reads them with GROUP BY: per group (a prefecture, a health centre, a facility kind, a
/// bed band, EHR use, or a pair of them for a cross-tab) how many institutions answered はい / いいえ /
/// 記入不要 or left the item unanswered, out of how many were asked (institutions with a checklist of that
/// form in that fiscal year). Also the submission / completion counts of the checklists themselves.
///
///     ItemCounts counts{.dimension = Dimension::bed_band,
///                       .groups = {{"hospital_200_299", {.yes = 30, .no = 8, .asked = 40, ...}}}};
///     if (auto ok = validate(counts); !ok) { /* ok.error().fields[0].field == "groups[0]" */ }
///
/// Validation names the group (its index as the field, its key in the message) and never repairs a count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/assessment/answer_rules.hpp"
#include "mamori/core/error.hpp"

namespace mamori::statistics {

// Dimension: what a group key names.
enum class Dimension { prefecture, health_centre, facility_kind, bed_band, ehr_use };

std::string_view to_string(Dimension dimension);

// The columns of an item table, in this order: the project's answer values, then unanswered.
inline constexpr std::size_t answer_column_count = 4;
enum class AnswerColumn { yes, no, not_required, unanswered };
AnswerColumn column_of(assessment::AnswerValue value);

inline constexpr std::size_t max_group_key_length = 64;
inline constexpr std::size_t max_trend_years = 30;

// AnswerCounts: one group's answers to one item; the four answer counts add up to `asked`.
struct AnswerCounts {
    std::int64_t yes = 0;
    std::int64_t no = 0;
    std::int64_t not_required = 0;
    std::int64_t unanswered = 0;
    std::int64_t asked = 0;

    std::int64_t of(AnswerColumn column) const;
};

struct GroupCounts {
    std::string key;  // e.g. "13" (a prefecture code), "hospital_200_299" (a bed band id)
    AnswerCounts counts;
};

// ItemCounts: one item, one fiscal year, one breakdown.
struct ItemCounts {
    Dimension dimension = Dimension::prefecture;
    std::vector<GroupCounts> groups;
};

// CrossCounts: one item broken down by two dimensions; a pair not listed has no institution (all zero).
struct CrossGroupCounts {
    std::string row_key;
    std::string column_key;
    AnswerCounts counts;
};

struct CrossCounts {
    Dimension rows = Dimension::prefecture;
    Dimension columns = Dimension::bed_band;
    std::vector<CrossGroupCounts> groups;
};

// RateCounts: one group's checklists of a form and fiscal year, split by submitted × complete (complete: no
// line missing before submission). The four add up to `asked`. Kept as one partition so that the submission
// rate and the completion rate come from one suppressed table (two tables over the same institutions would
// give each other's hidden counts away).
struct RateCounts {
    std::string key;
    std::int64_t submitted_complete = 0;
    std::int64_t submitted_incomplete = 0;
    std::int64_t unsubmitted_complete = 0;
    std::int64_t unsubmitted_incomplete = 0;
    std::int64_t asked = 0;
};

struct RateGroupCounts {
    Dimension dimension = Dimension::prefecture;
    std::vector<RateCounts> groups;
};

// TargetCounts: one group's institutions asked a line, split by the target date (目標日) of an いいえ answer:
// still ahead (open), passed (overdue), or neither (any other answer, or none). The three add up to `asked`.
struct TargetCounts {
    std::string key;
    std::int64_t open = 0;
    std::int64_t overdue = 0;
    std::int64_t other = 0;
    std::int64_t asked = 0;
};

struct TargetGroupCounts {
    Dimension dimension = Dimension::prefecture;
    std::vector<TargetCounts> groups;
};

// validate: group keys non-empty, at most max_group_key_length bytes, unique (pairs unique in a cross-tab);
// a bed band key is one of inspection's bed band ids; counts 0..max_cell_count; the parts add up to `asked`;
// at most max_table_rows groups (a cross-tab: at most max_table_cells pairs and row × column keys).
Status validate(const ItemCounts& counts);
Status validate(const CrossCounts& counts);
Status validate(const RateGroupCounts& counts);
Status validate(const TargetGroupCounts& counts);

}  // namespace mamori::statistics
