#include "render/pdf_forms.h"

#include <fmt/format.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>

#include "model/cache_epoch.h"
#include "render/flate.h"
#include "render/kept_deflate.h"

namespace lerbrief::render {

namespace {

// A number as the content stream writes it, appended to `out`: at most
// three decimals (colours, widths), two for coordinates (pt()): an icon's
// art is 100 units wide, so 0.01 is a ten-thousandth of it. std::to_chars
// rounds as printf does (so as fmt's "{:.2f}" did: the same bytes), without
// a string made for each number; an icon's form is thousands of them.
void num(std::string& out, double v, int decimals = 3) {
    char buf[400];  // the longest double in fixed notation, with its decimals
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (ec != std::errc()) {
        out += fmt::format("{:.{}f}", v, decimals);  // not reached: the buffer holds any double
        return;
    }
    std::string_view s(buf, static_cast<std::size_t>(end - buf));
    if (s.find('.') != std::string_view::npos) {
        while (s.back() == '0') s.remove_suffix(1);
        if (s.back() == '.') s.remove_suffix(1);
    }
    out += s == "-0" ? "0" : s;
}

void pt(std::string& out, double v) { num(out, v, 2); }

double unit(double v) { return std::clamp(v, 0.0, 1.0); }

void colour(std::string& out, const layout::Color& c, bool stroke) {
    num(out, unit(c.r));
    if (c.is_gray()) {
        out += stroke ? " G\n" : " g\n";
        return;
    }
    out += ' ', num(out, unit(c.g)), out += ' ', num(out, unit(c.b));
    out += stroke ? " RG\n" : " rg\n";
}

// "x y op\n", y counted down from the top of a frame `h` high
void point(std::string& out, const layout::Point& p, double h, std::string_view op) {
    pt(out, p.x), out += ' ', pt(out, h - p.y), out += op;
}

int cap_code(layout::LineCap c) { return c == layout::LineCap::round ? 1 : c == layout::LineCap::square ? 2 : 0; }
int join_code(layout::LineJoin j) { return j == layout::LineJoin::round ? 1 : j == layout::LineJoin::bevel ? 2 : 0; }

}  // namespace

bool PdfForms::drawable(const layout::Frame& frame) {
    if (!(frame.width > 0 && frame.height > 0)) return false;
    return std::all_of(frame.items.begin(), frame.items.end(), [](const layout::Item& item) {
        const auto* s = std::get_if<layout::Shape>(&item);
        return s && (s->path.empty() || s->path.front().op == layout::PathSeg::Op::move);
    });
}

std::string form_content(const layout::Frame& frame) {
    const double h = frame.height;
    std::string out;
    // A form inherits the graphics state in force where it is placed: each
    // setting is written before its first use, then only when it changes.
    std::optional<layout::Color> fill, stroke;
    std::optional<double> width, miter;
    std::optional<int> cap, join;
    for (const layout::Item& item : frame.items) {
        const auto& s = std::get<layout::Shape>(item);
        if (s.path.empty() || (!s.fill && !s.stroke)) continue;
        if (s.fill && fill != s.fill) colour(out, *s.fill, false), fill = s.fill;
        if (s.stroke) {
            if (stroke != s.stroke) colour(out, *s.stroke, true), stroke = s.stroke;
            if (width != s.stroke_width) num(out, s.stroke_width), out += " w\n", width = s.stroke_width;
            if (cap != cap_code(s.cap)) cap = cap_code(s.cap), out += fmt::format("{} J\n", *cap);
            if (join != join_code(s.join)) join = join_code(s.join), out += fmt::format("{} j\n", *join);
            if (miter != s.miter_limit) miter = s.miter_limit, num(out, std::max(1.0, *miter)), out += " M\n";
        }
        for (const layout::PathSeg& seg : s.path) {
            const layout::Point* p = seg.p;
            switch (seg.op) {
                case layout::PathSeg::Op::move: point(out, p[0], h, " m\n"); break;
                case layout::PathSeg::Op::line: point(out, p[0], h, " l\n"); break;
                case layout::PathSeg::Op::curve:
                    point(out, p[0], h, " "), point(out, p[1], h, " "), point(out, p[2], h, " c\n");
                    break;
                case layout::PathSeg::Op::close: out += "h\n"; break;
            }
        }
        out += s.fill && s.stroke ? (s.even_odd ? "B*\n" : "B\n") : s.fill ? (s.even_odd ? "f*\n" : "f\n") : "S\n";
    }
    return out;
}

namespace {

// A form's content stream, written and compressed once per process: the
// frames drawn as forms are the icons' art (GroupItem::reuse), the same in
// every document of a run, and each fact sheet's diagram holds every
// group's. Kept with the frame, so that its address stays its own.
std::shared_ptr<const std::string> compressed_content(const std::shared_ptr<const layout::Frame>& frame) {
    static MadeFrom<layout::Frame, std::string> done;
    return done.get(frame, [](const layout::Frame& f) {
        return std::make_shared<const std::string>(kept_deflate(form_content(f)));
    });
}

}  // namespace

void PdfForms::prepare(const std::shared_ptr<const layout::Frame>& frame) {
    if (frame && drawable(*frame)) compressed_content(frame);
}

HPDF_XObject PdfForms::get(const std::shared_ptr<const layout::Frame>& frame, std::string_view where) {
    if (auto it = forms_.find(frame.get()); it != forms_.end()) return it->second.second;
    if (!frame || !drawable(*frame)) {
        forms_.emplace(frame.get(), std::make_pair(frame, nullptr));
        return nullptr;
    }
    HPDF_Doc pdf = doc_.get();
    const std::string what = fmt::format("{}: a form XObject", where);
    HPDF_Dict form = doc_.need(HPDF_DictStream_New(pdf->mmgr, pdf->xref), what);
    form->header.obj_class = HPDF_OSUBCLASS_XOBJECT | HPDF_OCLASS_DICT;  // what HPDF_Page_ExecuteXObject takes
    doc_.check(what, HPDF_Dict_AddName(form, "Type", "XObject"));
    doc_.check(what, HPDF_Dict_AddName(form, "Subtype", "Form"));
    HPDF_Box box{0, 0, static_cast<HPDF_REAL>(frame->width), static_cast<HPDF_REAL>(frame->height)};
    doc_.check(what, HPDF_Dict_Add(form, "BBox", doc_.need(HPDF_Box_Array_New(pdf->mmgr, box), what)));
    doc_.check(what, HPDF_Dict_Add(form, "Resources", doc_.need(HPDF_Dict_New(pdf->mmgr), what)));
    // compressed already (compressed_content, kept for the process): written
    // as it is, with the /Filter libharu would write
    put_deflated(form, compressed_content(frame), what);
    forms_.emplace(frame.get(), std::make_pair(frame, form));
    return form;
}

}  // namespace lerbrief::render
