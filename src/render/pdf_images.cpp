#include "render/pdf_images.h"

#include <fmt/format.h>
#include <hpdf_conf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "render/flate.h"
#include "render/render_error.h"
#include "model/cache_epoch.h"

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

namespace {

// An image's streams, Flate-compressed once per process: documents built
// from the same content embed the same icons (each fact sheet's diagram
// holds every group's), and compressing them was most of the writer's time.
// A raster whose every pixel is gray (a grayscale edition's) is DeviceGray,
// so nothing in the file asks for colour ink.
struct Compressed {
    bool gray = false;
    std::string colour, alpha;  // zlib streams; alpha empty when every pixel is opaque
};

// compress2 at the default level (deflate_bytes) writes the same bytes as
// libharu's own deflate of a stream (deflateInit with Z_DEFAULT_COMPRESSION,
// then Z_FINISH), so the PDF does not change.
std::string deflate(const std::vector<HPDF_BYTE>& raw) {
    return deflate_bytes({reinterpret_cast<const char*>(raw.data()), raw.size()});
}

std::shared_ptr<const Compressed> compressed(const layout::Raster& raster) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Compressed>> done;
    static unsigned epoch = 0;
    const std::string key = fmt::format("{}|{}x{}", raster.key, raster.width, raster.height);
    {
        std::lock_guard lock(mutex);
        renew_cache(epoch, done);
        if (auto it = done.find(key); it != done.end()) return it->second;
    }
    std::size_t n = static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height);
    const auto& px = raster.rgba;
    auto c = std::make_shared<Compressed>();
    c->gray = true;
    for (std::size_t i = 0; i < n && c->gray; ++i) c->gray = px[i * 4] == px[i * 4 + 1] && px[i * 4 + 1] == px[i * 4 + 2];
    const std::size_t channels = c->gray ? 1 : 3;
    std::vector<HPDF_BYTE> colour(n * channels), alpha(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::copy_n(&px[i * 4], channels, &colour[i * channels]);
        alpha[i] = px[i * 4 + 3];
    }
    c->colour = deflate(colour);
    if (!std::all_of(alpha.begin(), alpha.end(), [](HPDF_BYTE a) { return a == 255; })) c->alpha = deflate(alpha);
    std::lock_guard lock(mutex);
    return done.emplace(key, std::move(c)).first->second;
}

}  // namespace

// An image XObject whose stream holds `z` (compressed) for w × h pixels of
// `cs`. libharu's raw loader sets up the dictionary; its stream is replaced.
HPDF_Image PdfImages::load(const std::string& z, HPDF_UINT w, HPDF_UINT h, HPDF_ColorSpace cs, std::size_t channels) {
    HPDF_Doc pdf = doc_.get();
    if (blank_.size() < static_cast<std::size_t>(w) * h * channels) blank_.resize(static_cast<std::size_t>(w) * h * channels);
    HPDF_Image image = doc_.need(HPDF_LoadRawImageFromMem(pdf, blank_.data(), w, h, cs, 8), "HPDF_LoadRawImageFromMem");
    HPDF_Stream fresh = doc_.need(HPDF_MemStream_New(image->mmgr, HPDF_STREAM_BUF_SIZ), "HPDF_MemStream_New");
    HPDF_STATUS st = HPDF_Stream_Write(fresh, reinterpret_cast<const HPDF_BYTE*>(z.data()), static_cast<HPDF_UINT>(z.size()));
    if (st != HPDF_OK) HPDF_Stream_Free(fresh);
    doc_.check("writing an image", st);
    HPDF_Stream_Free(image->stream);
    image->stream = fresh;
    image->filter = HPDF_STREAM_FILTER_NONE;
    if (image->write_fn) throw RenderError("pdf: libharu gave the image a writer of its own");
    image->write_fn = write_flate_filter;  // "/Filter [ /FlateDecode ]" where libharu writes it
    return image;
}

HPDF_Image PdfImages::embed(const layout::Raster& raster) {
    auto z = compressed(raster);
    auto w = static_cast<HPDF_UINT>(raster.width), h = static_cast<HPDF_UINT>(raster.height);
    HPDF_Image image = z->gray ? load(z->colour, w, h, HPDF_CS_DEVICE_GRAY, 1)
                               : load(z->colour, w, h, HPDF_CS_DEVICE_RGB, 3);
    if (z->alpha.empty()) return image;
    HPDF_Image mask = load(z->alpha, w, h, HPDF_CS_DEVICE_GRAY, 1);
    doc_.check("HPDF_Image_AddSMask", HPDF_Image_AddSMask(image, mask));
    return image;
}

}  // namespace lerbrief::render
