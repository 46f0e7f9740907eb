#pragma once
// Whole buffers through zlib: the PDF's streams compressed at once
// (render/flate.h), a picture's streams and an icon's raster pixels kept
// between runs (diagram/image_streams.h, diagram/icon_cache.h).
#include <cstddef>
#include <cstdint>
#include <functional>
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

// The same test without holding what `z` inflates to: each piece (at most
// 64 KB) is handed to `piece` in turn, and the answer is as
// zlib_inflate_exactly's. Pieces already handed over stay handed over when
// the answer is false.
bool zlib_inflate_pieces(std::string_view z, std::size_t size,
                         const std::function<void(const std::uint8_t*, std::size_t)>& piece);

}  // namespace lerbrief
