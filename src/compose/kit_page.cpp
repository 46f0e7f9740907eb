#include "compose/kit_page.h"

#include "layout/paragraph.h"
#include "model/markup.h"
#include "model/utf8.h"

namespace lerbrief::compose::kit {

using namespace layout;

namespace {
constexpr double kFooterGap = 24;  // as page_setup.cpp's
}  // namespace

double text_left(const PageGeometry& g, int page) { return page % 2 == 1 ? g.outer : g.inner; }
double text_right(const PageGeometry& g, int page) { return g.width - (page % 2 == 1 ? g.inner : g.outer); }
double footer_baseline(const PageGeometry& g) { return g.height - g.bottom + kFooterGap; }

Shape line(double x0, double y0, double x1, double y1, Color color, double width) {
    Shape s;
    s.path = {{PathSeg::Op::move, {{x0, y0}}}, {PathSeg::Op::line, {{x1, y1}}}};
    s.stroke = color;
    s.stroke_width = width;
    return s;
}

Shape rect(double x, double y, double w, double h, std::optional<Color> stroke, double stroke_width,
           std::optional<Color> fill) {
    Shape s;
    s.path = {{PathSeg::Op::move, {{x, y}}},
              {PathSeg::Op::line, {{x + w, y}}},
              {PathSeg::Op::line, {{x + w, y + h}}},
              {PathSeg::Op::line, {{x, y + h}}},
              {PathSeg::Op::close, {}}};
    s.stroke = stroke;
    s.stroke_width = stroke ? stroke_width : 0;
    s.fill = fill;
    return s;
}

TextItem one_line(const Tools& t, StyleName style, const std::string& text, double x, double y, int align,
                  double max_width) {
    const TypeStyle& ts = t.spec->style(style);
    const FontId font = t.fonts->id(ts.font);
    std::string s = text;
    double w = text_width(*t.fonts, font, s, ts.size);
    while (w > max_width && s.size() > 4) {
        s.resize(utf8::floor_boundary(s, s.size() - 4));
        s += "\u2026";
        w = text_width(*t.fonts, font, s, ts.size);
    }
    const double px = align < 0 ? x : align > 0 ? x - w : x - w / 2;
    return TextItem{{px, y}, font, ts.size, to_color(ts.color), s, w};
}

void add_footer(Laid& laid, const PageGeometry& g, const Tools& t, const Footer& f) {
    const int n = static_cast<int>(laid.pages.size());
    const double y = footer_baseline(g);
    for (int i = 0; i < n; ++i) {
        const double left = text_left(g, i), right = text_right(g, i);
        std::string r = f.right;
        if (f.numbered && n > 1)
            r += (r.empty() ? "" : "  \u00B7  ") +
                 t.strings->fill(Str::kit_page_of, {{"page", std::to_string(i + 1)}, {"pages", std::to_string(n)}});
        double rw = 0;
        auto& items = laid.pages[i].frame.items;
        if (!r.empty()) {
            TextItem ti = one_line(t, "footer", r, right, y, 1, (right - left) / 2);
            rw = ti.width;
            items.push_back(std::move(ti));
        }
        if (!f.left.empty()) items.push_back(one_line(t, "footer", f.left, left, y, -1, right - left - rw - 18));
    }
}

Composed finish(Laid laid, const Input& in, const std::string& title, const std::string& subject) {
    Composed out;
    out.doc.pages = std::move(laid.pages);
    out.doc.outline = std::move(laid.outline);
    out.lines = std::move(laid.lines);
    out.page_kind = std::move(laid.page_kind);
    out.anchors = std::move(laid.anchors);
    set_document(out, in, title, subject);
    return out;
}

void set_document(Composed& out, const Input& in, const std::string& title, const std::string& subject) {
    const Content& c = *in.content;
    out.doc.meta.title = title;
    out.doc.meta.author = c.meta.author;
    out.doc.meta.subject = subject;
    out.doc.meta.keywords = (*in.tools.strings)(Str::kit_keywords);
    out.doc.meta.language = c.meta.language;
    out.doc.meta.creator = "lerbrief " + in.version;
    out.doc.fonts = in.tools.fonts->specs();
}

std::string event_or_content_title(const Input& in) {
    if (!in.event.title.empty()) return in.event.title;
    return plain_text(in.content->meta.title.value);
}

}  // namespace lerbrief::compose::kit
