// The convening kit's agenda (compose/agenda.cpp): a day's programme on one
// page, a long one on several, items in order, a row never split, nothing
// outside the margins, in both layouts; and it renders to PDF.
// With LERBRIEF_KIT_PDF_DIR set, the PDFs are written there to look at.
#include <catch2/catch.hpp>

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

std::vector<AgendaItem> programme(int n) {
    static const char* const kTitles[] = {"Registration and coffee", "Welcome and why we are here",
                                          "The LER ecosystem in ten minutes", "Table work: action areas",
                                          "Lunch", "Employers on skills-based hiring: a panel",
                                          "Report back from the tables", "Commitments and next steps"};
    std::vector<AgendaItem> out;
    for (int i = 0; i < n; ++i) {
        AgendaItem a;
        const int h = 8 + i / 4, m = (i % 4) * 15;
        a.time = std::to_string(h) + ":" + (m < 10 ? "0" : "") + std::to_string(m);
        a.title = std::string(kTitles[i % 8]) + " (item " + std::to_string(i + 1) + ")";
        if (i % 2 == 0) a.room = "Room " + std::string(1, static_cast<char>('A' + i % 3));
        if (i % 3 == 0) a.speaker = "Dr. Jordan Rivera, Western Governors University";
        if (i % 5 == 1)
            a.note = "Bring the worksheet of your table; we collect them at the end of the session and type them up.";
        out.push_back(a);
    }
    return out;
}

// The row record (dump line) of each item, in the order they were laid out.
std::vector<const layout::LineRecord*> rows(const compose::Composed& c) {
    std::vector<const layout::LineRecord*> out;
    for (const auto& r : c.lines)
        if (r.info.text.find("(item ") != std::string::npos) out.push_back(&r);
    return out;
}

// Every text and shape inside the page's text area, but for the footer and
// the running head, which stay on the paper a quarter inch from its edges.
void check_margins(const compose::Composed& c, const LayoutSpec& spec) {
    const layout::PageGeometry g = compose::geometry(spec);
    for (std::size_t p = 0; p < c.doc.pages.size(); ++p) {
        const double left = p % 2 ? g.outer : g.inner, right = g.width - (p % 2 ? g.inner : g.outer);
        for (const auto& it : c.doc.pages[p].frame.items) {
            if (const auto* ti = std::get_if<layout::TextItem>(&it)) {
                INFO("page " << p + 1 << ": " << ti->text);
                CHECK(ti->pos.x >= left - 0.01);
                CHECK(ti->pos.x + ti->width <= right + 0.01);
                CHECK(ti->pos.y >= 18);
                CHECK(ti->pos.y <= g.height - 18);
                if (ti->pos.y > g.top - 4 && ti->pos.y < g.height - g.bottom + 1) continue;  // in the text area
                CHECK((ti->pos.y < g.top || ti->pos.y > g.height - g.bottom));                // header or footer
            } else if (const auto* s = std::get_if<layout::Shape>(&it)) {
                for (const auto& seg : s->path)
                    for (int k = 0; k < (seg.op == layout::PathSeg::Op::curve ? 3 : seg.op == layout::PathSeg::Op::close ? 0 : 1); ++k) {
                        INFO("page " << p + 1 << ": shape point " << seg.p[k].x << "," << seg.p[k].y);
                        CHECK(seg.p[k].x >= left - 0.5);
                        CHECK(seg.p[k].x <= right + 0.5);
                        CHECK(seg.p[k].y >= g.top - 0.5);
                        CHECK(seg.p[k].y <= g.height - g.bottom + 0.5);
                    }
            }
        }
    }
}

std::string page_text(const layout::Page& page) {
    std::string s;
    for (const auto& it : page.frame.items)
        if (const auto* ti = std::get_if<layout::TextItem>(&it)) s += ti->text + " ";
    return s;
}

void write_for_eyes(const std::string& name, const std::string& pdf) {
    if (const char* dir = std::getenv("LERBRIEF_KIT_PDF_DIR")) t::write_file(std::string(dir) + "/" + name, pdf);
}

}  // namespace

