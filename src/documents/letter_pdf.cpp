#include "mamori/documents/letter_pdf.hpp"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include <functional>
#include <optional>

#include "documents/pdf_text.hpp"
#include "mamori/core/time.hpp"

namespace mamori::documents {

namespace {

constexpr double kMargin = 20 * kMm;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kFooterHeight = 16;
constexpr double kBodyBottom = kPageHeight - kMargin - kFooterHeight;
constexpr double kLabelWidth = 42 * kMm;
constexpr double kPad = 3;
constexpr double kRule = 0.5;
constexpr double kLabelGrey = 0.9;

using Step = std::function<void(cairo_t*)>;

// Pages: drawing steps laid out page by page, so that the footer knows the page count.
class Pages {
  public:
    explicit Pages(cairo_t* cr) : text_(cr) { pages_.emplace_back(); }

    void text(std::string_view content, const PangoFontDescription& font, double x, double width,
              PangoAlignment alignment = PANGO_ALIGN_LEFT, double after = 4) {
        auto layout = text_.layout(content, font, width, alignment);
        const double height = layout_height(*layout);
        room(height);
        const double y = y_;
        pages_.back().push_back([layout, x, y](cairo_t* cr) { draw_layout(cr, *layout, x, y); });
        y_ += height + after;
    }

    void table_row(std::string_view label, std::string_view value, const PangoFontDescription& label_font,
                   const PangoFontDescription& value_font) {
        auto left = text_.layout(label, label_font, kLabelWidth - 2 * kPad);
        auto right =
            text_.layout(value.empty() ? "—" : value, value_font, kContentWidth - kLabelWidth - 2 * kPad);
        const double height = std::max(layout_height(*left), layout_height(*right)) + 2 * kPad;
        room(height);
        const double y = y_;
        pages_.back().push_back([left, right, y, height](cairo_t* cr) {
            cairo_set_source_rgb(cr, kLabelGrey, kLabelGrey, kLabelGrey);
            cairo_rectangle(cr, kMargin, y, kLabelWidth, height);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_set_line_width(cr, kRule);
            cairo_rectangle(cr, kMargin, y, kLabelWidth, height);
            cairo_rectangle(cr, kMargin + kLabelWidth, y, kContentWidth - kLabelWidth, height);
            cairo_stroke(cr);
            draw_layout(cr, *left, kMargin + kPad, y + kPad);
            draw_layout(cr, *right, kMargin + kLabelWidth + kPad, y + kPad);
        });
        y_ += height;
    }

    // grid_row: one row of cells with the given widths (points); `header` rows are shaded. A row that does
    // not fit starts a new page, where `repeat` (the header) is drawn again first.
    void grid_row(const std::vector<std::string>& cells, const std::vector<double>& widths,
                  const PangoFontDescription& font, bool header, const std::vector<std::string>* repeat = nullptr,
                  const PangoFontDescription* header_font = nullptr) {
        std::vector<std::shared_ptr<PangoLayout>> layouts;
        double height = 0;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string_view text = i < cells.size() ? std::string_view(cells[i]) : std::string_view();
            layouts.push_back(text_.layout(text.empty() ? " " : text, font, widths[i] - 2 * kPad));
            height = std::max(height, layout_height(*layouts.back()));
        }
        height += 2 * kPad;
        if (repeat && header_font && y_ + height > kBodyBottom && y_ > kMargin) {
            pages_.emplace_back();
            y_ = kMargin;
            grid_row(*repeat, widths, *header_font, true);
        }
        room(height);
        const double y = y_;
        pages_.back().push_back([layouts, widths, y, height, header](cairo_t* cr) {
            double x = kMargin;
            for (std::size_t i = 0; i < layouts.size(); ++i) {
                if (header) {
                    cairo_set_source_rgb(cr, kLabelGrey, kLabelGrey, kLabelGrey);
                    cairo_rectangle(cr, x, y, widths[i], height);
                    cairo_fill(cr);
                }
                cairo_set_source_rgb(cr, 0, 0, 0);
                cairo_set_line_width(cr, kRule);
                cairo_rectangle(cr, x, y, widths[i], height);
                cairo_stroke(cr);
                draw_layout(cr, *layouts[i], x + kPad, y + kPad);
                x += widths[i];
            }
        });
        y_ += height;
    }

    void rule(double y_offset = 0) {
        const double y = y_ + y_offset;
        pages_.back().push_back([y](cairo_t* cr) {
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_set_line_width(cr, kRule);
            cairo_move_to(cr, kMargin, y);
            cairo_line_to(cr, kMargin + kContentWidth, y);
            cairo_stroke(cr);
        });
    }

    void space(double points) { y_ += points; }
    const std::vector<std::vector<Step>>& pages() const { return pages_; }
    const PdfText& pdf_text() const { return text_; }

  private:
    void room(double height) {
        if (y_ + height <= kBodyBottom || y_ <= kMargin) return;
        pages_.emplace_back();
        y_ = kMargin;
    }

