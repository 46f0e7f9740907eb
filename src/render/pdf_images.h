#pragma once
// Raster images, embedded once per document for each Raster::key: an 8-bit
// RGB image (DeviceGray when every pixel is gray) and, unless every pixel is opaque, an 8-bit gray soft mask made
// from the alpha channel. Both streams are Flate-compressed (libharu leaves
// the masks it makes for PNG files uncompressed; we set the filter ourselves).
// The compressed streams are made once per process for each key and size
// (thread-safe) and written as they are: the bytes are those libharu's own
// compression gives.
//
// Two rasters with the same key are taken to be the same picture: the first
// one seen is embedded. Owned by one render_pdf call.
#include <hpdf.h>

#include <map>
#include <vector>
#include <string>
#include <string_view>

#include "layout/frame.h"
#include "render/hpdf_handle.h"

namespace lerbrief::render {

// Largest raster accepted (a full Letter page at 600 dpi is about 34 M pixels).
inline constexpr std::size_t kMaxImagePixels = 64u << 20;

class PdfImages {
public:
    explicit PdfImages(HpdfDoc& doc) : doc_(doc) {}

    // The image for `raster`, embedding it on first use. Throws RenderError
    // naming `where` when the raster is empty, too large or its pixel buffer
    // does not match its size.
    HPDF_Image get(const layout::Raster& raster, std::string_view where);

private:
    HPDF_Image embed(const layout::Raster& raster);
    HPDF_Image load(const std::string& z, HPDF_UINT w, HPDF_UINT h, HPDF_ColorSpace cs, std::size_t channels);

    HpdfDoc& doc_;
    std::map<std::string, HPDF_Image> by_key_;
    std::vector<HPDF_BYTE> blank_;  // what libharu's raw loader copies before its stream is replaced
};

}  // namespace lerbrief::render
