#include "mamori/documents/pdf.hpp"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "documents/document_text.hpp"
#include "documents/pdf_text.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori::documents {

namespace {

constexpr double kMargin = 15 * kMm;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kFooterHeight = 16;
constexpr double kBodyBottom = kPageHeight - kMargin - kFooterHeight;
constexpr double kPad = 2.5;  // inside a table cell
constexpr double kMinRowHeight = 14;
constexpr double kStampWidth = 120;
constexpr double kRule = 0.5;          // table lines
constexpr double kHeaderGrey = 0.82;   // table header background
constexpr double kSectionGrey = 0.92;  // section header rows
constexpr double kMarkGrey = 0.84;     // background of a 要再確認 cell
constexpr double kDraftGrey = 0.45;    // 下書き stamp

using Step = std::function<void(cairo_t*)>;

struct Page {
    std::vector<Step> steps;
};

struct Fonts {
    FontPtr title = PdfText::font(13, true);
    FontPtr form = PdfText::font(10);
    FontPtr line = PdfText::font(9);
    FontPtr institution = PdfText::font(10, true);
    FontPtr stamp = PdfText::font(13, true);
    FontPtr stamp_small = PdfText::font(8.5);
    FontPtr header = PdfText::font(7.5, true);
    FontPtr section = PdfText::font(8, true);
    FontPtr body = PdfText::font(7.5);
    FontPtr body_bold = PdfText::font(7.5, true);
    FontPtr running = PdfText::font(7.5);
    FontPtr footer = PdfText::font(7);
    FontPtr appendix_heading = PdfText::font(9, true);
    FontPtr appendix = PdfText::font(8);
};

// Column: one table column, placed.
struct Column {
    ColumnId id;
    std::string_view header;
    std::string printed_header;  // with line breaks for the narrow columns
    double x = 0;
    double width = 0;
};

// pdf_header: a column header broken where a narrow column should break it.
std::string pdf_header(std::string_view header) {
    constexpr std::string_view kAnswers = "はい・いいえ";
    std::string out(header);
    if (const auto at = out.find(kAnswers); at != std::string::npos)
        out.replace(at, kAnswers.size(), "はい・\nいいえ");
    std::replace(out.begin(), out.end(), ' ', '\n');
    return out;
}

// place_columns: the narrow columns as wide as their longest value, the rest shared by the text columns.
std::vector<Column> place_columns(const AssessmentDocument& doc, const PdfText& text, const Fonts& fonts) {
    auto fit = [&text](std::string_view sample, const PangoFontDescription& font) {
        return std::ceil(layout_width(*text.layout(sample, font, 0))) + 2 * kPad + 1;
    };
    std::vector<Column> columns;
    double fixed = 0;
    for (const auto& c : table_columns(doc)) {
        double width = 0;
        switch (c.id) {
            case ColumnId::number: width = fit("00-⑬", *fonts.body); break;
            case ColumnId::answer:
                width = std::max(fit(kNoVendorContractLabel, *fonts.body), fit("はい・", *fonts.header));
                break;
            case ColumnId::confirmed_on:
            case ColumnId::target_date:
            case ColumnId::second_confirmed_on: width = fit("0000/00/00", *fonts.body); break;
            case ColumnId::second_answer:
                width = std::max(fit(kNoLabel, *fonts.body), fit("2回目", *fonts.header));
                break;
            case ColumnId::state:
                width = std::max(fit(kReconfirmMark, *fonts.body_bold), fit("状態", *fonts.header));
                break;
            default: break;
        }
        columns.push_back({c.id, c.header, pdf_header(c.header), 0, width});
        fixed += width;
    }
    const double shared = kContentWidth - fixed;
    double x = kMargin;
    for (auto& c : columns) {
        if (c.id == ColumnId::text) c.width = std::floor(shared * 0.46);
        if (c.id == ColumnId::row_label) c.width = std::floor(shared * 0.20);
        if (c.id == ColumnId::note) c.width = shared - std::floor(shared * 0.46) - std::floor(shared * 0.20);
        c.x = x;
        x += c.width;
    }
    return columns;
}

PangoAlignment alignment(ColumnId id) {
    switch (id) {
        case ColumnId::text:
        case ColumnId::row_label:
        case ColumnId::note: return PANGO_ALIGN_LEFT;
        default: return PANGO_ALIGN_CENTER;
    }
}

void fill_rect(cairo_t* cr, double x, double y, double w, double h, double grey) {
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
}

void stroke_rect(cairo_t* cr, double x, double y, double w, double h, double width = kRule, double grey = 0) {
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_set_line_width(cr, width);
    cairo_rectangle(cr, x, y, w, h);
    cairo_stroke(cr);
}

// Cell: a measured table cell.
struct Cell {
    const Column* column;
    LayoutPtr layout;
    bool marked = false;  // 要再確認: grey background
};

// Overflow: a cell's text that did not fit on a page, printed in full at the end.
struct Overflow {
    std::string label;
    std::string text;
};

// Layout: lays the document out into pages of drawing steps, then draws them.
class Layout {
  public:
    Layout(cairo_t* cr, const AssessmentDocument& doc)
        : doc_(doc), text_(cr), columns_(place_columns(doc, text_, fonts_)) {}

