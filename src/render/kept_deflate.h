#pragma once
// Compressed streams kept between runs: a font file or a page's content that
// an earlier run compressed is read back instead of compressed again. zlib is
// a quarter of the work of `--all`; a facilitator's second run of the same
// content finds most of its streams unchanged.
//
// An entry (model/disk_cache.h, kind `deflated`) is named by a hash of the
// raw bytes, and holds them, their compressed bytes and a hash of those. It
// is used only when it holds exactly the raw bytes in hand and its compressed
// bytes have their hash, so an entry stands for identical bytes, and a
// damaged or colliding entry is a miss, and replaced. (Comparing costs a
// twentieth of inflating the compressed bytes to check them.)
// The entries' stamp names this program and the zlib it loaded, so what is
// read back is what deflate_bytes (flate.h) gives: the file does not change.
// Only the first limits::kMaxKeptStreams streams of a build, of
// limits::kMinKeptStreamBytes or more, use the folder.
#include <string>
#include <string_view>

namespace lerbrief::render {

// `raw` deflated as deflate_bytes deflates it; from the folder when an entry
// holds it, and stored there when not. Throws RenderError as deflate_bytes.
std::string kept_deflate(std::string_view raw);

}  // namespace lerbrief::render
