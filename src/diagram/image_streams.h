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
#include <memory>

#include "layout/frame.h"

namespace lerbrief::diagram {

// The streams for `raster` (its rgba must be width × height × 4 bytes).
// Throws std::runtime_error when zlib fails.
layout::ImageStreams image_streams(const layout::Raster& raster);

// The raster `streams` hold (keyed and sized as they say, with them as its
// streams): null unless each is one zlib stream read to its end, the colour
// stream inflating to exactly width × height pixels of its channels (gray
// exactly when every pixel is), and the alpha stream, when there is one, to
// width × height values not all opaque (image_streams leaves an opaque
// raster's mask out). Streams that pass are those image_streams makes of
// those pixels when they are the bytes it wrote: the cache entry holding
// them checks that by a hash (icon_cache.cpp).
std::shared_ptr<layout::Raster> raster_from_streams(std::shared_ptr<const layout::ImageStreams> streams);

}  // namespace lerbrief::diagram
