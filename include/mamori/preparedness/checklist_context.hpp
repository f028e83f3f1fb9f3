/// @file
/// @brief What the preparedness records say beside the checklist's section 3 — 3-① the contact chart
/// (IR-01), 3-② backups and their recovery (IR-02), 3-③ the cyber-BCP (IR-03) — and where the answer
/// contradicts them: はい while the records do not show it, いいえ while they hold all the item asks. Pure: the
/// service gathers the records and the answers; the page words the facts and warnings in Japanese.
///
///     auto facts = checklist_facts(records, bcp_statuses, bcp_rows, builtin_reference(), today);
///     auto items = checklist_context(facts, answers);   // IR-01, IR-02, IR-03, each with its warnings
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/assessment/answer_rules.hpp"
#include "mamori/preparedness/records.hpp"

namespace mamori::preparedness {

inline constexpr std::string_view kContactChartItem = "IR-01";  // 3-① 連絡体制図
inline constexpr std::string_view kBackupItem = "IR-02";        // 3-② バックアップと復旧手順
inline constexpr std::string_view kBcpItem = "IR-03";           // 3-③ サイバー攻撃を想定したBCP

// ChecklistFacts: the records as the three items see them.
struct ChecklistFacts {
    // 3-①: contacts on the chart; required roles and bodies nobody fills; the last review.
    int contacts = 0;
    std::vector<std::string> roles_missing;   // reference codes of required internal roles
    std::vector<std::string> bodies_missing;  // reference codes of required external bodies
    std::optional<std::string> chart_reviewed_on;
    bool chart_reviewed_within_year = false;
    // 3-②: backups; those without an offline copy; those without a successful restore test in 12 months.
    int backups = 0;
    int backups_without_offline = 0;
    int backups_untested = 0;
    std::optional<std::string> last_restore_test_on;
    // 3-③: the BCP 確認表's rows and their answers; the last drill.
    int bcp_rows = 0;
    int bcp_done = 0;
    int bcp_not_done = 0;
    int bcp_not_applicable = 0;
    std::optional<std::string> last_drill_on;
};

// checklist_facts: from the institution's active records, the status of each answered 確認表 row (by row
// code: done, not_done, not_applicable) and the number of rows the 確認表 has, given today (Japan's date).
ChecklistFacts checklist_facts(std::span<const StoredRecord> records,
                               const std::map<std::string, std::string>& bcp_statuses, int bcp_rows,
                               const Reference& reference, std::chrono::year_month_day today);

// ChecklistAnswers: the answers given to the three items (none: not answered yet).
struct ChecklistAnswers {
    std::optional<assessment::AnswerValue> contact_chart;
    std::optional<assessment::AnswerValue> backups;
    std::optional<assessment::AnswerValue> bcp;
};

enum class ChecklistWarning {
    chart_incomplete_though_yes,    // 3-① はい, but a required role or external body is not on the chart
    chart_not_reviewed_though_yes,  // 3-① はい, but nobody reviewed the chart in the last 12 months
    no_backup_though_yes,           // 3-② はい, but no backup is recorded
    no_offline_copy_though_yes,     // 3-② はい, but a backup has no offline copy
    no_restore_test_though_yes,     // 3-② はい, but a backup has no successful restore test in 12 months
    bcp_not_done_though_yes,        // 3-③ はい, but the BCP 確認表 has rows 未対応 or not answered
    records_ready_though_no,        // いいえ, but the records hold everything the item asks
};

std::string_view to_string(ChecklistWarning warning);

struct ChecklistItemContext {
    std::string canonical_id;
    std::vector<ChecklistWarning> warnings;
};

// checklist_context: IR-01, IR-02, IR-03 in that order, each with its warnings (none: consistent).
std::vector<ChecklistItemContext> checklist_context(const ChecklistFacts& facts, const ChecklistAnswers& answers);

}  // namespace mamori::preparedness
