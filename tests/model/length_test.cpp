#include <catch2/catch.hpp>

#include "model/length.h"

using namespace lerbrief;

TEST_CASE("length: units, and a bare number is points only where points are meant") {
    CHECK(Length::parse("12pt")->points() == Approx(12));
    CHECK(Length::parse("25.4mm")->points() == Approx(72));
    CHECK(Length::parse("1 in")->points() == Approx(72));
    CHECK(Length::parse("1cm")->millimetres() == Approx(10));
    CHECK(Length::parse("9")->points() == Approx(9));  // layout files: points, like type sizes
    CHECK_FALSE(Length::parse("3 furlongs"));
    CHECK_FALSE(Length::parse("mm"));
    CHECK_FALSE(Length::parse(""));
    // the command line: "3" could be millimetres as well as points
    CHECK_FALSE(Length::parse_with_unit("3"));
    CHECK(Length::parse_with_unit("3mm")->millimetres() == Approx(3));
    CHECK(Length::parse_with_unit(" 0.125in ")->points() == Approx(9));
    CHECK(Length::is_bare_number("3"));
    CHECK(Length::is_bare_number("0.2"));
    CHECK_FALSE(Length::is_bare_number("3mm"));
    CHECK_FALSE(Length::is_bare_number("three"));
}
