// Scaling a picture down by area (the step pictures of "LERs explained"):
// each pixel of the result is the mean of the source area it covers,
// in premultiplied colour, so that a picture's transparent surroundings
// leave no dark fringe on its edges.
#include "diagram/downscale.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <vector>

#include "diagram/cairo_ptr.h"
#include "diagram/raster_io.h"

using namespace lerbrief;

namespace {

// A surface of `format` holding `pixels` (native-endian ARGB words), row by row.
diagram::SurfacePtr surface(int w, int h, const std::vector<std::uint32_t>& pixels,
                            cairo_format_t format = CAIRO_FORMAT_ARGB32) {
    diagram::SurfacePtr s(cairo_image_surface_create(format, w, h));
    cairo_surface_flush(s.get());
    unsigned char* data = cairo_image_surface_get_data(s.get());
    const int stride = cairo_image_surface_get_stride(s.get());
    for (int y = 0; y < h; ++y)
        std::memcpy(data + y * stride, &pixels[static_cast<std::size_t>(y * w)], 4u * static_cast<std::size_t>(w));
    cairo_surface_mark_dirty(s.get());
    return s;
}

std::uint32_t at(cairo_surface_t* s, int x, int y) {
    std::uint32_t v;
    std::memcpy(&v, cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s) + 4 * x, 4);
    return v;
}

std::uint32_t argb(std::uint32_t a, std::uint32_t r, std::uint32_t g, std::uint32_t b) {
    return a << 24 | r << 16 | g << 8 | b;
}

}  // namespace

TEST_CASE("downscale: a picture of one colour keeps it, at any ratio") {
    const std::uint32_t c = argb(200, 100, 50, 20);  // premultiplied
    auto src = surface(97, 53, std::vector<std::uint32_t>(97 * 53, c));
    for (auto [w, h] : {std::pair{31, 17}, std::pair{48, 26}, std::pair{1, 1}, std::pair{97, 53}}) {
        diagram::SurfacePtr out(diagram::downscale(src.get(), w, h));
        REQUIRE(out);
        REQUIRE(cairo_image_surface_get_width(out.get()) == w);
        REQUIRE(cairo_image_surface_get_height(out.get()) == h);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) CHECK(at(out.get(), x, y) == c);
    }
}

TEST_CASE("downscale: each pixel is the mean of the area it covers, edge pixels by their share") {
    const std::uint32_t black = argb(255, 0, 0, 0), white = argb(255, 255, 255, 255);
    // four columns, black and white: two pixels of mid gray
    auto stripes = surface(4, 1, {black, white, black, white});
    diagram::SurfacePtr half(diagram::downscale(stripes.get(), 2, 1));
    CHECK(at(half.get(), 0, 0) == argb(255, 128, 128, 128));
    CHECK(at(half.get(), 1, 0) == argb(255, 128, 128, 128));
    // three to two: each covers one and a half pixels, the middle one shared
    auto three = surface(3, 1, {black, white, black});
    diagram::SurfacePtr two(diagram::downscale(three.get(), 2, 1));
    CHECK(at(two.get(), 0, 0) == argb(255, 85, 85, 85));  // (0 + 255 / 2) / 1.5
    CHECK(at(two.get(), 1, 0) == argb(255, 85, 85, 85));
    // the same down the rows
    auto rows = surface(1, 3, {white, black, black});
    diagram::SurfacePtr tall(diagram::downscale(rows.get(), 1, 2));
    CHECK(at(tall.get(), 0, 0) == argb(255, 170, 170, 170));  // (255 + 0 / 2) / 1.5
    CHECK(at(tall.get(), 0, 1) == black);
}

TEST_CASE("downscale: a picture's transparent surroundings leave no dark fringe") {
    // opaque red beside transparent: half covered, and still pure red
    auto edge = surface(2, 1, {argb(255, 255, 0, 0), 0});
    diagram::SurfacePtr out(diagram::downscale(edge.get(), 1, 1));
    const auto r = diagram::raster_from_surface(out.get(), "edge");
    CHECK(static_cast<int>(r->rgba[3]) == 128);  // half covered
    CHECK(static_cast<int>(r->rgba[0]) == 255);  // red, not darkened
    CHECK(static_cast<int>(r->rgba[1]) == 0);
    CHECK(static_cast<int>(r->rgba[2]) == 0);
}

TEST_CASE("downscale: an RGB24 picture is opaque, whatever its unused byte holds") {
    auto rgb = surface(2, 2, {0x00102030u, 0x00102030u, 0x7F102030u, 0x00102030u}, CAIRO_FORMAT_RGB24);
    diagram::SurfacePtr out(diagram::downscale(rgb.get(), 1, 1));
    CHECK(at(out.get(), 0, 0) == argb(255, 0x10, 0x20, 0x30));
}