    std::vector<Page> pages() {
        measure_table_header();
        const double first_top = first_page_header();
        const double later_top = kMargin + running_head_height() + 6;
        // A taller cell is cut and printed in full at the end, so that one long note does not leave most
        // of a page empty.
        max_row_height_ = (kBodyBottom - later_top - table_header_height_) / 3;
        table_top_ = first_top;
        start_table_page(false);
        table_top_ = later_top;
        lay_out_rows();
        lay_out_overflows();
        lay_out_evidence();
        lay_out_ledger();
        return std::move(pages_);
    }

    void draw_footer(cairo_t* cr, std::size_t page, std::size_t count) const {
        const auto left = text_.layout(generated_line(doc_), *fonts_.footer, kContentWidth * 0.7);
        const auto right = text_.layout(fmt::format("{} / {}", page + 1, count), *fonts_.footer,
                                        kContentWidth * 0.3, PANGO_ALIGN_RIGHT);
        const double y = kPageHeight - kMargin - layout_height(*left);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_set_line_width(cr, kRule);
        cairo_move_to(cr, kMargin, y - 3);
        cairo_line_to(cr, kMargin + kContentWidth, y - 3);
        cairo_stroke(cr);
        draw_layout(cr, *left, kMargin, y);
        draw_layout(cr, *right, kMargin + kContentWidth * 0.7, y);
    }

  private:
    void add(Step step) { pages_.back().steps.push_back(std::move(step)); }

    void add_text(const LayoutPtr& layout, double x, double y, double grey = 0) {
        add([layout, x, y, grey](cairo_t* cr) { draw_layout(cr, *layout, x, y, grey); });
    }

    // first_page_header: title lines on the left, the submission stamp on the right; returns the table's top.
    double first_page_header() {
        pages_.emplace_back();
        const double left_width = kContentWidth - kStampWidth - 12;
        double y = kMargin;
        const std::pair<std::string, const PangoFontDescription*> lines[] = {
            {doc_.document_title_ja, fonts_.title.get()},
            {doc_.form_title_ja, fonts_.form.get()},
            {unbroken_edition_line(left_width), fonts_.line.get()},
            {edition_notice(doc_), fonts_.institution.get()},
            {organisation_line(doc_), fonts_.institution.get()},
            {doc_.submitted_to.empty() ? "" : "提出先：" + doc_.submitted_to, fonts_.institution.get()},
            {doc_.institution_code.empty() ? "" : "医療機関コード：" + doc_.institution_code,
             fonts_.line.get()},
        };
        for (const auto& [text, font] : lines) {
            if (text.empty()) continue;
            auto layout = text_.layout(text, *font, left_width);
            add_text(layout, kMargin, y);
            y += layout_height(*layout) + 2;
        }
        const double stamp_height = stamp(kMargin + kContentWidth - kStampWidth, kMargin);
        return std::max(y, kMargin + stamp_height) + 8;
    }

