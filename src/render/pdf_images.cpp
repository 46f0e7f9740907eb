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

// Splits straight RGBA into colour and alpha planes; libharu copies both.
// A raster whose every pixel is gray (a grayscale edition's) is embedded as
// DeviceGray, so nothing in the file asks for colour ink.
HPDF_Image PdfImages::embed(const layout::Raster& raster) {
    std::size_t n = static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height);
    const auto& px = raster.rgba;
    bool gray = true;
    for (std::size_t i = 0; i < n && gray; ++i) gray = px[i * 4] == px[i * 4 + 1] && px[i * 4 + 1] == px[i * 4 + 2];
    const std::size_t channels = gray ? 1 : 3;
    std::vector<HPDF_BYTE> colour(n * channels), alpha(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::copy_n(&px[i * 4], channels, &colour[i * channels]);
        alpha[i] = px[i * 4 + 3];
    }
    HPDF_Doc pdf = doc_.get();
    auto w = static_cast<HPDF_UINT>(raster.width), h = static_cast<HPDF_UINT>(raster.height);
    HPDF_Image image = doc_.need(HPDF_LoadRawImageFromMem(pdf, colour.data(), w, h,
                                                          gray ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8),
                                 "HPDF_LoadRawImageFromMem (colour)");
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
