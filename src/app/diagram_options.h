#pragma once
// --diagram's options checked before any work: a PNG over
// limits::kMaxDiagramPixels is a usage error (exit 2) naming --size and
// --dpi, not a Cairo failure after the content was loaded and laid out.
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>

#include "app/exit_status.h"
#include "app/options.h"

namespace lerbrief {

// --size: a named size or "WIDTHxHEIGHT" in lengths (1in to 200in), in
// points; nullopt when invalid.
std::optional<std::pair<double, double>> parse_diagram_size(const std::string& s);

// Pixels of the PNG `--size` at `--dpi` makes (as diagram::render_image
// rounds them).
std::pair<long long, long long> diagram_pixels(std::pair<double, double> size_pt, int dpi);

// For Mode::diagram: the usage error to stop with, printed on `err`, or
// nullopt when the options are fine (or left to produce() to refuse).
std::optional<ExitStatus> check_diagram_options(const Options& o, std::ostream& err);

}  // namespace lerbrief
