// The convening kit's worksheets (compose/worksheets.cpp): one page per action
// area, each with its area's title, a checkbox per bullet, ruled lines and the
// stakeholder group's box, nothing outside the margins, in both layouts; an
// area with many bullets still one page; one without bullets gets lines to
// write its own. With LERBRIEF_KIT_PDF_DIR set, the PDFs are written there.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <memory>

#include "compose/compose.h"
#include "compose/page_setup.h"
#include "layout/hyphenate.h"
#include "load/layout_file.h"
#include "load/load.h"
#include "render/pdf_writer.h"
#include "compose_setup.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

struct Setup : test::ComposeSetup {
    explicit Setup(const std::string& layout_name) : ComposeSetup(layout_name, {}, "Regional LER Convening", "1 December 2026", "Denver, CO") {}
};

// Empty squares about 10 pt a side: the checkboxes.
int checkboxes(const layout::Page& page) {
    int n = 0;
    for (const auto& it : page.frame.items)
        if (const auto* s = std::get_if<layout::Shape>(&it)) {
            if (s->path.size() != 5 || s->fill || !s->stroke) continue;
            const double w = s->path[1].p[0].x - s->path[0].p[0].x, h = s->path[2].p[0].y - s->path[1].p[0].y;
            if (std::abs(w - 10) < 0.5 && std::abs(h - 10) < 0.5) ++n;
        }
    return n;
}

// Horizontal strokes the width of the text area: the ruled lines.
int ruled(const layout::Page& page, double measure) {
    int n = 0;
    for (const auto& it : page.frame.items)
        if (const auto* s = std::get_if<layout::Shape>(&it))
            if (s->path.size() == 2 && s->path[0].p[0].y == s->path[1].p[0].y &&
                std::abs(s->path[1].p[0].x - s->path[0].p[0].x - measure) < 0.5)
                ++n;
    return n;
}

std::string page_lines(const compose::Composed& c, int page) {
    std::string s;
    for (const auto& r : c.lines)
        if (r.page == page) s += r.info.text + "\n";
    return s;
}

void check_margins(const compose::Composed& c, const LayoutSpec& spec) {
    const layout::PageGeometry g = compose::geometry(spec);
    for (std::size_t p = 0; p < c.doc.pages.size(); ++p) {
        const double left = p % 2 ? g.outer : g.inner, right = g.width - (p % 2 ? g.inner : g.outer);
        for (const auto& it : c.doc.pages[p].frame.items) {
            if (const auto* ti = std::get_if<layout::TextItem>(&it)) {
                INFO("page " << p + 1 << ": " << ti->text);
                CHECK(ti->pos.x >= left - 0.01);
                CHECK(ti->pos.x + ti->width <= right + 0.01);
                CHECK(ti->pos.y >= g.top);
                CHECK(ti->pos.y <= g.height - 18);
                if (ti->pos.y > g.height - g.bottom) CHECK(ti->size <= spec.style("footer").size);  // the footer
            } else if (const auto* s = std::get_if<layout::Shape>(&it)) {
                for (const auto& seg : s->path)
                    if (seg.op != layout::PathSeg::Op::close) {
                        INFO("page " << p + 1 << ": shape point " << seg.p[0].x << "," << seg.p[0].y);
                        CHECK(seg.p[0].x >= left - 0.5);
                        CHECK(seg.p[0].x <= right + 0.5);
                        CHECK(seg.p[0].y >= g.top - 0.5);
                        CHECK(seg.p[0].y <= g.height - g.bottom + 0.5);
                    }
            }
        }
    }
}

void write_for_eyes(const std::string& name, const std::string& pdf) {
    if (const char* dir = std::getenv("LERBRIEF_KIT_PDF_DIR")) t::write_file(std::string(dir) + "/" + name, pdf);
}

}  // namespace

