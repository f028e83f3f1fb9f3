/// @file
/// @brief The rules of one planned visit (年度計画の一件), pure: which dates a plan may hold, what a notice
/// (立入検査の予定のお知らせ) needs before it goes out, and one line of a plan file (CSV) read into a visit.
///
///     check_notice("2026-12-20", "2026-12-10", today);   // ok when both are today or later
///     parse_plan_line({"9913000000001", "2026-12-20", "regular"}, 2);
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/documents/xlsx_table.hpp"

namespace mamori::inspection {

// check_plan_date: a date of the plan (YYYY-MM-DD) that lies in `fiscal_year` (April to March);
// invalid_input naming `field` otherwise.
Status check_plan_date(std::string_view text, int fiscal_year, std::string_view field);

// check_notice: a notice needs the visit's date (field "planned_on") and the date the checklist is asked
// for (field "checklist_due_on"), neither before `today`, the checklist not after the visit.
Status check_notice(const std::optional<std::string>& planned_on,
                    const std::optional<std::string>& checklist_due_on, std::chrono::year_month_day today);

// check_postpone_reason: a postponement says why (field "reason", 1–500 characters).
Status check_postpone_reason(std::string_view reason);

// kPlanColumns: the columns of a plan file, in order (the header line names them).
inline constexpr std::string_view kPlanColumns[] = {"facility_id", "name", "planned_on", "reason", "status"};
inline constexpr std::size_t kPlanMaxLines = 5000;

// PlanLine: one line of a plan file, as read. The name and status columns are there for people reading the
// file; an import ignores them (a status changes only through the workflow).
struct PlanLine {
    int line = 0;  // 1-based line number in the file (the header is line 1)
    std::string facility_id;
    std::string name;                       // informative only: the institution is found by facility_id
    std::optional<std::string> planned_on;  // empty cell: no date yet
    std::string reason = "regular";         // regular, cause
};

// PlanLineError: what is wrong with a line, naming the column. `code` is stable (the page words it; see
// kPlanErrorCodes), `value` the cell as read (or the number the code speaks of: a limit, another line),
// `cell` the spreadsheet's reference ("C5") when the file is a workbook; `message` is English, for the API.
struct PlanLineError {
    int line = 0;
    std::string column;
    std::string message;
    std::string code;
    std::string value;
    std::string cell;
};

// kPlanErrorCodes: every code a plan import may report.
inline constexpr std::string_view kPlanErrorCodes[] = {
    "file_too_large", "file_empty",         "file_unreadable", "header_column",       "too_many_lines",
    "column_count",   "facility_id_format", "name_invalid",   "date_format",         "date_outside_year",
    "reason_unknown", "duplicate_facility", "facility_unknown", "notified_needs_date"};

// kPlanSheetHeaders: the Japanese headers of the exported workbook, column for column with kPlanColumns.
inline constexpr std::string_view kPlanSheetHeaders[] = {"医療機関コード", "医療機関名", "予定日", "区分", "状態"};

// parse_plan_header: the header must list kPlanColumns in order; otherwise an error on line 1.
std::optional<PlanLineError> check_plan_header(const std::vector<std::string>& cells);

// parse_plan_line: one data line (`cells`, line number `line`) of `fiscal_year`'s plan. The exported
// workbook's words are taken too: 未定 (no date), 定期 (regular), 随時 (cause).
std::variant<PlanLine, PlanLineError> parse_plan_line(const std::vector<std::string>& cells, int line,
                                                      int fiscal_year);

// PlanFile: a plan file read: the lines that parse and, for every other line, what is wrong.
struct PlanFile {
    std::vector<PlanLine> lines;
    std::vector<PlanLineError> errors;
};

// kPlanFileMaxBytes: the largest plan file read.
inline constexpr std::size_t kPlanFileMaxBytes = 1024 * 1024;

// read_plan_file: a CSV plan file of `fiscal_year` (RFC 4180, a BOM allowed) with the header kPlanColumns;
// at most kPlanMaxLines data lines. A wrong header stops the reading with one error on line 1; an empty
// file is an error on line 1 (column "file").
PlanFile read_plan_file(std::string_view csv, int fiscal_year);

// read_plan_sheet: the rows of a workbook's first sheet (as documents::read_table_xlsx gives them) read like
// a plan file: a title may stand above the header row (the export's does), the header is kPlanColumns or
// kPlanSheetHeaders (further columns are ignored), a date cell counts as its date. Lines are sheet rows;
// every error also names its cell.
PlanFile read_plan_sheet(const std::vector<documents::TableRow>& rows, int fiscal_year);

}  // namespace mamori::inspection
