#pragma once
// An icon's vector art, from the drawing calls librsvg makes.
//
// librsvg exposes no paths, but Cairo's script surface writes every call
// made on it as CairoScript text (`0.29 0.36 0.87 rgb set-source`,
// `n 75.8 50 m … c h`, `fill+`, `stroke+`, `0.1 0.1 scale`). replay_script
// turns the calls of flat drawing back into shapes: paths (moves, lines,
// curves, closes, rectangles) under scales, translations and matrices;
// opaque gray and RGB sources; fills (nonzero or even-odd) and strokes with
// their width, caps, joins and miter limit; save and restore.
//
// Anything else (a mask, a pattern or gradient, an image, a clip, paint,
// transparency, a dash, text, groups) is not replayed: the result names the
// first such operator, and the caller draws the icon as a raster instead.
#include <memory>
#include <string>
#include <string_view>

#include "layout/frame.h"

namespace lerbrief::diagram {

struct ScriptArt {
    std::shared_ptr<const layout::Frame> frame;  // null when not replayed
    std::string unsupported;                      // then: the operator that stopped it
};

// The script of a surface `side` units square (y down), as a frame of that size.
ScriptArt replay_script(std::string_view script, double side);

}  // namespace lerbrief::diagram
