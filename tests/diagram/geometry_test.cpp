// The diagram's geometry: nothing overlaps, everything stays in the frame,
// for 1 … 24 groups with long names at every size the product uses.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "diagram/diagram_support.h"
#include "diagram/limits.h"
#include "support/support.h"

using namespace lerbrief;
using diagram::Box;

namespace {

// The ink box of one line of text, from the frame (not from the geometry).
Box text_box(const layout::TextItem& t) {
    const auto& f = test::fonts();
    return {t.pos.x, t.pos.y - f.ascender * t.size, t.pos.x + t.width, t.pos.y + f.descender * t.size};
}

double distance(layout::Point a, layout::Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Whether a box reaches inside the ring (an ellipse): with y stretched by
// rx/ry the ring is a circle.
bool inside_ring(const Box& b, const diagram::Geometry& g) {
    double k = g.ring_rx / g.ring_ry;
    Box s{b.x0 - g.centre.x, (b.y0 - g.centre.y) * k, b.x1 - g.centre.x, (b.y1 - g.centre.y) * k};
    return s.distance_to({0, 0}) < g.ring_rx;
}

// Points along a shape's outline, Béziers evaluated in 16 steps.
std::vector<layout::Point> outline(const layout::Shape& s) {
    std::vector<layout::Point> out;
    layout::Point cur;
    for (const auto& seg : s.path) {
        if (seg.op == layout::PathSeg::Op::curve) {
            for (int i = 1; i <= 16; ++i) {
                double t = i / 16.0, u = 1 - t;
                out.push_back({u * u * u * cur.x + 3 * u * u * t * seg.p[0].x + 3 * u * t * t * seg.p[1].x + t * t * t * seg.p[2].x,
                               u * u * u * cur.y + 3 * u * u * t * seg.p[0].y + 3 * u * t * t * seg.p[1].y + t * t * t * seg.p[2].y});
            }
            cur = seg.p[2];
        } else if (seg.op != layout::PathSeg::Op::close) {
            cur = seg.p[0];
            out.push_back(cur);
        }
    }
    return out;
}

// What a drawn shape is, told from where its points lie.
enum class Kind { orbit, node, phase, arrow };
Kind kind_of(const std::vector<layout::Point>& pts, const diagram::Geometry& g) {
    auto all = [&](auto pred) { return std::all_of(pts.begin(), pts.end(), pred); };
    if (all([&](layout::Point p) {
            double x = (p.x - g.centre.x) / g.ring_rx, y = (p.y - g.centre.y) / g.ring_ry;
            return std::abs(x * x + y * y - 1) < 0.01;
        }))
        return Kind::orbit;
    for (const auto& n : g.nodes)
        if (all([&](layout::Point p) { return distance(p, n.centre) <= n.outer_r * 1.001 + 0.02; })) return Kind::node;
    for (const auto& ph : g.cycle.phases)
        if (all([&](layout::Point p) { return ph.box.grown(0.01).contains(p); })) return Kind::phase;
    return Kind::arrow;
}

// Every rule of the picture, checked on the drawn frame; returns the first
// broken one.
std::string first_problem(const diagram::Geometry& g, const layout::Frame& frame) {
    const Box inside{0, 0, g.width, g.height};
    std::vector<Box> texts, node_texts;
    auto in_a_phase = [&](const Box& b) {
        for (const auto& p : g.cycle.phases)
            if (b.within(p.box)) return true;
        return false;
    };
    for (const auto& item : frame.items)
        if (auto* t = std::get_if<layout::TextItem>(&item)) {
            texts.push_back(text_box(*t));
            if (!in_a_phase(texts.back())) node_texts.push_back(texts.back());
            if (!texts.back().within(inside)) return fmt::format("text '{}' leaves the frame", t->text);
        }
    if (texts.size() != node_texts.size() + [&] {
            std::size_t lines = 0;
            for (const auto& p : g.cycle.phases) lines += p.label.lines.size();
            return lines;
        }())
        return "a phase name is not inside its box";
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = i + 1; j < texts.size(); ++j)
            if (texts[i].intersects(texts[j])) return fmt::format("text lines {} and {} overlap", i, j);
    // Shapes as drawn: no outline point (stroke included) inside a label;
    // no arrow point inside a node.
    for (const auto& item : frame.items) {
        auto* s = std::get_if<layout::Shape>(&item);
        if (!s) continue;
        auto pts = outline(*s);
        Kind kind = kind_of(pts, g);
        if (kind == Kind::orbit) continue;
        for (auto p : pts) {
            for (const auto& b : node_texts)
                if (b.grown(s->stroke_width / 2).contains(p)) return "a label overlaps a shape";
            if (kind == Kind::arrow)
                for (const auto& n : g.nodes)
                    if (distance(p, n.centre) < n.outer_r + s->stroke_width / 2)
                        return fmt::format("node {} touches an arrow at {:.1f},{:.1f} (stroke {}, fill {}, ring {:.1f} x {:.1f} at {:.1f},{:.1f})", n.id, p.x, p.y, s->stroke_width, s->fill.has_value(), g.ring_rx, g.ring_ry, g.centre.x, g.centre.y);
        }
    }
    for (const auto& b : node_texts) {
        for (const auto& p : g.cycle.phases)
            if (b.intersects(p.box)) return "a label overlaps a phase";
        if (inside_ring(b, g)) return "a label crosses the ring";
        for (const auto& n : g.nodes)
            if (diagram::overlaps_disc(b, n.centre, n.outer_r)) return fmt::format("a label overlaps node {}", n.id);
    }
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const auto& a = g.nodes[i];
        if (!Box{a.centre.x - a.outer_r, a.centre.y - a.outer_r, a.centre.x + a.outer_r, a.centre.y + a.outer_r}.within(inside))
            return fmt::format("node {} leaves the frame", a.id);
        for (const auto& p : g.cycle.phases)
            if (diagram::overlaps_disc(p.box, a.centre, a.outer_r)) return fmt::format("node {} touches a phase", a.id);
        for (std::size_t j = i + 1; j < g.nodes.size(); ++j)
            if (distance(a.centre, g.nodes[j].centre) < a.outer_r + g.nodes[j].outer_r)
                return fmt::format("nodes {} and {} overlap", a.id, g.nodes[j].id);
    }
    for (const auto& p : g.cycle.phases) {
        if (p.box.farthest_from(g.centre) > g.cycle.extent + 1e-9) return "a phase box lies outside the cycle's extent";
        for (const auto& q : g.cycle.phases)
            if (&p != &q && p.box.intersects(q.box)) return "phase boxes overlap";
    }
    return {};
}

}  // namespace

