// Icons as vector art: Cairo's script of librsvg's drawing replayed as shapes
// (diagram/icon_script.h), and the map's own illustrations through it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "diagram/icon.h"
#include "diagram/icon_script.h"
#include "support/support.h"

using namespace lerbrief;
namespace fs = std::filesystem;

namespace {

const layout::Shape& shape(const layout::Frame& f, std::size_t i) { return std::get<layout::Shape>(f.items.at(i)); }

}  // namespace

TEST_CASE("icon script: a fill then a stroke of one path is one shape, the stroke width under the stroke's scale") {
    const char* script =
        "%!CairoScript\n"
        "<< /content //COLOR_ALPHA /width 100 /height 100 >> surface context\n"
        "0.964706 0.933333 0.839216 rgb set-source\n"
        "n 10 20 m 90 20 l 90 80 l h 10 20 m\n"
        "fill+\n"
        "0 g set-source\n"
        "0.1 0.1 scale\n"
        "4 set-line-width\n"
        "//LINE_CAP_ROUND set-line-cap\n"
        "//LINE_JOIN_ROUND set-line-join\n"
        "stroke+\n"
        "identity set-matrix\n"
        "n 5 5 20 10 rectangle\n"
        "//EVEN_ODD set-fill-rule\n"
        "1 0 0 rgb set-source fill+\n";
    auto art = diagram::replay_script(script, 100);
    REQUIRE(art.frame);
    CHECK(art.unsupported.empty());
    CHECK(art.frame->width == 100);
    REQUIRE(art.frame->items.size() == 2);
    const auto& tri = shape(*art.frame, 0);
    REQUIRE(tri.fill);
    CHECK(tri.fill->r == Approx(0.964706));
    REQUIRE(tri.stroke);
    CHECK(tri.stroke->r == 0);
    CHECK(tri.stroke_width == Approx(0.4));  // 4 at a scale of 0.1
    CHECK(tri.cap == layout::LineCap::round);
    CHECK(tri.join == layout::LineJoin::round);
    // move, line, line, close: Cairo's move after the close is not painted
    REQUIRE(tri.path.size() == 4);
    CHECK(tri.path.back().op == layout::PathSeg::Op::close);
    const auto& rect = shape(*art.frame, 1);
    CHECK(rect.even_odd);
    CHECK(!rect.stroke);
    REQUIRE(rect.path.size() == 5);
    CHECK(rect.path[2].p[0].x == 25);
    CHECK(rect.path[2].p[0].y == 15);
}

TEST_CASE("icon script: points are placed by the matrix in force when the path is made") {
    auto art = diagram::replay_script("2 2 scale 10 0 translate n 1 1 m 2 1 l identity set-matrix 0 g set-source "
                                      "3 set-line-width stroke pop",
                                      50);
    REQUIRE(art.frame);
    const auto& s = shape(*art.frame, 0);
    CHECK(s.path[0].p[0].x == 22);  // (1 + 10) × 2
    CHECK(s.path[0].p[0].y == 2);
    CHECK(s.path[1].p[0].x == 24);
    CHECK(s.stroke_width == 3);  // the matrix at the stroke: identity
}

TEST_CASE("icon script: what is not flat drawing names the operator and gives no art") {
    CHECK(diagram::replay_script("s2 pattern set-source paint", 100).unsupported == "the operator 's2'");
    CHECK(diagram::replay_script("0 g set-source n 0 0 m 1 1 l mask", 100).unsupported == "a mask");
    CHECK(diagram::replay_script("dup 100 100 //COLOR_ALPHA similar", 100).unsupported ==
          "a drawing on a surface of its own (a mask, group opacity or a filter)");
    CHECK(diagram::replay_script("0 0 0 0.5 rgba set-source", 100).unsupported == "a colour that is not opaque");
    CHECK(diagram::replay_script("[ 2 2 ] 0 set-dash", 100).unsupported == "a dashed stroke");
    CHECK(diagram::replay_script("2 1 scale n 0 0 m 1 1 l 0 g set-source stroke", 100).unsupported ==
          "a stroke under an unequal scale");
    CHECK(diagram::replay_script("n 0 0 m 1 1 l fill", 100).unsupported == "fill without a colour");
    CHECK(diagram::replay_script("l", 100).unsupported == "an operand that is not a number");
    CHECK(!diagram::replay_script("0 g set-source n 1 1 m 2 2 l clip", 100).frame);
}

TEST_CASE("icon script: the map's illustrations are art, but the two with a mask") {
    const std::string site = test::website_dir();
    if (site.empty()) {
        WARN("skipped: ../shared/ler-ecosystem-map-site is absent in this clone");
        return;
    }
    int art = 0;
    std::vector<std::string> raster;
    for (const auto& e : fs::directory_iterator(fs::path(site) / "images")) {
        if (e.path().extension() != ".svg") continue;
        auto a = diagram::svg_art(e.path().string());
        if (a.frame) {
            ++art;
            CHECK(a.frame->items.size() > 5);
        } else {
            raster.push_back(e.path().stem().string());
            CHECK(a.unsupported == "a drawing on a surface of its own (a mask, group opacity or a filter)");
        }
    }
    std::sort(raster.begin(), raster.end());
    CHECK(art == 8);
    CHECK(raster == std::vector<std::string>{"credentialing-organizations", "data-standards-bodies"});
}

TEST_CASE("icon script: a stroke under Cairo's bare matrix array (a rotation) is replayed, its width kept") {
    // what Cairo writes for a square rotated 45° at a scale of 3 (hypot(2.12, 2.12) = 3)
    auto art = diagram::replay_script("n 10 10 m 20 10 l 0 g set-source 2 set-line-width "
                                      "[2.121320 2.121320 -2.121320 2.121320 0 0] set-matrix stroke+ identity set-matrix",
                                      100);
    REQUIRE(art.frame);
    CHECK(shape(*art.frame, 0).stroke_width == Approx(6).epsilon(1e-5));
    CHECK(diagram::replay_script("[1 0 0] set-matrix", 100).unsupported == "a matrix that is not six numbers");
}

TEST_CASE("icon script: a number a PDF cannot hold is not replayed") {
    CHECK(diagram::replay_script("1e30 1e30 scale n 1 1 m", 100).unsupported == "a number outside the page");
    CHECK(diagram::replay_script("n 0 0 m 1 1 l 0 g set-source 1e30 set-line-width stroke", 100).unsupported ==
          "a number outside the page");
}
