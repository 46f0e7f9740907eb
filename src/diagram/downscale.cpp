#include "diagram/downscale.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "diagram/cairo_ptr.h"
#include "diagram/image_streams.h"
#include "diagram/raster_io.h"

namespace lerbrief::diagram {

namespace {

// What source pixels [first, first + weights.size()) give one pixel of the
// result, and with what weights (they add up to 1).
struct Span {
    int first = 0;
    std::vector<float> weights;
};

// Source pixel i covers [i, i + 1); result pixel k covers [k * ratio, (k + 1) * ratio).
std::vector<Span> spans(int from, int to) {
    const double ratio = static_cast<double>(from) / to;
    std::vector<Span> out(static_cast<std::size_t>(to));
    for (int k = 0; k < to; ++k) {
        const double lo = k * ratio, hi = std::min<double>(from, (k + 1) * ratio);
        Span& s = out[static_cast<std::size_t>(k)];
        s.first = std::min(from - 1, static_cast<int>(std::floor(lo)));
        const int last = std::max(s.first, std::min(from - 1, static_cast<int>(std::ceil(hi)) - 1));
        for (int i = s.first; i <= last; ++i)
            s.weights.push_back(static_cast<float>((std::min<double>(i + 1, hi) - std::max<double>(i, lo)) / (hi - lo)));
    }
    return out;
}

}  // namespace

cairo_surface_t* downscale(cairo_surface_t* source, int width, int height) {
    const cairo_format_t format = cairo_image_surface_get_format(source);
    if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24) {  // another format: as ARGB32 first
        const int w = cairo_image_surface_get_width(source), h = cairo_image_surface_get_height(source);
        cairo_surface_t* argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, std::max(1, w), std::max(1, h));
        cairo_t* cr = cairo_create(argb);
        cairo_set_source_surface(cr, source, 0, 0);
        cairo_paint(cr);
        const bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
        cairo_destroy(cr);
        cairo_surface_t* out = ok ? downscale(argb, width, height) : nullptr;
        cairo_surface_destroy(argb);
        return out;
    }
    // RGB24 leaves the top byte unused: every pixel is opaque
    const std::uint32_t opaque = format == CAIRO_FORMAT_RGB24 ? 0xFF000000u : 0;
    cairo_surface_flush(source);
    const int w = cairo_image_surface_get_width(source), h = cairo_image_surface_get_height(source);
    const int stride = cairo_image_surface_get_stride(source);
    const unsigned char* data = cairo_image_surface_get_data(source);
    width = std::clamp(width, 1, std::max(1, w));
    height = std::clamp(height, 1, std::max(1, h));
    cairo_surface_t* out = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    if (cairo_surface_status(out) != CAIRO_STATUS_SUCCESS || !data || w <= 0 || h <= 0) {
        cairo_surface_destroy(out);
        return nullptr;
    }
    const std::vector<Span> across = spans(w, width), down = spans(h, height);
    // Source row y scaled to `width`, four channels (a, r, g, b) a pixel. A
    // result row reads a few source rows, the first of them often the last
    // of the row before: that one is kept, nothing else (~4 KB a row).
    auto scale_row = [&](int y, std::vector<float>& to_row) {
        const unsigned char* line = data + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride);
        float* to = to_row.data();
        for (const Span& s : across) {
            float a = 0, r = 0, g = 0, b = 0;
            for (std::size_t i = 0; i < s.weights.size(); ++i) {
                std::uint32_t v;  // native-endian ARGB, premultiplied
                std::memcpy(&v, line + 4u * (static_cast<std::size_t>(s.first) + i), 4);
                v |= opaque;
                const float wt = s.weights[i];
                a += wt * static_cast<float>(v >> 24);
                r += wt * static_cast<float>((v >> 16) & 0xFF);
                g += wt * static_cast<float>((v >> 8) & 0xFF);
                b += wt * static_cast<float>(v & 0xFF);
            }
            to[0] = a, to[1] = r, to[2] = g, to[3] = b;
            to += 4;
        }
    };
    const std::size_t row_floats = static_cast<std::size_t>(width) * 4;
    std::vector<float> row(row_floats), kept(row_floats), sum(row_floats);
    int kept_y = -1;
    cairo_surface_flush(out);
    unsigned char* dst = cairo_image_surface_get_data(out);
    const int out_stride = cairo_image_surface_get_stride(out);
    auto byte = [](float v) { return static_cast<std::uint32_t>(std::clamp(std::lround(v), 0L, 255L)); };
    for (int y = 0; y < height; ++y) {
        const Span& s = down[static_cast<std::size_t>(y)];
        std::fill(sum.begin(), sum.end(), 0.0f);
        const int last = s.first + static_cast<int>(s.weights.size()) - 1;
        for (std::size_t i = 0; i < s.weights.size(); ++i) {
            const int sy = s.first + static_cast<int>(i);
            std::vector<float>* from = &kept;
            if (sy != kept_y) {
                scale_row(sy, row);
                from = &row;
                if (sy == last) std::swap(row, kept), kept_y = sy, from = &kept;
            }
            const float wt = s.weights[i];
            for (std::size_t k = 0; k < row_floats; ++k) sum[k] += wt * (*from)[k];
        }
        unsigned char* line = dst + static_cast<std::size_t>(y) * static_cast<std::size_t>(out_stride);
        for (int x = 0; x < width; ++x) {
            const float* p = &sum[static_cast<std::size_t>(x) * 4];
            const std::uint32_t a = byte(p[0]);
            // premultiplied: no channel above its alpha
            const std::uint32_t v = a << 24 | std::min(a, byte(p[1])) << 16 | std::min(a, byte(p[2])) << 8 |
                                    std::min(a, byte(p[3]));
            std::memcpy(line + 4u * static_cast<std::size_t>(x), &v, 4);
        }
    }
    cairo_surface_mark_dirty(out);
    return out;
}

std::shared_ptr<layout::Raster> downscale(const layout::Raster& raster, int width, int height, const std::string& key) {
    std::vector<std::uint8_t> scratch;
    const std::vector<std::uint8_t>& px = pixels(raster, scratch);
    if (raster.width <= 0 || raster.height <= 0 ||
        px.size() != static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height) * 4)
        return nullptr;
    SurfacePtr in(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, std::max(1, raster.width), std::max(1, raster.height)));
    if (cairo_surface_status(in.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    cairo_surface_flush(in.get());
    unsigned char* data = cairo_image_surface_get_data(in.get());
    const int stride = cairo_image_surface_get_stride(in.get());
    for (int y = 0; y < raster.height; ++y)
        for (int x = 0; x < raster.width; ++x) {
            const std::uint8_t* p = &px[(static_cast<std::size_t>(y) * raster.width + x) * 4];
            const std::uint32_t a = p[3];
            auto pre = [&](std::uint8_t c) { return (c * a + 127) / 255; };  // premultiplied, rounded
            const std::uint32_t v = a << 24 | pre(p[0]) << 16 | pre(p[1]) << 8 | pre(p[2]);
            std::memcpy(data + static_cast<std::size_t>(y) * stride + 4u * x, &v, 4);
        }
    cairo_surface_mark_dirty(in.get());
    SurfacePtr out(downscale(in.get(), width, height));
    if (!out) return nullptr;
    return raster_from_surface(out.get(), key);
}

}  // namespace lerbrief::diagram
