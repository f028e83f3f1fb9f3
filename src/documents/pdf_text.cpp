#include "documents/pdf_text.hpp"

#include <vector>

#include "mamori/core/utf8.hpp"

namespace mamori::documents {

namespace {

struct FontOptionsFree {
    void operator()(cairo_font_options_t* options) const { cairo_font_options_destroy(options); }
};
struct AttributesFree {
    void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
};

}  // namespace

PdfText::PdfText(cairo_t* cr) : context_(pango_cairo_create_context(cr)) {
    const std::unique_ptr<cairo_font_options_t, FontOptionsFree> options(cairo_font_options_create());
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_.get(), options.get());
    pango_context_set_language(context_.get(), pango_language_from_string("ja-jp"));
}

FontPtr PdfText::font(double points, bool bold) {
    FontPtr font(pango_font_description_new());
    pango_font_description_set_family(font.get(), kPdfFontFamily);
    pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    // Absolute: one cairo unit is one point on a PDF surface, whatever pango's assumed resolution.
    pango_font_description_set_absolute_size(font.get(), points * PANGO_SCALE);
    return font;
}

LayoutPtr PdfText::layout(std::string_view text, const PangoFontDescription& font, double width,
                          PangoAlignment alignment) const {
    LayoutPtr layout(pango_layout_new(context_.get()), GObjectFree{});
    pango_layout_set_font_description(layout.get(), &font);
    pango_layout_set_width(layout.get(), width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), alignment);
    // A word broken across lines keeps its characters: no hyphen is added (notes hold URLs and codes).
    const std::unique_ptr<PangoAttrList, AttributesFree> attributes(pango_attr_list_new());
    pango_attr_list_insert(attributes.get(), pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(layout.get(), attributes.get());
    const std::string valid = printable_text(text);
    pango_layout_set_text(layout.get(), valid.c_str(), static_cast<int>(valid.size()));
    return layout;
}

double layout_height(PangoLayout& layout) {
    int width = 0, height = 0;
    pango_layout_get_size(&layout, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
}

double layout_width(PangoLayout& layout) {
    int width = 0, height = 0;
    pango_layout_get_size(&layout, &width, &height);
    return static_cast<double>(width) / PANGO_SCALE;
}

bool cut_to_height(PangoLayout& layout, double max_height, std::string_view continuation) {
    if (layout_height(layout) <= max_height) return false;
    std::vector<int> line_starts;  // byte index of each line into pango's (valid UTF-8) copy of the text
    std::size_t fitting = 0;       // lines wholly above max_height
    {
        const LayoutIterPtr iter(pango_layout_get_iter(&layout));
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
            line_starts.push_back(pango_layout_iter_get_index(iter.get()));
            if (static_cast<double>(logical.y + logical.height) / PANGO_SCALE <= max_height)
                fitting = line_starts.size();
        } while (pango_layout_iter_next_line(iter.get()));
    }
    const std::string shown(pango_layout_get_text(&layout));
    // Keep as many whole lines as leave room for the continuation.
    for (std::size_t keep = fitting + 1; keep-- > 0;) {
        const std::size_t end =
            keep < line_starts.size() ? static_cast<std::size_t>(line_starts[keep]) : shown.size();
        std::string cut = shown.substr(0, end);
        while (!cut.empty() && (cut.back() == '\n' || cut.back() == ' ')) cut.pop_back();
        cut += continuation;
        pango_layout_set_text(&layout, cut.c_str(), -1);
        if (layout_height(layout) <= max_height) return true;
    }
    return true;
}

void draw_layout(cairo_t* cr, PangoLayout& layout, double x, double y, double grey) {
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, &layout);
}

}  // namespace mamori::documents
