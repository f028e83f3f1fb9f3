// read_table_xlsx: a plain table back from a workbook, through the same package reader as the checklist.
#include <fmt/format.h>

#include <charconv>

#include "documents/xlsx_package.hpp"
#include "mamori/core/time.hpp"
#include "mamori/documents/xlsx_table.hpp"

namespace mamori::documents {

namespace {

std::optional<std::string> date_of(const CellValue& cell, bool date1904) {
    if (cell.kind != CellValue::Kind::number) return std::nullopt;
    double serial = 0;
    const auto [end, ec] = std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(), serial);
    if (ec != std::errc{} || end != cell.text.data() + cell.text.size()) return std::nullopt;
    const auto date = serial_date(serial, date1904);
    if (!date) return std::nullopt;
    return to_iso_date(*date);
}

}  // namespace

Result<TableSheet> read_table_xlsx(std::string_view bytes, const TableLimits& limits) {
    auto package = XlsxPackage::open(bytes);
    if (!package) return fail(package.error());
    const SheetInfo* first = nullptr;
    for (const auto& sheet : package->sheets())
        if (!sheet.hidden) {
            first = &sheet;
            break;
        }
    if (!first) return fail(ErrorCode::invalid_input, "the workbook has no visible sheet", "file");
    auto cells = package->load_sheet(*first);
    if (!cells) return fail(cells.error());
    TableSheet out;
    out.sheet_name = first->name;
    for (const auto row : cells->used_rows()) {
        if (out.rows.size() > limits.max_rows) break;
        TableRow line;
        line.row = row + 1;
        std::size_t used = 0;
        for (std::uint16_t c = 0; c < limits.max_columns; ++c) {
            const CellValue* cell = cells->at(row, c);
            TableCell value;
            if (cell) {
                if (cell->text.size() > limits.max_cell_bytes) {
                    const auto ref = cell_reference(row, c);
                    return fail(ErrorCode::invalid_input,
                                fmt::format("sheet \"{}\" cell {}: a cell has at most {} bytes", first->name, ref,
                                            limits.max_cell_bytes),
                                fmt::format("{}!{}", first->name, ref));
                }
                value.text = cell->text;
                value.date = date_of(*cell, package->date1904());
                used = c + 1u;
            }
            line.cells.push_back(std::move(value));
        }
        if (used == 0) continue;  // its cells lie beyond the columns read
        line.cells.resize(used);
        out.rows.push_back(std::move(line));
    }
    return out;
}

}  // namespace mamori::documents