TEST_CASE("kit agenda: a day's programme is one page, items in order", "[kit][agenda]") {
    for (const std::string layout : {"letter", "a4"}) {
        INFO(layout);
        Setup s(layout);
        s.in.event.agenda = programme(8);
        const compose::Composed c = compose::agenda(s.in);
        CHECK(s.diags.warning_count() == 0);
        REQUIRE(c.doc.pages.size() == 1);
        REQUIRE(c.page_kind == std::vector<layout::PageKind>{"agenda"});
        CHECK(c.doc.meta.title == "Agenda \u2014 Regional LER Convening");
        CHECK_FALSE(c.doc.fonts.empty());
        const auto r = rows(c);
        REQUIRE(r.size() == 8);
        for (std::size_t i = 0; i < r.size(); ++i) {
            INFO(r[i]->info.text);
            CHECK(r[i]->info.text.find(s.in.event.agenda[i].time) == 0);
            CHECK(r[i]->info.text.find("(item " + std::to_string(i + 1) + ")") != std::string::npos);
            if (i > 0) CHECK(r[i]->y > r[i - 1]->y);
        }
        // the event's title, date and place at the top, the event line at the foot
        const std::string text = page_text(c.doc.pages[0]);
        CHECK(text.find("Regional") != std::string::npos);
        CHECK(text.find("Denver,") != std::string::npos);
        CHECK(text.find("Regional LER Convening \u00B7 1 December 2026 \u00B7 Denver, CO") != std::string::npos);
        CHECK(text.find("1 of 1") == std::string::npos);  // one page: no page number
        check_margins(c, s.spec);
        const std::string pdf = render::render_pdf(c.doc);
        CHECK(pdf.rfind("%PDF-", 0) == 0);
        write_for_eyes("agenda-8-" + layout + ".pdf", pdf);
    }
}

TEST_CASE("kit agenda: a long programme runs on, a row never split", "[kit][agenda]") {
    for (const std::string layout : {"letter", "a4"}) {
        INFO(layout);
        Setup s(layout);
        s.in.event.agenda = programme(40);
        const compose::Composed c = compose::agenda(s.in);
        const std::size_t n = c.doc.pages.size();
        REQUIRE(n >= 2);
        CHECK(c.page_kind == std::vector<layout::PageKind>(n, "agenda"));
        // past two pages, one warning at the first item says how many it takes
        CHECK(s.diags.warning_count() == (n > 2 ? 1u : 0u));
        if (n > 2) CHECK(s.diags.items()[0].message == "the agenda's 40 items take " + std::to_string(n) +
                                                           " pages; a printed agenda is one page or two");
        const auto r = rows(c);
        REQUIRE(r.size() == 40);
        for (std::size_t i = 1; i < r.size(); ++i) {
            INFO(r[i]->info.text);
            CHECK((r[i]->page > r[i - 1]->page || (r[i]->page == r[i - 1]->page && r[i]->y > r[i - 1]->y)));
        }
        // each row's words all on its page: its title, its room and its speaker
        for (std::size_t i = 0; i < r.size(); ++i) {
            const std::string text = page_text(c.doc.pages[r[i]->page]);
            INFO(r[i]->info.text);
            CHECK(text.find("(item " + std::to_string(i + 1) + ")") != std::string::npos);
            for (std::size_t p = 0; p < n; ++p)
                if (static_cast<int>(p) != r[i]->page)
                    CHECK(page_text(c.doc.pages[p]).find("(item " + std::to_string(i + 1) + ")") == std::string::npos);
        }
        CHECK(page_text(c.doc.pages[0]).find("1 of " + std::to_string(n)) != std::string::npos);
        CHECK(page_text(c.doc.pages[1]).find("2 of " + std::to_string(n)) != std::string::npos);
        CHECK(page_text(c.doc.pages[1]).find("agenda, continued") != std::string::npos);
        check_margins(c, s.spec);
        const std::string pdf = render::render_pdf(c.doc);
        CHECK(pdf.rfind("%PDF-", 0) == 0);
        write_for_eyes("agenda-40-" + layout + ".pdf", pdf);
    }
}

TEST_CASE("kit agenda: without an event title it names the content, empty date and place print nothing", "[kit][agenda]") {
    Setup s("letter");
    s.in.event = {};
    s.in.event.agenda = programme(3);
    const compose::Composed c = compose::agenda(s.in);
    REQUIRE(c.doc.pages.size() == 1);
    const std::string title = s.content.meta.title.value;
    CHECK(c.doc.meta.title.find("Agenda \u2014 ") == 0);
    CHECK(c.doc.meta.title.size() > std::string("Agenda \u2014 ").size());
    REQUIRE(rows(c).size() == 3);
}
