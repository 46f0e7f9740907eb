#pragma once
// Geometry → layout::Frame: vector shapes built with Cairo, labels as real
// text (selectable in the PDF), icons as images. The frame is backend-neutral:
// the PDF writer places it on a page, paint() draws it with Cairo.
#include "diagram/geometry.h"
#include "layout/frame.h"

namespace lerbrief::diagram {

// Draws `geometry` (computed from the same input, style and fonts). In
// highlight mode the highlighted node keeps its colour and gets a strong
// outline and a bold label; the others are muted: light gray, thin gray
// outline, a faded gray icon. All text is Palette::text (black).
layout::Frame draw(const Geometry& geometry, const Input& input, const Style& style, const Fonts& fonts);

// compute() then draw().
layout::Frame diagram(const Input& input, const Style& style, const Fonts& fonts, double width, double height);

}  // namespace lerbrief::diagram
