// The ring. N nodes sit evenly (by arc length) on an ellipse of semi-axes
// R·ex, R·ey around the frame's centre (ex = ey = 1: a circle), group 0 at
// 12 o'clock. Each label goes outside the ring beside its node, along the
// ring's outward normal u there:
//
//   anchor  A = node + u·(outer radius + gap);
//   the label's box is centred at A + (ax·w/2, ay·h/2), ax and ay being u's
//   components ×2 clamped to ±1 (kAnchorSaturation): a label at 3 o'clock
//   starts at A, one at 12 o'clock sits on A, one at half past one has its
//   corner at A. Then it is pushed outward along u until no part of it
//   comes within the gap of its node. Labels read left-aligned on the right,
//   right-aligned on the left, centred near the top and bottom.
//
// A label's box relative to its node does not depend on R, and a node's
// centre is R times a fixed point of the unit ellipse, so every frame edge
// bounds R linearly: R is the largest value all bounds allow. From below, R is
// bounded by the node spacing (adjacent nodes clear of each other) and the
// cycle (the ring clear of it). The cycle is the one with the largest phase
// type that fits; it is then spread (kCycleFill, kCycleMaxSpread) and every
// collision rule checked.
#include "diagram/ring.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "diagram/cycle.h"

namespace lerbrief::diagram {

namespace {

using std::numbers::pi;

constexpr double kAnchorSaturation = 0.5;  // |u| component at which a label sits fully to one side
constexpr double kCycleFill = 0.85;        // the cycle spreads while it needs at most this share of the ring
constexpr double kCycleSpreads[] = {1.9, 1.7, 1.5, 1.35, 1.2, 1.1};  // radius factors tried, largest first
constexpr int kPerimeterSamples = 720;
constexpr int kCycleSamples = 360;    // points of the arrows' ellipse checked against nodes
constexpr int kClearingSamples = 90;  // … and used to estimate the room the cycle needs
constexpr int kMaxPushSteps = 64;

struct Ellipse {
    double ex = 1, ey = 1;  // semi-axes of the unit ring
    layout::Point at(double t) const { return {ex * std::sin(t), -ey * std::cos(t)}; }
    layout::Point normal(double t) const {
        layout::Point n{std::sin(t) / ex, -std::cos(t) / ey};
        double len = std::hypot(n.x, n.y);
        return {n.x / len, n.y / len};
    }
};

// Parameters of n points spaced evenly by arc length, the first at t = 0.
std::vector<double> even_parameters(const Ellipse& e, std::size_t n) {
    std::vector<double> t_at(kPerimeterSamples + 1), length(kPerimeterSamples + 1, 0.0);
    for (int i = 0; i <= kPerimeterSamples; ++i) {
        t_at[i] = 2 * pi * i / kPerimeterSamples;
        if (i > 0) {
            auto a = e.at(t_at[i - 1]), b = e.at(t_at[i]);
            length[i] = length[i - 1] + std::hypot(b.x - a.x, b.y - a.y);
        }
    }
    std::vector<double> ts;
    std::size_t j = 0;
    for (std::size_t k = 0; k < n; ++k) {
        double want = length.back() * static_cast<double>(k) / static_cast<double>(n);
        while (j + 1 < length.size() && length[j + 1] < want) ++j;
        double span = length[j + 1] - length[j];
        double f = span > 0 ? (want - length[j]) / span : 0;
        ts.push_back(t_at[j] + f * (t_at[j + 1] - t_at[j]));
    }
    return ts;
}

// Points of the cycle's ellipse pushed outward by `by`, relative to its
// centre: what must stay clear of nodes and inside the ring.
std::vector<layout::Point> cycle_outline(const CycleGeometry& c, double by, int samples) {
    std::vector<layout::Point> out;
    for (int k = 0; k < samples; ++k) {
        double t = 2 * pi * k / samples;
        layout::Point p{c.rx * std::sin(t), -c.ry * std::cos(t)};
        double len = std::hypot(p.x, p.y);
        out.push_back({p.x * (1 + by / len), p.y * (1 + by / len)});
    }
    return out;
}

double arrow_half(const CycleGeometry& c) { return std::max(c.arrow_width, c.head_width) / 2; }

// The smallest R at which the ring (the unit ellipse × R around the cycle's
// centre) keeps `margin` from the cycle: the arrows and every phase box
// corner inside it. Measured in the ring's own metric, so close rather than
// exact for an ellipse; collides() checks exactly.
double ring_clearing(const CycleGeometry& c, const Ellipse& e, double margin) {
    if (c.phases.empty()) return 0;
    double need = 0;
    for (auto p : cycle_outline(c, arrow_half(c) + margin, kClearingSamples))
        need = std::max(need, std::hypot(p.x / e.ex, p.y / e.ey));
    for (const auto& p : c.phases) {
        Box b = p.box.moved(-c.centre.x, -c.centre.y).grown(margin);
        for (double x : {b.x0, b.x1})
            for (double y : {b.y0, b.y1}) need = std::max(need, std::hypot(x / e.ex, y / e.ey));
    }
    return need;
}

double saturate(double t) { return std::clamp(t / kAnchorSaturation, -1.0, 1.0); }

Align align_for(double ax) { return ax > 0.5 ? Align::left : ax < -0.5 ? Align::right : Align::centre; }

// Sets a group's label and places it relative to its node's centre (0, 0).
Label label_beside(const std::vector<std::string>& lines, layout::FontId font, double size, layout::Point u,
                   double outer, const Style& style, const Fonts& fonts) {
    double ax = saturate(u.x), ay = saturate(u.y);
    Label label = set_label(lines, font, size, align_for(ax), fonts, style.leading);
    if (label.empty()) return label;
    double reach = outer + style.label_gap;
    double w = label.box.width(), h = label.box.height();
    translate(label, reach * u.x + ax * w / 2 - w / 2, reach * u.y + ay * h / 2 - h / 2);
    for (int i = 0; i < kMaxPushSteps; ++i) {
        double short_by = reach - label.box.distance_to({0, 0});
        if (short_by <= 0) break;
        translate(label, (short_by + 0.05) * u.x, (short_by + 0.05) * u.y);
    }
    return label;
}

// Bounds on R gathered from constraints of the form value + R·slope ≥ 0.
struct RadiusBounds {
    double lo = 0, hi = std::numeric_limits<double>::infinity();
    void require(double value, double slope) {
        if (slope > 1e-12)
            lo = std::max(lo, -value / slope);
        else if (slope < -1e-12)
            hi = std::min(hi, value / -slope);
        else if (value < 0)
            hi = -1;
    }
    // A box relative to a node at centre + R·q must stay inside `frame`.
    void keep_inside(const Box& rel, layout::Point q, layout::Point centre, const Box& frame) {
        require(centre.x + rel.x0 - frame.x0, q.x);
        require(centre.y + rel.y0 - frame.y0, q.y);
        require(frame.x1 - centre.x - rel.x1, -q.x);
        require(frame.y1 - centre.y - rel.y1, -q.y);
    }
};

// With y stretched by rx/ry the ring is a circle of radius rx: a box is
// clear outside it when its nearest point is farther, inside it when its
// farthest point is nearer.
Box stretched(const Box& b, const Geometry& g) {
    double k = g.ring_rx / g.ring_ry;
    return {b.x0 - g.centre.x, (b.y0 - g.centre.y) * k, b.x1 - g.centre.x, (b.y1 - g.centre.y) * k};
}
bool crosses_ring(const Box& b, const Geometry& g, double clearance) {
    return stretched(b, g).distance_to({0, 0}) < g.ring_rx + clearance;
}
bool inside_ring(const Box& b, const Geometry& g) { return stretched(b, g).farthest_from({0, 0}) < g.ring_rx; }

double distance(layout::Point a, layout::Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

bool collides(const Geometry& g, const Style& style, const Box& frame) {
    const double cl = style.clearance;
    const auto& nodes = g.nodes;
    const auto& cycle = g.cycle;
    std::vector<layout::Point> arrows;  // the outer edge of the arrows
    if (!cycle.phases.empty())
        for (auto p : cycle_outline(cycle, arrow_half(cycle), kCycleSamples)) arrows.push_back({cycle.centre.x + p.x, cycle.centre.y + p.y});
    if (!nodes.empty()) {
        for (auto p : arrows)
            if (!inside_ring(Box{p.x, p.y, p.x, p.y}.grown(cl), g)) return true;
        for (const auto& p : cycle.phases)
            if (!inside_ring(p.box.grown(cl), g)) return true;
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& a = nodes[i];
        Box node_box{a.centre.x - a.outer_r, a.centre.y - a.outer_r, a.centre.x + a.outer_r, a.centre.y + a.outer_r};
        if (!node_box.within(frame)) return true;
        for (auto p : arrows)
            if (distance(a.centre, p) < a.outer_r + cl) return true;
        for (const auto& p : cycle.phases)
            if (overlaps_disc(p.box, a.centre, a.outer_r + cl)) return true;
        for (std::size_t j = i + 1; j < nodes.size(); ++j)
            if (distance(a.centre, nodes[j].centre) < a.outer_r + nodes[j].outer_r + cl) return true;
        if (a.label.empty()) continue;
        if (!a.label.box.within(frame) || crosses_ring(a.label.box, g, cl)) return true;
        for (std::size_t j = 0; j < nodes.size(); ++j) {
            const auto& b = nodes[j];
            double room = (i == j) ? style.label_gap * 0.99 : cl;
            if (overlaps_disc(a.label.box, b.centre, b.outer_r + room)) return true;
            if (j > i && !b.label.empty() && a.label.box.grown(cl / 2).intersects(b.label.box.grown(cl / 2)))
                return true;
        }
    }
    return false;
}

}  // namespace

CycleShape cycle_shape(double aspect, double width, double height) {
    return width >= height ? CycleShape{1, aspect} : CycleShape{1, 1};
}

RingResult place_ring(const Input& input, const RingAttempt& at, const Style& style, const Fonts& fonts,
                      double width, double height) {
    RingResult result;
    Geometry& g = result.geometry;
    g.width = width;
    g.height = height;
    g.centre = {width / 2, height / 2};
    g.label_size = at.label_size;
    const Box frame{style.margin, style.margin, width - style.margin, height - style.margin};
    const std::size_t n = input.groups.size();
    const Ellipse unit = width >= height ? Ellipse{1, at.aspect} : Ellipse{at.aspect, 1};

    RadiusBounds bounds;
    std::vector<layout::Point> q;  // node centres on the unit ring
    double widest_node = 0;
    auto ts = even_parameters(unit, n);
    for (std::size_t i = 0; i < n; ++i) {
        NodeGeometry node;
        node.id = input.groups[i].id;
        auto u = unit.normal(ts[i]);
        node.angle = std::atan2(u.x, -u.y);
        node.look = node_look(i, n, style.palette.groups.size());
        node.r = at.node_radius;
        node.outer_r = outer_radius(node.look.shape, node.r);
        node.highlighted = !input.highlight.empty() && node.id == input.highlight;
        node.muted = !input.highlight.empty() && !node.highlighted;
        node.label = label_beside(at.lines[i], at.fonts[i], at.label_size, u, node.outer_r, style, fonts);
        q.push_back(unit.at(ts[i]));
        bounds.keep_inside({-node.outer_r, -node.outer_r, node.outer_r, node.outer_r}, q[i], g.centre, frame);
        if (!node.label.empty()) bounds.keep_inside(node.label.box, q[i], g.centre, frame);
        widest_node = std::max(widest_node, node.outer_r);
        g.nodes.push_back(std::move(node));
    }
    for (std::size_t i = 0; n > 1 && i < n; ++i) {
        const auto& a = q[i];
        const auto& b = q[(i + 1) % n];
        bounds.lo = std::max(bounds.lo, (2 * widest_node + style.clearance) / std::hypot(a.x - b.x, a.y - b.y));
    }
    if (n == 0) bounds.hi = std::min(bounds.hi, std::min(width, height) / 2 - style.margin);
    double hi = std::isfinite(bounds.hi) ? bounds.hi : bounds.lo;

    // The largest cycle that fits inside the ring at its largest.
    const double margin = widest_node + style.clearance;
    const CycleGeometry* cycle = &at.cycles->back();
    for (const auto& c : *at.cycles)
        if (c.type_size <= at.max_phase_size + 1e-9 && ring_clearing(c, unit, margin) <= hi) {
            cycle = &c;
            break;
        }
    bounds.lo = std::max(bounds.lo, ring_clearing(*cycle, unit, margin));
    double r = std::max(hi, bounds.lo);
    g.ring_rx = r * unit.ex;
    g.ring_ry = r * unit.ey;
    g.cycle = *cycle;
    move_cycle(g.cycle, g.centre);

    for (std::size_t i = 0; i < n; ++i) {
        auto& node = g.nodes[i];
        node.centre = {g.centre.x + r * q[i].x, g.centre.y + r * q[i].y};
        translate(node.label, node.centre.x, node.centre.y);
        node.icon_size = 2 * inner_radius(node.look.shape, node.r) * style.icon_fill;
        node.icon_pos = {node.centre.x - node.icon_size / 2, node.centre.y - node.icon_size / 2};
    }
    result.ok = hi >= bounds.lo && !collides(g, style, frame);
    if (!result.ok) return result;

    // Spread the cycle into the room inside the ring while it leaves the ring
    // room (kCycleFill) and nothing collides.
    for (double k : kCycleSpreads) {
        CycleGeometry wider = g.cycle;
        if (!spread_cycle(wider, k, style)) continue;
        double needs = n == 0 ? wider.extent : ring_clearing(wider, unit, margin);
        if (needs > kCycleFill * r) continue;
        std::swap(g.cycle, wider);
        if (!collides(g, style, frame)) break;
        std::swap(g.cycle, wider);
    }
    return result;
}

}  // namespace lerbrief::diagram
