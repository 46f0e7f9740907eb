// The phase cycle. Phase k sits at parameter k·360°/P of an ellipse of
// semi-axes R·ex, R·ey (see CycleGeometry::at), the first at 12 o'clock,
// clockwise: four phases sit at 12, 3, 6 and 9 o'clock (wide boxes side by
// side would need a far larger ellipse). A single phase has an arrow all
// around, back to itself.
//
// An arrow runs along the ellipse from where it leaves one box (plus
// clearance) to where it meets the next. The exit is found by bisection on
// the parameter: the ellipse starts inside the box (at its centre) and must
// be outside half way to the next phase, or R is too small. R grows in 3%
// steps from half the largest box until every arrow is long enough and no
// arc or box comes near another box.
#include "diagram/cycle.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace lerbrief::diagram {

namespace {

using std::numbers::pi;

constexpr double kPhaseWrapEm = 7;                // phase names wrap at 7 ems
constexpr double kPadXEm = 0.75, kPadYEm = 0.42;  // box padding around the name
constexpr double kMultiLineCornerEm = 0.8;        // one line: a pill; more: this
constexpr double kHeadLength = 4.4, kHeadWidth = 3.8;  // × arrow width
constexpr double kMinArrowHeads = 2.5;            // shortest arrow, in head lengths
constexpr double kRadiusGrowth = 1.03;
constexpr int kMaxRadiusSteps = 400;
constexpr double kArcSampleStep = 1.0;            // points between checks along an arc
constexpr int kBisectionSteps = 40;

// How far (in parameter, sign = way) the ellipse runs from a box's centre
// before it leaves the box grown by `clearance`; -1 if not by `limit`.
double exit_parameter(const CycleGeometry& c, const PhaseGeometry& p, double sign, double limit, double clearance) {
    Box b = p.box.grown(clearance);
    if (b.contains(c.at(p.angle + sign * limit))) return -1;
    double lo = 0, hi = limit;
    for (int i = 0; i < kBisectionSteps; ++i) {
        double mid = (lo + hi) / 2;
        (b.contains(c.at(p.angle + sign * mid)) ? lo : hi) = mid;
    }
    return hi;
}

// The arc's length, or -1 when it passes within `clearance` of a box.
double clear_length(const CycleGeometry& c, const ArrowGeometry& a, double clearance) {
    double step = kArcSampleStep / std::max(c.rx, c.ry);
    double length = 0;
    layout::Point prev = c.at(a.from);
    for (double t = a.from; t <= a.to + step; t += step) {
        auto p = c.at(std::min(t, a.to));
        for (const auto& ph : c.phases)
            if (ph.box.grown(clearance * 0.99).contains(p)) return -1;
        length += std::hypot(p.x - prev.x, p.y - prev.y);
        prev = p;
    }
    return length;
}

// Puts the boxes on the ellipse rx × ry and routes the arrows; false when
// they do not fit there.
bool place(CycleGeometry& c, double rx, double ry, double clearance) {
    c.rx = rx;
    c.ry = ry;
    for (auto& p : c.phases) {
        auto want = c.at(p.angle);
        auto have = p.box.centre();
        p.box = p.box.moved(want.x - have.x, want.y - have.y);
        translate(p.label, want.x - have.x, want.y - have.y);
    }
    std::size_t n = c.phases.size();
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            if (c.phases[i].box.grown(clearance).intersects(c.phases[j].box)) return false;

    double half_step = pi / static_cast<double>(n);  // half way to the next phase
    c.arrows.clear();
    for (std::size_t i = 0; i < n; ++i) {
        const auto& from = c.phases[i];
        const auto& to = c.phases[(i + 1) % n];
        double out = exit_parameter(c, from, +1, half_step, clearance);
        double in = exit_parameter(c, to, -1, half_step, clearance);
        if (out < 0 || in < 0) return false;
        ArrowGeometry a{from.angle + out, to.angle + (i + 1 == n ? 2 * pi : 0) - in};
        if (a.to <= a.from || clear_length(c, a, clearance) < kMinArrowHeads * c.head_length) return false;
        c.arrows.push_back(a);
    }
    c.extent = std::max(rx, ry) + std::max(c.arrow_width, c.head_width) / 2;
    for (const auto& p : c.phases) c.extent = std::max(c.extent, p.box.farthest_from(c.centre));
    return true;
}

}  // namespace

layout::Point direction(double angle) { return {std::sin(angle), -std::cos(angle)}; }

CycleGeometry layout_cycle(const std::vector<std::string>& phases, double size, double ex, double ey,
                           const Style& style, const Fonts& fonts) {
    CycleGeometry c;
    c.type_size = size;
    if (phases.empty()) return c;
    double k = size / style.phase_size;
    c.arrow_width = style.arrow_width * k;
    c.head_length = kHeadLength * c.arrow_width;
    c.head_width = kHeadWidth * c.arrow_width;

    Measure measure = [&](std::string_view s) { return fonts.width(s, fonts.bold, size); };
    double largest = 0;
    for (std::size_t i = 0; i < phases.size(); ++i) {
        PhaseGeometry p;
        p.angle = 2 * pi * static_cast<double>(i) / static_cast<double>(phases.size());
        auto lines = wrap_balanced(phases[i], kPhaseWrapEm * size, measure);
        p.label = set_label(lines, fonts.bold, size, Align::centre, fonts, style.leading);
        p.box = {-kPadXEm * size, -kPadYEm * size, p.label.box.x1 + kPadXEm * size, p.label.box.y1 + kPadYEm * size};
        p.corner = lines.size() <= 1 ? p.box.height() / 2 : kMultiLineCornerEm * size;
        largest = std::max({largest, p.box.width(), p.box.height()});
        c.phases.push_back(std::move(p));
    }
    double r = largest / 2 / std::min(ex, ey);
    for (int i = 0; i < kMaxRadiusSteps; ++i, r *= kRadiusGrowth)
        if (place(c, r * ex, r * ey, style.clearance)) return c;
    throw std::logic_error("diagram: the phase cycle found no radius");  // unreachable: r grows ×1.03^400
}

bool spread_cycle(CycleGeometry& c, double factor, const Style& style) {
    if (c.phases.empty() || factor <= 1) return true;
    CycleGeometry wider = c;
    if (!place(wider, c.rx * factor, c.ry * factor, style.clearance)) return false;
    c = std::move(wider);
    return true;
}

void move_cycle(CycleGeometry& c, layout::Point centre) {
    double dx = centre.x - c.centre.x, dy = centre.y - c.centre.y;
    for (auto& p : c.phases) {
        p.box = p.box.moved(dx, dy);
        translate(p.label, dx, dy);
    }
    c.centre = centre;
}

}  // namespace lerbrief::diagram
