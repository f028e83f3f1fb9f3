// The inspection plan: the institution's notices, the plan as a CSV file (export and import), and the
// jurisdiction's summary of a fiscal year.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <variant>
#include <sstream>

#include "identity_records.hpp"
#include "inspection_plan_scope.hpp"
#include "inspection_visit_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/documents/csv_writer.hpp"
#include "mamori/documents/xlsx_table.hpp"
#include "mamori/services/inspection_plan.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::inspection_plan {

namespace {

using inspection::VisitStatus;

bool is_workbook(std::string_view bytes) {
    return bytes.starts_with(std::string_view("PK\x03\x04", 4));
}

// read_plan_bytes: a workbook through the project's .xlsx reader, anything else as CSV; same limits.
inspection::PlanFile read_plan_bytes(std::string_view bytes, int fiscal_year) {
    if (!is_workbook(bytes)) return inspection::read_plan_file(bytes, fiscal_year);
    inspection::PlanFile out;
    if (bytes.size() > inspection::kPlanFileMaxBytes) {
        out.errors.push_back({1, "file", "a plan file has at most 1 MiB", "file_too_large", "1 MiB", ""});
        return out;
    }
    auto sheet = documents::read_table_xlsx(
        bytes, {.max_rows = inspection::kPlanMaxLines + 3, .max_columns = 16, .max_cell_bytes = 1024});
    if (!sheet) {
        const std::string field = sheet.error().fields.empty() ? "" : sheet.error().fields.front().field;
        const auto bang = field.find('!');
        out.errors.push_back({1, "file", sheet.error().message, "file_unreadable", "",
                              bang == std::string::npos ? "" : field.substr(bang + 1)});
        return out;
    }
    return inspection::read_plan_sheet(sheet->rows, fiscal_year);
}

}  // namespace

Result<std::vector<Notice>> notices(store::Database& db, const identity::Caller& caller) {
    if (!identity::is_institution(caller.organisation.kind))
        return fail(ErrorCode::forbidden, "only an institution receives inspection notices");
    auto lease = db.acquire();
    const long long org = caller.organisation.id;
    std::vector<Notice> out;
    for (const auto& r : store::query(
             *lease,
             "SELECT v.id, v.fiscal_year, i.name, v.planned_on, v.checklist_due_on, a.id, a.status "
             "FROM inspection_visits v JOIN organisations i ON i.id = v.inspecting_organisation_id "
             "LEFT JOIN assessments a ON a.id = (SELECT MAX(x.id) FROM assessments x WHERE x.organisation_id = "
             "v.organisation_id AND x.fiscal_year = v.fiscal_year AND x.form <> 'vendor') "
             "WHERE v.organisation_id = :o AND v.status = 'notified' ORDER BY v.planned_on, v.id",
             org)) {
        Notice n;
        n.visit_id = store::int64_at(r, 0);
        n.fiscal_year = static_cast<int>(store::int64_at(r, 1));
        n.inspecting_organisation_name = r.get<std::string>(2);
        n.planned_on = store::optional_text_at(r, 3);
        n.checklist_due_on = store::optional_text_at(r, 4);
        n.assessment_id = store::optional_int64_at(r, 5);
        n.assessment_status = store::optional_text_at(r, 6);
        out.push_back(std::move(n));
    }
    return out;
}

Result<std::string> plan_csv(store::Database& db, const identity::Caller& caller, int fiscal_year,
                             std::int64_t health_centre_id) {
    VisitQuery query;
    query.fiscal_year = fiscal_year;
    query.health_centre_id = health_centre_id;
    query.page_size = kMaxPageSize;
    std::string out(documents::kCsvBom);
    const auto& columns = inspection::kPlanColumns;
    documents::append_csv_record(out, {columns[0], columns[1], columns[2], columns[3], columns[4]});
    for (query.page = 1;; ++query.page) {
        auto page = list_visits(db, caller, query);
        if (!page) return fail(page.error());
        for (const auto& v : page->rows)
            documents::append_csv_record(out, {v.facility_id, v.institution_name, v.planned_on.value_or(""),
                                               v.reason, inspection::to_string(v.status)});
        if (static_cast<std::int64_t>(query.page) * query.page_size >= page->total) break;
    }
    return out;
}