    // unbroken_edition_line: edition_line, with a line break before 「（第n版）」 when wrapping would cut it.
    std::string unbroken_edition_line(double width) const {
        const std::string line = edition_line(doc_);
        const std::string mark = edition_revision_mark(doc_);
        const std::size_t at = line.size() - mark.size();
        auto layout = text_.layout(line, *fonts_.line, width);
        int first_line = 0, last_line = 0, x = 0;
        pango_layout_index_to_line_x(layout.get(), static_cast<int>(at), 0, &first_line, &x);
        pango_layout_index_to_line_x(layout.get(), static_cast<int>(line.size()) - 1, 0, &last_line, &x);
        if (first_line == last_line) return line;
        return fmt::format("{}\n{}", std::string_view(line).substr(0, at), mark);
    }

    // stamp: the 提出済 / 下書き box at (x, y); returns its height.
    double stamp(double x, double y) {
        const double inner = kStampWidth - 10;
        const bool submitted = is_submitted(doc_);
        std::vector<std::pair<LayoutPtr, double>> parts;  // layout, grey
        if (submitted) {
            parts.emplace_back(text_.layout("提出済", *fonts_.stamp, inner, PANGO_ALIGN_CENTER), 0);
            if (!doc_.submitted_at.empty())
                parts.emplace_back(text_.layout(japan_date_ja(doc_.submitted_at), *fonts_.stamp_small, inner,
                                                PANGO_ALIGN_CENTER),
                                   0);
            if (!doc_.submitted_by.empty())
                parts.emplace_back(
                    text_.layout(doc_.submitted_by, *fonts_.stamp_small, inner, PANGO_ALIGN_CENTER), 0);
        } else {
            parts.emplace_back(text_.layout("下書き", *fonts_.stamp, inner, PANGO_ALIGN_CENTER), kDraftGrey);
            parts.emplace_back(text_.layout("未提出", *fonts_.stamp_small, inner, PANGO_ALIGN_CENTER),
                               kDraftGrey);
        }
        double height = 5;
        for (const auto& [layout, grey] : parts) {
            add_text(layout, x + 5, y + height, grey);
            height += layout_height(*layout) + 1;
        }
        height += 4;
        if (submitted) {
            add([x, y, height](cairo_t* cr) { stroke_rect(cr, x, y, kStampWidth, height, 1.5); });
        } else {
            add([x, y, height](cairo_t* cr) {
                const double dash[] = {3, 2};
                cairo_set_dash(cr, dash, 2, 0);
                stroke_rect(cr, x, y, kStampWidth, height, 1, kDraftGrey);
                cairo_set_dash(cr, nullptr, 0, 0);
            });
        }
        return height;
    }

    std::string running_head() const {
        return fmt::format("{}　{}　{}", doc_.document_title_ja, doc_.form_title_ja, doc_.institution_name);
    }

    double running_head_height() const {
        return layout_height(*text_.layout(running_head(), *fonts_.running, kContentWidth));
    }

    void measure_table_header() {
        double tallest = 0;
        for (const auto& c : columns_) {
            header_cells_.push_back(
                text_.layout(c.printed_header, *fonts_.header, c.width - 2 * kPad, PANGO_ALIGN_CENTER));
            tallest = std::max(tallest, layout_height(*header_cells_.back()));
        }
        table_header_height_ = std::max(kMinRowHeight, tallest + 2 * kPad);
    }

    // start_table_page: a new page (unless `first`, whose header is drawn already) with the table header.
    void start_table_page(bool new_page) {
        if (new_page) {
            pages_.emplace_back();
            add_text(text_.layout(running_head(), *fonts_.running, kContentWidth), kMargin, kMargin);
        }
        const double top = table_top_, height = table_header_height_;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const Column& c = columns_[i];
            const LayoutPtr layout = header_cells_[i];
            const double text_top = top + (height - layout_height(*layout)) / 2;
            add([c, layout, top, height, text_top](cairo_t* cr) {
                fill_rect(cr, c.x, top, c.width, height, kHeaderGrey);
                stroke_rect(cr, c.x, top, c.width, height);
                draw_layout(cr, *layout, c.x + kPad, text_top);
            });
        }
        y_ = top + height;
    }

