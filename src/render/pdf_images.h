#pragma once
// Raster images, embedded once per document for each Raster::key: an 8-bit
// RGB image (DeviceGray when every pixel is gray) and, unless every pixel is opaque, an 8-bit gray soft mask made
// from the alpha channel. Both streams are Flate-compressed (libharu leaves
// the masks it makes for PNG files uncompressed; we set the filter ourselves).
// The compressed streams are made once per process for each key and size
// (thread-safe) and written as they are: the bytes are those libharu's own
// compression gives.
//
// A raster much finer than kImagePpi of the largest size it is printed at in
// the document (printed_sizes) is scaled down by area to kImagePpi
// (diagram/downscale.h) before it is embedded, once per process and size:
// an icon drawn as a raster is made for a 48 pt node, and a diagram prints
// it at half that. Within kScaleDownAbove × kImagePpi it stays as it is: a
// raster drawn at 360 ppi compresses better as drawn than resampled to 300.
//
// Two rasters with the same key are taken to be the same picture: the first
// one seen is embedded. Owned by one render_pdf call.
#include <hpdf.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "layout/document.h"
#include "layout/frame.h"
#include "render/hpdf_handle.h"

namespace lerbrief::render {

// Pixels an inch of a raster as printed: what print needs, and what the
// pictures are read at (diagram/picture.h).
inline constexpr double kImagePpi = 300;
inline constexpr double kScaleDownAbove = 1.5;

// The largest width and height, in points, each raster (by key) is printed
// at on the pages of `document`, groups' scales applied.
struct PrintedSize {
    double width = 0, height = 0;
};
std::map<std::string, PrintedSize> printed_sizes(const layout::Document& document);

// Largest raster accepted (a full Letter page at 600 dpi is about 34 M pixels).
inline constexpr std::size_t kMaxImagePixels = 64u << 20;

class PdfImages {
public:
    // `printed`: printed_sizes() of the document; a raster not in it is embedded as it is.
    PdfImages(HpdfDoc& doc, std::map<std::string, PrintedSize> printed) : doc_(doc), printed_(std::move(printed)) {}

    // The image for `raster`, embedding it on first use. Throws RenderError
    // naming `where` when the raster is empty, too large or its pixel buffer
    // does not match its size.
    HPDF_Image get(const layout::Raster& raster, std::string_view where);
    // Makes the streams get() will embed for `raster` (scaled to print when
    // it is finer than that), when get() would accept it (shared_work.h: on a
    // second thread, while get() is called on another). Thread-safe; throws
    // what making them throws.
    void prepare(const layout::Raster& raster) const;

private:
    HPDF_Image embed(const layout::Raster& raster);
    HPDF_Image load(std::shared_ptr<const std::string> z, HPDF_UINT w, HPDF_UINT h, HPDF_ColorSpace cs);

    HpdfDoc& doc_;
    std::map<std::string, PrintedSize> printed_;
    std::map<std::string, HPDF_Image> by_key_;
};

}  // namespace lerbrief::render