    PdfText text_;
    std::vector<std::vector<Step>> pages_;
    double y_ = kMargin;
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void lay_out(Pages& pages, const Letter& letter) {
    const auto small = PdfText::font(9), body = PdfText::font(10), bold = PdfText::font(10, true),
               title = PdfText::font(15, true);
    if (!letter.reference.empty())
        pages.text(letter.reference, *small, kMargin, kContentWidth, PANGO_ALIGN_RIGHT, 1);
    if (!letter.date.empty()) pages.text(letter.date, *body, kMargin, kContentWidth, PANGO_ALIGN_RIGHT, 10);
    if (!letter.addressee.empty())
        pages.text(letter.addressee, *bold, kMargin, kContentWidth, PANGO_ALIGN_LEFT, 8);
    if (!letter.sender.empty())
        pages.text(letter.sender, *body, kMargin, kContentWidth, PANGO_ALIGN_RIGHT, 18);
    pages.text(letter.title, *title, kMargin, kContentWidth, PANGO_ALIGN_CENTER, 14);
    for (const auto& block : letter.blocks) {
        switch (block.kind) {
            case LetterBlock::Kind::heading: {
                const auto font = PdfText::font(block.size > 0 ? block.size : 11, true);
                pages.space(6);
                pages.text(block.text, *font, kMargin, kContentWidth, PANGO_ALIGN_LEFT, 2);
                pages.rule();
                pages.space(4);
                break;
            }
            case LetterBlock::Kind::paragraph: {
                const auto font = PdfText::font(block.size > 0 ? block.size : 10);
                pages.text(block.text, *font, kMargin, kContentWidth, PANGO_ALIGN_LEFT, 6);
                break;
            }
            case LetterBlock::Kind::table: {
                const auto label_font = PdfText::font(block.size > 0 ? block.size : 10, true),
                           value_font = PdfText::font(block.size > 0 ? block.size : 10);
                for (const auto& [label, value] : block.rows)
                    pages.table_row(label, value, *label_font, *value_font);
                pages.space(6);
                break;
            }
            case LetterBlock::Kind::grid: {
                double total = 0;
                for (const double w : block.widths) total += w;
                std::vector<double> widths;
                for (const double w : block.widths) widths.push_back(total > 0 ? kContentWidth * w / total : 0);
                const auto cell_font = PdfText::font(block.size > 0 ? block.size : 9),
                           head_font = PdfText::font(block.size > 0 ? block.size * 0.8 : 9, true);
                pages.grid_row(block.items, widths, *head_font, true);
                for (const auto& row : block.cells)
                    pages.grid_row(row, widths, *cell_font, false, &block.items, head_font.get());
                pages.space(6);
                break;
            }
            case LetterBlock::Kind::bullets:
                for (const auto& item : block.items)
                    pages.text("・" + item, *body, kMargin + 6, kContentWidth - 6, PANGO_ALIGN_LEFT, 3);
                pages.space(4);
                break;
        }
    }
}

void draw_footer(cairo_t* cr, const PdfText& text, const std::string& footer, std::size_t page,
                 std::size_t count) {
    const auto font = PdfText::font(7.5);
    const auto left = text.layout(footer, *font, kContentWidth * 0.7);
    const auto right =
        text.layout(fmt::format("{} / {}", page + 1, count), *font, kContentWidth * 0.3, PANGO_ALIGN_RIGHT);
    const double y = kPageHeight - kMargin - layout_height(*left);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, kRule);
    cairo_move_to(cr, kMargin, y - 3);
    cairo_line_to(cr, kMargin + kContentWidth, y - 3);
    cairo_stroke(cr);
    draw_layout(cr, *left, kMargin, y);
    draw_layout(cr, *right, kMargin + kContentWidth * 0.7, y);
}

}  // namespace

LetterBlock heading(std::string text) {
    return {LetterBlock::Kind::heading, std::move(text), {}, {}};
}
LetterBlock grid(std::vector<std::string> header, std::vector<double> widths,
                 std::vector<std::vector<std::string>> cells) {
    return {LetterBlock::Kind::grid, {}, {}, std::move(header), std::move(widths), std::move(cells)};
}
LetterBlock paragraph(std::string text) {
    return {LetterBlock::Kind::paragraph, std::move(text), {}, {}};
}
LetterBlock table(std::vector<std::pair<std::string, std::string>> rows) {
    return {LetterBlock::Kind::table, {}, std::move(rows), {}};
}
LetterBlock large(LetterBlock block, double points) {
    block.size = points;
    return block;
}
LetterBlock bullets(std::vector<std::string> items) {
    return {LetterBlock::Kind::bullets, {}, {}, std::move(items)};
}

std::string japanese_date(std::string_view iso) {
    // An instant is dated in Japan (a request made at 18:00 UTC is dated the next day there).
    std::optional<std::chrono::year_month_day> date;
    if (iso.size() > 10) {
        if (const auto instant = parse_iso_utc(iso)) date = japan_date(*instant);
    }
    if (!date) date = parse_iso_date(iso.substr(0, std::min<std::size_t>(iso.size(), 10)));
    if (!date) return std::string(iso);
    const int y = static_cast<int>(date->year());
    const unsigned m = static_cast<unsigned>(date->month()), d = static_cast<unsigned>(date->day());
    // 令和 began on 2019-05-01; earlier dates of this system's data do not occur, but print plainly.
    if (y < 2019 || (y == 2019 && m < 5)) return fmt::format("{}年{}月{}日", y, m, d);
    const int reiwa = y - 2018;
    return reiwa == 1 ? fmt::format("令和元年{}月{}日", m, d) : fmt::format("令和{}年{}月{}日", reiwa, m, d);
}

Result<std::string> render_letter_pdf(const Letter& letter) {
    std::string out;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &out, kPageWidth, kPageHeight));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return fail(ErrorCode::internal, "cairo could not create a PDF surface");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, letter.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "mamori");
    {
        CairoPtr cr(cairo_create(surface.get()));
        Pages pages(cr.get());
        lay_out(pages, letter);
        const auto& laid = pages.pages();
        for (std::size_t i = 0; i < laid.size(); ++i) {
            for (const Step& step : laid[i]) step(cr.get());
            draw_footer(cr.get(), pages.pdf_text(), letter.footer, i, laid.size());
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
