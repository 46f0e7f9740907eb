#pragma once
// How the diagram looks: how its text is measured, its colours and sizes, and
// which colour and shape each group's node gets.
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "layout/frame.h"

namespace lerbrief::diagram {

// Measuring is injected so the diagram uses the same font metrics as the PDF
// text (layout::FontMetrics in the booklet; anything consistent elsewhere).
// `width` returns the advance of UTF-8 text in points; it must scale linearly
// with `size` (unhinted metrics), which the label search relies on.
struct Fonts {
    layout::FontId regular = 0, bold = 1;
    std::function<double(std::string_view utf8, layout::FontId, double size)> width;
    double ascender = 0.905, descender = 0.212;  // fractions of the size (Liberation Sans)
};

// Colours. Text is always `text` (pure black by default, for photocopies).
struct Palette {
    std::vector<layout::Color> groups;  // node fills; see node_look() for who gets which
    layout::Color phase_fill, phase_stroke;
    layout::Color arrow;
    layout::Color text = layout::kBlack;
    layout::Color node_stroke;
    layout::Color orbit;  // the thin circle the nodes sit on
    layout::Color muted_fill, muted_stroke;  // other groups when one is highlighted
    layout::Color highlight_stroke;
    layout::Color mark, rule, band;  // participation matrix: dots, rules, row shading
};

// Six fills one CIE L* step of 10 apart (42 … 92), in an order that puts
// neighbours far apart in lightness; dark grays and black for lines and text.
Palette default_palette();

// Sizes in points. Type sizes shrink together (labels, phases, arrows) when a
// diagram is small or crowded; never below min_label_size unless compute()
// warns about it.
struct Style {
    Palette palette = default_palette();
    double label_size = 9, phase_size = 10, min_label_size = 6;
    double line_width = 0.8;       // node outlines and phase boxes
    double arrow_width = 1.4;      // cycle arrows at phase_size
    double leading = 1.15;         // line height / type size
    double node_size = 34;         // preferred node diameter
    double min_node_size = 10;
    double icon_fill = 0.8;        // icon diameter / the node's inner diameter
    double margin = 2;             // from the frame edge
    double label_gap = 3;          // between a node and its label
    double clearance = 2;          // between any two other things
    double highlight_width = 2.2;  // outline of the highlighted node
};

// Node outlines, sized by a nominal radius r so that all look about as big
// as a circle of radius r: inner_radius() is the circle inside the outline
// (where the icon sits), outer_radius() the circle around it (what collision
// tests use).
enum class NodeShape { circle, rounded_square, hexagon, diamond };
inline constexpr std::size_t kNodeShapes = 4;
// An outline as a regular polygon with rounded corners, in units of r:
// `sides` = 0 is a circle of radius 1; otherwise the polygon's apothem (the
// inner radius), its corner radius and the angle of its first vertex from
// 3 o'clock (clockwise on the page).
struct Outline {
    int sides = 0;
    double apothem = 1, corner = 0, rotation = 0;
};
Outline outline(NodeShape);
double inner_radius(NodeShape, double r);
double outer_radius(NodeShape, double r);

// Which fill and outline group `index` of `count` gets with a palette of
// `palette_size` colours. With count ≤ palette_size every node is a circle of
// its own colour. Beyond that, m = ceil(count / palette_size) shapes take
// turns around the ring (shape = index mod m) and colours are assigned so no
// two nodes share both colour and shape while count ≤ palette_size × 4: in
// grayscale every node differs from every other in lightness or in outline.
// (Hatching was the alternative; it vanishes behind icons, outlines do not.)
struct NodeLook {
    std::size_t colour = 0;
    NodeShape shape = NodeShape::circle;
};
NodeLook node_look(std::size_t index, std::size_t count, std::size_t palette_size);

// Relative luminance Y of an sRGB colour: Rec. 709 (sRGB) primaries, the
// weights 0.2126 R + 0.7152 G + 0.0722 B applied to linearised components.
double relative_luminance(layout::Color);
// CIE L* (0 black … 100 white) of that luminance: perceptual lightness, the
// scale on which a photocopier's grays are evenly spaced.
double lightness(layout::Color);
// Smallest lightness difference between two palette fills that must survive a
// grayscale photocopy.
inline constexpr double kMinLightnessStep = 9.5;

// Two groups (indices a < b of `count`) whose nodes have the same outline and
// fills less than kMinLightnessStep apart in L*: on a photocopy they look the
// same. Lightnesses la, lb of their fills.
struct GrayClash {
    std::size_t a = 0, b = 0;
    double la = 0, lb = 0;
};
std::vector<GrayClash> gray_clashes(const std::vector<layout::Color>& fills, std::size_t count);

}  // namespace lerbrief::diagram
