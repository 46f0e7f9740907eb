#pragma once
// What librsvg made of an icon, kept between runs.
//
// Parsing an SVG with librsvg and recording its drawing is a quarter of the
// work of one fact sheet, and the map's icons rarely change. So each icon that
// loads is stored in a folder of the user's (app/paths.h: icon_cache_dir):
// the CairoScript of its drawing (icon_script.h replays it, as it replays a
// fresh recording), or, for an icon that cannot be replayed, the reason and
// its rasters, one for each pixel size asked for (the last few).
//
// An entry (model/disk_cache.h: its folder, stamp, limits and writing) is
// found by a hash of the SVG's bytes, and used only when the bytes stored in
// it are the SVG's bytes and its stamp is this run's, librsvg's file (not
// loaded to read its version) included. So an entry stands only for an
// identical file that loaded, in an identical program: the same checks
// passed, and the same drawing is replayed into the same PDF bytes.
// The caller stores only what the file's bytes alone decide (icon.cpp: not
// an icon with text, which librsvg sets with the machine's fonts, and only
// what the build's own librsvg made). An entry that cannot be read whole is
// a miss; failures are never stored, so their messages come from loading
// the file again.
//
// The step pictures are kept in the same folder, under the same stamp:
// decoding a PNG and scaling it to 300 ppi is a third of the work of `--all`
// on the map. An entry holds the PNG's bytes and its pixels at one size as
// the PDF's image streams (compressing them was most of the booklet's
// drawing), from which the pixels are read back.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/frame.h"

namespace lerbrief::diagram {

struct CachedIcon {
    std::string script;       // the icon's drawing as CairoScript; empty for a raster
    std::string unsupported;  // a raster: the operator that stopped the replay
    // a raster: (pixels a side, the straight RGBA deflated), one a size
    std::vector<std::pair<int, std::string>> rasters;
};

// Turns the cache of every kind on (disk_cache::use), in `dir`, with
// librsvg's file in its stamp; off as disk_cache::use says. Off until
// called: only the lerbrief command turns it on.
void use_icon_cache(const std::string& dir);
bool icon_cache_on();

// The entry stored for an SVG with exactly these bytes; nothing when the
// cache is off or has none.
std::optional<CachedIcon> find_cached_icon(std::string_view svg);

// Stores `entry` for these bytes, replacing an older one; silently nothing
// when the cache is off or the folder cannot be written.
void store_cached_icon(std::string_view svg, const CachedIcon& entry);

// The hash a picture's entry names its streams by (16 hex digits, disk_cache::hash64
// over both streams and their lengths), checked when it is read: the PDF
// embeds the streams as they are, and a stream damaged in its compressed
// bytes can still inflate to the same pixels, which zlib's own check is
// over. An entry is lerbrief's, in a folder only its user may write: the
// hash finds damage (a disk, a partial copy), not entries made to deceive.
std::string picture_streams_hash(std::string_view colour, std::string_view alpha);

// A picture (picture.cpp: a PNG decoded and scaled to print) is kept as its
// pixels' streams (image_streams.h), from which they are read back.

// The streams stored for a PNG with exactly these bytes, scaled to exactly
// width × height (their key left empty: the caller's); nothing when the
// cache is off or has none.
std::optional<layout::ImageStreams> find_cached_picture(std::string_view png, int width, int height);

// Stores `entry` for these bytes at its size; silently nothing when the cache
// is off, the folder cannot be written, or the entry would be over a quarter
// of limits::kMaxIconCacheBytes.
void store_cached_picture(std::string_view png, const layout::ImageStreams& entry);

// An icon's raster pixels as an entry holds them, and back: the raster
// `key`, width × height, straight RGBA; null unless the pixels inflate to
// exactly width × height × 4 bytes.
std::string deflate_rgba(const std::vector<std::uint8_t>& rgba);
std::shared_ptr<layout::Raster> inflated_raster(std::string_view deflated, int width, int height, const std::string& key);

}  // namespace lerbrief::diagram
