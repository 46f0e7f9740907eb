#include "diagram/path.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace lerbrief::diagram {

namespace {
using std::numbers::pi;

// Our angles run clockwise from 12 o'clock; Cairo's from 3 o'clock, and with
// y down Cairo's positive angles also turn clockwise on the page.
double to_cairo(double angle) { return angle - pi / 2; }

constexpr double kNotchDepth = 0.22;       // of the arrowhead's length
constexpr double kCurveTolerance = 0.005;  // points

void check(cairo_t* cr, const char* what) {
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("diagram: cairo: ") + what + ": " +
                                 cairo_status_to_string(cairo_status(cr)));
}
}  // namespace

PathBuilder::PathBuilder()
    : surface_(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr)),
      cr_(cairo_create(surface_.get())) {
    check(cr_.get(), "cannot create a context");
    // Cairo splits arcs into Béziers within this distance of the true curve;
    // its default (0.1) bends a 3 pt node visibly out of its circle.
    cairo_set_tolerance(cr_.get(), kCurveTolerance);
}

std::vector<layout::PathSeg> PathBuilder::take() {
    cairo_identity_matrix(cr_.get());  // copy in frame coordinates
    PathPtr path(cairo_copy_path(cr_.get()));
    if (path->status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("diagram: cairo: cannot copy a path: ") +
                                 cairo_status_to_string(path->status));
    auto segs = to_segments(*path);
    cairo_new_path(cr_.get());
    return segs;
}

std::vector<layout::PathSeg> to_segments(const cairo_path_t& path) {
    std::vector<layout::PathSeg> out;
    for (int i = 0; i < path.num_data; i += path.data[i].header.length) {
        const cairo_path_data_t* d = &path.data[i];
        layout::PathSeg s;
        auto pt = [&](int k) { return layout::Point{d[k].point.x, d[k].point.y}; };
        switch (d->header.type) {
        case CAIRO_PATH_MOVE_TO: s.op = layout::PathSeg::Op::move; s.p[0] = pt(1); break;
        case CAIRO_PATH_LINE_TO: s.op = layout::PathSeg::Op::line; s.p[0] = pt(1); break;
        case CAIRO_PATH_CURVE_TO:
            s.op = layout::PathSeg::Op::curve;
            s.p[0] = pt(1), s.p[1] = pt(2), s.p[2] = pt(3);
            break;
        case CAIRO_PATH_CLOSE_PATH: s.op = layout::PathSeg::Op::close; break;
        }
        out.push_back(s);
    }
    return out;
}

void add_circle(cairo_t* cr, layout::Point c, double r) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, c.x, c.y, r, 0, 2 * pi);
    cairo_close_path(cr);
}

void add_ellipse(cairo_t* cr, layout::Point c, double rx, double ry) {
    cairo_save(cr);
    cairo_translate(cr, c.x, c.y);
    cairo_scale(cr, rx, ry);
    add_circle(cr, {0, 0}, 1);
    cairo_restore(cr);  // the path keeps its device coordinates
}

void add_rounded_box(cairo_t* cr, const Box& b, double corner) {
    double r = std::min({corner, b.width() / 2, b.height() / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, b.x1 - r, b.y0 + r, r, -pi / 2, 0);
    cairo_arc(cr, b.x1 - r, b.y1 - r, r, 0, pi / 2);
    cairo_arc(cr, b.x0 + r, b.y1 - r, r, pi / 2, pi);
    cairo_arc(cr, b.x0 + r, b.y0 + r, r, pi, 3 * pi / 2);
    cairo_close_path(cr);
}

// A regular polygon with rounded corners: each corner is an arc of the
// corner radius whose centre lies on the line to the vertex, spanning the
// polygon's exterior angle; Cairo joins consecutive arcs with straight edges.
void add_outline(cairo_t* cr, NodeShape shape, layout::Point c, double r) {
    Outline o = outline(shape);
    if (o.sides == 0) return add_circle(cr, c, r);
    double half = pi / o.sides;
    double corner = o.corner * r;
    double to_arc = (o.apothem * r - corner) / std::cos(half);
    cairo_new_sub_path(cr);
    for (int k = 0; k < o.sides; ++k) {
        double v = o.rotation + 2 * half * k;
        cairo_arc(cr, c.x + to_arc * std::cos(v), c.y + to_arc * std::sin(v), corner, v - half, v + half);
    }
    cairo_close_path(cr);
}

void add_elliptic_arc(cairo_t* cr, layout::Point c, double rx, double ry, double from, double to) {
    cairo_save(cr);
    cairo_translate(cr, c.x, c.y);
    cairo_scale(cr, rx, ry);
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0, 0, 1, to_cairo(from), to_cairo(to));
    cairo_restore(cr);  // the path keeps its device coordinates
}

void add_arrow_head(cairo_t* cr, layout::Point tip, layout::Point d, double length, double width) {
    layout::Point n{-d.y, d.x};
    layout::Point back{tip.x - d.x * length, tip.y - d.y * length};
    layout::Point notch{back.x + d.x * length * kNotchDepth, back.y + d.y * length * kNotchDepth};
    cairo_move_to(cr, tip.x, tip.y);
    cairo_line_to(cr, back.x + n.x * width / 2, back.y + n.y * width / 2);
    cairo_line_to(cr, notch.x, notch.y);
    cairo_line_to(cr, back.x - n.x * width / 2, back.y - n.y * width / 2);
    cairo_close_path(cr);
}

}  // namespace lerbrief::diagram
