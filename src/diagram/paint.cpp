#include "diagram/paint.h"

#include <cairo-ft.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <variant>
#include <vector>

#include "diagram/image_streams.h"
#include "layout/fontset.h"
#include "model/utf8.h"

namespace lerbrief::diagram {

namespace {

void check(cairo_t* cr, const std::string& what) {
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        throw PaintError(fmt::format("{}: cairo: {}", what, cairo_status_to_string(cairo_status(cr))));
}

// The Cairo face of a bundled TrueType file, opened with FreeType from the
// file itself (never through fontconfig, which may not have the family or
// may substitute another). One face per file for the life of the process,
// shared by every painter; the map is guarded because fact sheets and
// standalone diagrams may paint on several threads.
cairo_font_face_t* file_face(const FontFace& f) {
    static std::mutex mutex;
    static FT_Library library = nullptr;
    static std::map<std::string, cairo_font_face_t*> faces;  // never freed: they live as long as the process
    std::lock_guard lock(mutex);
    if (auto it = faces.find(f.path); it != faces.end()) return it->second;
    if (!library && FT_Init_FreeType(&library) != 0) {
        library = nullptr;
        throw PaintError(fmt::format("{}: font: FreeType could not start", f.path));
    }
    FT_Face ft = nullptr;
    if (FT_New_Face(library, f.path.c_str(), 0, &ft) != 0)
        throw PaintError(fmt::format("{}: font: cannot be read as a TrueType file", f.path));
    cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(ft, 0);
    if (cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(face);
        FT_Done_Face(ft);
        throw PaintError(fmt::format("{}: font: cairo: out of memory", f.path));
    }
    return faces[f.path] = face;
}

class Painter {
public:
    Painter(cairo_t* cr, const FontFiles& fonts) : cr_(cr), fonts_(fonts) {
        FontOptionsPtr opts(cairo_font_options_create());
        // Unhinted: glyphs go exactly where the layout's widths put them.
        cairo_font_options_set_hint_metrics(opts.get(), CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(opts.get(), CAIRO_HINT_STYLE_NONE);
        cairo_set_font_options(cr_, opts.get());
    }

    void frame(const layout::Frame& f) {
        for (const auto& item : f.items) std::visit([this](const auto& i) { draw(i); }, item);
        check(cr_, "painting the diagram");
    }

private:
    cairo_t* cr_;
    const FontFiles& fonts_;
    std::map<const layout::Raster*, SurfacePtr> images_;

    void colour(const layout::Color& c) { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }

    void draw(const layout::Shape& s) {
        for (const auto& seg : s.path) {
            switch (seg.op) {
            case layout::PathSeg::Op::move: cairo_move_to(cr_, seg.p[0].x, seg.p[0].y); break;
            case layout::PathSeg::Op::line: cairo_line_to(cr_, seg.p[0].x, seg.p[0].y); break;
            case layout::PathSeg::Op::curve:
                cairo_curve_to(cr_, seg.p[0].x, seg.p[0].y, seg.p[1].x, seg.p[1].y, seg.p[2].x, seg.p[2].y);
                break;
            case layout::PathSeg::Op::close: cairo_close_path(cr_); break;
            }
        }
        if (s.fill) {
            colour(*s.fill);
            cairo_set_fill_rule(cr_, s.even_odd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
            cairo_fill_preserve(cr_);
        }
        if (s.stroke && s.stroke_width > 0) {
            colour(*s.stroke);
            cairo_set_line_width(cr_, s.stroke_width);
            cairo_set_line_cap(cr_, s.cap == layout::LineCap::round    ? CAIRO_LINE_CAP_ROUND
                                    : s.cap == layout::LineCap::square ? CAIRO_LINE_CAP_SQUARE
                                                                       : CAIRO_LINE_CAP_BUTT);
            cairo_set_line_join(cr_, s.join == layout::LineJoin::round   ? CAIRO_LINE_JOIN_ROUND
                                     : s.join == layout::LineJoin::bevel ? CAIRO_LINE_JOIN_BEVEL
                                                                         : CAIRO_LINE_JOIN_MITER);
            cairo_set_miter_limit(cr_, s.miter_limit);
            cairo_stroke_preserve(cr_);
        }
        cairo_new_path(cr_);
    }

    void draw(const layout::QrItem& q) { draw(layout::qr_shape(q)); }

    cairo_font_face_t* face(layout::FontId id) {
        if (id < 0 || static_cast<std::size_t>(id) >= fonts_.faces.size())
            throw PaintError(fmt::format("painting the diagram: no font for font id {}", id));
        return file_face(fonts_.faces[static_cast<std::size_t>(id)]);
    }

    // Glyphs placed with the advances and kerning layout measured
    // (layout::FontMetrics), and the spaces of a set line at its word
    // space, as the PDF writer's glyph runs place them.
    void draw(const layout::TextItem& t) {
        cairo_set_font_face(cr_, face(t.font));  // checks the id
        const std::string& path = fonts_.faces[static_cast<std::size_t>(t.font)].path;
        cairo_set_font_size(cr_, t.size);
        colour(t.color);
        std::shared_ptr<const layout::FontMetrics> m;
        try {
            m = layout::cached_metrics(path);
        } catch (const layout::FontError& e) {
            throw PaintError(e.what());
        }
        std::vector<cairo_glyph_t> glyphs;
        double x = t.pos.x;
        char32_t prev = 0;
        for (std::size_t pos = 0; pos < t.text.size();) {
            const char32_t c = utf8::next(t.text, pos);
            if (c == utf8::kInvalid) continue;
            const bool word_space = t.word_space != 0 && (c == U' ' || prev == U' ');
            if (!glyphs.empty() && !word_space) x += m->kerning(prev, c) * t.size / 1000.0;
            glyphs.push_back({m->glyph(c), x, t.pos.y});
            x += c == U' ' && t.word_space != 0 ? t.word_space : m->advance(c) * t.size / 1000.0;
            prev = c;
        }
        cairo_show_glyphs(cr_, glyphs.data(), static_cast<int>(glyphs.size()));
        cairo_new_path(cr_);
    }

    cairo_surface_t* image(const layout::Raster& r) {
        auto& s = images_[&r];
        if (s) return s.get();
        std::vector<std::uint8_t> scratch;
        const std::vector<std::uint8_t>& px = pixels(r, scratch);
        if (r.width <= 0 || r.height <= 0 || px.size() != static_cast<std::size_t>(r.width) * r.height * 4)
            throw PaintError(fmt::format("{}: image: {} × {} pixels with {} bytes", r.key, r.width, r.height, px.size()));
        s.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, r.width, r.height));
        if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) throw PaintError(r.key + ": image: out of memory");
        cairo_surface_flush(s.get());
        unsigned char* data = cairo_image_surface_get_data(s.get());
        int stride = cairo_image_surface_get_stride(s.get());
        for (int y = 0; y < r.height; ++y)
            for (int x = 0; x < r.width; ++x) {
                const auto* p = &px[(static_cast<std::size_t>(y) * r.width + x) * 4];
                std::uint32_t a = p[3];
                auto pre = [a](std::uint32_t c) { return (c * a + 127) / 255; };
                std::uint32_t v = a << 24 | pre(p[0]) << 16 | pre(p[1]) << 8 | pre(p[2]);
                std::memcpy(data + static_cast<std::size_t>(y) * stride + 4u * x, &v, 4);
            }
        cairo_surface_mark_dirty(s.get());
        return s.get();
    }

