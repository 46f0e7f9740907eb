// The rules a typographer checks, asserted over the laid-out booklet and fact
// sheets of both the bundled content and the website data: no line wider
// than its measure, no widow or orphan, no heading last on a page, contents
// numbers equal the real pages, fact sheets exactly two pages.
#include <catch2/catch.hpp>

#include <map>
#include <memory>

#include "compose/compose.h"
#include "layout/hyphenate.h"
#include "load/layout_file.h"
#include "load/load.h"
#include "compose_setup.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

struct Setup : test::ComposeSetup {
    Setup(const std::string& data, const std::string& layout_name = "letter")
        : ComposeSetup(layout_name, data, "Regional LER Convening", "2026-12-01", "Denver") {}
};

void check_rules(const compose::Composed& c) {
    // no line wider than its measure
    for (const auto& r : c.lines) {
        INFO(layout::dump_line(r));
        CHECK(r.info.width <= r.info.measure + 0.01);
    }
    // no widow or orphan: a paragraph split across pages keeps two lines on each side
    std::map<int, std::vector<const layout::LineRecord*>> blocks;
    for (const auto& r : c.lines)
        if (r.info.block >= 0) blocks[r.info.block].push_back(&r);
    for (const auto& [b, lines] : blocks) {
        for (std::size_t i = 1; i < lines.size(); ++i) {
            if (lines[i]->page == lines[i - 1]->page && lines[i]->column == lines[i - 1]->column) continue;
            INFO("paragraph broken before line " << i + 1 << " of " << lines.size() << ": " << lines[i]->info.text);
            CHECK(i >= 2);
            CHECK(lines.size() - i >= 2);
        }
    }
    // no heading last on a page (or column)
    for (std::size_t i = 0; i + 1 < c.lines.size(); ++i) {
        const auto& a = c.lines[i];
        const auto& b = c.lines[i + 1];
        if (a.info.heading && !b.info.heading && (a.page != b.page || a.column != b.column)) {
            INFO("heading at the foot of page " << a.page + 1 << ": " << a.info.text);
            CHECK(false);
        }
    }
}

}  // namespace

TEST_CASE("typography: the bundled booklet keeps every rule") {
    Setup s((t::source_dir() / "data").string());
    compose::Composed c = compose::booklet(s.in);
    CHECK(s.diags.warning_count() == 0);
    REQUIRE(c.lines.size() > 100);
    check_rules(c);
    // contents numbers equal the pages the sections start on
    int checked = 0;
    for (const auto& r : c.lines) {
        auto tab = r.info.text.find('\t');
        if (tab == std::string::npos) continue;
        const std::string title = r.info.text.substr(0, tab), label = r.info.text.substr(tab + 1);
        // find the heading with that title in the body
        // (a heading set on two lines: its lines joined)
        for (std::size_t k = 0; k < c.lines.size(); ++k) {
            const auto& h = c.lines[k];
            std::string text = h.info.text;
            for (std::size_t n = k + 1; n < c.lines.size() && c.lines[n].info.block == h.info.block && c.lines[n].info.line > 0; ++n)
                text += " " + c.lines[n].info.text;
            if (h.info.heading && h.info.line == 0 && text == title && h.page >= c.front_pages) {
                INFO(title);
                CHECK(label == std::to_string(h.page - c.front_pages + 1));
                ++checked;
                break;
            }
        }
    }
    CHECK(checked >= 8);
    // fact sheets start on a left-hand (even-numbered) page
    for (const auto& [anchor, placed] : c.anchors)
        if (anchor.rfind("sheet:", 0) == 0) CHECK(placed.page % 2 == 1);
}

TEST_CASE("typography: the website booklet and fact sheets keep every rule") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    Setup s(site.string());
    compose::Composed c = compose::booklet(s.in);
    check_rules(c);
    int sheets = 0;
    for (const auto& g : s.content.stakeholders) {
        if (!g.has_content()) continue;
        compose::Composed f = compose::factsheet(s.in, g);
        INFO(g.id);
        CHECK(f.doc.pages.size() == 2);
        check_rules(f);
        ++sheets;
    }
    CHECK(sheets == 10);
}

TEST_CASE("typography: A4 works too") {
    Setup s((t::source_dir() / "data").string(), "a4");
    compose::Composed c = compose::booklet(s.in);
    CHECK(c.doc.pages.front().frame.width == Approx(595.28).epsilon(0.001));
    check_rules(c);
}
