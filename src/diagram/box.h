#pragma once
// Axis-aligned boxes and the few intersection tests the diagram needs.
// Coordinates as in layout::Frame: points, y down.
#include <algorithm>
#include <cmath>

#include "layout/frame.h"

namespace lerbrief::diagram {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    layout::Point centre() const { return {(x0 + x1) / 2, (y0 + y1) / 2}; }
    Box moved(double dx, double dy) const { return {x0 + dx, y0 + dy, x1 + dx, y1 + dy}; }
    Box grown(double d) const { return {x0 - d, y0 - d, x1 + d, y1 + d}; }
    // Open intersection: boxes that only touch do not intersect.
    bool intersects(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool within(const Box& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
    bool contains(layout::Point p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
    // Distance from p to the nearest point of the box (0 inside).
    double distance_to(layout::Point p) const {
        double dx = std::max({x0 - p.x, 0.0, p.x - x1});
        double dy = std::max({y0 - p.y, 0.0, p.y - y1});
        return std::hypot(dx, dy);
    }
    // Distance from p to the farthest point of the box.
    double farthest_from(layout::Point p) const {
        return std::hypot(std::max(std::abs(x0 - p.x), std::abs(x1 - p.x)),
                          std::max(std::abs(y0 - p.y), std::abs(y1 - p.y)));
    }
};

// A box and a disc overlap when the disc's centre is nearer to the box than
// its radius.
inline bool overlaps_disc(const Box& b, layout::Point c, double r) { return b.distance_to(c) < r; }

}  // namespace lerbrief::diagram
