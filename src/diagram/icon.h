#pragma once
// Icons: SVG files drawn as vector art (icon_script.h) or, when that cannot
// be done, rendered with librsvg into rasters at print resolution.
//
// Only local files are read, and an icon cannot reach anything else: the SVG
// is first checked by svg_guard.h (an allowlist of elements and attributes,
// references inside the file only, bounded work), then handed to librsvg from
// memory with no base file and no flags, so libxml2 keeps its safety limits.
// Files and rasters above limits.h are refused before anything is allocated.
#include <memory>
#include <stdexcept>
#include <string>

#include "diagram/icon_script.h"
#include "layout/frame.h"

namespace lerbrief::diagram {

// "PATH: icon: WHAT IS WRONG". The caller turns it into a warning and draws
// the node without its icon.
class IconError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An icon over one of the icon limits (model/limits.h: elements, <use>
// expansion, nesting, filter primitives, pixels): "PATH: icon: … (the limit
// for an icon)". Handled as any IconError: a warning, and the icon left out.
class IconOverLimit : public IconError {
public:
    using IconError::IconError;
};

// Renders the SVG at `path` into a square raster of printed_size_pt at `dpi`
// (ceil(size / 72 × dpi) pixels a side), the drawing fitted and centred as
// its viewBox says. Straight (not premultiplied) RGBA; key = path, so a
// document embeds each icon once. Throws IconError for a URL, a missing or
// unreadable file, a file over kMaxIconBytes, content svg_guard.h refuses, or
// an SVG librsvg rejects; IconOverLimit for a raster over kMaxIconPixels or
// an SVG over the other icon limits.
std::shared_ptr<layout::Raster> rasterize_svg(const std::string& path, double printed_size_pt, double dpi = 300);

// A faded gray copy for muted nodes: luminance lifted toward white, alpha
// kept; key + "#muted". Made once per process for each key and size (the
// same picture, as for PdfImages); thread-safe.
std::shared_ptr<const layout::Raster> muted_icon(const layout::Raster& icon);

// The SVG at `path` as vector art (icon_script.h), checked and read as
// rasterize_svg reads it: a frame 100 units square, the drawing fitted and
// centred as its viewBox says, or no frame and the operator that could not
// be replayed. Throws what rasterize_svg throws.
ScriptArt svg_art(const std::string& path);

// An icon for printing up to `printed_size_pt`: its vector art, or (for an
// SVG that cannot be replayed, such as one with a mask) a raster at 300 dpi
// of that size. Throws what rasterize_svg throws.
// `why_raster`, when given, receives the operator that made it a raster.
layout::Icon load_icon(const std::string& path, double printed_size_pt, std::string* why_raster = nullptr);

// The muted copy of either kind: art with every colour muted as a raster's
// pixels are (once per process), or muted_icon of the raster.
layout::Icon muted_icon(const layout::Icon& icon);

// The Cairo and librsvg lerbrief runs with ("1.16.0", "2.54.7"), for --version.
std::string cairo_version();
std::string librsvg_version();

}  // namespace lerbrief::diagram