Result<std::string> plan_xlsx(store::Database& db, const identity::Caller& caller, int fiscal_year,
                              std::int64_t health_centre_id) {
    static const std::map<std::string, std::string> statuses = {
        {"planned", "計画"}, {"notified", "通知済み"}, {"postponed", "延期"}, {"done", "実施済み"}};
    VisitQuery query;
    query.fiscal_year = fiscal_year;
    query.health_centre_id = health_centre_id;
    query.page_size = kMaxPageSize;
    documents::XlsxTable table;
    table.sheet_name = "年度計画";
    table.title = fmt::format("立入検査の年度計画　{}", fiscal_year_ja(fiscal_year));
    table.headers = {"医療機関コード", "医療機関名", "予定日", "区分", "状態", "点検表の提出期限", "延期の理由", "実施する機関", "担当者"};
    for (query.page = 1;; ++query.page) {
        auto page = list_visits(db, caller, query);
        if (!page) return fail(page.error());
        for (const auto& v : page->rows) {
            std::string inspectors;
            for (const auto& p : v.inspectors) inspectors += (inspectors.empty() ? "" : "、") + p.name;
            table.rows.push_back({v.facility_id, v.institution_name, v.planned_on.value_or("未定"),
                                  v.reason == "cause" ? "随時" : "定期",
                                  statuses.at(std::string(inspection::to_string(v.status))),
                                  v.checklist_due_on.value_or(""), v.postponed_reason.value_or(""),
                                  v.inspecting_organisation_name, inspectors});
        }
        if (static_cast<std::int64_t>(query.page) * query.page_size >= page->total) break;
    }
    return documents::render_table_xlsx(table);
}

