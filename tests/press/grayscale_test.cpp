#include <catch2/catch.hpp>

#include "diagram/style.h"
#include "press/grayscale.h"

using namespace lerbrief;
using namespace lerbrief::layout;

TEST_CASE("grayscale: the gray of the same luminance, black stays black", "[press]") {
    CHECK(press::luminance_gray(kBlack) == 0);
    CHECK(press::luminance_gray(kWhite) == 1);
    CHECK(press::luminance_gray({0.5, 0.5, 0.5}) == Approx(0.5).margin(0.001));
    // green is far lighter than blue at the same intensity
    CHECK(press::luminance_gray({0, 1, 0}) > 0.8);
    CHECK(press::luminance_gray({0, 0, 1}) < 0.35);
    // the gray keeps the lightness: L* of the gray equals L* of the colour
    const Color accent{0x1d / 255.0, 0x4e / 255.0, 0x6e / 255.0};
    const double g = press::luminance_gray(accent);
    CHECK(diagram::lightness({g, g, g}) == Approx(diagram::lightness(accent)).margin(0.2));
}

TEST_CASE("grayscale: every colour of every page and figure and image turns gray, text black or white", "[press]") {
    auto figure = std::make_shared<Frame>();
    Shape node;
    node.path = {{PathSeg::Op::move, {{0, 0}}}, {PathSeg::Op::line, {{1, 1}}}};
    node.fill = Color{0.9, 0.6, 0.3};
    node.stroke = Color{0.2, 0.2, 0.6};
    figure->items.push_back(node);
    auto icon = std::make_shared<Raster>();
    icon->key = "icon";
    icon->width = 2;
    icon->height = 1;
    icon->rgba = {255, 0, 0, 255, 0, 0, 255, 128};
    figure->items.push_back(ImageItem{{0, 0}, 10, 5, icon});
    Document d;
    for (int i = 0; i < 2; ++i) {  // the same figure on two pages
        Page p;
        p.frame.width = p.frame.height = 100;
        p.frame.items.push_back(TextItem{{0, 0}, 0, 10, Color{0.11, 0.3, 0.43}, "dark heading", 10});
        p.frame.items.push_back(TextItem{{0, 0}, 0, 10, kWhite, "white on a band", 10});
        p.frame.items.push_back(GroupItem{{0, 0}, 1, figure});
        d.pages.push_back(p);
    }
    press::to_grayscale(d);
    const auto& items = d.pages[0].frame.items;
    CHECK(std::get<TextItem>(items[0]).color == kBlack);
    CHECK(std::get<TextItem>(items[1]).color == kWhite);
    const auto& g = std::get<GroupItem>(items[2]);
    CHECK(g.frame.get() == std::get<GroupItem>(d.pages[1].frame.items[2]).frame.get());  // converted once, shared
    const auto& s = std::get<Shape>(g.frame->items[0]);
    CHECK(s.fill->is_gray());
    CHECK(s.stroke->is_gray());
    CHECK(s.fill->r == press::luminance_gray({0.9, 0.6, 0.3}));
    const auto& img = std::get<ImageItem>(g.frame->items[1]);
    REQUIRE(img.raster);
    CHECK(img.raster->key == "icon#gray");
    const auto& px = img.raster->rgba;
    CHECK((px[0] == px[1] && px[1] == px[2]));
    CHECK((px[4] == px[5] && px[5] == px[6]));
    CHECK(px[7] == 128);  // alpha kept
    CHECK(icon->rgba[0] == 255);  // the colour original is untouched
}

TEST_CASE("grayscale: groups whose fills print alike are found", "[press]") {
    // the default palette is built to stay apart
    CHECK(diagram::gray_clashes(diagram::default_palette().groups, 10).empty());
    // a red and a green of the same lightness clash
    std::vector<Color> fills{{0.8, 0.2, 0.2}, {0.2, 0.5, 0.2}, {0.1, 0.1, 0.1}};
    auto clashes = diagram::gray_clashes(fills, 3);
    REQUIRE(clashes.size() == 1);
    CHECK(clashes[0].a == 0);
    CHECK(clashes[0].b == 1);
}

TEST_CASE("grayscale: an icon's art turns gray once, the same copy in every document", "[press]") {
    auto art = std::make_shared<Frame>();
    art->width = art->height = 100;
    Shape s;
    s.path = {{PathSeg::Op::move, {{0, 0}}}, {PathSeg::Op::line, {{100, 100}}}};
    s.fill = Color{0.9, 0.2, 0.1};
    art->items.push_back(s);
    auto document = [&] {
        Document d;
        Page p;
        p.frame.width = p.frame.height = 200;
        p.frame.items.push_back(GroupItem{{0, 0}, 0.5, art, false, nullptr, true});
        d.pages.push_back(std::move(p));
        press::to_grayscale(d);
        return d;
    };
    const Document a = document(), b = document();
    const auto& ga = std::get<GroupItem>(a.pages[0].frame.items[0]);
    const auto& gb = std::get<GroupItem>(b.pages[0].frame.items[0]);
    REQUIRE(ga.frame != art);
    CHECK(ga.frame == gb.frame);  // one gray copy: the writer compresses its form once a run
    const auto& shape = std::get<Shape>(ga.frame->items[0]);
    CHECK(shape.fill->is_gray());
    CHECK(art->items.size() == 1);
    CHECK_FALSE(std::get<Shape>(art->items[0]).fill->is_gray());  // the colour art is left as it was
}
