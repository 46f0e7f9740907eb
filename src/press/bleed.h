#pragma once
// Bleed and crop marks for a print shop.
//
// A page designed to be cut at its trim edge gets a margin of paper around
// it (the slug): colour that touches the trim edge runs on past it by the
// bleed, so a cut a little off still leaves no white sliver; crop marks in
// the slug show where to cut; the PDF's TrimBox and BleedBox say the same to
// the shop's software.
//
// What bleeds: a filled shape of the page's own frame with points on a trim
// edge (a colour band, a background). Those points move outward by the
// bleed; shapes inside figures and everything else stay where they are. This
// is exact for rectangles, the only shapes compose draws to the edge.
#include "layout/document.h"

namespace lerbrief::press {

// Crop marks: hairlines in pure black that start this far past the bleed
// (so they never print into it) and run this long; the slug leaves this
// much paper beyond them.
inline constexpr double kMarkGap = 3, kMarkLength = 18, kMarkWidth = 0.25, kSlugEdge = 4;

struct Edges {
    bool left = true, right = true, top = true, bottom = true;
};

// The slug's width for a bleed: from the trim to the paper's edge.
double slug_width(double bleed);

// Moves the trim-edge points of `frame`'s own filled shapes outward by
// `bleed` on the given edges.
void extend_into_bleed(layout::Frame& frame, const Edges& edges, double bleed);

// `trimmed` (already extended) centred on a page grown by the slug on every
// side, with TrimBox and BleedBox, crop marks at the four corners and a fold
// mark at each x in `folds` (top and bottom; x within the trimmed frame).
layout::Page mark_page(const layout::Frame& trimmed, double bleed, const std::vector<double>& folds = {});

// The whole document: each page extended on every edge and marked.
void add_bleed(layout::Document& doc, double bleed);

}  // namespace lerbrief::press
