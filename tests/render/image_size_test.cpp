// A raster is embedded at 300 ppi of the largest size it is printed at in the
// document (an icon drawn as a raster for a 48 pt node, printed at 24 pt on a
// fact sheet's diagram), when it is much finer than that; within 1.5 × 300
// ppi it stays as it was drawn.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "diagram/image_streams.h"
#include "render/pdf_images.h"
#include "render/pdf_writer.h"
#include "render/sample_document.h"

using namespace lerbrief;
using namespace lerbrief::layout;
namespace t = lerbrief::test;

namespace {

// 200 × 200 pixels: what a 48 pt icon is drawn at (300 dpi), a colour ramp
// with a transparent border.
std::shared_ptr<const Raster> icon_raster(const std::string& key) {
    auto r = std::make_shared<Raster>();
    r->key = key;
    r->width = r->height = 200;
    for (int y = 0; y < 200; ++y)
        for (int x = 0; x < 200; ++x) {
            const bool inside = x > 10 && x < 190 && y > 10 && y < 190;
            r->rgba.insert(r->rgba.end(), {static_cast<std::uint8_t>(x), static_cast<std::uint8_t>(y), 90,
                                           static_cast<std::uint8_t>(inside ? 255 : 0)});
        }
    return r;
}

ImageItem image_at(std::shared_ptr<const Raster> r, double x, double side) { return ImageItem{{x, 100}, side, side, std::move(r)}; }

// pdfimages -list: the width in pixels of each image row (not the masks), in order.
std::vector<int> image_widths(const std::string& pdf) {
    t::TempDir tmp;
    auto r = t::run_program({"pdfimages", "-list", t::write_pdf(tmp, "i.pdf", pdf).string()});
    REQUIRE(r.status == 0);
    std::vector<int> out;
    std::istringstream in(r.out);
    std::string line;
    std::getline(in, line), std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::istringstream row(line);
        std::string page, num, type;
        int width = 0;
        row >> page >> num >> type >> width;
        if (type == "image") out.push_back(width);
    }
    return out;
}

}  // namespace

TEST_CASE("images: the largest size a raster is printed at, through groups' scales", "[render][image]") {
    auto a = icon_raster("a"), b = icon_raster("b");
    auto inner = std::make_shared<Frame>();
    inner->width = inner->height = 100;
    inner->items.push_back(image_at(a, 0, 60));  // 60 pt in a group at half size: 30 pt
    Document d = t::letter_page({image_at(a, 0, 24), image_at(b, 100, 40), GroupItem{{200, 200}, 0.5, inner}});
    const auto sizes = render::printed_sizes(d);
    REQUIRE(sizes.size() == 2);
    CHECK(sizes.at("a").width == Approx(30));
    CHECK(sizes.at("a").height == Approx(30));
    CHECK(sizes.at("b").width == Approx(40));
}

TEST_CASE("images: a raster much finer than 300 ppi of its largest print is embedded at 300 ppi", "[render][image]") {
    // 24 pt is a third of an inch: 100 pixels; 200 is twice that
    CHECK(image_widths(render::render_pdf(t::letter_page({image_at(icon_raster("small"), 72, 24)}))) ==
          std::vector<int>{100});
    // printed at 24 pt and at 48 pt in one document: sized for 48 pt, as drawn
    CHECK(image_widths(render::render_pdf(
              t::letter_page({image_at(icon_raster("both"), 72, 24), image_at(icon_raster("both"), 200, 48)}))) ==
          std::vector<int>{200, 200});
    // 36 pt wants 150 pixels: 200 is within 1.5 times that, kept as drawn
    CHECK(image_widths(render::render_pdf(t::letter_page({image_at(icon_raster("near"), 72, 36)}))) ==
          std::vector<int>{200});
}

TEST_CASE("images: a raster's own streams are embedded as they are, only while its key and size are theirs",
          "[render][image]") {
    // streams that are not these pixels' (a white square's), so that which
    // streams the file holds shows which were embedded
    Raster white{"own-streams", 200, 200, std::vector<std::uint8_t>(200 * 200 * 4, 255), nullptr};
    auto foreign = std::make_shared<const ImageStreams>(diagram::image_streams(white));
    const ImageStreams made = diagram::image_streams(*icon_raster("own-streams"));
    REQUIRE(foreign->colour != made.colour);

    auto carried = std::make_shared<Raster>(*icon_raster("own-streams"));
    carried->streams = foreign;
    const std::string with = render::render_pdf(t::letter_page({image_at(carried, 72, 48)}));
    CHECK(with.find(foreign->colour) != std::string::npos);
    CHECK(with.find(made.colour) == std::string::npos);

    // a copy under another key (as a muted or gray copy is made) keeps the
    // pointer but not the streams: its own pixels are compressed
    auto renamed = std::make_shared<Raster>(*carried);
    renamed->key = "own-streams#gray";
    const std::string without = render::render_pdf(t::letter_page({image_at(renamed, 72, 48)}));
    CHECK(without.find(foreign->colour) == std::string::npos);
    CHECK(without.find(made.colour) != std::string::npos);
}
