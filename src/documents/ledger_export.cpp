#include "ledger_export.hpp"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "documents/pdf_text.hpp"
#include "mamori/core/time.hpp"
#include "mamori/documents/csv_writer.hpp"
#include "mamori/documents/xlsx_table.hpp"

namespace mamori::documents {

namespace {

// A4 landscape.
constexpr double kWidth = kPageHeight;
constexpr double kHeight = kPageWidth;
constexpr double kMargin = 10 * kMm;
constexpr double kPad = 1.5;
constexpr double kRule = 0.4;
constexpr double kHeaderGrey = 0.88;
constexpr double kFooterHeight = 14;
constexpr double kMaxRowHeight = 60;  // a row with very long text is cut, never split across pages

std::vector<std::string> headers() {
    std::vector<std::string> out;
    for (const auto& c : kLedgerColumns) out.emplace_back(c.header);
    return out;
}

std::string slash_date(std::string_view iso) {
    if (const auto d = parse_iso_date(iso))
        return fmt::format("{}/{:02}/{:02}", static_cast<int>(d->year()), static_cast<unsigned>(d->month()),
                           static_cast<unsigned>(d->day()));
    return std::string(iso);
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct PdfColumn {
    std::size_t index;
    double x, width;
};

std::vector<PdfColumn> pdf_columns() {
    double total = 0;
    for (const auto& c : kLedgerColumns) total += c.pdf_width_mm;
    const double scale = (kWidth - 2 * kMargin) / (total * kMm);
    std::vector<PdfColumn> out;
    double x = kMargin;
    for (std::size_t i = 0; i < kLedgerColumnCount; ++i) {
        if (kLedgerColumns[i].pdf_width_mm <= 0) continue;
        const double w = kLedgerColumns[i].pdf_width_mm * kMm * scale;
        out.push_back({i, x, w});
        x += w;
    }
    return out;
}

// short_cpe: a CPE name without its trailing "any" components, for the narrow PDF column
// ("cpe:2.3:o:fortinet:fortios:6.0.4"); every line of the cell is shortened.
std::string short_cpes(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (line.starts_with("cpe:2.3:"))
            while (line.ends_with(":*")) line.remove_suffix(2);
        if (!out.empty()) out += '\n';
        out += line;
        start = end + 1;
    }
    return out;
}

constexpr std::size_t kCpeColumn = 12;

using Step = std::function<void(cairo_t*)>;

// draw_row: the cells of one row at `y` with a frame around each, `grey` behind them.
Step draw_row(std::vector<std::pair<PdfColumn, LayoutPtr>> cells, double y, double height, double grey) {
    return [cells = std::move(cells), y, height, grey](cairo_t* cr) {
        cairo_set_line_width(cr, kRule);
        for (const auto& [column, layout] : cells) {
            if (grey < 1) {
                cairo_set_source_rgb(cr, grey, grey, grey);
                cairo_rectangle(cr, column.x, y, column.width, height);
                cairo_fill(cr);
            }
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_rectangle(cr, column.x, y, column.width, height);
            cairo_stroke(cr);
            draw_layout(cr, *layout, column.x + kPad, y + kPad);
        }
    };
}

}  // namespace

std::string render_ledger_csv(const LedgerSheet& sheet) {
    std::string out(kCsvBom);
    append_csv_record(out, headers());
    for (const auto& row : sheet.rows) append_csv_record(out, row);
    return out;
}

Result<std::string> render_ledger_xlsx(const LedgerSheet& sheet) {
    XlsxTable table;
    table.sheet_name = std::string(kLedgerTitle);
    table.title =
        fmt::format("{}　{}　{}現在{}", kLedgerTitle, sheet.institution, slash_date(sheet.printed_on),
                    sheet.conditions.empty() ? "" : fmt::format("（{}）", sheet.conditions));
    table.headers = headers();
    table.rows = sheet.rows;
    return render_table_xlsx(table);
}

Result<std::string> render_ledger_pdf(const LedgerSheet& sheet) {
    std::string out;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &out, kWidth, kHeight));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return fail(ErrorCode::internal, "cairo could not create a PDF surface");
    const auto title = fmt::format("{} {}", kLedgerTitle, sheet.institution);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "mamori");
    {
        CairoPtr cr(cairo_create(surface.get()));
        PdfText text(cr.get());
        const auto title_font = PdfText::font(13, true), small = PdfText::font(8), cell = PdfText::font(6.5),
                   head = PdfText::font(6.5, true);
        const auto columns = pdf_columns();

        // The page head: title and institution on the left, the printed date and conditions on the right.
        const auto heading =
            text.layout(fmt::format("{}　{}", kLedgerTitle, sheet.institution), *title_font, 0);
        const auto printed = text.layout(
            fmt::format("印刷日 {}{}", slash_date(sheet.printed_on),
                        sheet.conditions.empty() ? "" : fmt::format("　条件: {}", sheet.conditions)),
            *small, (kWidth - 2 * kMargin) / 2, PANGO_ALIGN_RIGHT);
        const double head_height = std::max(layout_height(*heading), layout_height(*printed)) + 6;
        std::vector<std::pair<PdfColumn, LayoutPtr>> header_cells;
        double header_height = 0;
        for (const auto& c : columns) {
            auto l = text.layout(kLedgerColumns[c.index].header, *head, c.width - 2 * kPad);
            header_height = std::max(header_height, layout_height(*l) + 2 * kPad);
            header_cells.emplace_back(c, std::move(l));
        }
        const double top = kMargin + head_height;
        const double bottom = kHeight - kMargin - kFooterHeight;

        std::vector<std::vector<Step>> pages(1);
        double y = top + header_height;
        for (const auto& row : sheet.rows) {
            std::vector<std::pair<PdfColumn, LayoutPtr>> cells;
            double height = 0;
            for (const auto& c : columns) {
                const std::string value = c.index < row.size() ? row[c.index] : std::string();
                auto l =
                    text.layout(c.index == kCpeColumn ? short_cpes(value) : value, *cell, c.width - 2 * kPad);
                cut_to_height(*l, kMaxRowHeight - 2 * kPad, "…");
                height = std::max(height, layout_height(*l) + 2 * kPad);
                cells.emplace_back(c, std::move(l));
            }
            if (y + height > bottom && y > top + header_height) {
                pages.emplace_back();
                y = top + header_height;
            }
            pages.back().push_back(draw_row(std::move(cells), y, height, 1));
            y += height;
        }
        if (sheet.rows.empty())
            pages.back().push_back([l = text.layout("該当する機器はありません", *small, 0), y](cairo_t* c) {
                draw_layout(c, *l, kMargin, y + 4);
            });
        const auto header_step = draw_row(header_cells, top, header_height, kHeaderGrey);
        for (std::size_t i = 0; i < pages.size(); ++i) {
            draw_layout(cr.get(), *heading, kMargin, kMargin);
            draw_layout(cr.get(), *printed, kWidth / 2, kMargin + 3);
            header_step(cr.get());
            for (const auto& step : pages[i]) step(cr.get());
            const auto footer = text.layout(fmt::format("{} / {} ページ", i + 1, pages.size()), *small, 0);
            draw_layout(cr.get(), *footer, kWidth / 2 - layout_width(*footer) / 2, kHeight - kMargin - 10);
            cairo_show_page(cr.get());
        }
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            return fail(ErrorCode::internal, fmt::format("cairo failed drawing the PDF: {}",
                                                         cairo_status_to_string(cairo_status(cr.get()))));
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return fail(ErrorCode::internal, "cairo could not finish the PDF");
    surface.reset();
    return out;
}

}  // namespace mamori::documents
