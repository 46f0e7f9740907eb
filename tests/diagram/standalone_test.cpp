// The diagram alone in a file: PNG, SVG and PDF, valid and complete.
#include <catch2/catch.hpp>

#include <cmath>
#include <iterator>

#include "diagram/diagram_support.h"
#include "support/support.h"

using namespace lerbrief;

namespace {

layout::Frame map_frame() { return diagram::diagram(test::map_input(), diagram::Style{}, test::fonts(), 468, 400); }

std::uint32_t big_endian(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(s[at + i]);
    return v;
}

std::size_t count_lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("standalone: PNG at the asked resolution", "[diagram][standalone]") {
    test::TempDir dir;
    auto path = dir / "map.png";
    diagram::write_standalone(map_frame(), path.string(), test::font_files(), 1, 150);
    auto png = test::read_file(path);
    REQUIRE(png.size() > 1000);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    CHECK(png.substr(12, 4) == "IHDR");
    CHECK(big_endian(png, 16) == static_cast<std::uint32_t>(std::ceil(468 * 150 / 72.0)));
    CHECK(big_endian(png, 20) == static_cast<std::uint32_t>(std::ceil(400 * 150 / 72.0)));
    CHECK(std::distance(test::fs::directory_iterator(dir.path()), {}) == 1);  // no temporary file left
}

TEST_CASE("standalone: SVG", "[diagram][standalone]") {
    test::TempDir dir;
    auto path = dir / "map.svg";
    diagram::write_standalone(map_frame(), path.string(), test::font_files(), 2);
    auto svg = test::read_file(path);
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("width=\"936pt\"") != std::string::npos);  // 468 pt × scale 2
    CHECK(svg.find("</svg>") != std::string::npos);
}

TEST_CASE("standalone: PDF with real text, vector shapes, no images, same bytes each time", "[diagram][standalone]") {
    test::TempDir dir;
    auto path = dir / "map.pdf";
    diagram::write_standalone(map_frame(), path.string(), test::font_files());
    auto pdf = test::read_file(path);
    CHECK(pdf.rfind("%PDF-", 0) == 0);

    auto text = test::run_program({"pdftotext", path.string(), "-"});
    REQUIRE(text.status == 0);
    for (const char* label : {"Career Navigators", "Employers", "Learners & Earners", "Developing", "Adopting"})
        CHECK(text.out.find(label) != std::string::npos);

    auto images = test::run_program({"pdfimages", "-list", path.string()});
    REQUIRE(images.status == 0);
    CHECK(count_lines(images.out) == 2);  // the two header lines, no image

    auto again = dir / "again.pdf";
    diagram::write_standalone(map_frame(), again.string(), test::font_files());
    CHECK(test::read_file(again) == pdf);
}

TEST_CASE("standalone: icons are embedded as images", "[diagram][standalone]") {
    test::TempDir dir;
    auto path = dir / "icons.pdf";
    auto frame = diagram::diagram(test::map_input_with_icons(24), diagram::Style{}, test::fonts(), 468, 400);
    diagram::write_standalone(frame, path.string(), test::font_files());
    auto images = test::run_program({"pdfimages", "-list", path.string()});
    REQUIRE(images.status == 0);
    CHECK(count_lines(images.out) > 2);
}

TEST_CASE("standalone: a 16:9 slide", "[diagram][standalone]") {
    auto slide = diagram::fit_frame(map_frame(), 960, 540, 24);
    CHECK(slide.width == 960);
    CHECK(slide.height == 540);
    REQUIRE(slide.items.size() == 1);
    const auto& group = std::get<layout::GroupItem>(slide.items[0]);
    CHECK(group.scale == Approx((540 - 48) / 400.0));
    CHECK(group.offset.y == Approx(24));
    auto image = diagram::render_image(slide, test::font_files(), 72);
    CHECK(cairo_image_surface_get_width(image.get()) == 960);
    CHECK(cairo_image_surface_get_height(image.get()) == 540);
}

TEST_CASE("standalone: errors name the file and leave an earlier file alone", "[diagram][standalone]") {
    test::TempDir dir;
    auto path = (dir / "map.doc").string();
    CHECK_THROWS_WITH(diagram::write_standalone(map_frame(), path, test::font_files()),
                      path + ": unknown diagram format '.doc' (use .pdf, .svg or .png)");

    auto missing = (dir / "no-such-dir" / "map.pdf").string();
    CHECK_THROWS_WITH(diagram::write_standalone(map_frame(), missing, test::font_files()), Catch::StartsWith(missing + ": "));

    auto kept = dir / "kept.png";
    test::write_file(kept, "earlier");
    diagram::FontFiles wrong = test::font_files();
    wrong.faces[0].path = (dir / "NoSuchTypeface.ttf").string();
    CHECK_THROWS_WITH(diagram::write_standalone(map_frame(), kept.string(), wrong),
                      wrong.faces[0].path + ": font: cannot be read as a TrueType file");
    CHECK(test::read_file(kept) == "earlier");
    CHECK(std::distance(test::fs::directory_iterator(dir.path()), {}) == 1);  // kept.png alone: no temporary file
}
