#include "diagram/raster_io.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace lerbrief::diagram {

namespace {
std::uint8_t unpremultiply(std::uint32_t c, std::uint32_t a) {
    return static_cast<std::uint8_t>(std::min<std::uint32_t>(255, (c * 255 + a / 2) / a));
}
}  // namespace

std::shared_ptr<layout::Raster> raster_from_surface(cairo_surface_t* s, const std::string& key) {
    cairo_surface_flush(s);
    const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    auto r = std::make_shared<layout::Raster>();
    r->key = key;
    r->width = w;
    r->height = h;
    r->rgba.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);  // zeros: rgb stays 0 where clear
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint32_t v;
            std::memcpy(&v, data + static_cast<std::size_t>(y) * stride + 4u * x, 4);  // native-endian ARGB, premultiplied
            const std::uint32_t a = v >> 24;
            std::uint8_t* out = &r->rgba[(static_cast<std::size_t>(y) * w + x) * 4];
            out[3] = static_cast<std::uint8_t>(a);
            if (a == 0) continue;
            out[0] = unpremultiply((v >> 16) & 0xFF, a);
            out[1] = unpremultiply((v >> 8) & 0xFF, a);
            out[2] = unpremultiply(v & 0xFF, a);
        }
    return r;
}

}  // namespace lerbrief::diagram
