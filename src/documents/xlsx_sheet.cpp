#include "mamori/documents/xlsx_sheet.hpp"

#include <xlsxwriter.h>

#include <algorithm>

#include "documents/xlsx_workbook_file.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori::documents {

Result<std::string> render_sheet_xlsx(const XlsxSheet& table) {
    return render_workbook([&](lxw_workbook* workbook) -> Status {
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.sheet_name.c_str());
        if (sheet == nullptr) return fail(ErrorCode::internal, "libxlsxwriter could not add the worksheet");
        lxw_format* title = workbook_add_format(workbook);
        format_set_bold(title);
        format_set_font_size(title, 14);
        lxw_format* header = workbook_add_format(workbook);
        format_set_bold(header);
        format_set_bottom(header, LXW_BORDER_THIN);
        format_set_text_wrap(header);
        lxw_format* percent = workbook_add_format(workbook);
        format_set_num_format(percent, "0.0%");

        const auto header_row = static_cast<lxw_row_t>(table.notes.size() + 2);
        worksheet_write_string(sheet, 0, 0, table.title.c_str(), title);
        for (std::size_t n = 0; n < table.notes.size(); ++n)
            worksheet_write_string(sheet, static_cast<lxw_row_t>(n + 1), 0, table.notes[n].c_str(), nullptr);

        std::size_t columns = table.headers.size();
        for (const auto& row : table.rows) columns = std::max(columns, row.size());
        std::vector<long> widths(columns, 8);
        const auto measure = [&](std::size_t column, long characters) {
            widths[column] = std::max(widths[column], std::min(40L, characters * 2 + 2));
        };
        for (std::size_t c = 0; c < table.headers.size(); ++c) {
            worksheet_write_string(sheet, header_row, static_cast<lxw_col_t>(c), table.headers[c].c_str(),
                                   header);
            measure(c, std::min(10L, character_count(table.headers[c])));
        }
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(header_row + 1 + r);
            for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
                const auto column = static_cast<lxw_col_t>(c);
                const XlsxCell& cell = table.rows[r][c];
                switch (cell.kind) {
                    case XlsxCell::Kind::empty: break;
                    case XlsxCell::Kind::text:
                        worksheet_write_string(sheet, row, column, cell.value.c_str(), nullptr);
                        measure(c, character_count(cell.value));
                        break;
                    case XlsxCell::Kind::number:
                        worksheet_write_number(sheet, row, column, cell.number, nullptr);
                        break;
                    case XlsxCell::Kind::percent:
                        worksheet_write_number(sheet, row, column, cell.number, percent);
                        break;
                }
            }
        }
        for (std::size_t c = 0; c < widths.size(); ++c)
            worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 static_cast<double>(widths[c]), nullptr);
        if (!table.headers.empty())
            worksheet_autofilter(sheet, header_row, 0, static_cast<lxw_row_t>(header_row + table.rows.size()),
                                 static_cast<lxw_col_t>(table.headers.size() - 1));
        worksheet_freeze_panes(sheet, static_cast<lxw_row_t>(header_row + 1), 1);
        return {};
    });
}

}  // namespace mamori::documents
