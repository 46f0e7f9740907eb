// What a lone document's pages share, made on a second core while they are
// drawn (render/shared_work.h): found once each, in drawing order, nested
// groups included; and the file is the same bytes with the helper as without.
#include <catch2/catch.hpp>

#include <memory>

#include "layout/document.h"
#include "render/pdf_writer.h"
#include "render/shared_work.h"

using namespace lerbrief;
using layout::PathSeg;

namespace {

std::shared_ptr<const layout::Frame> art(double shade) {
    auto f = std::make_shared<layout::Frame>();
    f->width = f->height = 100;
    layout::Shape s;
    s.path = {{PathSeg::Op::move, {{10, 20}}}, {PathSeg::Op::curve, {{30, 5}, {70, 95}, {90, 20}}}, {PathSeg::Op::close, {}}};
    s.fill = layout::Color{shade, 0.5, 1 - shade};
    f->items.push_back(s);
    return f;
}

// 600 px square, with alpha: printed at 36 pt it is scaled to 150 px first
std::shared_ptr<const layout::Raster> raster(const std::string& key) {
    auto r = std::make_shared<layout::Raster>();
    r->key = key;
    r->width = r->height = 600;
    r->rgba.resize(600 * 600 * 4);
    for (std::size_t i = 0; i < r->rgba.size(); i += 4) {
        r->rgba[i] = static_cast<std::uint8_t>(i / 4 % 600 * 255 / 599);
        r->rgba[i + 1] = static_cast<std::uint8_t>(i / 2400 % 256);
        r->rgba[i + 2] = 90;
        r->rgba[i + 3] = static_cast<std::uint8_t>(i / 4 % 7 == 0 ? 0 : 255);
    }
    return r;
}

layout::GroupItem placed(const std::shared_ptr<const layout::Frame>& f, double x, bool reuse) {
    return layout::GroupItem{{x, 10}, 0.3, f, false, nullptr, reuse};
}

// Two pages: three forms (one placed twice, one on page 2), an image placed
// twice and one inside a group that is not a form. Keys of its own each call.
layout::Document document(const std::string& keys) {
    const auto a = art(0.1), b = art(0.5), c = art(0.9);
    const auto one = raster(keys + "one"), two = raster(keys + "two");
    layout::Document d;
    layout::Page p1, p2;
    p1.frame.width = p2.frame.width = 612;
    p1.frame.height = p2.frame.height = 792;
    p1.frame.items.push_back(placed(a, 0, true));
    p1.frame.items.push_back(layout::ImageItem{{100, 100}, 36, 36, one, nullptr});
    p1.frame.items.push_back(placed(b, 50, true));
    p1.frame.items.push_back(placed(a, 100, true));
    p1.frame.items.push_back(layout::ImageItem{{200, 100}, 36, 36, one, nullptr});
    auto inner = std::make_shared<layout::Frame>();
    inner->width = inner->height = 200;
    inner->items.push_back(layout::ImageItem{{0, 0}, 72, 72, two, nullptr});
    p2.frame.items.push_back(placed(inner, 0, false));
    p2.frame.items.push_back(placed(c, 300, true));
    d.pages = {p1, p2};
    d.tagged = false;
    return d;
}

}  // namespace

TEST_CASE("shared work: the forms and images of a document's pages, each once, in drawing order") {
    const layout::Document d = document("order-");
    const render::SharedWork w = render::shared_work(d);
    REQUIRE(w.forms.size() == 3);
    CHECK(w.forms[0] == std::get<layout::GroupItem>(d.pages[0].frame.items[0]).frame);
    CHECK(w.forms[1] == std::get<layout::GroupItem>(d.pages[0].frame.items[2]).frame);
    CHECK(w.forms[2] == std::get<layout::GroupItem>(d.pages[1].frame.items[1]).frame);
    REQUIRE(w.rasters.size() == 2);
    CHECK(w.rasters[0]->key == "order-one");
    CHECK(w.rasters[1]->key == "order-two");  // inside a group that is not a form
}

TEST_CASE("shared work: a document drawn with its shared work on a second core is the same bytes") {
    // each document its own frames and keys: neither finds the other's made
    layout::Document alone = document("helped-"), plain = document("plain-");
    alone.second_core = true;
    const std::string helped = render::render_pdf(alone), without = render::render_pdf(plain);
    CHECK(helped.size() > 1000);
    CHECK(helped == without);
}

TEST_CASE("shared work: an image the drawing refuses is refused with the same message with the helper", "[render]") {
    auto refused = [](bool second_core) {
        layout::Document d = document(second_core ? "bad-helped-" : "bad-plain-");
        auto bad = std::make_shared<layout::Raster>(*raster("bad"));
        bad->key = second_core ? "bad-helped" : "bad-plain";
        bad->rgba.resize(bad->rgba.size() - 4);  // a pixel short
        d.pages[1].frame.items.push_back(layout::ImageItem{{300, 300}, 36, 36, bad, nullptr});
        d.second_core = second_core;
        try {
            render::render_pdf(d);
        } catch (const std::exception& e) {
            std::string what = e.what();
            const auto at = what.find(bad->key);  // the message names the image's own key
            if (at != std::string::npos) what.replace(at, bad->key.size(), "KEY");
            return what;
        }
        return std::string("not refused");
    };
    const std::string helped = refused(true);
    CHECK(helped.find("has 1439996 bytes of pixels, expected 1440000") != std::string::npos);
    CHECK(helped == refused(false));
}
