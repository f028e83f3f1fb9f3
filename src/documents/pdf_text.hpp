/// @file
/// @brief Text on a cairo PDF page through pango: owned handles for every C object involved, fonts by
/// absolute point size, wrapped layouts measured in points, and cutting a layout to a height. The PDF
/// renderer (pdf.cpp) lays out and draws with these.
///
///     PdfText text(cr);
///     auto cell = text.layout("確認事項…", *PdfText::font(7.5), 120.0);
///     double h = layout_height(*cell);
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>

namespace mamori::documents {

struct CairoSurfaceFree {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct GObjectFree {
    void operator()(void* object) const { g_object_unref(object); }
};
struct LayoutIterFree {
    void operator()(PangoLayoutIter* iter) const { pango_layout_iter_free(iter); }
};
struct FontFree {
    void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceFree>;
using CairoPtr = std::unique_ptr<cairo_t, CairoFree>;
using PangoContextPtr = std::unique_ptr<PangoContext, GObjectFree>;
using FontPtr = std::unique_ptr<PangoFontDescription, FontFree>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, LayoutIterFree>;
// LayoutPtr: shared, because the drawing steps of a page keep the layouts they were measured with.
using LayoutPtr = std::shared_ptr<PangoLayout>;

inline constexpr const char* kPdfFontFamily = "Noto Sans CJK JP";

// The A4 page in points, for every document mamori prints.
inline constexpr double kMm = 72.0 / 25.4;
inline constexpr double kPageWidth = 210 * kMm;
inline constexpr double kPageHeight = 297 * kMm;

// PdfText: makes layouts for one cairo context, with metric hinting off so sizes do not depend on a
// device resolution.
class PdfText {
  public:
    explicit PdfText(cairo_t* cr);

    // font: the document's family at `points`, regular or bold.
    static FontPtr font(double points, bool bold = false);

    // layout: `text` (made valid UTF-8) wrapped at `width` points (at characters where words are too long);
    // a width of 0 does not wrap.
    LayoutPtr layout(std::string_view text, const PangoFontDescription& font, double width,
                     PangoAlignment alignment = PANGO_ALIGN_LEFT) const;

  private:
    PangoContextPtr context_;
};

// layout_height / layout_width: the layout's logical size in points.
double layout_height(PangoLayout& layout);
double layout_width(PangoLayout& layout);

// cut_to_height: when `layout` is taller than `max_height`, its text is cut at a line so that, with
// `continuation` appended, it fits; returns whether it was cut.
bool cut_to_height(PangoLayout& layout, double max_height, std::string_view continuation);

// draw_layout: the layout with its top-left corner at (x, y) in grey level `grey` (0 black, 1 white).
void draw_layout(cairo_t* cr, PangoLayout& layout, double x, double y, double grey = 0);

}  // namespace mamori::documents
