#include "render/pdf_images.h"

#include <fmt/format.h>
#include <hpdf_conf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "diagram/downscale.h"
#include "diagram/image_streams.h"
#include "render/flate.h"
#include "render/pdf_page.h"
#include "render/render_error.h"
#include "model/cache_epoch.h"

namespace lerbrief::render {

namespace {

// `raster` at kImagePpi of `printed`, keeping its aspect, when it is finer
// than kScaleDownAbove times that (else null: embedded as it is); made once
// per process and size.
std::shared_ptr<const layout::Raster> sized_for_print(const layout::Raster& raster, const PrintedSize& printed) {
    const double want_w = printed.width / 72 * kImagePpi, want_h = printed.height / 72 * kImagePpi;
    if (!(want_w > 0 && want_h > 0)) return nullptr;
    const double share = std::max(want_w / raster.width, want_h / raster.height);
    if (share * kScaleDownAbove >= 1) return nullptr;
    const int w = std::max(1, static_cast<int>(std::ceil(raster.width * share)));
    const int h = std::max(1, static_cast<int>(std::ceil(raster.height * share)));
    static MadeOnce<std::string, layout::Raster> done;
    const std::string key = fmt::format("{}@{}x{}", raster.key, w, h);
    return done.get(key, [&] {
        std::shared_ptr<const layout::Raster> scaled = diagram::downscale(raster, w, h, key);
        if (!scaled) throw RenderError(fmt::format("pdf: no memory to scale image '{}' down", raster.key));
        return scaled;
    });
}

}  // namespace

std::map<std::string, PrintedSize> printed_sizes(const layout::Document& document) {
    std::map<std::string, PrintedSize> out;
    for (const auto& page : document.pages)
        for_each_placed(page.frame, [&](const layout::Item& item, double scale) {
            if (const auto* im = std::get_if<layout::ImageItem>(&item); im && im->raster) {
                PrintedSize& p = out[im->raster->key];
                p.width = std::max(p.width, im->width * scale);
                p.height = std::max(p.height, im->height * scale);
            }
        });
    return out;
}

namespace {

std::shared_ptr<const layout::ImageStreams> compressed(const layout::Raster& raster);

bool acceptable(const layout::Raster& raster) {
    if (raster.width <= 0 || raster.height <= 0) return false;
    const auto w = static_cast<std::size_t>(raster.width), h = static_cast<std::size_t>(raster.height);
    return w <= kMaxImagePixels / h && diagram::holds_pixels(raster);
}

}  // namespace

void PdfImages::prepare(const layout::Raster& raster) const {
    if (!acceptable(raster)) return;  // get() says why
    std::shared_ptr<const layout::Raster> scaled;
    if (auto it = printed_.find(raster.key); it != printed_.end()) scaled = sized_for_print(raster, it->second);
    compressed(scaled ? *scaled : raster);
}

HPDF_Image PdfImages::get(const layout::Raster& raster, std::string_view where) {
    if (auto it = by_key_.find(raster.key); it != by_key_.end()) return it->second;
    if (raster.width <= 0 || raster.height <= 0)
        throw RenderError(fmt::format("pdf: {}: image '{}' has no pixels", where, raster.key));
    auto w = static_cast<std::size_t>(raster.width), h = static_cast<std::size_t>(raster.height);
    if (w > kMaxImagePixels / h)
        throw RenderError(fmt::format("pdf: {}: image '{}' ({}x{}) is larger than {} pixels", where,
                                      raster.key, w, h, kMaxImagePixels));
    if (!diagram::holds_pixels(raster))
        throw RenderError(fmt::format("pdf: {}: image '{}' has {} bytes of pixels, expected {}", where,
                                      raster.key, raster.rgba.size(), w * h * 4));
    std::shared_ptr<const layout::Raster> scaled;
    if (auto it = printed_.find(raster.key); it != printed_.end()) scaled = sized_for_print(raster, it->second);
    HPDF_Image image = embed(scaled ? *scaled : raster);
    by_key_.emplace(raster.key, image);
    return image;
}

namespace {

// An image's streams, made once per process: documents built from the same
// content embed the same icons (each fact sheet's diagram holds every
// group's), and compressing them was most of the writer's time. A step
// picture kept between runs brings its own (layout::Raster::streams).
std::shared_ptr<const layout::ImageStreams> compressed(const layout::Raster& raster) {
    if (diagram::has_own_streams(raster)) return raster.streams;
    static MadeOnce<std::string, layout::ImageStreams> done;
    return done.get(fmt::format("{}|{}x{}", raster.key, raster.width, raster.height), [&] {
        try {
            return std::make_shared<const layout::ImageStreams>(diagram::image_streams(raster));
        } catch (const std::runtime_error& e) {
            throw RenderError(std::string("pdf: ") + e.what());
        }
    });
}

}  // namespace

// An image XObject whose stream holds `z` (compressed) for w × h pixels of
// `cs`. libharu's raw loader sets up the dictionary for one blank pixel (it
// copies the pixels it is given byte by byte, to be thrown away here); its
// size is then set in place (the same entries, in the same order) and its
// stream replaced.
HPDF_Image PdfImages::load(std::shared_ptr<const std::string> z, HPDF_UINT w, HPDF_UINT h, HPDF_ColorSpace cs) {
    HPDF_Doc pdf = doc_.get();
    static constexpr HPDF_BYTE kBlankPixel[3] = {0, 0, 0};
    HPDF_Image image = doc_.need(HPDF_LoadRawImageFromMem(pdf, kBlankPixel, 1, 1, cs, 8), "HPDF_LoadRawImageFromMem");
    doc_.check("an image's width", HPDF_Dict_AddNumber(image, "Width", static_cast<HPDF_INT32>(w)));
    doc_.check("an image's height", HPDF_Dict_AddNumber(image, "Height", static_cast<HPDF_INT32>(h)));
    put_deflated(image, std::move(z), "an image");
    return image;
}

HPDF_Image PdfImages::embed(const layout::Raster& raster) {
    auto z = compressed(raster);
    auto w = static_cast<HPDF_UINT>(raster.width), h = static_cast<HPDF_UINT>(raster.height);
    // the streams' strings, held with the streams (kept for the process)
    std::shared_ptr<const std::string> colour(z, &z->colour), alpha(z, &z->alpha);
    HPDF_Image image = load(std::move(colour), w, h, z->gray ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB);
    if (z->alpha.empty()) return image;
    HPDF_Image mask = load(std::move(alpha), w, h, HPDF_CS_DEVICE_GRAY);
    doc_.check("HPDF_Image_AddSMask", HPDF_Image_AddSMask(image, mask));
    return image;
}

}  // namespace lerbrief::render
