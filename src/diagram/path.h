#pragma once
// Paths built with Cairo and handed over as layout::PathSeg lists, so the
// PDF writer draws them as vectors. Cairo does the geometry (arcs become
// Béziers, polygons get rounded corners); nothing is rasterised.
#include <vector>

#include "diagram/box.h"
#include "diagram/cairo_ptr.h"
#include "diagram/style.h"
#include "layout/frame.h"

namespace lerbrief::diagram {

// A Cairo context on an unbounded recording surface, used only to build
// paths. Not thread-safe; make one per thread.
class PathBuilder {
public:
    PathBuilder();  // throws std::runtime_error if Cairo cannot make a context
    cairo_t* cr() const { return cr_.get(); }
    // The current path in frame coordinates (MOVE_TO/LINE_TO/CURVE_TO/
    // CLOSE_PATH), then clears it.
    std::vector<layout::PathSeg> take();

private:
    SurfacePtr surface_;
    ContextPtr cr_;
};

// Each adds a closed sub-path (except arc) to the current path.
void add_circle(cairo_t* cr, layout::Point centre, double r);
// An axis-aligned ellipse (drawn as a unit circle under a scaled matrix).
void add_ellipse(cairo_t* cr, layout::Point centre, double rx, double ry);
void add_rounded_box(cairo_t* cr, const Box& box, double corner);
// A node's outline (see Outline in style.h) of nominal radius r.
void add_outline(cairo_t* cr, NodeShape shape, layout::Point centre, double r);
// An open arc of the ellipse rx × ry around centre between two parameters
// (CycleGeometry::at: clockwise from 12 o'clock), from < to.
void add_elliptic_arc(cairo_t* cr, layout::Point centre, double rx, double ry, double from, double to);
// An arrowhead with its tip at `tip`, pointing along the unit vector `dir`:
// a triangle of `length` × `width` with a notched back.
void add_arrow_head(cairo_t* cr, layout::Point tip, layout::Point dir, double length, double width);

// Converts a Cairo path (as cairo_copy_path returns it) to PathSegs.
std::vector<layout::PathSeg> to_segments(const cairo_path_t& path);

}  // namespace lerbrief::diagram