    std::vector<Cell> measure_row(const DocumentRow& row) {
        std::vector<Cell> cells;
        for (const Column& c : columns_) {
            const std::string text = cell_text(row, c.id);
            const bool state = c.id == ColumnId::state;
            auto layout = text_.layout(text, state ? *fonts_.body_bold : *fonts_.body, c.width - 2 * kPad,
                                       alignment(c.id));
            const std::string mark = fmt::format("※{}", overflows_.size() + 1);
            if (cut_to_height(*layout, max_row_height_ - 2 * kPad,
                              fmt::format("…（全文は末尾の{}）", mark))) {
                std::string label = mark;
                for (std::string_view part :
                     {std::string_view(row.number), std::string_view(row.row_label_ja), c.header})
                    if (!part.empty()) label += fmt::format("　{}", part);
                overflows_.push_back({std::move(label), text});
            }
            cells.push_back({&c, std::move(layout), state && row.answer && row.answer->needs_reconfirmation});
        }
        return cells;
    }

    static double row_height(const std::vector<Cell>& cells) {
        double tallest = 0;
        for (const auto& cell : cells) tallest = std::max(tallest, layout_height(*cell.layout));
        return std::max(kMinRowHeight, tallest + 2 * kPad);
    }

    void lay_out_rows() {
        const std::string* section = nullptr;
        for (const DocumentRow& row : doc_.rows) {
            const std::vector<Cell> cells = measure_row(row);
            const double height = row_height(cells);
            LayoutPtr section_layout;
            double section_height = 0;
            if (!section || *section != row.section_ja) {
                section = &row.section_ja;
                section_layout = text_.layout(row.section_ja, *fonts_.section, kContentWidth - 2 * kPad);
                cut_to_height(*section_layout, max_row_height_ / 4, "…");
                section_height = std::max(kMinRowHeight, layout_height(*section_layout) + 2 * kPad);
            }
            // A section header stays with its first row; a row is never split.
            if (y_ + section_height + height > kBodyBottom && y_ > table_top_ + table_header_height_ + 0.5)
                start_table_page(true);
            if (section_layout) {
                const double top = y_;
                add([section_layout, top, section_height](cairo_t* cr) {
                    fill_rect(cr, kMargin, top, kContentWidth, section_height, kSectionGrey);
                    stroke_rect(cr, kMargin, top, kContentWidth, section_height);
                    draw_layout(cr, *section_layout, kMargin + kPad, top + kPad);
                });
                y_ += section_height;
            }
            const double top = y_;
            add([cells, top, height](cairo_t* cr) {
                for (const Cell& cell : cells) {
                    const Column& c = *cell.column;
                    if (cell.marked) fill_rect(cr, c.x, top, c.width, height, kMarkGrey);
                    stroke_rect(cr, c.x, top, c.width, height);
                    draw_layout(cr, *cell.layout, c.x + kPad, top + kPad);
                }
            });
            y_ += height;
        }
    }

