#pragma once
// Scaling a picture down by area (the step pictures of "LERs explained":
// ~1,000 pixels wide, printed at 300 ppi in ~255). Each pixel of the result
// is the mean of the source area it covers, the pixels on its edges weighted
// by how much of them it covers, in premultiplied colour, so that transparent
// pixels leave no dark fringe. What Cairo's CAIRO_FILTER_GOOD gives when it
// scales down (pixman's separable box convolution), at about a quarter of
// its cost: ~20 instructions a source pixel, as two passes (rows, then
// columns) over precomputed weights.
#include <cairo.h>

#include <memory>
#include <string>

#include "layout/frame.h"

namespace lerbrief::diagram {

// A new ARGB32 image surface of `width` × `height` (each at least 1 and at
// most the source's) holding `source` (an image surface; ARGB32 and RGB24
// are read as they are, another format is painted into ARGB32 first)
// scaled down into it. Null when Cairo cannot make the surface (out of memory).
cairo_surface_t* downscale(cairo_surface_t* source, int width, int height);

// A raster (straight alpha) scaled down the same way to `width` × `height`,
// keyed `key`. Null when Cairo cannot make a surface (out of memory).
std::shared_ptr<layout::Raster> downscale(const layout::Raster& raster, int width, int height, const std::string& key);

}  // namespace lerbrief::diagram
