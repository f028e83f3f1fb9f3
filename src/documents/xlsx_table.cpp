#include "mamori/documents/xlsx_table.hpp"

#include <xlsxwriter.h>

#include <algorithm>

#include "documents/xlsx_workbook_file.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori::documents {

Result<std::string> render_table_xlsx(const XlsxTable& table) {
    return render_workbook([&](lxw_workbook* workbook) -> Status {
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.sheet_name.c_str());
        if (sheet == nullptr) return fail(ErrorCode::internal, "libxlsxwriter could not add the worksheet");
        lxw_format* bold = workbook_add_format(workbook);
        format_set_bold(bold);
        format_set_bottom(bold, LXW_BORDER_THIN);
        lxw_format* title = workbook_add_format(workbook);
        format_set_bold(title);
        format_set_font_size(title, 14);

        std::vector<long> widths(table.headers.size(), 8);
        const auto measure = [&](std::size_t column, const std::string& text) {
            if (column < widths.size())
                widths[column] = std::max(widths[column], std::min(60L, character_count(text) * 2 + 2));
        };
        worksheet_write_string(sheet, 0, 0, table.title.c_str(), title);
        for (std::size_t c = 0; c < table.headers.size(); ++c) {
            worksheet_write_string(sheet, 2, static_cast<lxw_col_t>(c), table.headers[c].c_str(), bold);
            measure(c, table.headers[c]);
        }
        for (std::size_t r = 0; r < table.rows.size(); ++r)
            for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
                worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 3), static_cast<lxw_col_t>(c),
                                       table.rows[r][c].c_str(), nullptr);
                measure(c, table.rows[r][c]);
            }
        for (std::size_t c = 0; c < widths.size(); ++c)
            worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 static_cast<double>(widths[c]), nullptr);
        if (!table.headers.empty())
            worksheet_autofilter(sheet, 2, 0, static_cast<lxw_row_t>(2 + table.rows.size()),
                                 static_cast<lxw_col_t>(table.headers.size() - 1));
        worksheet_freeze_panes(sheet, 3, 0);
        return {};
    });
}

}  // namespace mamori::documents