    // flow: a paragraph laid out line by line, continuing on new pages (without the table header).
    void flow(const LayoutPtr& layout) {
        const LayoutIterPtr lines(pango_layout_get_iter(layout.get()));
        PangoLayoutIter* iter = lines.get();
        double offset = 0, base = y_;  // layout y 0 is at page y `base`
        int index = 0;
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            const double line_top = static_cast<double>(logical.y) / PANGO_SCALE;
            const double line_height = static_cast<double>(logical.height) / PANGO_SCALE;
            const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
            if (base + line_top + line_height > kBodyBottom) {
                new_plain_page();
                offset = line_top;
                base = y_ - offset;
            }
            const double x = kMargin, y = base + baseline;
            add([layout, index, x, y](cairo_t* cr) {
                cairo_set_source_rgb(cr, 0, 0, 0);
                cairo_move_to(cr, x, y);
                pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(layout.get(), index));
            });
            y_ = base + line_top + line_height;
            ++index;
        } while (pango_layout_iter_next_line(iter));
    }

    void new_plain_page() {
        pages_.emplace_back();
        add_text(text_.layout(running_head(), *fonts_.running, kContentWidth), kMargin, kMargin);
        y_ = table_top_;
    }

    void lay_out_overflows() {
        if (overflows_.empty()) return;
        y_ += 12;
        auto heading = text_.layout("表に収まらなかった記入の全文", *fonts_.appendix_heading, kContentWidth);
        if (y_ + layout_height(*heading) + 30 > kBodyBottom) new_plain_page();
        add_text(heading, kMargin, y_);
        y_ += layout_height(*heading) + 4;
        for (const auto& overflow : overflows_) {
            auto label = text_.layout(overflow.label, *fonts_.body_bold, kContentWidth);
            if (y_ + layout_height(*label) + 24 > kBodyBottom) new_plain_page();
            add_text(label, kMargin, y_);
            y_ += layout_height(*label) + 1;
            flow(text_.layout(overflow.text, *fonts_.appendix, kContentWidth));
            y_ += 6;
        }
    }

    // lay_out_evidence: the annex 「別紙　証拠資料一覧」: each line's files and links, so the inspector sees what
    // the institution can show, then the lines without any. Left out when no line has evidence.
    void lay_out_evidence() {
        const bool any_evidence =
            std::any_of(doc_.rows.begin(), doc_.rows.end(), [](const DocumentRow& r) { return !r.evidence.empty(); });
        if (!any_evidence) return;
        y_ += 12;
        auto heading = text_.layout("別紙　証拠資料一覧", *fonts_.appendix_heading, kContentWidth);
        if (y_ + layout_height(*heading) + 30 > kBodyBottom) new_plain_page();
        add_text(heading, kMargin, y_);
        y_ += layout_height(*heading) + 4;
        std::vector<std::string> without;
        for (const DocumentRow& row : doc_.rows) {
            if (row.number.empty()) continue;  // the gate question needs no evidence
            std::string label = row.number;
            if (!row.row_label_ja.empty()) label += "　" + row.row_label_ja;
            if (row.evidence.empty()) {
                without.push_back(label);
                continue;
            }
            auto title = text_.layout(label + "　" + row.text_ja, *fonts_.body_bold, kContentWidth);
            if (y_ + layout_height(*title) + 20 > kBodyBottom) new_plain_page();
            add_text(title, kMargin, y_);
            y_ += layout_height(*title) + 1;
            for (const auto& evidence : row.evidence) {
                auto entry = text_.layout("・" + evidence_text(evidence), *fonts_.appendix, kContentWidth - 8);
                if (y_ + layout_height(*entry) > kBodyBottom) new_plain_page();
                add_text(entry, kMargin + 8, y_);
                y_ += layout_height(*entry) + 1;
            }
            y_ += 4;
        }
        if (!without.empty()) {
            std::string list = "証拠資料のない行：";
            for (std::size_t i = 0; i < without.size(); ++i) {
                if (i > 0) list += "、";
                list += without[i];
            }
            y_ += 2;
            flow(text_.layout(list, *fonts_.appendix, kContentWidth));
        }
    }

    // lay_out_ledger: the annex 「別紙　機器台帳と脆弱性の状況」 (2-①, 2-⑥): the ledger's devices by class and
    // the known-exploited vulnerabilities not yet dealt with. Left out when the ledger is empty.
    void lay_out_ledger() {
        if (!doc_.ledger) return;
        const DocumentLedgerSummary& l = *doc_.ledger;
        y_ += 12;
        auto heading = text_.layout("別紙　機器台帳と脆弱性の状況", *fonts_.appendix_heading, kContentWidth);
        if (y_ + layout_height(*heading) + 30 > kBodyBottom) new_plain_page();
        add_text(heading, kMargin, y_);
        y_ += layout_height(*heading) + 4;
        std::string classes;
        for (const auto& [label, count] : l.classes_in_use)
            classes += fmt::format("{}{} {}台", classes.empty() ? "" : "、", label, count);
        std::vector<std::string> lines = {fmt::format("使用中の機器：{}台（{}）", l.in_use, classes)};
        if (l.without_cpe > 0) lines.push_back(fmt::format("製品名（CPE）が未登録の機器：{}台", l.without_cpe));
        if (!l.last_change.empty()) lines.push_back("台帳の最終更新：" + l.last_change);
        lines.push_back(fmt::format("対応が済んでいない脆弱性：{}件（うち悪用が確認されたもの（KEV）{}件、"
                                    "ランサムウェアでの悪用が知られているもの{}件）",
                                    l.open_findings, l.open_kev, l.open_ransomware));
        for (const auto& line : lines) flow(text_.layout(line, *fonts_.appendix, kContentWidth));
        if (l.kev_findings.empty()) return;
        y_ += 4;
        flow(text_.layout("悪用が確認された脆弱性（KEV）への対応が済んでいない機器", *fonts_.body_bold, kContentWidth));
        for (const auto& f : l.kev_findings) {
            std::string entry = fmt::format("・{}　{}　{}", f.asset_name, f.cve_id, f.state_ja);
            if (!f.due_date.empty()) entry += "　CISA対応期限 " + f.due_date;
            if (f.ransomware) entry += "　ランサムウェアでの悪用あり";
            flow(text_.layout(entry, *fonts_.appendix, kContentWidth - 8));
        }
        if (l.open_kev > static_cast<int>(l.kev_findings.size()))
            flow(text_.layout(fmt::format("ほか{}件（一覧は守りの脆弱性対応の画面で確認できます）",
                                          l.open_kev - static_cast<int>(l.kev_findings.size())),
                              *fonts_.appendix, kContentWidth));
    }

    const AssessmentDocument& doc_;
    PdfText text_;
    Fonts fonts_;
    std::vector<Column> columns_;  // after text_ and fonts_, which measure them
    std::vector<LayoutPtr> header_cells_;
    std::vector<Page> pages_;
    std::vector<Overflow> overflows_;
    double table_header_height_ = 0;
    double table_top_ = 0;
    double max_row_height_ = 0;
    double y_ = 0;
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// pdf_date: an ISO-8601 UTC instant as cairo's metadata date ("YYYY-MM-DDThh:mm:ssZ"), or empty.
std::string pdf_date(std::string_view iso) {
    if (!parse_iso_instant(iso)) return {};
    return fmt::format("{}Z", iso.substr(0, 19));
}

}  // namespace

