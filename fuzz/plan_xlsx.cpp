// A yearly inspection plan as a workbook, as the plan import reads it: the input names the package's parts
// ("=== <name>" lines, each followed by the part's text, as in xlsx_parts), packed into a valid zip and read
// by documents::read_table_xlsx with the plan's limits, then inspection::read_plan_sheet. Every row is either
// read or named as an error with a known code, a sheet row and a cell; lines read are as in plan_file.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "check.hpp"
#include "mamori/core/utf8.hpp"
#include "documents/test_zip.hpp"
#include "mamori/documents/xlsx_table.hpp"
#include "mamori/inspection/plan.hpp"

using mamori::fuzz::fuzz_check;
using namespace mamori::inspection;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::string_view kMarker = "=== ";
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    std::vector<mamori::documents::testing::ZipEntrySpec> parts;
    while (rest.starts_with(kMarker) && parts.size() < 32) {
        const auto name_end = rest.find('\n');
        if (name_end == std::string_view::npos) break;
        const auto name = rest.substr(kMarker.size(), name_end - kMarker.size());
        rest.remove_prefix(name_end + 1);
        auto next = rest.find("\n=== ");
        const auto text = rest.substr(0, next);
        rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next + 1);
        parts.push_back({.name = std::string(name), .data = std::string(text), .method = 0});
    }
    const mamori::documents::TableLimits limits{.max_rows = kPlanMaxLines + 3, .max_columns = 16, .max_cell_bytes = 1024};
    const auto sheet = mamori::documents::read_table_xlsx(mamori::documents::testing::make_zip(parts), limits);
    if (!sheet) {
        fuzz_check(sheet.error().code == mamori::ErrorCode::invalid_input, "a bad workbook is invalid input");
        return 0;
    }
    fuzz_check(sheet->rows.size() <= limits.max_rows + 1, "at most one row over the limit is read");
    for (const auto& row : sheet->rows) {
        fuzz_check(row.row >= 1 && !row.cells.empty() && row.cells.size() <= limits.max_columns, "rows within limits");
        for (const auto& cell : row.cells) fuzz_check(cell.text.size() <= limits.max_cell_bytes, "cells within limits");
    }
    const auto file = read_plan_sheet(sheet->rows, 2026);
    fuzz_check(file.lines.size() + file.errors.size() <= kPlanMaxLines + 1, "at most the line limit is read");
    for (const auto& e : file.errors) {
        fuzz_check(e.line >= 1, "an error names a row");
        fuzz_check(!e.column.empty(), "an error names a column");
        fuzz_check(std::find(std::begin(kPlanErrorCodes), std::end(kPlanErrorCodes), e.code) != std::end(kPlanErrorCodes),
                   "a known code");
        fuzz_check(e.column == "file" || !e.cell.empty(), "a cell error names its cell");
        fuzz_check(mamori::character_count(e.value) >= 0, "a quoted value is text");
    }
    for (const auto& line : file.lines) {
        fuzz_check(!line.facility_id.empty() && line.facility_id.find_first_not_of("0123456789") == std::string::npos,
                   "a facility id is digits");
        fuzz_check(line.reason == "regular" || line.reason == "cause", "a known reason");
        if (line.planned_on) fuzz_check(check_plan_date(*line.planned_on, 2026, "planned_on").has_value(), "a date in the year");
    }
    return 0;
}
