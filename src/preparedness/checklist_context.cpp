// The preparedness records beside the checklist's section 3 (checklist_context.hpp).
#include "mamori/preparedness/checklist_context.hpp"

#include <algorithm>

namespace mamori::preparedness {

namespace {

using assessment::AnswerValue;
using nlohmann::json;

// keep_newest: the later of `current` and the record's date `key` (YYYY-MM-DD; ISO dates sort as text).
void keep_newest(std::optional<std::string>& current, const json& body, const char* key) {
    const auto it = body.find(key);
    if (it == body.end() || !it->is_string()) return;
    const auto& date = it->get_ref<const std::string&>();
    if (!current || date > *current) current = date;
}

void add_if(std::vector<ChecklistWarning>& out, bool condition, ChecklistWarning warning) {
    if (condition) out.push_back(warning);
}

}  // namespace

std::string_view to_string(ChecklistWarning w) {
    switch (w) {
        case ChecklistWarning::chart_incomplete_though_yes: return "chart_incomplete_though_yes";
        case ChecklistWarning::chart_not_reviewed_though_yes: return "chart_not_reviewed_though_yes";
        case ChecklistWarning::no_backup_though_yes: return "no_backup_though_yes";
        case ChecklistWarning::no_offline_copy_though_yes: return "no_offline_copy_though_yes";
        case ChecklistWarning::no_restore_test_though_yes: return "no_restore_test_though_yes";
        case ChecklistWarning::bcp_not_done_though_yes: return "bcp_not_done_though_yes";
        case ChecklistWarning::records_ready_though_no: return "records_ready_though_no";
    }
    return "";
}

ChecklistFacts checklist_facts(std::span<const StoredRecord> records,
                               const std::map<std::string, std::string>& bcp_statuses, int bcp_rows,
                               const Reference& reference, std::chrono::year_month_day today) {
    ChecklistFacts f;
    // The record warnings decide what is missing or stale, so the checklist and the preparedness pages agree.
    f.chart_reviewed_within_year = true;
    for (const auto& w : warnings(records, reference, today)) {
        if (w.code == kChartNotReviewed) f.chart_reviewed_within_year = false;
        if (w.code == kContactRoleMissing) f.roles_missing = w.details;
        if (w.code == kContactBodyMissing) f.bodies_missing = w.details;
        if (w.code == kBackupWithoutOffline) ++f.backups_without_offline;
        if (w.code == kNoRecentRestoreTest) ++f.backups_untested;
    }
    for (const auto& r : records) {
        switch (r.kind) {
            case RecordKind::chart: keep_newest(f.chart_reviewed_on, r.body, "reviewed_on"); break;
            case RecordKind::contact: ++f.contacts; break;
            case RecordKind::backup: ++f.backups; break;
            case RecordKind::restore_test: keep_newest(f.last_restore_test_on, r.body, "tested_on"); break;
            case RecordKind::drill: keep_newest(f.last_drill_on, r.body, "held_on"); break;
            default: break;
        }
    }
    f.bcp_rows = bcp_rows;
    for (const auto& [row, status] : bcp_statuses) {
        if (status == "done") ++f.bcp_done;
        if (status == "not_done") ++f.bcp_not_done;
        if (status == "not_applicable") ++f.bcp_not_applicable;
    }
    return f;
}

std::vector<ChecklistItemContext> checklist_context(const ChecklistFacts& f, const ChecklistAnswers& answers) {
    const bool chart_complete = f.roles_missing.empty() && f.bodies_missing.empty();
    const bool chart_ready = chart_complete && f.chart_reviewed_within_year;
    const bool backups_ready = f.backups > 0 && f.backups_without_offline == 0 && f.backups_untested == 0;
    const int bcp_unanswered = std::max(0, f.bcp_rows - f.bcp_done - f.bcp_not_done - f.bcp_not_applicable);
    const bool bcp_ready = f.bcp_rows > 0 && f.bcp_not_done == 0 && bcp_unanswered == 0;

    std::vector<ChecklistItemContext> out{{std::string(kContactChartItem), {}},
                                          {std::string(kBackupItem), {}},
                                          {std::string(kBcpItem), {}}};
    auto& chart = out[0].warnings;
    const bool chart_yes = answers.contact_chart == AnswerValue::yes;
    add_if(chart, chart_yes && !chart_complete, ChecklistWarning::chart_incomplete_though_yes);
    add_if(chart, chart_yes && !f.chart_reviewed_within_year, ChecklistWarning::chart_not_reviewed_though_yes);
    add_if(chart, answers.contact_chart == AnswerValue::no && chart_ready, ChecklistWarning::records_ready_though_no);

    auto& backup = out[1].warnings;
    const bool backup_yes = answers.backups == AnswerValue::yes;
    add_if(backup, backup_yes && f.backups == 0, ChecklistWarning::no_backup_though_yes);
    add_if(backup, backup_yes && f.backups_without_offline > 0, ChecklistWarning::no_offline_copy_though_yes);
    add_if(backup, backup_yes && f.backups_untested > 0, ChecklistWarning::no_restore_test_though_yes);
    add_if(backup, answers.backups == AnswerValue::no && backups_ready, ChecklistWarning::records_ready_though_no);

    auto& bcp = out[2].warnings;
    add_if(bcp, answers.bcp == AnswerValue::yes && !bcp_ready, ChecklistWarning::bcp_not_done_though_yes);
    add_if(bcp, answers.bcp == AnswerValue::no && bcp_ready, ChecklistWarning::records_ready_though_no);
    return out;
}

}  // namespace mamori::preparedness
