#include "mamori/inspection/plan.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/feeds/csv.hpp"

namespace mamori::inspection {

namespace {

using std::chrono::year_month_day;

bool in_fiscal_year(year_month_day date, int fiscal_year) {
    const auto [first, last] = fiscal_year_bounds(fiscal_year);
    return date >= first && date <= last;
}

std::string trimmed(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

// The words of the exported workbook: no date yet, and the two reasons.
constexpr std::string_view kNoDateYet = "未定", kRegularJa = "定期", kCauseJa = "随時";

// shown: a cell as an error may quote it: printable, at most 40 characters.
std::string shown(std::string_view text) {
    const std::string safe = printable_text(text);
    std::size_t at = 0;
    for (int characters = 0; at < safe.size() && characters < 40; ++characters) {
        ++at;
        while (at < safe.size() && (static_cast<unsigned char>(safe[at]) & 0xC0) == 0x80) ++at;
    }
    return safe.substr(0, at);
}

}  // namespace

Status check_plan_date(std::string_view text, int fiscal_year, std::string_view field) {
    const auto date = parse_iso_date(text);
    if (!date)
        return fail(ErrorCode::invalid_input, fmt::format("{} must be a date (YYYY-MM-DD)", field),
                    std::string(field));
    if (!in_fiscal_year(*date, fiscal_year))
        return fail(ErrorCode::invalid_input,
                    fmt::format("{} must lie in fiscal year {} (April to March)", field, fiscal_year),
                    std::string(field));
    return {};
}

Status check_notice(const std::optional<std::string>& planned_on,
                    const std::optional<std::string>& checklist_due_on, year_month_day today) {
    const auto visit = planned_on ? parse_iso_date(*planned_on) : std::nullopt;
    if (!visit)
        return fail(ErrorCode::invalid_input, "a notice needs the date of the visit", "planned_on");
    if (*visit < today)
        return fail(ErrorCode::invalid_input, "the date of the visit has passed", "planned_on");
    const auto due = checklist_due_on ? parse_iso_date(*checklist_due_on) : std::nullopt;
    if (!due)
        return fail(ErrorCode::invalid_input,
                    "a notice needs the date by which the checklist is to be submitted", "checklist_due_on");
    if (*due < today)
        return fail(ErrorCode::invalid_input, "the date for the checklist has passed", "checklist_due_on");
    if (*due > *visit)
        return fail(ErrorCode::invalid_input, "the checklist must be asked for no later than the visit",
                    "checklist_due_on");
    return {};
}

Status check_postpone_reason(std::string_view reason) {
    const auto text = trimmed(reason);
    const long characters = character_count(text);
    if (text.empty()) return fail(ErrorCode::invalid_input, "a postponement needs its reason", "reason");
    if (characters < 0 || characters > 500)
        return fail(ErrorCode::invalid_input, "the reason must be valid text of at most 500 characters",
                    "reason");
    return {};
}

std::optional<PlanLineError> check_plan_header(const std::vector<std::string>& cells) {
    const std::size_t expected = std::size(kPlanColumns);
    for (std::size_t i = 0; i < expected; ++i) {
        std::string cell = i < cells.size() ? trimmed(cells[i]) : std::string();
        if (i == 0 && cell.starts_with("\xEF\xBB\xBF")) cell.erase(0, 3);  // a BOM from spreadsheet programs
        if (cell != kPlanColumns[i])
            return PlanLineError{1, std::string(kPlanColumns[i]),
                                 fmt::format("column {} of the header must be {}", i + 1, kPlanColumns[i]),
                                 "header_column", shown(cell), ""};
    }
    return std::nullopt;
}

std::variant<PlanLine, PlanLineError> parse_plan_line(const std::vector<std::string>& cells, int line,
                                                      int fiscal_year) {
    const auto error = [&](std::string_view column, std::string message, std::string_view code,
                           std::string value = {}) {
        return PlanLineError{line, std::string(column), std::move(message), std::string(code), std::move(value), ""};
    };
    if (cells.size() < 3 || cells.size() > std::size(kPlanColumns))
        return error("facility_id", fmt::format("a line has 3 to {} columns", std::size(kPlanColumns)),
                     "column_count", std::to_string(cells.size()));
    PlanLine out;
    out.line = line;
    out.facility_id = trimmed(cells[0]);
    if (out.facility_id.empty() || out.facility_id.size() > 20 ||
        !std::all_of(out.facility_id.begin(), out.facility_id.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return error("facility_id", "the facility id must be 1 to 20 digits", "facility_id_format",
                     shown(out.facility_id));
    out.name = cells.size() > 1 ? trimmed(cells[1]) : "";
    if (character_count(out.name) < 0 || character_count(out.name) > 200)
        return error("name", "the name must be valid text of at most 200 characters", "name_invalid");
    const auto date = trimmed(cells[2]);
    if (!date.empty() && date != kNoDateYet) {
        const auto parsed = parse_iso_date(date);
        if (!parsed)
            return error("planned_on", "planned_on must be a date (YYYY-MM-DD)", "date_format", shown(date));
        if (!in_fiscal_year(*parsed, fiscal_year))
            return error("planned_on",
                         fmt::format("planned_on must lie in fiscal year {} (April to March)", fiscal_year),
                         "date_outside_year", shown(date));
        out.planned_on = date;
    }
    auto reason = cells.size() > 3 ? trimmed(cells[3]) : std::string();
    if (reason == kRegularJa) reason = "regular";
    if (reason == kCauseJa) reason = "cause";
    if (!reason.empty()) {
        if (reason != "regular" && reason != "cause")
            return error("reason", "the reason must be regular or cause", "reason_unknown", shown(reason));
        out.reason = reason;
    }
    return out;
}

namespace {

// PlanReader: the lines of a file after its header, with the line limit, for both CSV and workbooks.
struct PlanReader {
    PlanFile& out;
    int fiscal_year;

    // Returns false once the limit is reached.
    bool add(const std::vector<std::string>& cells, int line, std::string_view cell_row = {}) {
        if (out.lines.size() + out.errors.size() >= kPlanMaxLines) {
            out.errors.push_back({line, "file", fmt::format("a plan file has at most {} lines", kPlanMaxLines),
                                  "too_many_lines", std::to_string(kPlanMaxLines), ""});
            return false;
        }
        auto parsed = parse_plan_line(cells, line, fiscal_year);
        if (auto* bad = std::get_if<PlanLineError>(&parsed)) {
            if (!cell_row.empty()) {
                const auto column = std::find(std::begin(kPlanColumns), std::end(kPlanColumns), bad->column);
                bad->cell = fmt::format("{}{}", static_cast<char>('A' + (column - std::begin(kPlanColumns)) % 26),
                                        cell_row);
            }
            out.errors.push_back(std::move(*bad));
        } else {
            out.lines.push_back(std::get<PlanLine>(std::move(parsed)));
        }
        return true;
    }
};

}  // namespace

PlanFile read_plan_file(std::string_view csv, int fiscal_year) {
    PlanFile out;
    const auto error = [&](std::size_t line, std::string column, std::string message, std::string_view code,
                           std::string value = {}) {
        out.errors.push_back(
            {static_cast<int>(line), std::move(column), std::move(message), std::string(code), std::move(value), ""});
    };
    if (csv.size() > kPlanFileMaxBytes) {
        error(1, "file", "a plan file has at most 1 MiB", "file_too_large", "1 MiB");
        return out;
    }
    feeds::CsvLimits limits;
    limits.max_field_bytes = 1024;
    limits.max_fields = 16;
    limits.max_input_bytes = kPlanFileMaxBytes;
    feeds::CsvParser parser(limits);
    PlanReader reader{out, fiscal_year};
    std::size_t offset = 0;
    bool header = true;
    while (true) {
        std::size_t consumed = 0;
        const auto event = parser.parse(csv.substr(offset), true, consumed);
        offset += consumed;
        if (event == feeds::CsvParser::Event::end || event == feeds::CsvParser::Event::need_input) break;
        if (event == feeds::CsvParser::Event::error) {
            error(parser.error().line, "file", parser.error().message, "file_unreadable");
            if (header) return out;
            continue;
        }
        const auto& record = parser.record();
        const std::vector<std::string> cells(record.fields.begin(), record.fields.end());
        if (header) {
            header = false;
            if (auto bad = check_plan_header(cells)) {
                out.errors.push_back(*bad);
                return out;
            }
            continue;
        }
        if (!reader.add(cells, static_cast<int>(record.line))) break;
    }
    if (header) error(1, "file", "the file is empty", "file_empty");
    return out;
}

PlanFile read_plan_sheet(const std::vector<documents::TableRow>& rows, int fiscal_year) {
    PlanFile out;
    constexpr std::size_t kColumns = std::size(kPlanColumns);
    const auto text = [](const documents::TableRow& row, std::size_t c) {
        return c < row.cells.size() ? trimmed(row.cells[c].text) : std::string();
    };
    // The header row: the first of the first three rows that starts like one (a title may stand above it).
    std::size_t header = rows.size();
    for (std::size_t i = 0; i < std::min<std::size_t>(rows.size(), 3); ++i) {
        const auto first = text(rows[i], 0);
        if (first == kPlanColumns[0] || first == kPlanSheetHeaders[0]) {
            header = i;
            break;
        }
    }
    if (rows.empty()) {
        out.errors.push_back({1, "file", "the sheet is empty", "file_empty", "", ""});
        return out;
    }
    if (header == rows.size()) {
        out.errors.push_back({static_cast<int>(rows.front().row), std::string(kPlanColumns[0]),
                              fmt::format("column 1 of the header must be {} or {}", kPlanColumns[0],
                                          kPlanSheetHeaders[0]),
                              "header_column", shown(text(rows.front(), 0)),
                              fmt::format("A{}", rows.front().row)});
        return out;
    }
    const auto& head = rows[header];
    for (std::size_t c = 0; c < kColumns; ++c) {
        const auto cell = text(head, c);
        if (cell != kPlanColumns[c] && cell != kPlanSheetHeaders[c]) {
            out.errors.push_back({static_cast<int>(head.row), std::string(kPlanColumns[c]),
                                  fmt::format("column {} of the header must be {} or {}", c + 1, kPlanColumns[c],
                                              kPlanSheetHeaders[c]),
                                  "header_column", shown(cell),
                                  fmt::format("{}{}", static_cast<char>('A' + c), head.row)});
            return out;
        }
    }
    PlanReader reader{out, fiscal_year};
    for (std::size_t i = header + 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        std::vector<std::string> cells(kColumns);
        bool any = false;
        for (std::size_t c = 0; c < kColumns; ++c) {
            cells[c] = text(row, c);
            any = any || !cells[c].empty();
        }
        if (!any) continue;  // only columns the import does not read
        if (row.cells.size() > 2 && row.cells[2].date) cells[2] = *row.cells[2].date;
        if (!reader.add(cells, static_cast<int>(row.row), std::to_string(row.row))) break;
    }
    return out;
}

}  // namespace mamori::inspection
