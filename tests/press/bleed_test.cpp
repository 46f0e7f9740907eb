#include <catch2/catch.hpp>

#include "model/length.h"
#include "press/bleed.h"

using namespace lerbrief;
using namespace lerbrief::layout;
using lerbrief::Length;

namespace {

Shape rect(double x, double y, double w, double h, bool filled = true) {
    Shape s;
    s.path = {{PathSeg::Op::move, {{x, y}}}, {PathSeg::Op::line, {{x + w, y}}}, {PathSeg::Op::line, {{x + w, y + h}}},
              {PathSeg::Op::line, {{x, y + h}}}, {PathSeg::Op::close, {}}};
    if (filled) s.fill = Color{0.1, 0.3, 0.4};
    else s.stroke = kBlack, s.stroke_width = 1;
    return s;
}

}  // namespace

TEST_CASE("bleed: shapes on the trim edge run into the bleed, the rest stays", "[press]") {
    Document d;
    Page p;
    p.frame.width = 612;
    p.frame.height = 792;
    p.frame.items.push_back(rect(0, 0, 612, 40));         // band across the top edge
    p.frame.items.push_back(rect(72, 72, 100, 100));      // a box inside the margins
    p.frame.items.push_back(rect(0, 500, 612, 2, false)); // a stroked rule touching the sides: not a fill
    p.frame.items.push_back(LinkItem{{0, 0}, 10, 10, "", 0, 100});
    d.pages.push_back(p);
    d.outline.push_back({"x", 1, 0, 100, ""});
    const double b = Length::mm(3).points();
    press::add_bleed(d, b);
    const Page& out = d.pages[0];
    const double m = press::slug_width(b);
    CHECK(out.frame.width == Approx(612 + 2 * m));
    CHECK(out.frame.height == Approx(792 + 2 * m));
    REQUIRE(out.trim);
    REQUIRE(out.bleed);
    CHECK(*out.trim == Box{m, m, 612, 792});
    CHECK(*out.bleed == Box{m - b, m - b, 612 + 2 * b, 792 + 2 * b});
    const Frame& inner = *std::get<GroupItem>(out.frame.items[0]).frame;
    CHECK(std::get<GroupItem>(out.frame.items[0]).offset.x == m);
    const auto& band = std::get<Shape>(inner.items[0]).path;
    CHECK(band[0].p[0].x == -b);
    CHECK(band[0].p[0].y == -b);
    CHECK(band[1].p[0].x == 612 + b);
    CHECK(band[2].p[0].y == 40);  // the band's lower edge is inside the page: unchanged
    const auto& box = std::get<Shape>(inner.items[1]).path;
    CHECK(box[0].p[0].x == 72);
    const auto& rule = std::get<Shape>(inner.items[2]).path;
    CHECK(rule[0].p[0].x == 0);
    // internal destinations move with the page
    CHECK(std::get<LinkItem>(inner.items[3]).dest_y == Approx(100 + m));
    CHECK(d.outline[0].y == Approx(100 + m));
    // crop marks: outside the bleed, at the trim lines
    int marks = 0;
    for (const auto& it : out.frame.items)
        if (const auto* s = std::get_if<Shape>(&it)) {
            ++marks;
            const Point a = s->path[0].p[0], z = s->path[1].p[0];
            const bool vertical = a.x == z.x;
            if (vertical) {
                CHECK((a.x == Approx(m) || a.x == Approx(m + 612)));
                CHECK((std::max(a.y, z.y) <= m - b || std::min(a.y, z.y) >= m + 792 + b));
            } else {
                CHECK((a.y == Approx(m) || a.y == Approx(m + 792)));
                CHECK((std::max(a.x, z.x) <= m - b || std::min(a.x, z.x) >= m + 612 + b));
            }
            CHECK(std::min(a.x, z.x) >= 0);
            CHECK(std::min(a.y, z.y) >= 0);
        }
    CHECK(marks == 8);
}
