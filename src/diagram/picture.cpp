#include "diagram/picture.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "diagram/cairo_ptr.h"
#include "diagram/downscale.h"
#include "diagram/icon.h"
#include "diagram/icon_cache.h"
#include "diagram/image_streams.h"
#include "diagram/limits.h"
#include "diagram/raster_io.h"
#include "model/bounded_read.h"
#include "model/memory.h"

namespace lerbrief::diagram {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw PictureError(fmt::format("{}: picture: {}", path, what));
}

std::string read_limited(const std::string& path) {
    using P = BoundedRead::Problem;
    BoundedRead r = read_bounded(path, limits::kMaxPictureBytes);
    switch (r.problem) {
        case P::none: break;
        case P::missing: fail(path, "no such file");
        case P::not_regular: fail(path, "not a regular file");
        case P::unreadable: fail(path, r.detail.empty() ? "cannot read the file" : "cannot read the file (" + r.detail + ")");
        case P::too_large:
            throw PictureOverLimit(fmt::format("{}: picture: {} bytes is over the {} byte limit for a picture", path, r.size,
                                     limits::kMaxPictureBytes));
        case P::grew: fail(path, "the file grew past the picture size limit while read");
    }
    return std::move(r.data);
}

std::uint32_t big_endian(std::string_view b, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    return v;
}

// Feeds Cairo's PNG reader from memory.
struct Reader {
    std::string_view bytes;
    std::size_t at = 0;
};
cairo_status_t read_chunk(void* closure, unsigned char* out, unsigned int length) {
    auto* r = static_cast<Reader*>(closure);
    if (r->bytes.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(out, r->bytes.data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

// The size a w × h picture is printed at: `want` pixels wide, at most
// kMaxPictureAspect times as tall, keeping its aspect; never larger.
struct Scaled {
    int width = 0, height = 0;
    bool scaled = false;
};
Scaled scaled_size(int w, int h, double printed_width_pt, double ppi) {
    const double want = std::ceil(printed_width_pt / 72.0 * ppi);
    const double fit = std::min(want / w, want * limits::kMaxPictureAspect / h);
    if (!(want >= 1) || fit >= 1) return {w, h, false};
    return {std::max(1, static_cast<int>(std::lround(w * fit))), std::max(1, static_cast<int>(std::lround(h * fit))), true};
}

std::shared_ptr<layout::Raster> decoded(const std::string& path, const std::string& bytes, Scaled size) {
    Reader reader{bytes};
    SurfacePtr png(cairo_image_surface_create_from_png_stream(read_chunk, &reader));
    if (cairo_surface_status(png.get()) != CAIRO_STATUS_SUCCESS)
        fail(path, std::string("not a PNG Cairo can read (") + cairo_status_to_string(cairo_surface_status(png.get())) + ")");
    if (!size.scaled) return raster_from_surface(png.get(), path);
    SurfacePtr out(downscale(png.get(), size.width, size.height));
    if (!out) fail(path, "could not be scaled");
    auto raster = raster_from_surface(out.get(), path);
    // the decoded picture (4 bytes a pixel: 4.6 MB for a step picture of the
    // map) goes back to the system now, not when the allocator next gets to it
    png.reset();
    out.reset();
    give_back_free_memory();
    return raster;
}

std::shared_ptr<const layout::Raster> load_png(const std::string& path, double printed_width_pt, double ppi) {
    const std::string bytes = read_limited(path);
    const PixelSize size = png_size(bytes, path);
    if (size.width == 0 || size.height == 0) fail(path, "the PNG header declares no pixels");
    if (size.width > limits::kMaxPicturePixels / size.height)
        throw PictureOverLimit(fmt::format("{}: picture: {} × {} pixels is over the limit of {} pixels for a picture",
                                           path, size.width, size.height, limits::kMaxPicturePixels));
    // Cairo's surface has the header's size (both within int: the pixel limit)
    const Scaled scaled = scaled_size(static_cast<int>(size.width), static_cast<int>(size.height), printed_width_pt, ppi);
    // what an earlier run decoded and scaled from exactly these bytes
    if (auto hit = find_cached_picture(bytes, scaled.width, scaled.height)) {
        hit->key = path;
        if (auto raster = raster_from_streams(std::make_shared<const layout::ImageStreams>(std::move(*hit)))) return raster;
    }
    auto raster = decoded(path, bytes, scaled);
    if (!icon_cache_on()) return raster;
    // made now rather than when the booklet is drawn, to be kept; should zlib
    // fail, nothing is kept and the writer makes them (and says so)
    std::shared_ptr<const layout::ImageStreams> streams;
    try {
        streams = std::make_shared<const layout::ImageStreams>(image_streams(*raster));
    } catch (const std::runtime_error&) {
        return raster;
    }
    store_cached_picture(bytes, *streams);
    raster->streams = std::move(streams);
    return raster;
}

bool ends_with(const std::string& s, const std::string& end) {
    if (s.size() < end.size()) return false;
    return std::equal(end.rbegin(), end.rend(), s.rbegin(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

}  // namespace

PixelSize png_size(std::string_view b, const std::string& path) {
    static const char kSignature[] = "\x89PNG\r\n\x1a\n";
    if (b.size() < 24 || b.substr(0, 8) != std::string_view(kSignature, 8)) fail(path, "not a PNG file");
    if (b.substr(12, 4) != "IHDR") fail(path, "a PNG file without its IHDR header first");
    return {big_endian(b, 16), big_endian(b, 20)};
}

std::shared_ptr<const layout::Raster> load_picture(const std::string& path, double printed_width_pt, double ppi) {
    if (ends_with(path, ".svg")) {
        try {
            auto r = rasterize_svg(path, printed_width_pt, ppi);
            r->key += "#picture";  // not the same image as the file drawn as an icon, at its size
            return r;
        } catch (const IconError& e) {
            throw PictureError(e.what());
        }
    }
    if (!ends_with(path, ".png")) fail(path, "neither a PNG nor an SVG file (by its name)");
    return load_png(path, printed_width_pt, ppi);
}

}  // namespace lerbrief::diagram
