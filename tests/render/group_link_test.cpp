// A link inside a group (the ecosystem diagram's group labels, linked to the
// fact sheets) is placed with the group's offset and scale, and an internal
// one points at its page.
#include <catch2/catch.hpp>

#include <regex>

#include "render/pdf_writer.h"
#include "render/sample_document.h"

namespace t = lerbrief::test;
using namespace lerbrief::layout;

TEST_CASE("links inside nested groups take the groups' offsets and scales", "[render][pdf]") {
    auto inner = std::make_shared<Frame>();
    inner->width = inner->height = 200;
    inner->items.push_back(LinkItem{{20, 40}, 100, 20, "", 1, 50});
    auto outer = std::make_shared<Frame>();
    outer->width = outer->height = 400;
    outer->items.push_back(GroupItem{{10, 10}, 2, inner});
    Document d;
    d.fonts = t::bundled_fonts();
    Page p1, p2;
    p1.frame.width = p2.frame.width = 612;
    p1.frame.height = p2.frame.height = 792;
    p1.frame.items.push_back(GroupItem{{100, 300}, 0.5, outer});
    d.pages = {p1, p2};
    t::TempDir tmp;
    const std::string qdf = t::qdf_text(t::write_pdf(tmp, "g.pdf", lerbrief::render::render_pdf(d)));
    INFO(qdf.substr(0, 4000));
    // top-left: 100 + 0.5 × (10 + 2 × 20) = 125, 300 + 0.5 × (10 + 2 × 40) = 345;
    // bottom-right: 100 + 0.5 × (10 + 2 × 120) = 225, 300 + 0.5 × (10 + 2 × 60) = 365;
    // PDF y is 792 − y: 427 … 447
    CHECK(std::regex_search(qdf, std::regex(R"(/Rect \[\s*125(\.0+)?\s+427(\.0+)?\s+225(\.0+)?\s+447(\.0+)?\s*\])")));
    CHECK(std::regex_search(qdf, std::regex(R"(/XYZ\s+0\s+742\s+null)")));  // page two, 50 pt down
}
