// A raster holding only its PDF streams (a step picture read back from the
// cache, diagram/image_streams.h) keeps no pixels, and whatever reads pixels
// (scaling, the gray edition, painting) reads the same ones as from the
// raster they were made of.
#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "diagram/downscale.h"
#include "diagram/image_streams.h"
#include "layout/frame.h"
#include "model/zlib_bytes.h"

using namespace lerbrief;

namespace {

// w × h pixels, colour or gray, with some clear ones when `masked`.
layout::Raster made(int w, int h, bool gray, bool masked) {
    layout::Raster r{"pic", w, h, {}, nullptr};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const auto v = static_cast<std::uint8_t>((x * 13 + y * 7) % 256);
            r.rgba.insert(r.rgba.end(), {v, gray ? v : static_cast<std::uint8_t>(255 - v), v,
                                         static_cast<std::uint8_t>(masked && (x + y) % 5 == 0 ? 40 : 255)});
        }
    return r;
}

std::shared_ptr<const layout::Raster> from_streams(const layout::Raster& r) {
    return diagram::raster_from_streams(std::make_shared<const layout::ImageStreams>(diagram::image_streams(r)));
}

}  // namespace

TEST_CASE("stream pixels: a raster from its streams holds none, and reads the same pixels", "[diagram][picture]") {
    for (const bool gray : {false, true})
        for (const bool masked : {false, true}) {
            INFO("gray " << gray << ", masked " << masked);
            const layout::Raster r = made(300, 200, gray, masked);
            const auto s = from_streams(r);
            REQUIRE(s);
            CHECK(s->rgba.empty());
            CHECK(diagram::holds_pixels(*s));
            std::vector<std::uint8_t> scratch;
            CHECK((diagram::pixels(*s, scratch) == r.rgba));
            // its streams are those made of the pixels again
            const layout::ImageStreams again = diagram::image_streams(*s);
            CHECK(again.colour == s->streams->colour);
            CHECK(again.alpha == s->streams->alpha);
            CHECK(again.gray == gray);
            // scaled down, the same pixels as the raster's own
            const auto a = diagram::downscale(r, 75, 50, "a"), b = diagram::downscale(*s, 75, 50, "a");
            REQUIRE(a);
            REQUIRE(b);
            CHECK((a->rgba == b->rgba));
        }
}

TEST_CASE("stream pixels: streams that are not the raster's own are no pixels", "[diagram][picture]") {
    const layout::Raster r = made(40, 30, false, true);
    auto s = std::make_shared<layout::Raster>(*from_streams(r));
    s->key = "another";  // a copy made to change the pixels takes another key
    CHECK(!diagram::holds_pixels(*s));
    std::vector<std::uint8_t> scratch;
    CHECK(diagram::pixels(*s, scratch).empty());
    CHECK(!diagram::downscale(*s, 10, 10, "x"));
    CHECK_THROWS(diagram::image_streams(*s));

    // streams said to be gray that are colour, or a colour stream cut short:
    // no raster at all
    layout::ImageStreams bad = diagram::image_streams(r);
    bad.gray = true;
    CHECK(!diagram::raster_from_streams(std::make_shared<const layout::ImageStreams>(bad)));
    bad = diagram::image_streams(r);
    bad.colour.pop_back();
    CHECK(!diagram::raster_from_streams(std::make_shared<const layout::ImageStreams>(bad)));
    // gray pixels as an RGB stream: the writer would make them DeviceGray
    const layout::Raster g = made(40, 30, true, false);
    std::string rgb;
    for (std::size_t i = 0; i < g.rgba.size(); i += 4) rgb.append(reinterpret_cast<const char*>(&g.rgba[i]), 3);
    bad = diagram::image_streams(g);
    bad.gray = false;
    bad.colour = zlib_deflate(rgb, Deflate::standard);
    CHECK(!diagram::raster_from_streams(std::make_shared<const layout::ImageStreams>(bad)));
    bad.gray = true;
    bad.colour = diagram::image_streams(g).colour;
    CHECK(diagram::raster_from_streams(std::make_shared<const layout::ImageStreams>(bad)));
}
