#pragma once
// Whole buffers through zlib: the PDF's streams compressed at once
// (render/flate.h), a picture's streams and an icon's raster pixels kept
// between runs (diagram/image_streams.h, diagram/icon_cache.h).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lerbrief {

enum class Deflate {
    standard,  // zlib's default level: the bytes libharu's own compression of a stream gives
    fast,      // zlib's fastest level: what is only kept between runs
};

// `raw` as one zlib stream; empty when zlib fails (no memory).
std::string zlib_deflate(std::string_view raw, Deflate level);

// `z` inflated into `out`, when it is one zlib stream, all of it read, that
// inflates to exactly `size` bytes (room for one byte more, so that a longer
// stream is refused); false for anything else.
bool zlib_inflate_exactly(std::string_view z, std::size_t size, std::vector<std::uint8_t>& out);

}  // namespace lerbrief