Result<std::string> render_pdf(const AssessmentDocument& doc) {
    std::string out;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &out, kPageWidth, kPageHeight));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return fail(ErrorCode::internal,
                    fmt::format("cairo could not create a PDF surface: {}",
                                cairo_status_to_string(cairo_surface_status(surface.get()))));
    const std::string title =
        printable_text(fmt::format("{}　{}", doc.document_title_ja, doc.institution_name));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "mamori");
    if (const std::string created = pdf_date(doc.generated_at); !created.empty())
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    {
        CairoPtr cr(cairo_create(surface.get()));
        Layout layout(cr.get(), doc);
        const std::vector<Page> pages = layout.pages();
        for (std::size_t i = 0; i < pages.size(); ++i) {
            for (const Step& step : pages[i].steps) step(cr.get());
            layout.draw_footer(cr.get(), i, pages.size());
            cairo_show_page(cr.get());
        }
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            return fail(ErrorCode::internal, fmt::format("cairo failed drawing the PDF: {}",
                                                         cairo_status_to_string(cairo_status(cr.get()))));
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return fail(ErrorCode::internal,
                    fmt::format("cairo could not finish the PDF: {}",
                                cairo_status_to_string(cairo_surface_status(surface.get()))));
    surface.reset();
    return out;
}

}  // namespace mamori::documents

// LeakSanitizer (the debug build) reads this at start. cairo 1.16 loses about 1.5 KB inside
// cairo_surface_finish for every PDF with CFF fonts (reproduced with a 20-line C program, no mamori), and
// fontconfig keeps its match caches until the process ends. Neither is ours to free. The libraries have no
// frame pointers, so the sanitizer's fast unwinder stops inside them and only the library's name can be
// matched; every cairo and pango handle here is owned by a unique_ptr (pdf_text.hpp).
// NOLINTNEXTLINE(bugprone-reserved-identifier,readability-identifier-naming): the sanitizer's name
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libcairo.so\nleak:libfontconfig.so\n";
}
