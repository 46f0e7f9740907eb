// Fuzz target: the SVG icon path. The input is written as an icon file and
// rendered as the diagram does, through the same rasterize_svg: the file
// limits, the guard (diagram/svg_guard.h: libxml2's reader, the allowlist,
// the work bounds), then librsvg onto a Cairo raster; then faded as muted
// nodes are. IconError (IconOverLimit included) is the expected refusal;
// anything else escaping, a crash, 10 s on one input or 512 MB is a finding
// (fuzz/run).
#include <string>
#include <string_view>

#include "diagram/icon.h"
#include "fuzz_support.h"

using namespace lerbrief;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = fuzz::scratch_dir() + "/icon.svg";
    fuzz::write_file(path, std::string_view(reinterpret_cast<const char*>(data), size));
    try {
        // 40 pt at 72 dpi: a 40 px raster keeps the runs fast; the size
        // checks themselves are exercised by tests/diagram.
        auto raster = diagram::rasterize_svg(path, 40, 72);
        auto muted = diagram::muted_icon(*raster);
        return muted->rgba.size() == 1;
    } catch (const diagram::IconError&) {
        return 0;
    }
}