Result<ImportResult> import_plan(store::Database& db, const identity::Caller& caller, int fiscal_year,
                                 std::string_view csv, bool confirm, const audit::Context& context) {
    if (auto ok = check_planner(caller, confirm); !ok) return fail(ok.error());
    if (auto ok = check_fiscal_year(fiscal_year); !ok) return fail(ok.error());
    if (csv.size() > inspection::kPlanFileMaxBytes)
        return fail(ErrorCode::too_large, "a plan file has at most 1 MiB", "file");
    ImportResult out;
    const auto error_line = [&](int line, std::string column, std::string message, std::string code,
                                std::string value, std::string facility = {}, std::string cell = {}) {
        out.lines.push_back({line, "error", std::move(facility), std::nullopt, std::move(column), std::move(message),
                             std::move(code), std::move(value), std::move(cell)});
        ++out.errors;
    };
    auto file = read_plan_bytes(csv, fiscal_year);
    const auto& lines = file.lines;
    // In a workbook a line is a sheet row; the errors found below also name the cell.
    const bool workbook = is_workbook(csv);
    const auto cell_of = [&](char column, int line) { return workbook ? fmt::format("{}{}", column, line) : ""; };
    for (auto& bad : file.errors)
        error_line(bad.line, bad.column, bad.message, bad.code, bad.value, {}, bad.cell);
    // A first pass only looks; a confirmed file without errors is then written in a second pass.
    const auto run = [&](bool write) { return db.transaction([&](soci::session& sql) -> Result<bool> {
        records::lock_organisation(sql, caller.organisation.id);
        std::map<std::string, int> seen;
        for (const auto& line : lines) {
            if (auto [it, fresh] = seen.emplace(line.facility_id, line.line); !fresh) {
                error_line(line.line, "facility_id", fmt::format("the institution is already on line {}", it->second),
                           "duplicate_facility", std::to_string(it->second), line.facility_id, cell_of('A', line.line));
                continue;
            }
            std::optional<records::OrganisationRecord> institution;
            for (const auto& r : store::query(sql, "SELECT id FROM organisations WHERE facility_id = :f", line.facility_id))
                institution = records::find_organisation(sql, store::int64_at(r, 0));
            if (!institution || !identity::is_institution(institution->ref.kind) ||
                !identity::can_inspect(caller, institution->ref)) {
                error_line(line.line, "facility_id", "no institution with this facility id in your jurisdiction",
                           "facility_unknown", line.facility_id, line.facility_id, cell_of('A', line.line));
                continue;
            }
            const long long org = institution->ref.id, fy = fiscal_year;
            std::optional<std::int64_t> open;
            for (const auto& r : store::query(sql,
                                              "SELECT MAX(id) FROM inspection_visits WHERE organisation_id = :o AND "
                                              "fiscal_year = :fy AND status <> 'done'",
                                              org, fy))
                open = store::optional_int64_at(r, 0);
            ImportLine result{line.line, "", line.facility_id, open, "", ""};
            if (!open) {
                result.outcome = "created";
                ++out.created;
                if (write) {
                    inspection_visits::VisitRecord v;
                    v.organisation_id = org;
                    v.inspecting_organisation_id = caller.organisation.id;
                    v.fiscal_year = fiscal_year;
                    v.reason = line.reason;
                    v.planned_on = line.planned_on;
                    result.visit_id = inspection_visits::insert_visit(sql, v, caller.user_id);
                    inspection_visits::insert_visit_event(sql, *result.visit_id, "imported", {{"line", line.line}},
                                                          caller.user_id);
                }
            } else {
                auto before = *inspection_visits::find_visit(sql, *open);
                if (before.planned_on == line.planned_on && before.reason == line.reason) {
                    result.outcome = "unchanged";
                    ++out.unchanged;
                } else if (before.status == VisitStatus::notified && !line.planned_on) {
                    error_line(line.line, "planned_on", "a notified visit keeps a date", "notified_needs_date", "",
                               line.facility_id, cell_of('C', line.line));
                    continue;
                } else {
                    result.outcome = "updated";
                    ++out.updated;
                    if (write) {
                        auto next = before;
                        next.planned_on = line.planned_on;
                        next.reason = line.reason;
                        next.version = before.version + 1;
                        if (!inspection_visits::update_visit(sql, next, caller.user_id))
                            return fail(ErrorCode::conflict, "a visit changed during the import; try again");
                        inspection_visits::insert_visit_event(
                            sql, before.id, "imported",
                            {{"line", line.line},
                             {"before", {{"planned_on", before.planned_on ? nlohmann::json(*before.planned_on) : nullptr}}},
                             {"after", {{"planned_on", line.planned_on ? nlohmann::json(*line.planned_on) : nullptr}}}},
                            caller.user_id);
                    }
                }
            }
            out.lines.push_back(std::move(result));
        }
        if (!write) return false;
        if (out.errors > 0) return fail(ErrorCode::conflict, "the plan changed during the import; try again");
        if (out.created + out.updated > 0)
            audit::append(sql,
                          audit::caller_entry(caller, "inspection.plan_imported",
                                              fmt::format("inspection_plan:{}", fiscal_year),
                                              {{"created", out.created}, {"updated", out.updated}}),
                          context);
        return true;
    }); };
    auto looked = run(false);
    if (!looked) return fail(looked.error());
    if (confirm && out.errors == 0) {
        out = ImportResult{};
        auto applied = run(true);
        if (!applied) return fail(applied.error());
        out.applied = *applied;
    }
    std::sort(out.lines.begin(), out.lines.end(), [](const ImportLine& a, const ImportLine& b) { return a.line < b.line; });
    return out;
}

