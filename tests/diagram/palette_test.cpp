// Colour that survives a grayscale photocopier: fills far apart in
// lightness (or nodes told apart by their outline), text pure black.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cmath>

#include "diagram/diagram_support.h"
#include "diagram/matrix.h"
#include "support/support.h"

using namespace lerbrief;
using diagram::lightness;

TEST_CASE("palette: luminance is Rec. 709 on linear sRGB", "[diagram][palette]") {
    CHECK(diagram::relative_luminance(layout::kWhite) == Approx(1));
    CHECK(diagram::relative_luminance(layout::kBlack) == Approx(0));
    CHECK(diagram::relative_luminance({0, 1, 0}) == Approx(0.7152));
    CHECK(diagram::relative_luminance({0.5, 0.5, 0.5}) == Approx(0.2140).epsilon(0.001));  // not 0.5: linearised
    CHECK(lightness({0.5, 0.5, 0.5}) == Approx(53.39).epsilon(0.001));
}

TEST_CASE("palette: every two default fills differ in lightness", "[diagram][palette]") {
    const auto groups = diagram::default_palette().groups;
    REQUIRE(groups.size() >= 6);
    for (std::size_t i = 0; i < groups.size(); ++i)
        for (std::size_t j = i + 1; j < groups.size(); ++j) {
            INFO(fmt::format("fills {} and {}: L* {:.1f} and {:.1f} (Y {:.3f} and {:.3f})", i, j, lightness(groups[i]),
                             lightness(groups[j]), diagram::relative_luminance(groups[i]),
                             diagram::relative_luminance(groups[j])));
            CHECK(std::abs(lightness(groups[i]) - lightness(groups[j])) >= diagram::kMinLightnessStep);
        }
    // Dark enough to show on white paper, light enough for a black outline.
    for (const auto& c : groups) {
        CHECK(lightness(c) >= 35);
        CHECK(lightness(c) <= 95);
    }
}

TEST_CASE("palette: up to 24 nodes differ pairwise in lightness or in shape", "[diagram][palette]") {
    const auto palette = diagram::default_palette();
    for (std::size_t n = 1; n <= 24; ++n) {
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                auto a = diagram::node_look(i, n, palette.groups.size());
                auto b = diagram::node_look(j, n, palette.groups.size());
                double dl = std::abs(lightness(palette.groups[a.colour]) - lightness(palette.groups[b.colour]));
                INFO(fmt::format("{} nodes: {} and {}", n, i, j));
                CHECK((dl >= diagram::kMinLightnessStep || a.shape != b.shape));
            }
        if (n <= palette.groups.size())
            for (std::size_t i = 0; i < n; ++i) CHECK(diagram::node_look(i, n, palette.groups.size()).shape == diagram::NodeShape::circle);
    }
}

TEST_CASE("palette: all text is pure black", "[diagram][palette]") {
    auto input = test::map_input();
    for (std::string highlight : {"", "employers"}) {
        input.highlight = highlight;
        auto f = diagram::diagram(input, diagram::Style{}, test::fonts(), 468, 400);
        int texts = 0;
        for (const auto& item : f.items)
            if (auto* t = std::get_if<layout::TextItem>(&item)) {
                CHECK(t->color == layout::kBlack);
                ++texts;
            }
        CHECK(texts >= 14);  // ten groups and four phases at least
    }
}

TEST_CASE("highlight: one group bold and outlined, the others muted", "[diagram][palette]") {
    auto input = test::map_input();
    input.highlight = "funders";
    diagram::Style style;
    auto g = diagram::compute(input, style, test::fonts(), 252, 252);
    auto f = diagram::draw(g, input, style, test::fonts());
    for (const auto& n : g.nodes) {
        CHECK(n.highlighted == (n.id == "funders"));
        CHECK(n.muted == (n.id != "funders"));
        CHECK(n.label.font == (n.highlighted ? test::fonts().bold : test::fonts().regular));
    }
    int strong = 0, muted = 0;
    for (const auto& item : f.items)
        if (auto* s = std::get_if<layout::Shape>(&item); s && s->fill) {
            if (s->stroke && *s->stroke == style.palette.highlight_stroke && s->stroke_width == style.highlight_width) {
                ++strong;
                CHECK(*s->fill != style.palette.muted_fill);
            }
            if (*s->fill == style.palette.muted_fill) ++muted;
        }
    CHECK(strong == 1);
    CHECK(muted == 9);
}
