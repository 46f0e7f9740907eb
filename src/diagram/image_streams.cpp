#include "diagram/image_streams.h"

#include <algorithm>
#include <cstdint>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "diagram/limits.h"
#include "model/zlib_bytes.h"

namespace lerbrief::diagram {

namespace {

std::string deflated(const std::vector<std::uint8_t>& raw) {
    std::string out = zlib_deflate({reinterpret_cast<const char*>(raw.data()), raw.size()}, Deflate::standard);
    if (out.empty()) throw std::runtime_error("zlib: compressing an image failed");
    return out;
}

std::size_t pixel_count(const layout::Raster& raster) {
    return static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height);
}

// No larger than a picture's raster may be (the limit a picture is read within).
constexpr std::size_t kMaxPixels = limits::kMaxPicturePixels;

bool all_gray(const std::vector<std::uint8_t>& px, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (px[i * 4] != px[i * 4 + 1] || px[i * 4 + 1] != px[i * 4 + 2]) return false;
    return true;
}

}  // namespace

layout::ImageStreams image_streams(const layout::Raster& raster) {
    const std::size_t n = pixel_count(raster);
    std::vector<std::uint8_t> scratch;
    const auto& px = pixels(raster, scratch);
    if (px.size() != n * 4) throw std::runtime_error("image: " + raster.key + ": no pixels to compress");
    layout::ImageStreams s{raster.key, raster.width, raster.height, all_gray(px, n), {}, {}};
    const std::size_t channels = s.gray ? 1 : 3;
    std::vector<std::uint8_t> colour(n * channels), alpha(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::copy_n(&px[i * 4], channels, &colour[i * channels]);
        alpha[i] = px[i * 4 + 3];
    }
    s.colour = deflated(colour);
    if (!std::all_of(alpha.begin(), alpha.end(), [](std::uint8_t a) { return a == 255; })) s.alpha = deflated(alpha);
    return s;
}

namespace {

bool sized_within_limit(const layout::ImageStreams& s) {
    return s.width > 0 && s.height > 0 &&
           static_cast<std::size_t>(s.width) <= kMaxPixels / static_cast<std::size_t>(s.height);
}

// Tests `s` as raster_from_streams says, each stream inflated a piece at a
// time; with `rgba`, also writes the pixels there (width × height × 4
// bytes). Without it nothing is held, and the colour stream's pixels are
// looked at only until one is not gray.
bool read_streams(const layout::ImageStreams& s, std::vector<std::uint8_t>* rgba) {
    if (!sized_within_limit(s)) return false;
    const std::size_t n = static_cast<std::size_t>(s.width) * static_cast<std::size_t>(s.height);
    const std::size_t channels = s.gray ? 1 : 3;
    if (rgba) rgba->assign(n * 4, 255);
    bool some_colour = false;  // a pixel not gray (an RGB stream must have one)
    std::uint8_t pixel[3] = {};
    std::size_t at = 0, i = 0;  // the channel of the current pixel, and the pixel
    auto colour = [&](const std::uint8_t* p, std::size_t len) {
        if (!rgba && (s.gray || some_colour)) return;
        for (std::size_t k = 0; k < len; ++k) {
            pixel[at++] = p[k];
            if (at < channels) continue;
            at = 0;
            some_colour = some_colour || (channels == 3 && (pixel[0] != pixel[1] || pixel[1] != pixel[2]));
            if (rgba) {
                std::uint8_t* out = &(*rgba)[i * 4];
                out[0] = pixel[0];
                out[1] = pixel[channels == 3 ? 1 : 0];
                out[2] = pixel[channels == 3 ? 2 : 0];
            }
            ++i;
        }
    };
    // image_streams makes an all-gray raster's colour gray
    if (!zlib_inflate_pieces(s.colour, n * channels, colour) || some_colour == s.gray) return false;
    if (s.alpha.empty()) return true;
    bool some_clear = false;  // a pixel not opaque (else image_streams leaves the mask out)
    std::size_t j = 0;
    auto alpha = [&](const std::uint8_t* p, std::size_t len) {
        some_clear = some_clear || std::any_of(p, p + len, [](std::uint8_t a) { return a != 255; });
        if (rgba)
            for (std::size_t k = 0; k < len; ++k, ++j) (*rgba)[j * 4 + 3] = p[k];
    };
    return zlib_inflate_pieces(s.alpha, n, alpha) && some_clear;
}

}  // namespace

bool has_own_streams(const layout::Raster& raster) {
    return raster.streams && raster.streams->key == raster.key && raster.streams->width == raster.width &&
           raster.streams->height == raster.height;
}

std::shared_ptr<layout::Raster> raster_from_streams(std::shared_ptr<const layout::ImageStreams> streams) {
    if (!streams || !read_streams(*streams, nullptr)) return nullptr;
    auto raster = std::make_shared<layout::Raster>();
    raster->key = streams->key;
    raster->width = streams->width;
    raster->height = streams->height;
    raster->streams = std::move(streams);
    return raster;
}

bool holds_pixels(const layout::Raster& raster) {
    if (raster.width <= 0 || raster.height <= 0) return false;
    const auto w = static_cast<std::size_t>(raster.width), h = static_cast<std::size_t>(raster.height);
    if (raster.rgba.empty()) return w <= kMaxPixels / h && has_own_streams(raster);
    return w <= SIZE_MAX / 4 / h && raster.rgba.size() == w * h * 4;
}

const std::vector<std::uint8_t>& pixels(const layout::Raster& raster, std::vector<std::uint8_t>& scratch) {
    if (!raster.rgba.empty() || !has_own_streams(raster)) return raster.rgba;
    if (!read_streams(*raster.streams, &scratch)) scratch.clear();
    return scratch;
}

}  // namespace lerbrief::diagram
