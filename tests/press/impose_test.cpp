#include <catch2/catch.hpp>

#include "press/bleed.h"
#include "press/impose.h"
#include "press/press_error.h"

using namespace lerbrief;
using namespace lerbrief::layout;

namespace {

// A reader document whose page i carries a text item "i+1" and a link.
Document reader(int pages, double w = 612, double h = 792) {
    Document d;
    for (int i = 0; i < pages; ++i) {
        Page p;
        p.frame.width = w;
        p.frame.height = h;
        TextItem t;
        t.text = std::to_string(i + 1);
        p.frame.items.push_back(t);
        p.frame.items.push_back(LinkItem{{0, 0}, 10, 10, "", 0, 0});
        d.pages.push_back(std::move(p));
    }
    return d;
}

std::string page_of(const Item& item) {
    const auto& g = std::get<GroupItem>(item);
    return std::get<TextItem>(g.frame->items.at(0)).text;
}

}  // namespace

TEST_CASE("impose: sheets twice the page width, pages in saddle-stitch order, links dropped", "[press]") {
    Document out = press::impose_booklet(reader(8), {});
    REQUIRE(out.pages.size() == 4);
    const char* expect[][2] = {{"8", "1"}, {"2", "7"}, {"6", "3"}, {"4", "5"}};
    for (std::size_t i = 0; i < 4; ++i) {
        const Frame& f = out.pages[i].frame;
        CHECK(f.width == 1224);  // Letter → Tabloid, landscape
        CHECK(f.height == 792);
        REQUIRE(f.items.size() == 2);
        CHECK(page_of(f.items[0]) == expect[i][0]);
        CHECK(page_of(f.items[1]) == expect[i][1]);
        CHECK(std::get<GroupItem>(f.items[0]).offset.x == 0);
        CHECK(std::get<GroupItem>(f.items[1]).offset.x == 612);
        for (const auto& it : f.items)
            for (const auto& inner : std::get<GroupItem>(it).frame->items) CHECK(!std::holds_alternative<LinkItem>(inner));
        CHECK(!out.pages[i].trim);
    }
    REQUIRE(out.labels.size() == 4);
    CHECK(out.labels[0].prefix == "Sheet 1 front");
    CHECK(out.labels[3].prefix == "Sheet 2 back");
    CHECK(out.outline.empty());
}

TEST_CASE("impose: creep moves inner sheets' pages toward the fold, the outermost not at all", "[press]") {
    Document out = press::impose_booklet(reader(12), {3, -1});
    auto left_x = [&](std::size_t side) { return std::get<GroupItem>(out.pages[side].frame.items[0]).offset.x; };
    auto right_x = [&](std::size_t side) { return std::get<GroupItem>(out.pages[side].frame.items[1]).offset.x; };
    CHECK(left_x(0) == 0);
    CHECK(right_x(0) == 612);
    CHECK(left_x(2) == Approx(1.5));
    CHECK(right_x(3) == Approx(612 - 1.5));
    CHECK(left_x(4) == Approx(3));
    CHECK(right_x(5) == Approx(609));
}

TEST_CASE("impose: pages of different sizes or a count not a multiple of four are refused", "[press]") {
    CHECK_THROWS_AS(press::impose_booklet(reader(6), {}), press::PressError);
    Document d = reader(4);
    d.pages[2].frame.width = 595;
    CHECK_THROWS_WITH(press::impose_booklet(d, {}), Catch::Contains("page 3 is 595.0 x 792.0 pt"));
}

TEST_CASE("impose with bleed: marks on every sheet, colour runs past the outer edges but not across the fold", "[press]") {
    Document d = reader(4);
    for (auto& p : d.pages) {  // a band across the top of every page
        Shape band;
        band.path = {{PathSeg::Op::move, {{0, 0}}}, {PathSeg::Op::line, {{612, 0}}}, {PathSeg::Op::line, {{612, 30}}},
                     {PathSeg::Op::line, {{0, 30}}}, {PathSeg::Op::close, {}}};
        band.fill = Color{0.2, 0.3, 0.5};
        p.frame.items.insert(p.frame.items.begin(), band);
    }
    const double b = 8.5;
    Document out = press::impose_booklet(d, {0, b});
    const Page& sheet = out.pages[0];
    const double m = press::slug_width(b);
    REQUIRE(sheet.trim);
    CHECK(*sheet.trim == Box{m, m, 1224, 792});
    CHECK(*sheet.bleed == Box{m - b, m - b, 1224 + 2 * b, 792 + 2 * b});
    CHECK(sheet.frame.width == Approx(1224 + 2 * m));
    const auto& spread = *std::get<GroupItem>(sheet.frame.items[0]).frame;
    const auto& left = *std::get<GroupItem>(spread.items[0]).frame;
    const auto& right = *std::get<GroupItem>(spread.items[1]).frame;
    const auto& lband = std::get<Shape>(left.items[0]).path;
    const auto& rband = std::get<Shape>(right.items[0]).path;
    CHECK(lband[0].p[0].x == -b);   // outer edge: into the bleed
    CHECK(lband[0].p[0].y == -b);   // top edge: into the bleed
    CHECK(lband[1].p[0].x == 612);  // the fold: stays
    CHECK(rband[0].p[0].x == 0);    // the fold: stays
    CHECK(rband[1].p[0].x == 612 + b);
    // 8 crop-mark hairlines and 4 fold-mark strokes, all pure black
    int marks = 0;
    for (const auto& it : sheet.frame.items)
        if (const auto* s = std::get_if<Shape>(&it)) {
            CHECK(s->stroke == kBlack);
            CHECK(!s->fill);
            ++marks;
        }
    CHECK(marks == 12);
}
