#include <catch2/catch.hpp>

#include <set>

#include "press/press_error.h"
#include "press/saddle.h"

using namespace lerbrief;

namespace {

// "front 8|1 back 2|7 …", 1-based like printed page numbers.
std::string order(int pages) {
    std::string s;
    for (const auto& side : press::saddle_stitch(pages))
        s += (s.empty() ? "" : " ") + std::string(side.back ? "back " : "front ") + std::to_string(side.left + 1) + "|" +
             std::to_string(side.right + 1);
    return s;
}

}  // namespace

TEST_CASE("saddle stitch: which page lands on which side of which sheet", "[press]") {
    CHECK(order(4) == "front 4|1 back 2|3");
    CHECK(order(8) == "front 8|1 back 2|7 front 6|3 back 4|5");
    CHECK(order(12) == "front 12|1 back 2|11 front 10|3 back 4|9 front 8|5 back 6|7");
}

TEST_CASE("saddle stitch: every page once, facing pages add up, sheets nest", "[press]") {
    for (int pages : {4, 16, 36, 100}) {
        auto sides = press::saddle_stitch(pages);
        REQUIRE(static_cast<int>(sides.size()) == pages / 2);
        std::set<int> seen;
        for (const auto& s : sides) {
            CHECK(s.left + s.right == pages - 1);  // the two pages of a side are mirror images about the fold
            CHECK(s.sheet == static_cast<int>(&s - sides.data()) / 2);
            seen.insert(s.left);
            seen.insert(s.right);
        }
        CHECK(static_cast<int>(seen.size()) == pages);
    }
}

TEST_CASE("saddle stitch: an odd page count is padded to the next multiple of four", "[press]") {
    CHECK(press::booklet_page_count(7) == 8);
    CHECK(press::booklet_page_count(5) == 8);
    CHECK(press::booklet_page_count(8) == 8);
    CHECK(press::booklet_page_count(33) == 36);
    CHECK(press::booklet_page_count(1) == 4);
    CHECK_THROWS_AS(press::saddle_stitch(7), press::PressError);
    CHECK_THROWS_AS(press::saddle_stitch(0), press::PressError);
}
