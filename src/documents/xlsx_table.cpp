#include "mamori/documents/xlsx_table.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "mamori/core/utf8.hpp"

namespace mamori::documents {

namespace {

// Removes the temporary file libxlsxwriter writes into, whatever happens.
struct RemoveFile {
    std::string path;
    ~RemoveFile() {
        std::error_code ec;
        if (!path.empty()) std::filesystem::remove(path, ec);
    }
};

}  // namespace

Result<std::string> render_table_xlsx(const XlsxTable& table) {
    std::error_code ec;
    const auto dir = std::filesystem::temp_directory_path(ec);
    if (ec) return fail(ErrorCode::internal, "no temporary directory: " + ec.message());
    std::string name = (dir / "mamori-table-XXXXXX").string();
    const int fd = mkstemp(name.data());
    if (fd < 0) return fail(ErrorCode::internal, "cannot create a temporary file in " + dir.string());
    close(fd);
    RemoveFile remove{name};
    std::string tmpdir = dir.string();
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    lxw_workbook* workbook = workbook_new_opt(name.c_str(), &options);
    if (workbook == nullptr) return fail(ErrorCode::internal, "libxlsxwriter could not create a workbook");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.sheet_name.c_str());
    if (sheet == nullptr) {
        lxw_workbook_free(workbook);
        return fail(ErrorCode::internal, "libxlsxwriter could not add the worksheet");
    }
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    format_set_bottom(bold, LXW_BORDER_THIN);
    lxw_format* title = workbook_add_format(workbook);
    format_set_bold(title);
    format_set_font_size(title, 14);

    std::vector<long> widths(table.headers.size(), 8);
    const auto measure = [&](std::size_t column, const std::string& text) {
        if (column < widths.size()) widths[column] = std::max(widths[column], std::min(60L, character_count(text) * 2 + 2));
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
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), static_cast<double>(widths[c]),
                             nullptr);
    if (!table.headers.empty())
        worksheet_autofilter(sheet, 2, 0, static_cast<lxw_row_t>(2 + table.rows.size()),
                             static_cast<lxw_col_t>(table.headers.size() - 1));
    worksheet_freeze_panes(sheet, 3, 0);
    const lxw_error closed = workbook_close(workbook);
    if (closed != LXW_NO_ERROR)
        return fail(ErrorCode::internal, fmt::format("libxlsxwriter could not save the workbook: {}", lxw_strerror(closed)));
    std::ifstream in(name, std::ios::binary);
    if (!in) return fail(ErrorCode::internal, "cannot read the workbook back");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace mamori::documents
