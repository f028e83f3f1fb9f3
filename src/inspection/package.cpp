#include "mamori/inspection/package.hpp"

#include <map>
#include <utility>

#include "mamori/core/time.hpp"

namespace mamori::inspection {

namespace {

using documents::DocumentRow;

PackageLine line_of(const DocumentRow& row) {
    std::string label = row.number;
    if (!row.row_label_ja.empty()) label += (label.empty() ? "" : " ") + row.row_label_ja;
    if (label.empty()) label = row.canonical_id;
    return {row.canonical_id, row.row_key, label, row.text_ja, {}, false};
}

std::string value_of(const DocumentRow& row) {
    return row.answer ? row.answer->value : std::string();
}

bool passed(const std::string& date, std::chrono::year_month_day today) {
    const auto parsed = parse_iso_date(date);
    return parsed && std::chrono::sys_days(*parsed) < std::chrono::sys_days(today);
}

}  // namespace

Package build_package(const PackageInput& input) {
    Package out;
    out.fiscal_year = input.fiscal_year;
    out.institution = input.institution;
    if (input.this_year) {
        const auto& doc = *input.this_year;
        out.checklist_status = doc.status;
        out.submitted_at = doc.submitted_at;
        for (const auto& row : doc.rows) {
            ++out.lines;
            if (!row.answer) continue;
            ++out.answered;
            if (row.answer->value != "no") continue;
            auto line = line_of(row);
            line.target_date = row.answer->target_date;
            line.overdue = passed(line.target_date, input.today);
            if (line.overdue) out.overdue.push_back(line);
            out.no_lines.push_back(std::move(line));
        }
    }
    if (input.this_year && input.last_year) {
        out.has_last_year = true;
        std::map<std::pair<std::string, std::string>, std::string> before;
        for (const auto& row : input.last_year->rows) before[{row.canonical_id, row.row_key}] = value_of(row);
        for (const auto& row : input.this_year->rows) {
            const auto found = before.find({row.canonical_id, row.row_key});
            const std::string previous = found == before.end() ? std::string() : found->second;
            const std::string now = value_of(row);
            // A line new this year, or not answered yet this year, is no change of answer.
            if (found == before.end() || now.empty() || now == previous) continue;
            out.changes.push_back({line_of(row), previous, now});
        }
    }
    out.last_visit_fiscal_year = input.last_visit_fiscal_year;
    out.last_visit_on = input.last_visit_on;
    out.last_findings = input.last_findings;
    for (const auto& f : input.last_findings)
        if (f.request_status && is_open(*f.request_status)) ++out.last_findings_open;
    return out;
}

}  // namespace mamori::inspection
