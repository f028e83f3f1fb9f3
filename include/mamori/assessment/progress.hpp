/// @file
/// @brief Where an assessment stands (pure): how many lines are answered and confirmed, what was answered
/// いいえ and by when it should be done, which target dates have passed, what is still missing before it can
/// be submitted, and the roadmap: the open items in the catalog's "what to do first" order.
///
///     Progress p = progress(form, catalog.priorities, effective_answers(form, stored), today);
///     if (p.incomplete.empty()) { /* may be submitted */ }
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "mamori/assessment/checklist.hpp"

namespace mamori::assessment {

// OpenRow: a line answered いいえ, with its target date.
struct OpenRow {
    RowKey key;
    const catalog::Item* item = nullptr;
    std::optional<std::chrono::year_month_day> target_date;
};

// RoadmapStep: one open item in "what to do first" order; `answered_no` false means not answered yet.
struct RoadmapStep {
    int rank = 0;
    const catalog::Item* item = nullptr;
    bool answered_no = false;
};

// MissingRow: a line that blocks submission and why.
struct MissingRow {
    RowKey key;
    std::string reason;  // "not answered", "to be confirmed again (要再確認)"
};

// Progress: counts are over all answerable lines, the gate question included.
struct Progress {
    int rows_total = 0;
    int rows_answered = 0;  // answered and confirmed this year
    int yes = 0;
    int no = 0;
    int not_required = 0;
    int needs_reconfirmation = 0;
    int percent = 0;               // rows_answered / rows_total, rounded down
    std::vector<OpenRow> open;     // answered いいえ, printed order
    std::vector<OpenRow> overdue;  // いいえ whose target date is before today
    std::vector<RoadmapStep> roadmap;
    std::vector<MissingRow> incomplete;  // empty: the assessment may be submitted
};

// progress: `answers` are the effective answers (see effective_answers); `today` is the Japan date.
Progress progress(const catalog::Form& form, const std::vector<catalog::Priority>& priorities,
                  const RowAnswers& answers, std::chrono::year_month_day today);

}  // namespace mamori::assessment
