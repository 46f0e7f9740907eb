// Cairo builds the paths: what cairo_copy_path gives comes out as PathSegs,
// and every node outline stays between its inner and outer radius.
#include <catch2/catch.hpp>

#include <cmath>

#include "diagram/diagram_support.h"
#include "diagram/path.h"
#include "support/support.h"

using namespace lerbrief;
using Op = layout::PathSeg::Op;

namespace {

// Points of a path, curves evaluated at 32 steps.
std::vector<layout::Point> flatten(const std::vector<layout::PathSeg>& path) {
    std::vector<layout::Point> out;
    layout::Point cur;
    for (const auto& s : path) {
        if (s.op == Op::curve) {
            for (int i = 1; i <= 32; ++i) {
                double t = i / 32.0, u = 1 - t;
                out.push_back({u * u * u * cur.x + 3 * u * u * t * s.p[0].x + 3 * u * t * t * s.p[1].x + t * t * t * s.p[2].x,
                               u * u * u * cur.y + 3 * u * u * t * s.p[0].y + 3 * u * t * t * s.p[1].y + t * t * t * s.p[2].y});
            }
            cur = s.p[2];
        } else if (s.op != Op::close) {
            cur = s.p[0];
            out.push_back(cur);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("paths: Cairo arcs become curves, boxes close", "[diagram][path]") {
    diagram::PathBuilder pb;
    diagram::add_rounded_box(pb.cr(), {10, 20, 110, 60}, 8);
    auto box = pb.take();
    REQUIRE(!box.empty());
    CHECK(box.front().op == Op::move);
    CHECK(std::count_if(box.begin(), box.end(), [](const auto& s) { return s.op == Op::curve; }) == 4);
    CHECK(std::count_if(box.begin(), box.end(), [](const auto& s) { return s.op == Op::close; }) == 1);
    for (auto p : flatten(box)) {
        CHECK(p.x >= 10 - 1e-2);
        CHECK(p.x <= 110 + 1e-2);
        CHECK(p.y >= 20 - 1e-2);
        CHECK(p.y <= 60 + 1e-2);
    }
    CHECK(pb.take().empty());  // take() clears the path
}

TEST_CASE("paths: node outlines lie between inner and outer radius", "[diagram][path]") {
    using diagram::NodeShape;
    diagram::PathBuilder pb;
    for (auto shape : {NodeShape::circle, NodeShape::rounded_square, NodeShape::hexagon, NodeShape::diamond}) {
        const double r = 20;
        diagram::add_outline(pb.cr(), shape, {100, 100}, r);
        auto pts = flatten(pb.take());
        REQUIRE(pts.size() > 8);
        double nearest = 1e9, farthest = 0;
        for (auto p : pts) {
            double d = std::hypot(p.x - 100, p.y - 100);
            nearest = std::min(nearest, d);
            farthest = std::max(farthest, d);
        }
        INFO("shape " << static_cast<int>(shape));
        CHECK(farthest <= diagram::outer_radius(shape, r) * 1.001 + 0.01);
        CHECK(farthest >= diagram::outer_radius(shape, r) * 0.99);
        CHECK(nearest >= diagram::inner_radius(shape, r) * 0.999 - 0.01);
    }
}

TEST_CASE("paths: the cycle has one arrow and one head per phase", "[diagram][path]") {
    for (std::size_t phases = 1; phases <= 8; ++phases) {
        auto input = test::map_input();
        input.phases.clear();
        for (std::size_t i = 1; i <= phases; ++i) input.phases.push_back("Phase " + std::to_string(i));
        diagram::Style style;
        auto g = diagram::compute(input, style, test::fonts(), 468, 468);
        auto f = diagram::draw(g, input, style, test::fonts());
        std::size_t arcs = 0, heads = 0;
        for (const auto& item : f.items)
            if (auto* s = std::get_if<layout::Shape>(&item)) {
                if (s->stroke && *s->stroke == style.palette.arrow && !s->fill) ++arcs;
                if (s->fill && *s->fill == style.palette.arrow) ++heads;
            }
        INFO(phases << " phases");
        CHECK(g.cycle.arrows.size() == phases);
        CHECK(arcs == phases);
        CHECK(heads == phases);
        CHECK(g.warnings.empty());
        for (const auto& a : g.cycle.arrows) CHECK(a.to > a.from);
    }
}