Result<Summary> summary(store::Database& db, const identity::Caller& caller, int fiscal_year,
                        std::int64_t health_centre_id) {
    if (auto ok = check_planner(caller, false); !ok) return fail(ok.error());
    if (auto ok = check_fiscal_year(fiscal_year); !ok) return fail(ok.error());
    auto lease = db.acquire();
    auto& sql = *lease;
    if (auto ok = check_centre(sql, caller, health_centre_id); !ok) return fail(ok.error());
    Summary out;
    out.fiscal_year = fiscal_year;
    const long long fy = fiscal_year;
    const auto scope = in_scope(caller, health_centre_id);
    // Institutions, due ones and submitted checklists per kind, counted by the database in one pass
    // (due_condition says what due_in says, frequency_sql).
    const auto due = due_conditions(effective_policy(sql, caller.organisation.prefecture_code), fiscal_year);
    Conditions where;
    where.add(kInstitutionKinds);
    where.add(scope);
    std::vector<std::string> values = due.values;  // in the order of the text: due, joins, where
    values.insert(values.end(), {std::to_string(fy), std::to_string(fy)});
    values.insert(values.end(), where.values.begin(), where.values.end());
    with_values(values, [&](const auto&... v) {
        for (const auto& r : store::query(
                 sql,
                 fmt::format("SELECT o.kind, COUNT(*), SUM(CASE WHEN s.organisation_id IS NULL THEN 0 ELSE 1 END), "
                             "SUM(CASE WHEN {} THEN 1 ELSE 0 END) FROM organisations o {} "
                             "LEFT JOIN (SELECT DISTINCT a.organisation_id FROM assessments a WHERE a.fiscal_year = "
                             ":fy_submitted AND a.form <> 'vendor' AND a.status = 'submitted') s "
                             "ON s.organisation_id = o.id WHERE {} GROUP BY o.kind ORDER BY o.kind",
                             due.text, kLastInspection, where.text),
                 v...)) {
            out.submission.push_back({r.template get<std::string>(0), store::int64_at(r, 1), store::int64_at(r, 2)});
            out.institutions += store::int64_at(r, 1);
            out.due += store::int64_at(r, 3);
        }
    });
    with_values(scope.values, [&](const auto&... v) {
        for (const auto& r : store::query(
                 sql,
                 fmt::format("SELECT v.status, COUNT(DISTINCT v.organisation_id) FROM inspection_visits v JOIN "
                             "organisations o ON o.id = v.organisation_id WHERE {} AND v.fiscal_year = :fy "
                             "GROUP BY v.status",
                             scope.text),
                 v..., fy)) {
            const auto status = r.template get<std::string>(0);
            const auto n = store::int64_at(r, 1);
            if (status == "planned") out.planned = n;
            else if (status == "notified") out.notified = n;
            else if (status == "postponed") out.postponed = n;
            else if (status == "done") out.inspected = n;
        }
        for (const auto& r : store::query(
                 sql,
                 fmt::format("SELECT COUNT(*) FROM inspection_visits v JOIN organisations o ON o.id = v.organisation_id "
                             "WHERE {} AND v.fiscal_year = :fy AND EXISTS (SELECT 1 FROM inspection_record_lines l "
                             "WHERE l.visit_id = v.id AND l.verdict = 'finding')",
                             scope.text),
                 v..., fy))
            out.with_findings = store::int64_at(r, 0);
        const std::string today = to_iso_date(today_in_japan());
        for (const auto& r : store::query(
                 sql,
                 fmt::format("SELECT COUNT(*), COALESCE(SUM(CASE WHEN q.due_on < :today THEN 1 ELSE 0 END), 0) "
                             "FROM improvement_requests q JOIN organisations o ON o.id = q.organisation_id "
                             "WHERE {} AND q.status <> 'closed'",
                             scope.text),
                 today, v...)) {
            out.open_requests = store::int64_at(r, 0);
            out.overdue_requests = store::int64_at(r, 1);
        }
    });
    return out;
}

}  // namespace mamori::services::inspection_plan
