// A statistics sheet written as CSV or .xlsx (sheets.hpp).
#include <fmt/format.h>

#include <cmath>

#include "mamori/documents/csv_writer.hpp"
#include "mamori/documents/xlsx_sheet.hpp"
#include "mamori/statistics/sheets.hpp"

namespace mamori::statistics {

namespace {

// cell_text: a cell as the .xlsx shows it (the percentage format "0.0%").
std::string cell_text(const SheetCell& cell) {
    switch (cell.kind) {
        case SheetCell::Kind::text: return cell.text;
        case SheetCell::Kind::count: return std::to_string(cell.count);
        // Rounded half away from zero, as a spreadsheet shows "0.0%" (fmt alone would give 81.2% for 13/16).
        case SheetCell::Kind::ratio: return fmt::format("{:.1f}%", std::round(cell.ratio * 1000.0) / 10.0);
        case SheetCell::Kind::suppressed: return {};
    }
    return {};
}

documents::XlsxCell xlsx_cell(const SheetCell& cell) {
    switch (cell.kind) {
        case SheetCell::Kind::text: return documents::XlsxCell::text(cell.text);
        case SheetCell::Kind::count: return documents::XlsxCell::whole(static_cast<double>(cell.count));
        case SheetCell::Kind::ratio: return documents::XlsxCell::percent(cell.ratio);
        case SheetCell::Kind::suppressed: return {};
    }
    return {};
}

}  // namespace

std::string render_csv(const Sheet& sheet) {
    std::string out(documents::kCsvBom);
    documents::append_csv_record(out, {std::string_view(sheet.title)});
    for (const auto& note : sheet.notes) documents::append_csv_record(out, {std::string_view(note)});
    out += "\r\n";
    documents::append_csv_record(out, sheet.header);
    std::vector<std::string> fields;
    for (const auto& row : sheet.rows) {
        fields.clear();
        for (const auto& cell : row) fields.push_back(cell_text(cell));
        documents::append_csv_record(out, fields);
    }
    return out;
}

Result<std::string> render_xlsx(const Sheet& sheet) {
    documents::XlsxSheet xlsx{.sheet_name = sheet.name,
                              .title = sheet.title,
                              .notes = sheet.notes,
                              .headers = sheet.header,
                              .rows = {}};
    xlsx.rows.reserve(sheet.rows.size());
    for (const auto& row : sheet.rows) {
        auto& cells = xlsx.rows.emplace_back();
        cells.reserve(row.size());
        for (const auto& cell : row) cells.push_back(xlsx_cell(cell));
    }
    return documents::render_sheet_xlsx(xlsx);
}

}  // namespace mamori::statistics
