#pragma once
// Shared by the diagram tests: real font metrics (fonts/Liberation Sans, as
// the PDF measures them), sample inputs and PNG goldens. Test-only.
#include <string>
#include <vector>

#include "diagram/draw.h"
#include "diagram/geometry.h"
#include "diagram/paint.h"
#include "support/support.h"

namespace lerbrief::test {

// The icon and picture cache (diagram/icon_cache.h) on, in a fresh folder,
// for one test; off again after it.
struct CacheIn {
    TempDir dir;
    fs::path folder = dir / "cache";
    CacheIn();
    ~CacheIn();
    // the folder's files (those whose names end with `ending`)
    std::vector<fs::path> entries(const std::string& ending = "") const;
};

// Liberation Sans Regular (FontId 0) and Bold (1) measured by
// layout::FontMetrics from fonts/.
const diagram::Fonts& fonts();
// The same faces for the painter.
const diagram::FontFiles& font_files();

// The four phases of the LER ecosystem.
std::vector<std::string> phases();
// The ten groups of the LER Ecosystem Map, without icons.
diagram::Input map_input();
// The same with icons from tests/fixtures/diagram/icons, taken in turn,
// rendered for `icon_size` points.
diagram::Input map_input_with_icons(double icon_size);
// n synthetic groups; long names look like
// "Credentialing Organizations and Very Long Named Partners 17".
diagram::Input synthetic_input(std::size_t n, bool long_names);

// Frame sizes the product uses: a booklet page's text block, half of it, and
// the small copy on a fact sheet.
struct FrameSize {
    const char* name;
    double width, height;
};
inline constexpr FrameSize kBookletPage{"booklet page", 468, 560};
inline constexpr FrameSize kBookletHalf{"booklet half page", 468, 300};
inline constexpr FrameSize kFactSheet{"fact sheet", 252, 252};

// Renders `frame` at `dpi` and compares it with tests/fixtures/diagram/NAME.png
// (see the README there); with LERBRIEF_UPDATE_GOLDENS=1 rewrites the golden
// instead. Returns an empty string on success, else what differs and where the
// actual render was written.
std::string compare_with_golden(const layout::Frame& frame, const std::string& name, double dpi);

}  // namespace lerbrief::test
