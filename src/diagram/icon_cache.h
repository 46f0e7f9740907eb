#pragma once
// What librsvg made of an icon, kept between runs.
//
// Parsing an SVG with librsvg and recording its drawing is a quarter of the
// work of one fact sheet, and the map's icons rarely change. So each icon that
// loads is stored in a folder of the user's (app/paths.h: icon_cache_dir):
// the CairoScript of its drawing (icon_script.h replays it, as it replays a
// fresh recording), or, for an icon that cannot be replayed, the reason and
// its raster.
//
// An entry is found by a hash of the SVG's bytes, and used only when the
// bytes stored in it are the SVG's bytes and its stamp is this one's (this
// build of lerbrief, by its GNU build ID, and the Cairo, librsvg and libxml2
// it runs with); another stamp's entry is replaced. So an entry can only
// stand for an identical file that loaded, in an identical program: the same
// checks passed, and the same drawing is replayed into the same PDF bytes. An
// entry that cannot be read whole is a miss; the cache is off when the folder
// cannot be made ours. Failures are never stored: their messages come from
// loading the file again. The folder keeps the 256 entries written last
// (an entry is 10–60 KB): older ones are removed as new ones are written.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lerbrief::diagram {

struct CachedIcon {
    std::string script;        // the icon's drawing as CairoScript; empty for a raster
    std::string unsupported;   // a raster: the operator that stopped the replay
    int side = 0;              // a raster: pixels a side
    std::vector<std::uint8_t> rgba;  // a raster: side × side × 4, straight alpha
};

// Turns the cache on, in `dir` (made, mode 0700, when missing), or off when
// `dir` is empty or is not a folder of this user's that others cannot write.
// Off until called: only the lerbrief command turns it on.
void use_icon_cache(const std::string& dir);

// The entry stored for an SVG with exactly these bytes; nothing when the
// cache is off or has none.
std::optional<CachedIcon> find_cached_icon(std::string_view svg);

// Stores `entry` for these bytes, replacing an older one; silently nothing
// when the cache is off or the folder cannot be written.
void store_cached_icon(std::string_view svg, const CachedIcon& entry);

}  // namespace lerbrief::diagram
