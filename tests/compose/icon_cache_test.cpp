// --watch builds again in one process: an icon saved between two builds must
// print as saved, not as the process first read it (model/cache_epoch.h).
#include <catch2/catch.hpp>

#include "compose/figures.h"
#include "compose_setup.h"
#include "model/cache_epoch.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

// A square inside the icon's box (one covering the whole box is a paint of
// the whole surface to librsvg, which is drawn as a raster).
std::string square(const char* fill) {
    return std::string(R"(<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">)") +
           R"(<rect x="1" y="1" width="8" height="8" fill=")" + fill + R"("/></svg>)";
}

// The red of the icon's fill (a square: one filled shape of its art).
double red(const layout::Icon& icon) {
    REQUIRE(icon.art);
    REQUIRE(icon.art->items.size() == 1);
    const auto& shape = std::get<layout::Shape>(icon.art->items.front());
    REQUIRE(shape.fill);
    return shape.fill->r;
}

}  // namespace

TEST_CASE("icons: a build after a new cache epoch reads an icon file saved since, within one build it is read once") {
    t::ComposeSetup s;
    t::TempDir dir;
    const auto path = dir / "icon.svg";
    t::write_file(path, square("#ff0000"));
    Stakeholder g;
    g.id = "g";
    g.icon = Icon{path.string(), "a square", {}};
    start_cache_epoch();
    auto first = compose::icon_for(g, s.in.tools);
    REQUIRE(first);
    CHECK(red(first) == 1);
    t::write_file(path, square("#0000ff"));
    auto same_build = compose::icon_for(g, s.in.tools);
    CHECK(same_build.art == first.art);  // one build: read once
    start_cache_epoch();         // what job.cpp does before each build
    auto next_build = compose::icon_for(g, s.in.tools);
    REQUIRE(next_build);
    CHECK(red(next_build) == 0);
}