TEST_CASE("geometry: 1 to 24 groups with long names never overlap", "[diagram][geometry]") {
    for (auto size : {test::kBookletPage, test::kBookletHalf, test::kFactSheet}) {
        for (std::size_t n = 1; n <= 24; ++n) {
            for (bool highlight : {false, true}) {
                auto input = test::synthetic_input(n, true);
                if (highlight) input.highlight = input.groups[n / 2].id;
                auto g = diagram::compute(input, diagram::Style{}, test::fonts(), size.width, size.height);
                auto frame = diagram::draw(g, input, diagram::Style{}, test::fonts());
                INFO(fmt::format("{} groups, {}, highlight {}: labels {:g} pt, phases {:g} pt, ring {:.1f} × {:.1f}", n,
                                 size.name, highlight, g.label_size, g.cycle.type_size, g.ring_rx, g.ring_ry));
                CHECK(first_problem(g, frame) == "");
                CHECK(g.nodes.size() == n);
                for (const auto& w : g.warnings) WARN(w);
            }
        }
    }
}

TEST_CASE("geometry: 1 to 8 phases, with 1, 10 and 24 groups, never overlap", "[diagram][geometry]") {
    for (std::size_t phases = 1; phases <= 8; ++phases) {
        for (std::size_t n : {1, 10, 24}) {
            auto input = test::synthetic_input(n, true);
            input.phases.clear();
            for (std::size_t i = 1; i <= phases; ++i) input.phases.push_back(fmt::format("Phase number {}", i));
            for (auto size : {test::kBookletPage, test::kFactSheet}) {
                auto g = diagram::compute(input, diagram::Style{}, test::fonts(), size.width, size.height);
                auto frame = diagram::draw(g, input, diagram::Style{}, test::fonts());
                INFO(fmt::format("{} phases, {} groups, {}", phases, n, size.name));
                CHECK(first_problem(g, frame) == "");
                CHECK(g.cycle.phases.size() == phases);
            }
        }
    }
}

TEST_CASE("geometry: the map fits every size without compromise", "[diagram][geometry]") {
    diagram::Style style;
    for (auto size : {test::kBookletPage, test::kBookletHalf, test::kFactSheet}) {
        for (std::string highlight : {"", "learners-&-earners"}) {
            auto input = test::map_input();
            input.highlight = highlight;
            auto g = diagram::compute(input, style, test::fonts(), size.width, size.height);
            INFO(size.name);
            CHECK(g.warnings.empty());
            CHECK(g.label_size >= style.min_label_size);
            CHECK(g.cycle.type_size >= style.min_label_size);
            for (const auto& n : g.nodes) CHECK(!n.label.empty());
            CHECK(first_problem(g, diagram::draw(g, input, style, test::fonts())) == "");
        }
    }
    // The booklet page sets the map at full size.
    auto g = diagram::compute(test::map_input(), style, test::fonts(), 468, 560);
    CHECK(g.label_size == style.label_size);
    CHECK(g.cycle.type_size == style.phase_size);
}

