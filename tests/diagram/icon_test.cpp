// Icons: SVG → raster with librsvg, local files only, limits enforced,
// errors that name the file.
#include <catch2/catch.hpp>

#include "diagram/diagram_support.h"
#include "diagram/icon.h"
#include "diagram/limits.h"
#include "diagram/svg_guard.h"
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

TEST_CASE("icons: the website's ten illustrations at 40 pt and 300 dpi, well within the guard's limits", "[diagram][icon]") {
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
        // the guard passes them well within its limits
        auto cost = diagram::guard_svg(entry.path().string(), test::read_file(entry.path()));
        CHECK(cost.elements > 10);
        CHECK(cost.expanded * 10 < diagram::limits::kMaxIconExpandedElements);
        CHECK(cost.use_depth == 0);
        CHECK(cost.nesting * 4 < diagram::limits::kMaxIconNesting);
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
    test::write_file(dir / "red.css", "rect { fill: #f00 !important; }");
    const std::string head = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'>";
    const std::string black = "<rect width='2' height='2' fill='#000'/></svg>";
    auto refused = [&](const std::string& name, const std::string& body) {
        auto file = dir / name;
        test::write_file(file, head + body + black);
        INFO(body);
        CHECK_THROWS_AS(diagram::rasterize_svg(file.string(), 20, 72), diagram::IconError);
        CHECK_THROWS_WITH(diagram::rasterize_svg(file.string(), 20, 72), Catch::StartsWith(file.string() + ": icon: "));
    };
    refused("use.svg", "<use xlink:href='red.svg#r'/>");
    refused("use2.svg", "<use href='red.svg#r'/>");
    refused("import.svg", "<style>@import url(red.css);</style>");
    refused("fill.svg", "<rect width='9' height='9' fill='url(red.svg#g)'/>");
    refused("css.svg", "<style>rect { fill: url(data:image/svg+xml;base64,AAAA) }</style>");
    refused("split.svg", "<style>rect { fill: ur<![CDATA[l(red.svg#g) }]]></style>");
    refused("escape.svg", "<style>rect { fill: \\75 rl(red.svg#g) }</style>");
    refused("pi.svg", "<?xml-stylesheet href='red.css'?>");
    refused("xinclude.svg", "<xi:include xmlns:xi='http://www.w3.org/2001/XInclude' href='red.svg'/>");
    refused("script.svg", "<script>alert(1)</script>");
    refused("onload.svg", "<g onload='alert(1)'/>");

    // local references are fine; Inkscape's own attributes are ignored
    auto local = dir / "local.svg";
    test::write_file(local, head + "<style>rect { stroke: url(#g) }</style><defs><rect id='b' width='2' height='2' style='fill: url( #g )'/>"
                     "<linearGradient id='g'><stop offset='0' stop-color='#000'/></linearGradient></defs>"
                     "<use xlink:href='#b' inkscape:label='x' xmlns:inkscape='http://www.inkscape.org/namespaces/inkscape'/></svg>");
    auto r = diagram::rasterize_svg(local.string(), 20, 72);
    CHECK(has_ink(*r));
    CHECK(!has_red(*r));

    auto image = dir / "image.svg";
    test::write_file(image, "<svg xmlns='http://www.w3.org/2000/svg'><image href='red.png' width='10' height='10'/></svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(image.string(), 20), Catch::Contains("embedded images"));
    auto prefixed = dir / "prefixed.svg";
    test::write_file(prefixed, "<s:svg xmlns:s='http://www.w3.org/2000/svg'><s:image href='red.png' width='10' height='10'/></s:svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(prefixed.string(), 20), Catch::Contains("embedded images"));
    auto entity = dir / "entity.svg";
    test::write_file(entity, "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg xmlns='http://www.w3.org/2000/svg'>&x;</svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(entity.string(), 20), Catch::Contains("entity declarations"));
}

TEST_CASE("icons: a raster in a filter (feImage with a data: URL) is refused", "[diagram][icon]") {
    // Today's bomb is a 10000×10000 PNG (692 MB once decoded); any data: URL
    // shows the door is shut.
    test::TempDir dir;
    auto fe = dir / "feimage.svg";
    test::write_file(fe, "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><filter id='f'>"
                         "<feImage href='data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='/>"
                         "</filter><rect width='10' height='10' filter='url(#f)'/></svg>");
    CHECK_THROWS_AS(diagram::rasterize_svg(fe.string(), 20, 72), diagram::IconError);
    CHECK_THROWS_WITH(diagram::rasterize_svg(fe.string(), 20, 72),
                      fe.string() + ": icon: images in filters (<feImage>) are not supported in icons");
}

TEST_CASE("icons: input that overflowed the stack is refused cleanly", "[diagram][icon]") {
    // The old check ran std::regex over the file: it recursed once per
    // character and crashed (SIGSEGV) on these.
    test::TempDir dir;
    auto letters = dir / "letters.svg";
    test::write_file(letters, "<svg xmlns='http://www.w3.org/2000/svg'><" + std::string(50'000, 'a') + "</svg>");
    CHECK_THROWS_AS(diagram::rasterize_svg(letters.string(), 20, 72), diagram::IconError);
    CHECK_THROWS_WITH(diagram::rasterize_svg(letters.string(), 20, 72),
                      Catch::StartsWith(letters.string() + ": icon: not a valid SVG (line 1: "));
    auto spaces = dir / "spaces.svg";
    test::write_file(spaces, "<svg xmlns='http://www.w3.org/2000/svg'><" + std::string(200'000, ' ') + "</svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(spaces.string(), 20, 72),
                      Catch::StartsWith(spaces.string() + ": icon: not a valid SVG (line 1: "));
    // well-formed but long: a 200 KB run of spaces inside a drawable icon is fine
    auto padded = dir / "padded.svg";
    test::write_file(padded, "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect" + std::string(200'000, ' ') +
                                 "width='10' height='10'/></svg>");
    CHECK(has_ink(*diagram::rasterize_svg(padded.string(), 20, 72)));
}

namespace {
// <use> fan-out: `levels` groups, each ten <use> of the one before, the last
// drawn ten times: 10^(levels+1) rectangles from ~1 KB of SVG.
std::string use_bomb(int levels) {
    std::string s = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' viewBox='0 0 10 10'>"
                    "<defs><rect id='l0' width='1' height='1' fill='#00f'/>";
    for (int l = 1; l <= levels; ++l) {
        s += "<g id='l" + std::to_string(l) + "'>";
        for (int k = 0; k < 10; ++k) s += "<use xlink:href='#l" + std::to_string(l - 1) + "'/>";
        s += "</g>";
    }
    s += "</defs>";
    for (int k = 0; k < 10; ++k) s += "<use xlink:href='#l" + std::to_string(levels) + "'/>";
    return s + "</svg>";
}
}  // namespace

TEST_CASE("icons: a <use> bomb is over the limits and not drawn", "[diagram][icon]") {
    test::TempDir dir;
    auto bomb = dir / "bomb.svg";
    test::write_file(bomb, use_bomb(5));  // a million rectangles: minutes in librsvg
    CHECK_THROWS_AS(diagram::rasterize_svg(bomb.string(), 40), diagram::IconOverLimit);
    CHECK_THROWS_WITH(diagram::rasterize_svg(bomb.string(), 40),
                      bomb.string() + ": icon: more than " + std::to_string(diagram::limits::kMaxIconExpandedElements) +
                          " elements to draw once <use> references are expanded (the limit for an icon)");

    auto small = dir / "small.svg";
    test::write_file(small, use_bomb(2));  // a thousand: drawn
    CHECK(has_ink(*diagram::rasterize_svg(small.string(), 40, 72)));

    auto cycle = dir / "cycle.svg";
    test::write_file(cycle, "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'>"
                            "<g id='a'><rect width='1' height='1'/><use xlink:href='#b'/></g><g id='b'><use xlink:href='#a'/></g></svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(cycle.string(), 40), Catch::Contains("a reference cycle through '#"));

    auto sheet = dir / "sheet.svg";  // the mask applies to its own content
    test::write_file(sheet, "<svg xmlns='http://www.w3.org/2000/svg'><style>path { mask: url(#m) }</style>"
                            "<mask id='m'><path d='M0 0h9v9z' fill='#fff'/></mask><path d='M0 0h5v5z'/></svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(sheet.string(), 40), Catch::Contains("a reference cycle through"));

    auto deep = dir / "deep.svg";
    std::string nested;
    for (int k = 0; k < 60; ++k) nested += "<g opacity='.9'>";
    nested += "<rect width='1' height='1'/>";
    for (int k = 0; k < 60; ++k) nested += "</g>";
    test::write_file(deep, "<svg xmlns='http://www.w3.org/2000/svg'>" + nested + "</svg>");
    CHECK_THROWS_AS(diagram::rasterize_svg(deep.string(), 40), diagram::IconOverLimit);
    CHECK_THROWS_WITH(diagram::rasterize_svg(deep.string(), 40), Catch::Contains("nested more than"));

    auto chain = dir / "chain.svg";
    std::string c = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'><rect id='u0' width='1' height='1'/>";
    for (int l = 1; l <= 20; ++l) c += "<use id='u" + std::to_string(l) + "' xlink:href='#u" + std::to_string(l - 1) + "'/>";
    test::write_file(chain, c + "</svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(chain.string(), 40),
                      chain.string() + ": icon: <use> references nested more than " +
                          std::to_string(diagram::limits::kMaxIconUseDepth) + " deep (the limit for an icon)");

    auto blur = dir / "blur.svg";
    std::string b = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><filter id='f'><feGaussianBlur stdDeviation='1'/></filter>";
    for (int k = 0; k < 100; ++k) b += "<rect width='5' height='5' filter='url(#f)'/>";
    test::write_file(blur, b + "</svg>");
    CHECK_THROWS_WITH(diagram::rasterize_svg(blur.string(), 40), Catch::Contains("filter primitives"));
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
