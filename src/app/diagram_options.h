#pragma once
// --diagram's options checked before any work: a file name without a format
// lerbrief writes, a --size that is not one, and a PNG over
// limits::kMaxDiagramPixels are usage errors (exit 2) naming the option, not
// a Cairo failure after the content was loaded and laid out.
#include <optional>
#include <string>
#include <utility>

#include "app/options.h"
#include "model/diagnostic.h"

namespace lerbrief {

// --size: a named size or "WIDTHxHEIGHT" in lengths with their units (1in
// to 200in), in points; nullopt when invalid.
std::optional<std::pair<double, double>> parse_diagram_size(const std::string& s);

// Pixels of the PNG `--size` at `--dpi` makes (as diagram::render_image
// rounds them).
std::pair<long long, long long> diagram_pixels(std::pair<double, double> size_pt, int dpi);

// For Mode::diagram: false after a usage error in `diags`; true when the
// options are fine (and for every other mode).
bool check_diagram_options(const Options& o, Diagnostics& diags);

}  // namespace lerbrief
