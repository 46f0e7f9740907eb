#pragma once
// The ecosystem diagram as geometry: where every phase box, arrow, node and
// label goes, computed from the content and the frame size alone. Nothing is
// drawn here (see draw.h); tests check this geometry directly.
//
// The picture: the phases of an LER sit on a small circle at the centre, in
// order clockwise from the upper left, joined by curved arrows (the cycle);
// the stakeholder groups sit evenly on a larger circle around it (the ring;
// an ellipse when the frame's shape calls for it), group 0 at 12 o'clock,
// clockwise, each a node with its label outside the ring beside it.
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "diagram/box.h"
#include "diagram/label.h"
#include "diagram/style.h"
#include "layout/frame.h"

namespace lerbrief::diagram {

struct Node {
    std::string id, label;
    layout::Icon icon;  // may be empty: no icon
    std::string link;  // a LinkItem's URI over the node and its label, or empty: none
};

struct Input {
    std::vector<std::string> phases;  // in cycle order; 0 … limits::kMaxPhases
    std::vector<Node> groups;         // in ring order; 0 … limits::kMaxGroups
    std::string highlight;            // a group id to emphasise, or empty
};

// Angles are measured clockwise from 12 o'clock, in radians: the direction of
// angle a is (sin a, −cos a) with y down.
layout::Point direction(double angle);

struct PhaseGeometry {
    double angle = 0;     // parameter of its centre on the cycle's ellipse (see CycleGeometry::at)
    Box box;              // the rounded box around the label
    double corner = 0;    // corner radius of that box
    Label label;
};

// An arrow along the cycle's ellipse from parameter `from` to `to`
// (clockwise, to > from); its head ends at `to`.
struct ArrowGeometry {
    double from = 0, to = 0;
};

// The phases sit on an ellipse (a circle unless the frame is wide: wide
// phase boxes need less room side by side) and arrows run along it.
struct CycleGeometry {
    layout::Point centre;
    double rx = 0, ry = 0;  // semi-axes of that ellipse
    double extent = 0;      // everything of the cycle lies within this distance of centre
    double type_size = 0;
    double arrow_width = 0, head_length = 0, head_width = 0;
    std::vector<PhaseGeometry> phases;
    std::vector<ArrowGeometry> arrows;

    // The ellipse's point at parameter t: 0 is 12 o'clock, growing clockwise
    // (for a circle, t is the angle of direction()).
    layout::Point at(double t) const { return {centre.x + rx * std::sin(t), centre.y - ry * std::cos(t)}; }
};

struct NodeGeometry {
    std::string id;
    layout::Point centre;
    double angle = 0;    // of the ring's outward normal at the node
    double r = 0;        // nominal radius (see NodeShape)
    double outer_r = 0;  // the outline lies within this distance of centre
    NodeLook look;
    bool highlighted = false, muted = false;
    Label label;                 // absolute positions; empty for a blank label
    // Where the group's icon goes (whether it has one or not): top-left and
    // side of a square inside the outline. Rasterise icons at icon_size.
    layout::Point icon_pos;
    double icon_size = 0;
};

struct Geometry {
    double width = 0, height = 0;
    layout::Point centre;  // of the ring and the cycle
    // The ring is an ellipse with these semi-axes (a circle unless a circle
    // cannot hold the labels at the chosen size); nodes sit on it.
    double ring_rx = 0, ring_ry = 0;
    double label_size = 0;   // the size labels were set at
    CycleGeometry cycle;
    std::vector<NodeGeometry> nodes;
    // Compromises the caller should report: labels set below
    // Style::min_label_size, or a frame too small for the labels at all.
    std::vector<std::string> warnings;
};

// Lays the diagram out in a width × height frame (points), as large as the
// frame allows:
//  * the largest label size (from Style::label_size down to min_label_size,
//    in half points) and the widest label wrap (10, 7, 5 ems, then one word
//    a line) at which nothing collides — sizes shrink before lines wrap more;
//  * at each, the largest node size (down to 60% of Style::node_size), a
//    circle or else an ellipse (kRingAspects), and the largest ring that
//    keeps every node and label inside the frame and the nodes clear of each
//    other and of the cycle;
//  * the phases at the largest size (from Style::phase_size down to
//    min_label_size, and at most 1.4 × the label size) whose cycle fits
//    inside the ring;
//  * no two labels may overlap, no label may touch any node, the ring or the
//    cycle.
// Then the same with nodes down to Style::min_node_size. When nothing fits,
// labels go below min_label_size (down to kFloorLabelSize); when even that
// fails, only the highlighted group keeps its label, then no group does
// (nodes down to kFloorNodeSize). `warnings` says which. Only a frame far too
// small for the count of nodes ends with nodes overlapping (and a warning).
// Throws std::invalid_argument for counts over limits.h, a label over
// kMaxLabelBytes, a highlight naming no group, or a frame under kMinFrame.
inline constexpr double kMinFrame = 36;  // pt, each side
Geometry compute(const Input& input, const Style& style, const Fonts& fonts, double width, double height);

inline constexpr double kFloorLabelSize = 4;
// Smallest node diameter when labels are left out to make room.
inline constexpr double kFloorNodeSize = 4;
// Ring shapes tried in turn: the ratio of the shorter semi-axis to the longer
// (the longer lies along the frame's longer side).
inline constexpr double kRingAspects[] = {1.0, 0.85, 0.7};

}  // namespace lerbrief::diagram
