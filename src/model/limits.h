#pragma once
// Every limit lerbrief puts on its input, in one place (as harfbuzz does in
// hb-limits.hh). Content files are edited by hand and passed around; these
// bounds keep a hostile or broken file from crashing the run, hanging it or
// eating the machine's memory. Each limit has its own message naming it and
// the place that went over it (src/load/messages.cpp).
#include <cstddef>

namespace lerbrief::limits {

// A content or layout file. The real website data is ~60 KB all told.
inline constexpr std::size_t kMaxFileBytes = 2 * 1024 * 1024;
// Nesting of YAML collections (our schema needs 5). Checked before parsing
// for `- - - …` and `[[[…` runs, which make yaml-cpp 0.7 use quadratic memory
// or recurse deeply, and again on the parsed events.
inline constexpr int kMaxDepth = 32;
// One string value. libharu clamps strings at 65,535 bytes.
inline constexpr std::size_t kMaxScalarBytes = 64 * 1024;
// Items in one list (bullets, terms, resources…).
inline constexpr std::size_t kMaxListItems = 10'000;
// Stakeholder groups in one content folder (the benchmark goes to 5,000).
inline constexpr std::size_t kMaxStakeholders = 10'000;
// Files in the stakeholders/ folder that are read.
inline constexpr std::size_t kMaxFiles = 10'000;
// Pages in one output document.
inline constexpr std::size_t kMaxPages = 50'000;
// An SVG icon file, and the pixels of its print-resolution raster.
inline constexpr std::size_t kMaxIconBytes = 1024 * 1024;
inline constexpr std::size_t kMaxIconPixels = 4096 * 4096;

}  // namespace lerbrief::limits
