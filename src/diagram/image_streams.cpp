#include "diagram/image_streams.h"

#include <algorithm>
#include <cstdint>
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
    const auto& px = raster.rgba;
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

std::shared_ptr<layout::Raster> raster_from_streams(std::shared_ptr<const layout::ImageStreams> streams) {
    if (!streams || streams->width <= 0 || streams->height <= 0 ||
        static_cast<std::size_t>(streams->width) > kMaxPixels / static_cast<std::size_t>(streams->height))
        return nullptr;
    auto raster = std::make_shared<layout::Raster>();
    raster->key = streams->key;
    raster->width = streams->width;
    raster->height = streams->height;
    const std::size_t n = pixel_count(*raster);
    const std::size_t channels = streams->gray ? 1 : 3;
    std::vector<std::uint8_t> colour, alpha;
    if (!zlib_inflate_exactly(streams->colour, n * channels, colour)) return nullptr;
    if (!streams->alpha.empty()) {
        if (!zlib_inflate_exactly(streams->alpha, n, alpha) ||
            std::all_of(alpha.begin(), alpha.end(), [](std::uint8_t a) { return a == 255; }))
            return nullptr;
    }
    raster->rgba.resize(n * 4);
    std::uint8_t* out = raster->rgba.data();
    bool gray = true;
    for (std::size_t i = 0; i < n; ++i, out += 4) {
        const std::uint8_t* c = &colour[i * channels];
        out[0] = c[0];
        out[1] = c[channels == 3 ? 1 : 0];
        out[2] = c[channels == 3 ? 2 : 0];
        out[3] = alpha.empty() ? 255 : alpha[i];
        gray = gray && out[0] == out[1] && out[1] == out[2];
    }
    if (gray != streams->gray) return nullptr;  // image_streams makes an all-gray raster's colour gray
    raster->streams = std::move(streams);
    return raster;
}

}  // namespace lerbrief::diagram
