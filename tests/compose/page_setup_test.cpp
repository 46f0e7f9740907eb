// Furniture: the event line in the footers is never cut silently (the title
// shortens first, date and place stay, with a warning), and the colour band
// keeps 5 mm from the paper's edges without --bleed and runs to them with it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

#include "compose/compose.h"
#include "compose/page_setup.h"
#include "compose_setup.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

// The texts drawn in the footer zone (below the text area) of page `i`.
std::vector<std::string> footer_texts(const compose::Composed& c, const LayoutSpec& spec, std::size_t i) {
    std::vector<std::string> out;
    const double foot = spec.page_height.points() - spec.margin_bottom.points();
    for (const auto& it : c.doc.pages[i].frame.items)
        if (const auto* ti = std::get_if<layout::TextItem>(&it); ti && ti->pos.y > foot) out.push_back(ti->text);
    return out;
}

bool warned(const Diagnostics& d, const std::string& word) {
    for (const auto& x : d.items())
        if (x.severity == Severity::warning && x.message.find(word) != std::string::npos) return true;
    return false;
}

struct Box {
    double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = -x0, y1 = -x0;
};
// The bounds of the filled shapes that touch the top margin's upper half on page 0.
Box band(const compose::Composed& c, double top) {
    Box b;
    for (const auto& it : c.doc.pages[0].frame.items) {
        const auto* sh = std::get_if<layout::Shape>(&it);
        if (!sh || !sh->fill) continue;
        for (const auto& seg : sh->path)
            if (const layout::Point p = seg.p[0]; seg.op != layout::PathSeg::Op::close && p.y < top) b.x0 = std::min(b.x0, p.x), b.x1 = std::max(b.x1, p.x), b.y0 = std::min(b.y0, p.y),
                               b.y1 = std::max(b.y1, p.y);
    }
    return b;
}

}  // namespace

TEST_CASE("event line: a long event keeps its date and place in the booklet's footers, with a warning", "[furniture]") {
    const std::string title =
        "Regional Convening on Learning and Employment Records, Skills-Based Hiring and Verifiable Credentials";
    t::ComposeSetup s("letter", {}, title, "12 December 2026", "Denver Public Library, Colorado");
    const compose::Composed c = compose::booklet(s.in);
    int body = 0;
    for (std::size_t i = 0; i < c.doc.pages.size(); ++i) {
        if (c.page_kind[i] != layout::PageKind("body")) continue;
        std::string all;
        for (const auto& x : footer_texts(c, s.spec, i)) all += x + "\n";
        INFO("page " << i + 1 << " footer: " << all);
        CHECK(all.find("12 December 2026") != std::string::npos);
        CHECK(all.find("Denver Public Library, Colorado") != std::string::npos);
        CHECK(all.find("Regional Convening") != std::string::npos);  // the title, shortened
        ++body;
    }
    CHECK(body > 10);
    CHECK(warned(s.diags, "event line"));
}

TEST_CASE("event line: an event that fits is shown whole, without a warning", "[furniture]") {
    t::ComposeSetup s("a4", {}, "Regional LER Convening", "2026-12-01", "Denver");
    const compose::Composed c = compose::booklet(s.in);
    bool seen = false;
    for (std::size_t i = 0; i < c.doc.pages.size(); ++i)
        for (const auto& x : footer_texts(c, s.spec, i)) seen |= x == "Regional LER Convening \u00B7 2026-12-01 \u00B7 Denver";
    CHECK(seen);
    CHECK_FALSE(warned(s.diags, "event line"));
}

TEST_CASE("event line: date and place too long even alone wrap onto a second line", "[furniture]") {
    t::ComposeSetup s("letter", {}, "Convening", "From the first of December to the twelfth of December 2026",
                      "The Grand Auditorium of the Denver Public Library, Denver, Colorado");
    const compose::Composed c = compose::booklet(s.in);
    for (std::size_t i = 0; i < c.doc.pages.size(); ++i) {
        if (c.page_kind[i] != layout::PageKind("body")) continue;
        std::string all;
        for (const auto& x : footer_texts(c, s.spec, i)) all += x + "\n";
        INFO(all);
        CHECK(all.find("twelfth of December 2026") != std::string::npos);
        CHECK(all.find("Denver, Colorado") != std::string::npos);
    }
}

TEST_CASE("colour band: 5 mm inside the paper's edges without bleed, to the edges with it", "[furniture][band]") {
    for (const char* layout : {"letter", "a4"}) {
        t::ComposeSetup s(layout);
        const double w = s.spec.page_width.points(), top = s.spec.margin_top.points();
        const double mm5 = 5 * 72 / 25.4;
        const Stakeholder& g = *std::find_if(s.content.stakeholders.begin(), s.content.stakeholders.end(),
                                                      [](const auto& x) { return x.has_content(); });
        INFO(layout);
        for (bool booklet : {true, false}) {
            s.in.bleed = false;
            Box b = band(booklet ? compose::booklet(s.in) : compose::factsheet(s.in, g), top);
            REQUIRE(b.x1 > b.x0);
            CHECK(b.x0 >= mm5 - 0.01);
            CHECK(b.y0 >= mm5 - 0.01);
            CHECK(b.x1 <= w - mm5 + 0.01);
            CHECK(b.y1 - b.y0 > 0.3 * top);  // still a band
            s.in.bleed = true;
            b = band(booklet ? compose::booklet(s.in) : compose::factsheet(s.in, g), top);
            CHECK(b.x0 == Approx(0));
            CHECK(b.y0 == Approx(0));
            CHECK(b.x1 == Approx(w));
        }
    }
}
