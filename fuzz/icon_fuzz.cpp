// Fuzz target: the SVG icon path. The input is written as an icon file and
// read as the diagram reads it, through the same load_icon: the file limits,
// the guard (diagram/svg_guard.h: libxml2's reader, the allowlist, the work
// bounds), then librsvg onto Cairo's script surface and the script replayed
// as shapes (diagram/icon_script.h), or onto a Cairo raster when it cannot
// be; then faded as muted nodes are. IconError (IconOverLimit included) is the expected refusal;
// anything else escaping, a crash, 10 s on one input or 512 MB is a finding
// (fuzz/run). Each input is a build of its own: it starts a cache epoch, as
// app/job.cpp does, so the muted-icon caches do not keep every earlier
// input's art (they did, and a 10-minute run grew to 512 MB) nor answer
// for a new icon.svg with an earlier one.
#include <string>
#include <string_view>

#include "diagram/icon.h"
#include "fuzz_support.h"
#include "model/cache_epoch.h"

using namespace lerbrief;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = fuzz::scratch_dir() + "/icon.svg";
    fuzz::write_file(path, std::string_view(reinterpret_cast<const char*>(data), size));
    start_cache_epoch();
    try {
        // 40 pt: a raster, when it comes to one, of 167 px a side; the size
        // checks themselves are exercised by tests/diagram.
        auto icon = diagram::load_icon(path, 40);
        auto muted = diagram::muted_icon(icon);
        return muted.art ? static_cast<int>(muted.art->items.size() == 1) : static_cast<int>(muted.raster->rgba.size() == 1);
    } catch (const diagram::IconError&) {
        return 0;
    }
}
