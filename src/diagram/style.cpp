#include "diagram/style.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace lerbrief::diagram {

namespace {
layout::Color hex(unsigned v) {
    return {((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}
layout::Color gray(double v) { return {v, v, v}; }
}  // namespace

Palette default_palette() {
    Palette p;
    // CIE L*: 42 blue, 72 orange, 52 teal, 82 green, 62 rose, 92 sand.
    p.groups = {hex(0x3E61AB), hex(0xEF9F55), hex(0x008C7A),
                hex(0xBCD681), hex(0xD27AA3), hex(0xFBE8A5)};
    p.phase_fill = hex(0xDDE7F0);
    p.phase_stroke = hex(0x47545E);
    p.arrow = gray(0.22);
    p.text = layout::kBlack;
    p.node_stroke = gray(0.2);
    p.orbit = gray(0.72);
    p.muted_fill = gray(0.91);
    p.muted_stroke = gray(0.55);
    p.highlight_stroke = layout::kBlack;
    p.mark = gray(0.1);
    p.rule = gray(0.7);
    p.band = gray(0.95);
    return p;
}

Outline outline(NodeShape s) {
    using std::numbers::pi;
    switch (s) {
    case NodeShape::circle: return {};
    case NodeShape::rounded_square: return {4, 0.9, 0.34, pi / 4};
    case NodeShape::hexagon: return {6, 0.92, 0.15, 0};  // flat top and bottom
    case NodeShape::diamond: return {4, 0.84, 0.25, 0};  // a rounded square turned 45°
    }
    return {};
}

double inner_radius(NodeShape s, double r) { return r * outline(s).apothem; }

// A rounded corner's arc centre lies (apothem − corner)/cos(180°/n) from the
// centre; the outline reaches one corner radius beyond it.
double outer_radius(NodeShape s, double r) {
    auto o = outline(s);
    if (o.sides == 0) return r;
    return r * ((o.apothem - o.corner) / std::cos(std::numbers::pi / o.sides) + o.corner);
}

NodeLook node_look(std::size_t index, std::size_t count, std::size_t palette_size) {
    if (palette_size == 0) return {};
    std::size_t k = palette_size;
    std::size_t m = std::min<std::size_t>((count + k - 1) / k, kNodeShapes);
    if (m <= 1) return {index % k, NodeShape::circle};
    std::size_t s = index % m, q = index / m;
    // (s, q) is unique per index; rotating colours by s·(k/m) keeps
    // (shape, colour) unique and keeps neighbours off the same colour.
    std::size_t colour = (q + s * (k / m)) % k;
    return {colour, static_cast<NodeShape>(s)};
}

double relative_luminance(layout::Color c) {
    auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

double lightness(layout::Color c) {
    double y = relative_luminance(c);
    return y > 216.0 / 24389.0 ? 116.0 * std::cbrt(y) - 16.0 : y * 24389.0 / 27.0;
}

std::vector<GrayClash> gray_clashes(const std::vector<layout::Color>& fills, std::size_t count) {
    std::vector<GrayClash> out;
    if (fills.empty()) return out;
    std::vector<NodeLook> looks;
    for (std::size_t i = 0; i < count; ++i) looks.push_back(node_look(i, count, fills.size()));
    for (std::size_t a = 0; a < count; ++a)
        for (std::size_t b = a + 1; b < count; ++b) {
            if (looks[a].shape != looks[b].shape) continue;
            const double la = lightness(fills[looks[a].colour]), lb = lightness(fills[looks[b].colour]);
            if (std::abs(la - lb) < kMinLightnessStep) out.push_back({a, b, la, lb});
        }
    return out;
}

}  // namespace lerbrief::diagram