TEST_CASE("kit worksheets: one page per action area, a checkbox per bullet", "[kit][worksheets]") {
    for (const std::string layout : {"letter", "a4"}) {
        INFO(layout);
        Setup s(layout);
        const auto& areas = s.content.action_areas;
        REQUIRE(areas.size() >= 2);
        const compose::Composed c = compose::worksheets(s.in);
        CHECK(s.diags.warning_count() == 0);
        REQUIRE(c.doc.pages.size() == areas.size());
        CHECK(c.page_kind == std::vector<layout::PageKind>(areas.size(), "worksheet"));
        CHECK(c.doc.meta.title == "Worksheets \u2014 Regional LER Convening");
        const double measure = compose::geometry(s.spec).text_width();
        for (std::size_t i = 0; i < areas.size(); ++i) {
            INFO(areas[i].title.value);
            const std::string text = page_lines(c, static_cast<int>(i));
            CHECK(text.find(areas[i].title.value) != std::string::npos);
            CHECK(text.find("Our organisation will\u2026") != std::string::npos);
            CHECK(text.find("What we need") != std::string::npos);
            CHECK(text.find("Who we will work with") != std::string::npos);
            CHECK(text.find("[box] OUR TABLE\u2019S STAKEHOLDER GROUP") != std::string::npos);  // the box, its label in the dump
            CHECK(text.find("CC BY 4.0") != std::string::npos);  // the credit
            CHECK(checkboxes(c.doc.pages[i]) == static_cast<int>(areas[i].bullets.size()));
            CHECK(ruled(c.doc.pages[i], measure) >= 4);  // two sections, at least two lines each
        }
        check_margins(c, s.spec);
        const std::string pdf = render::render_pdf(c.doc);
        CHECK(pdf.rfind("%PDF-", 0) == 0);
        write_for_eyes("worksheets-" + layout + ".pdf", pdf);
    }
}

TEST_CASE("kit worksheets: many bullets take the ruled lines' room, still one page", "[kit][worksheets]") {
    for (const std::string layout : {"letter", "a4"}) {
        INFO(layout);
        Setup s(layout);
        auto& area = s.content.action_areas[1];
        const auto more = area.bullets;
        for (int k = 0; k < 2; ++k) area.bullets.insert(area.bullets.end(), more.begin(), more.end());
        REQUIRE(area.bullets.size() >= 12);
        const compose::Composed c = compose::worksheets(s.in);
        REQUIRE(c.doc.pages.size() == s.content.action_areas.size());
        CHECK(checkboxes(c.doc.pages[1]) == static_cast<int>(area.bullets.size()));
        const double measure = compose::geometry(s.spec).text_width();
        CHECK(ruled(c.doc.pages[1], measure) < ruled(c.doc.pages[0], measure));
        check_margins(c, s.spec);
        write_for_eyes("worksheets-many-" + layout + ".pdf", render::render_pdf(c.doc));
    }
}

TEST_CASE("kit worksheets: far too many bullets are left out with a warning, never a second page", "[kit][worksheets]") {
    Setup s("letter");
    auto& area = s.content.action_areas[0];
    const auto more = area.bullets;
    for (int k = 0; k < 10; ++k) area.bullets.insert(area.bullets.end(), more.begin(), more.end());
    const compose::Composed c = compose::worksheets(s.in);
    REQUIRE(c.doc.pages.size() == s.content.action_areas.size());
    CHECK(s.diags.warning_count() == 1);
    CHECK(checkboxes(c.doc.pages[0]) < static_cast<int>(area.bullets.size()));
    check_margins(c, s.spec);
}

TEST_CASE("kit worksheets: an area without bullets gets lines for its own commitments", "[kit][worksheets]") {
    Setup s("letter");
    s.content.action_areas[2].bullets.clear();
    const compose::Composed c = compose::worksheets(s.in);
    REQUIRE(c.doc.pages.size() == s.content.action_areas.size());
    const std::string text = page_lines(c, 2);
    CHECK(text.find("Write your own commitments:") != std::string::npos);
    CHECK(text.find("Our organisation will") == std::string::npos);
    CHECK(checkboxes(c.doc.pages[2]) == 0);
    const double measure = compose::geometry(s.spec).text_width();
    CHECK(ruled(c.doc.pages[2], measure) >= 6);
}
