// PNG renders of the diagram compared with goldens in tests/fixtures/diagram
// (per-pixel tolerance, bounded fraction of differing pixels). Regenerate
// them with LERBRIEF_UPDATE_GOLDENS=1 (see the README there) and look at
// them before committing.
#include <catch2/catch.hpp>

#include "diagram/diagram_support.h"
#include "support/support.h"

using namespace lerbrief;

namespace {

constexpr double kGoldenDpi = 96;

void check_golden(const diagram::Input& input, double width, double height, const std::string& name) {
    auto frame = diagram::diagram(input, diagram::Style{}, test::fonts(), width, height);
    CHECK(test::compare_with_golden(frame, name, kGoldenDpi) == "");
}

}  // namespace

TEST_CASE("golden: renders match the goldens", "[diagram][golden]") {
    auto map = test::map_input();
    SECTION("the map, booklet page") { check_golden(map, test::kBookletPage.width, test::kBookletPage.height, "map-booklet"); }
    SECTION("the map, half page") { check_golden(map, test::kBookletHalf.width, test::kBookletHalf.height, "map-half-page"); }
    SECTION("the map highlighted on a fact sheet") {
        map.highlight = "employers";
        check_golden(map, test::kFactSheet.width, test::kFactSheet.height, "map-employers-fact-sheet");
    }
    SECTION("the map with icons, highlighted") {
        auto icons = test::map_input_with_icons(28);
        icons.highlight = "funders";
        check_golden(icons, test::kBookletHalf.width, test::kBookletHalf.height, "map-icons-highlight");
    }
    SECTION("one group") {
        check_golden(test::synthetic_input(1, true), test::kBookletHalf.width, test::kBookletHalf.height, "groups-1");
    }
    SECTION("ten long names") {
        check_golden(test::synthetic_input(10, true), test::kBookletPage.width, test::kBookletPage.height, "groups-10");
    }
    SECTION("twenty-four long names") {
        check_golden(test::synthetic_input(24, true), test::kBookletPage.width, test::kBookletPage.height, "groups-24");
    }
}
