// Pictures (the step pictures of "LERs explained"): a PNG decoded with Cairo
// into straight RGBA, scaled down to 300 ppi of its printed width, its IHDR
// size checked against the pixel limit before anything is decoded.
#include <catch2/catch.hpp>

#include <cairo.h>

#include "diagram/cairo_ptr.h"
#include "diagram/limits.h"
#include "diagram/picture.h"
#include "support/support.h"

using namespace lerbrief;

namespace {

// A w × h PNG, half opaque red on the left, transparent on the right.
void write_png(const test::fs::path& p, int w, int h) {
    diagram::SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    diagram::ContextPtr cr(cairo_create(s.get()));
    cairo_set_source_rgba(cr.get(), 1, 0, 0, 1);
    cairo_rectangle(cr.get(), 0, 0, w / 2.0, h);
    cairo_fill(cr.get());
    REQUIRE(cairo_surface_write_to_png(s.get(), p.string().c_str()) == CAIRO_STATUS_SUCCESS);
}

// The 8-byte signature and an IHDR chunk declaring w × h, then no image data:
// a decoder would fail on it, so refusing it as over the limit proves the
// header was read first.
std::string png_header(std::uint32_t w, std::uint32_t h) {
    std::string b = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\0\0\x0d", 4) + "IHDR";
    for (std::uint32_t v : {w, h})
        for (int k = 3; k >= 0; --k) b += static_cast<char>((v >> (8 * k)) & 0xFF);
    b += std::string("\x08\x06\0\0\0", 5) + std::string(4, '\0');  // depth, RGBA, …, CRC
    return b;
}

}  // namespace

TEST_CASE("pictures: a PNG keeps its aspect and is scaled down to 300 ppi of its printed width", "[diagram][picture]") {
    test::TempDir dir;
    const auto p = dir / "step.png";
    write_png(p, 1000, 1200);
    auto r = diagram::load_picture(p.string(), 72);  // one inch: 300 pixels
    REQUIRE(r);
    CHECK(r->width == 300);
    CHECK(r->height == 360);
    CHECK(r->rgba.size() == 300u * 360u * 4u);
    CHECK(r->key == p.string());
    // straight alpha: the left half is opaque red, the right transparent
    const auto at = [&](int x, int y) { return &r->rgba[(static_cast<std::size_t>(y) * r->width + x) * 4]; };
    CHECK(at(10, 100)[0] == 255);
    CHECK(at(10, 100)[3] == 255);
    CHECK(at(290, 100)[3] == 0);
}

TEST_CASE("pictures: a tall, thin PNG is scaled into a box twice as tall as it is wide", "[diagram][picture]") {
    test::TempDir dir;
    const auto p = dir / "tall.png";
    write_png(p, 100, 2000);
    auto r = diagram::load_picture(p.string(), 72);  // one inch wide, at most two tall: 300 x 600 pixels
    REQUIRE(r);
    CHECK(r->height == 600);
    CHECK(r->width == 30);
}

TEST_CASE("pictures: a small PNG is never scaled up", "[diagram][picture]") {
    test::TempDir dir;
    const auto p = dir / "small.png";
    write_png(p, 40, 50);
    auto r = diagram::load_picture(p.string(), 72);
    CHECK(r->width == 40);
    CHECK(r->height == 50);
}

TEST_CASE("pictures: a PNG whose header declares more than the pixel limit is refused before decoding",
          "[diagram][picture]") {
    test::TempDir dir;
    const auto p = dir / "huge.png";
    test::write_file(p, png_header(100000, 100000));
    CHECK(diagram::png_size(png_header(100000, 100000), "x").width == 100000);
    CHECK_THROWS_AS(diagram::load_picture(p.string(), 72), diagram::PictureOverLimit);
    try {
        diagram::load_picture(p.string(), 72);
    } catch (const diagram::PictureOverLimit& e) {
        CHECK_THAT(e.what(), Catch::Contains("huge.png") && Catch::Contains("100000 × 100000"));
    }
    // just under the limit the header passes, and the missing data is what fails
    const auto side = static_cast<std::uint32_t>(limits::kMaxPicturePixels / 4096);
    test::write_file(p, png_header(4096, side));
    try {
        diagram::load_picture(p.string(), 72);
        FAIL("a PNG without image data was decoded");
    } catch (const diagram::PictureOverLimit&) {
        FAIL("a PNG at the limit was refused as over it");
    } catch (const diagram::PictureError& e) {
        CHECK_THAT(e.what(), Catch::Contains("not a PNG Cairo can read"));
    }
}

TEST_CASE("pictures: what cannot be read is a PictureError naming the file", "[diagram][picture]") {
    test::TempDir dir;
    CHECK_THROWS_WITH(diagram::load_picture((dir / "missing.png").string(), 72),
                      Catch::Contains("missing.png") && Catch::Contains("no such file"));
    test::write_file(dir / "text.png", "hello, not a picture at all");
    CHECK_THROWS_WITH(diagram::load_picture((dir / "text.png").string(), 72), Catch::Contains("not a PNG file"));
    test::write_file(dir / "x.gif", "GIF89a");
    CHECK_THROWS_AS(diagram::load_picture((dir / "x.gif").string(), 72), diagram::PictureError);
}

TEST_CASE("pictures: the map's six step pictures load at 0.85 in", "[diagram][picture]") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    for (int i = 1; i <= 6; ++i) {
        const auto p = site / "images" / ("LERs-explained-step0" + std::to_string(i) + "-sm.png");
        INFO(p.string());
        auto r = diagram::load_picture(p.string(), 0.85 * 72);
        CHECK(r->width == 255);
        CHECK(r->height > 255);
    }
}

TEST_CASE("pictures: an SVG picture goes through the icon rasteriser and its guard", "[diagram][picture]") {
    test::TempDir dir;
    test::write_file(dir / "step.svg",
                     R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="red"/></svg>)");
    auto r = diagram::load_picture((dir / "step.svg").string(), 36);
    CHECK(r->width == 150);
    CHECK(r->height == 150);
    CHECK(r->key == (dir / "step.svg").string() + "#picture");
    test::write_file(dir / "bad.svg",
                     R"(<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>)");
    CHECK_THROWS_AS(diagram::load_picture((dir / "bad.svg").string(), 36), diagram::PictureError);
}
