#include "press/bleed.h"

#include <cmath>
#include <memory>

#include "layout/links.h"

namespace lerbrief::press {

using namespace layout;

namespace {

// A point this close to a trim edge lies on it.
constexpr double kOnEdge = 0.01;

void push(Point& p, const Frame& f, const Edges& e, double bleed) {
    if (e.left && std::abs(p.x) <= kOnEdge) p.x = -bleed;
    if (e.right && std::abs(p.x - f.width) <= kOnEdge) p.x = f.width + bleed;
    if (e.top && std::abs(p.y) <= kOnEdge) p.y = -bleed;
    if (e.bottom && std::abs(p.y - f.height) <= kOnEdge) p.y = f.height + bleed;
}

Shape hairline(Point a, Point b) {
    Shape s;
    s.path = {{PathSeg::Op::move, {a}}, {PathSeg::Op::line, {b}}};
    s.stroke = kBlack;
    s.stroke_width = kMarkWidth;
    return s;
}

}  // namespace

double slug_width(double bleed) { return bleed + kMarkGap + kMarkLength + kSlugEdge; }

void extend_into_bleed(Frame& frame, const Edges& edges, double bleed) {
    if (bleed <= 0) return;
    for (auto& item : frame.items) {
        auto* s = std::get_if<Shape>(&item);
        if (!s || !s->fill) continue;
        for (auto& seg : s->path) {
            const int n = seg.op == PathSeg::Op::curve ? 3 : seg.op == PathSeg::Op::close ? 0 : 1;
            for (int k = 0; k < n; ++k) push(seg.p[k], frame, edges, bleed);
        }
    }
}

Page mark_page(const Frame& trimmed, double bleed, const std::vector<double>& folds) {
    const double m = slug_width(bleed);
    Page page;
    page.frame.width = trimmed.width + 2 * m;
    page.frame.height = trimmed.height + 2 * m;
    page.trim = Box{m, m, trimmed.width, trimmed.height};
    page.bleed = Box{m - bleed, m - bleed, trimmed.width + 2 * bleed, trimmed.height + 2 * bleed};
    // a null tag: the page's items keep their own (issue 17); the marks are artifacts
    page.frame.items.push_back(GroupItem{{m, m}, 1, std::make_shared<const Frame>(trimmed)});
    const double x0 = m, x1 = m + trimmed.width, y0 = m, y1 = m + trimmed.height;
    const double near = bleed + kMarkGap, far = near + kMarkLength;
    for (double x : {x0, x1}) {  // vertical marks above and below each trim corner
        page.frame.items.push_back(hairline({x, y0 - far}, {x, y0 - near}));
        page.frame.items.push_back(hairline({x, y1 + near}, {x, y1 + far}));
    }
    for (double y : {y0, y1}) {  // horizontal marks left and right of each trim corner
        page.frame.items.push_back(hairline({x0 - far, y}, {x0 - near, y}));
        page.frame.items.push_back(hairline({x1 + near, y}, {x1 + far, y}));
    }
    for (double f : folds) {  // a fold is marked like a cut, but dashed: two short strokes
        const double x = m + f, half = kMarkLength / 2;
        page.frame.items.push_back(hairline({x, y0 - far}, {x, y0 - far + half - 2}));
        page.frame.items.push_back(hairline({x, y0 - near - half + 2}, {x, y0 - near}));
        page.frame.items.push_back(hairline({x, y1 + near}, {x, y1 + near + half - 2}));
        page.frame.items.push_back(hairline({x, y1 + far - half + 2}, {x, y1 + far}));
    }
    return page;
}

namespace {

// Internal links' destinations move down by `m` with the trimmed page, links
// in groups too.
void shift_destinations(Frame& f, double m) {
    edit_links(
        f, [](const LinkItem& l) { return l.dest_page >= 0; },
        [m](LinkItem& l) {
            l.dest_y += m;
            return true;
        });
}

}  // namespace

void add_bleed(Document& doc, double bleed) {
    const double m = slug_width(bleed);
    for (auto& o : doc.outline) o.y += m;  // destinations move with the trimmed page
    for (auto& page : doc.pages) {
        Frame f = std::move(page.frame);
        shift_destinations(f, m);
        extend_into_bleed(f, {}, bleed);
        page = mark_page(f, bleed);
    }
}

}  // namespace lerbrief::press
