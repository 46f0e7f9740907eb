// Icons: SVG → raster with librsvg, local files only, limits enforced,
// errors that name the file.
#include <catch2/catch.hpp>

#include "diagram/diagram_support.h"
#include "diagram/icon.h"
#include "diagram/limits.h"
#include "support/support.h"

using namespace lerbrief;

namespace {

bool has_ink(const layout::Raster& r) {
    for (std::size_t i = 3; i < r.rgba.size(); i += 4)
        if (r.rgba[i] != 0) return true;
    return false;
}

bool has_red(const layout::Raster& r) {
    for (std::size_t i = 0; i + 3 < r.rgba.size(); i += 4)
        if (r.rgba[i + 3] > 0 && r.rgba[i] > 200 && r.rgba[i + 1] < 60) return true;
    return false;
}

}  // namespace

TEST_CASE("icons: the website's ten illustrations at 40 pt and 300 dpi", "[diagram][icon]") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    int count = 0;
    for (const auto& entry : test::fs::directory_iterator(site / "images")) {
        if (entry.path().extension() != ".svg") continue;
        ++count;
        INFO(entry.path().string());
        auto r = diagram::rasterize_svg(entry.path().string(), 40, 300);
        CHECK(r->width >= 167);
        CHECK(r->height == r->width);
        CHECK(r->rgba.size() == static_cast<std::size_t>(r->width) * r->height * 4);
        CHECK(r->key == entry.path().string());
        CHECK(has_ink(*r));
    }
    CHECK(count == 10);
    auto missing = (site / "images" / "no-such-icon.svg").string();
    CHECK_THROWS_WITH(diagram::rasterize_svg(missing, 40), missing + ": icon: no such file");
}

TEST_CASE("icons: errors name the file", "[diagram][icon]") {
    test::TempDir dir;
    auto missing = (dir / "missing.svg").string();
    CHECK_THROWS_AS(diagram::rasterize_svg(missing, 40), diagram::IconError);
    CHECK_THROWS_WITH(diagram::rasterize_svg(missing, 40), missing + ": icon: no such file");

    auto broken = dir / "broken.svg";
    test::write_file(broken, "<svg xmlns='http://www.w3.org/2000/svg'><path d='M0 0");
    CHECK_THROWS_WITH(diagram::rasterize_svg(broken.string(), 40), Catch::StartsWith(broken.string() + ": icon: not a valid SVG"));

    CHECK_THROWS_WITH(diagram::rasterize_svg("https://example.org/icon.svg", 40),
                      "https://example.org/icon.svg: icon: a URL; icons are read from local files only");
}

TEST_CASE("icons: files and rasters over the limits are refused", "[diagram][icon]") {
    test::TempDir dir;
    auto big = dir / "big.svg";
    test::write_file(big, "<svg xmlns='http://www.w3.org/2000/svg'>" + std::string(diagram::limits::kMaxIconBytes, ' ') + "</svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(big.string(), 40),
                      Catch::StartsWith(big.string() + ": icon: ") && Catch::Contains("byte limit"));
    auto icon = (test::fixtures_dir() / "diagram" / "icons" / "badge.svg").string();
    CHECK_THROWS_WITH(diagram::rasterize_svg(icon, 72 * 20, 300), Catch::StartsWith(icon + ": icon: ") && Catch::Contains("pixel limit"));
}

TEST_CASE("icons: nothing outside the file is loaded", "[diagram][icon]") {
    test::TempDir dir;
    // A red square librsvg would draw if it followed references.
    test::write_file(dir / "red.svg",
                     "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect id='r' width='10' height='10' fill='#f00'/></svg>");
    auto use = dir / "use.svg";
    test::write_file(use, "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'>"
                          "<style>@import url(red.css);</style><use xlink:href='red.svg#r'/>"
                          "<rect width='2' height='2' fill='#000'/></svg>");
    test::write_file(dir / "red.css", "rect { fill: #f00 !important; }");
    auto r = diagram::rasterize_svg(use.string(), 20, 72);
    CHECK(has_ink(*r));    // its own black square is drawn
    CHECK(!has_red(*r));   // nothing from red.svg or red.css

    auto image = dir / "image.svg";
    test::write_file(image, "<svg xmlns='http://www.w3.org/2000/svg'><image href='red.png' width='10' height='10'/></svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(image.string(), 20), Catch::Contains("embedded images"));
    auto entity = dir / "entity.svg";
    test::write_file(entity, "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg xmlns='http://www.w3.org/2000/svg'>&x;</svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(entity.string(), 20), Catch::Contains("entity declarations"));
}

TEST_CASE("icons: straight alpha, and a faded gray copy for muted nodes", "[diagram][icon]") {
    test::TempDir dir;
    auto half = dir / "half.svg";
    test::write_file(half, "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
                           "<rect width='10' height='10' fill='#ff0000' fill-opacity='0.5'/></svg>");
    auto r = diagram::rasterize_svg(half.string(), 10, 72);
    REQUIRE(r->width == 10);
    const auto* px = &r->rgba[(5 * 10 + 5) * 4];
    CHECK(static_cast<int>(px[0]) == 255);  // not 128: unpremultiplied
    CHECK(static_cast<int>(px[1]) == 0);
    CHECK(std::abs(static_cast<int>(px[3]) - 128) <= 1);

    auto muted = diagram::muted_icon(*r);
    CHECK(muted->key == r->key + "#muted");
    const auto* m = &muted->rgba[(5 * 10 + 5) * 4];
    CHECK(m[0] == m[1]);
    CHECK(m[1] == m[2]);
    CHECK(m[0] > 150);       // lighter than the red's gray
    CHECK(m[3] == px[3]);    // same shape
}
