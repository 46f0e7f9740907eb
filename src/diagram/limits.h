#pragma once
// Limits against hostile or broken input in the diagram stage, in one place.
// Exceeding one is an error that names the file or the count, never a crash
// or an unbounded allocation. (To move into the project's limits header.)
#include <cstddef>

namespace lerbrief::diagram::limits {

// An icon file larger than this is refused before it is parsed. The map
// website's illustrations are 5–30 KB.
inline constexpr std::size_t kMaxSvgFileBytes = 1u << 20;
// Largest icon raster (width × height pixels) we allocate: 2048² = 16 MB of
// RGBA. A 40 pt icon at 300 dpi is 167², a 3 in icon at 600 dpi 1800².
inline constexpr std::size_t kMaxIconPixels = 2048u * 2048u;

// The diagram stays readable up to 24 groups and 8 phases; beyond these
// counts compute() refuses the input (layout cost grows with the square).
inline constexpr std::size_t kMaxGroups = 64;
inline constexpr std::size_t kMaxPhases = 12;
// Longest label, in bytes, the diagram wraps.
inline constexpr std::size_t kMaxLabelBytes = 400;
// Participation matrix: most columns (action areas).
inline constexpr std::size_t kMaxMatrixAreas = 16;

}  // namespace lerbrief::diagram::limits
