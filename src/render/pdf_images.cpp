#include "render/pdf_images.h"

#include <fmt/format.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <vector>

#include "render/render_error.h"

namespace lerbrief::render {

HPDF_Image PdfImages::get(const layout::Raster& raster, std::string_view where) {
    if (auto it = by_key_.find(raster.key); it != by_key_.end()) return it->second;
    if (raster.width <= 0 || raster.height <= 0)
        throw RenderError(fmt::format("pdf: {}: image '{}' has no pixels", where, raster.key));
    auto w = static_cast<std::size_t>(raster.width), h = static_cast<std::size_t>(raster.height);
    if (w > kMaxImagePixels / h)
        throw RenderError(fmt::format("pdf: {}: image '{}' ({}x{}) is larger than {} pixels", where,
                                      raster.key, w, h, kMaxImagePixels));
    if (raster.rgba.size() != w * h * 4)
        throw RenderError(fmt::format("pdf: {}: image '{}' has {} bytes of pixels, expected {}", where,
                                      raster.key, raster.rgba.size(), w * h * 4));
    HPDF_Image image = embed(raster);
    by_key_.emplace(raster.key, image);
    return image;
}

// Splits straight RGBA into RGB and alpha planes; libharu copies both.
HPDF_Image PdfImages::embed(const layout::Raster& raster) {
    std::size_t n = static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height);
    std::vector<HPDF_BYTE> rgb(n * 3), alpha(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::copy_n(&raster.rgba[i * 4], 3, &rgb[i * 3]);
        alpha[i] = raster.rgba[i * 4 + 3];
    }
    HPDF_Doc pdf = doc_.get();
    auto w = static_cast<HPDF_UINT>(raster.width), h = static_cast<HPDF_UINT>(raster.height);
    HPDF_Image image = doc_.need(HPDF_LoadRawImageFromMem(pdf, rgb.data(), w, h, HPDF_CS_DEVICE_RGB, 8),
                                 "HPDF_LoadRawImageFromMem (rgb)");
    image->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    bool opaque = std::all_of(alpha.begin(), alpha.end(), [](HPDF_BYTE a) { return a == 255; });
    if (opaque) return image;
    HPDF_Image mask = doc_.need(HPDF_LoadRawImageFromMem(pdf, alpha.data(), w, h, HPDF_CS_DEVICE_GRAY, 8),
                                "HPDF_LoadRawImageFromMem (alpha)");
    mask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    doc_.check("HPDF_Image_AddSMask", HPDF_Image_AddSMask(image, mask));
    return image;
}

}  // namespace lerbrief::render