TEST_CASE("geometry: long names on a booklet page keep every label at a legible size", "[diagram][geometry]") {
    for (std::size_t n = 1; n <= 24; ++n) {
        auto g = diagram::compute(test::synthetic_input(n, true), diagram::Style{}, test::fonts(), 468, 560);
        INFO(n << " groups");
        CHECK(g.warnings.empty());
        CHECK(g.label_size >= diagram::Style{}.min_label_size);
    }
}

TEST_CASE("geometry: when labels cannot fit, the geometry says so and still never overlaps", "[diagram][geometry]") {
    auto input = test::synthetic_input(24, true);
    input.highlight = "g5";
    auto g = diagram::compute(input, diagram::Style{}, test::fonts(), 160, 160);
    REQUIRE(g.warnings.size() == 1);
    CHECK_THAT(g.warnings[0], Catch::Contains("24 group") && Catch::Contains("160 × 160 pt"));
    CHECK(first_problem(g, diagram::draw(g, input, diagram::Style{}, test::fonts())) == "");
    for (const auto& n : g.nodes)
        if (n.id == "g5") CHECK(!n.label.empty());  // the highlighted group keeps its name
}

TEST_CASE("geometry: the same input gives the same geometry", "[diagram][geometry]") {
    auto a = diagram::compute(test::map_input(), diagram::Style{}, test::fonts(), 300, 300);
    auto b = diagram::compute(test::map_input(), diagram::Style{}, test::fonts(), 300, 300);
    REQUIRE(a.nodes.size() == b.nodes.size());
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        CHECK(a.nodes[i].centre.x == b.nodes[i].centre.x);
        CHECK(a.nodes[i].label.box.y0 == b.nodes[i].label.box.y0);
    }
}

TEST_CASE("geometry: input over the limits is refused with a message", "[diagram][geometry]") {
    diagram::Style style;
    CHECK_THROWS_WITH(diagram::compute(test::synthetic_input(diagram::limits::kMaxGroups + 1, false), style,
                                       test::fonts(), 468, 468),
                      "diagram: 65 groups; at most 64 fit");
    auto input = test::map_input();
    input.highlight = "nobody";
    CHECK_THROWS_WITH(diagram::compute(input, style, test::fonts(), 468, 468), "diagram: no group 'nobody' to highlight");
    CHECK_THROWS_WITH(diagram::compute(test::map_input(), style, test::fonts(), 20, 468),
                      "diagram: a 20 × 468 pt frame is too small");
    input = test::map_input();
    input.groups[0].label = std::string(diagram::limits::kMaxLabelBytes + 1, 'x');
    CHECK_THROWS_AS(diagram::compute(input, style, test::fonts(), 468, 468), std::invalid_argument);
}

TEST_CASE("geometry: no groups or no phases still draw", "[diagram][geometry]") {
    auto only_cycle = test::map_input();
    only_cycle.groups.clear();
    auto g = diagram::compute(only_cycle, diagram::Style{}, test::fonts(), 300, 200);
    CHECK(g.nodes.empty());
    CHECK(g.cycle.phases.size() == 4);
    auto only_ring = test::map_input();
    only_ring.phases.clear();
    g = diagram::compute(only_ring, diagram::Style{}, test::fonts(), 300, 200);
    CHECK(g.nodes.size() == 10);
    CHECK(first_problem(g, diagram::draw(g, only_ring, diagram::Style{}, test::fonts())) == "");
}

TEST_CASE("labels: balanced wrapping by measured width", "[diagram][geometry]") {
    diagram::Measure m = [](std::string_view s) { return test::fonts().width(s, 0, 9); };
    CHECK(diagram::wrap_balanced("Data Standards Organizations", 80, m) ==
          std::vector<std::string>{"Data Standards", "Organizations"});
    // First fit fills the first line and leaves the last short; balanced
    // lines are about equally long.
    auto lines = diagram::wrap_balanced("Credentialing Organizations and Very Long Named Partners 17", 130, m);
    REQUIRE(lines.size() == 2);
    CHECK(std::abs(m(lines[0]) - m(lines[1])) < 20);
    CHECK(std::max(m(lines[0]), m(lines[1])) <= 130);
    CHECK(diagram::wrap_balanced("Supercalifragilistic", 10, m) == std::vector<std::string>{"Supercalifragilistic"});
    CHECK(diagram::wrap_balanced("  ", 100, m).empty());
}
