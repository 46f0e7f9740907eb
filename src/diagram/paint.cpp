#include "diagram/paint.h"

#include <cairo-ft.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <variant>

namespace lerbrief::diagram {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// "LiberationSans" → "Liberation Sans": a space before each capital that
// follows a lower-case letter.
std::string spaced(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && std::isupper(static_cast<unsigned char>(s[i])) && std::islower(static_cast<unsigned char>(s[i - 1])))
            out += ' ';
        out += s[i];
    }
    return out;
}

void check(cairo_t* cr, const std::string& what) {
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        throw PaintError(fmt::format("{}: cairo: {}", what, cairo_status_to_string(cairo_status(cr))));
}

// The family fontconfig gives for a face, read from the FreeType face Cairo
// opened (struct fields only; no FreeType call).
std::string resolved_family(cairo_font_face_t* face) {
    cairo_matrix_t m, ctm;
    cairo_matrix_init_scale(&m, 10, 10);
    cairo_matrix_init_identity(&ctm);
    FontOptionsPtr opts(cairo_font_options_create());
    auto* scaled = cairo_scaled_font_create(face, &m, &ctm, opts.get());
    std::string family;
    if (cairo_scaled_font_get_type(scaled) == CAIRO_FONT_TYPE_FT) {
        FT_Face ft = cairo_ft_scaled_font_lock_face(scaled);
        if (ft && ft->family_name) family = ft->family_name;
        cairo_ft_scaled_font_unlock_face(scaled);
    }
    cairo_scaled_font_destroy(scaled);
    return family;
}

struct FaceDeleter {
    void operator()(cairo_font_face_t* f) const { cairo_font_face_destroy(f); }
};
using FacePtr = std::unique_ptr<cairo_font_face_t, FaceDeleter>;

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
    std::map<layout::FontId, FacePtr> faces_;
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
            cairo_fill_preserve(cr_);
        }
        if (s.stroke && s.stroke_width > 0) {
            colour(*s.stroke);
            cairo_set_line_width(cr_, s.stroke_width);
            cairo_stroke_preserve(cr_);
        }
        cairo_new_path(cr_);
    }

    cairo_font_face_t* face(layout::FontId id) {
        auto it = faces_.find(id);
        if (it != faces_.end()) return it->second.get();
        if (id < 0 || static_cast<std::size_t>(id) >= fonts_.faces.size())
            throw PaintError(fmt::format("painting the diagram: no font for font id {}", id));
        const auto& f = fonts_.faces[static_cast<std::size_t>(id)];
        FacePtr face(cairo_toy_font_face_create(f.family.c_str(),
                                                f.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                                                f.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL));
        std::string got = resolved_family(face.get());
        if (lower(got) != lower(f.family))
            throw PaintError(fmt::format("{}: font '{}' is not installed (fontconfig offers '{}')", f.path, f.family, got));
        return (faces_[id] = std::move(face)).get();
    }

    void draw(const layout::TextItem& t) {
        cairo_set_font_face(cr_, face(t.font));
        cairo_set_font_size(cr_, t.size);
        colour(t.color);
        cairo_move_to(cr_, t.pos.x, t.pos.y);
        cairo_show_text(cr_, t.text.c_str());
        cairo_new_path(cr_);
    }

    cairo_surface_t* image(const layout::Raster& r) {
        auto& s = images_[&r];
        if (s) return s.get();
        if (r.width <= 0 || r.height <= 0 || r.rgba.size() != static_cast<std::size_t>(r.width) * r.height * 4)
            throw PaintError(fmt::format("{}: image: {} × {} pixels with {} bytes", r.key, r.width, r.height, r.rgba.size()));
        s.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, r.width, r.height));
        if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) throw PaintError(r.key + ": image: out of memory");
        cairo_surface_flush(s.get());
        unsigned char* data = cairo_image_surface_get_data(s.get());
        int stride = cairo_image_surface_get_stride(s.get());
        for (int y = 0; y < r.height; ++y)
            for (int x = 0; x < r.width; ++x) {
                const auto* p = &r.rgba[(static_cast<std::size_t>(y) * r.width + x) * 4];
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
        frame(*g.frame);
        cairo_restore(cr_);
    }
};

}  // namespace

FontFiles FontFiles::from_paths(const std::vector<std::string>& paths) {
    FontFiles files;
    for (const auto& p : paths) {
        std::string stem = std::filesystem::path(p).stem().string();
        auto dash = stem.find('-');
        std::string style = dash == std::string::npos ? "" : lower(stem.substr(dash + 1));
        FontFace f;
        f.path = p;
        f.family = spaced(stem.substr(0, dash));
        f.bold = style.find("bold") != std::string::npos;
        f.italic = style.find("italic") != std::string::npos || style.find("oblique") != std::string::npos;
        files.faces.push_back(std::move(f));
    }
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
