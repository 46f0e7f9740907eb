#pragma once
// A raster's pixels as the PDF embeds them (render/pdf_images.h): an 8-bit
// RGB stream (DeviceGray when every pixel is gray) and an 8-bit soft mask
// from the alpha channel unless every pixel is opaque, each compressed by
// zlib at its default level, which gives the bytes libharu's own compression
// of a stream gives.
//
// Here, below render/, because a step picture kept between runs
// (diagram/picture.cpp) is kept as these streams: compressing them was most
// of the booklet's drawing, and its pixels are read back from them.
#include <cstdint>
#include <memory>
#include <vector>

#include "layout/frame.h"

namespace lerbrief::diagram {

// The streams for `raster` (its rgba must be width × height × 4 bytes).
// Throws std::runtime_error when zlib fails.
layout::ImageStreams image_streams(const layout::Raster& raster);

// The raster `streams` hold (keyed and sized as they say, with them as its
// streams and no pixels of its own: pixels() inflates them when they are
// needed, and the PDF embeds the streams as they are): null unless each is one zlib stream read to its end, the colour
// stream inflating to exactly width × height pixels of its channels (gray
// exactly when every pixel is), and the alpha stream, when there is one, to
// width × height values not all opaque (image_streams leaves an opaque
// raster's mask out). Streams that pass are those image_streams makes of
// those pixels when they are the bytes it wrote: the cache entry holding
// them checks that by a hash (icon_cache.cpp).
// The streams are inflated here a piece at a time to be tested, and no pixel
// is kept: a step picture of the map is 1.8 MB of pixels a run.
std::shared_ptr<layout::Raster> raster_from_streams(std::shared_ptr<const layout::ImageStreams> streams);

// True when `raster` carries streams made of its own pixels: of its key
// and size (a copy made to change the pixels takes another key).
bool has_own_streams(const layout::Raster& raster);

// True when `raster` has its width × height pixels: in rgba, or, with rgba
// empty, in streams of its own key and size (raster_from_streams).
bool holds_pixels(const layout::Raster& raster);

// `raster`'s pixels (width × height × 4 bytes, as Raster::rgba): rgba, or,
// for a raster with only its streams, inflated from them into `scratch`
// (empty should they fail raster_from_streams' test now). Whoever changes,
// scales or paints pixels reads them here.
const std::vector<std::uint8_t>& pixels(const layout::Raster& raster, std::vector<std::uint8_t>& scratch);

}  // namespace lerbrief::diagram
