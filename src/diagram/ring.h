#pragma once
// The ring of group nodes (internal to compute()): one attempt at placing the
// nodes and their labels with given type size, node size and ring shape.
#include <string>
#include <vector>

#include "diagram/geometry.h"

namespace lerbrief::diagram {

struct RingAttempt {
    std::vector<std::vector<std::string>> lines;  // per group: its label's lines
    std::vector<layout::FontId> fonts;            // per group
    double label_size = 0;
    double node_radius = 0;
    double aspect = 1;  // shorter / longer semi-axis of the ring
    // Candidate cycles, largest phase type first, each laid out around (0, 0)
    // on the ellipse cycle_shape() gives for this ring; the first that fits
    // inside the ring is used.
    const std::vector<CycleGeometry>* cycles = nullptr;
    double max_phase_size = 0;  // skip cycles set larger than this (keeps phases in proportion to labels)
};

// The ratio ex : ey of the cycle's ellipse in a ring of `aspect` in a
// width × height frame: as flat as the ring when the frame is wide, else a
// circle (phase boxes are wide; a tall cycle would crowd them).
struct CycleShape {
    double ex = 1, ey = 1;
};
CycleShape cycle_shape(double aspect, double width, double height);

// Places the ring as large as the frame allows and checks every rule of
// compute(). `ok` is false when something collides or leaves the frame; the
// geometry is still filled in (compute() may fall back on it).
struct RingResult {
    Geometry geometry;
    bool ok = false;
};
RingResult place_ring(const Input& input, const RingAttempt& attempt, const Style& style,
                      const Fonts& fonts, double width, double height);

}  // namespace lerbrief::diagram