    void draw(const layout::ImageItem& i) {
        if (!i.raster || i.width <= 0 || i.height <= 0) return;
        cairo_surface_t* s = image(*i.raster);
        cairo_save(cr_);
        cairo_translate(cr_, i.pos.x, i.pos.y);
        cairo_scale(cr_, i.width / i.raster->width, i.height / i.raster->height);
        cairo_set_source_surface(cr_, s, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
        cairo_paint(cr_);
        cairo_restore(cr_);
    }

    void draw(const layout::LinkItem&) {}  // not drawn

    void draw(const layout::GroupItem& g) {
        if (!g.frame) return;
        cairo_save(cr_);
        cairo_translate(cr_, g.offset.x, g.offset.y);
        cairo_scale(cr_, g.scale, g.scale);
        if (g.half_turn) {
            cairo_translate(cr_, g.frame->width, g.frame->height);
            cairo_scale(cr_, -1, -1);
        }
        frame(*g.frame);
        cairo_restore(cr_);
    }
};

}  // namespace

FontFiles FontFiles::from_paths(const std::vector<std::string>& paths) {
    FontFiles files;
    for (const auto& p : paths) files.faces.push_back({p});
    return files;
}

void paint(cairo_t* cr, const layout::Frame& frame, const FontFiles& fonts) {
    check(cr, "painting the diagram");
    Painter(cr, fonts).frame(frame);
}

SurfacePtr render_image(const layout::Frame& frame, const FontFiles& fonts, double dpi) {
    double k = dpi / 72.0;
    int w = std::max(1, static_cast<int>(std::ceil(frame.width * k - 1e-6)));
    int h = std::max(1, static_cast<int>(std::ceil(frame.height * k - 1e-6)));
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    ContextPtr cr(cairo_create(surface.get()));
    check(cr.get(), "rendering the diagram");
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), k, k);
    paint(cr.get(), frame, fonts);
    cairo_surface_flush(surface.get());
    return surface;
}

layout::Frame fit_frame(const layout::Frame& frame, double width, double height, double margin) {
    layout::Frame page;
    page.width = width;
    page.height = height;
    if (frame.width <= 0 || frame.height <= 0) return page;
    double scale = std::min((width - 2 * margin) / frame.width, (height - 2 * margin) / frame.height);
    scale = std::max(scale, 0.0);
    layout::Point offset{(width - frame.width * scale) / 2, (height - frame.height * scale) / 2};
    page.items.push_back(layout::GroupItem{offset, scale, std::make_shared<layout::Frame>(frame)});
    return page;
}

}  // namespace lerbrief::diagram
