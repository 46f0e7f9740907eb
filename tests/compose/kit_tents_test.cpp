// Table tents (compose::table_tents): one landscape sheet per group with
// content, the name on both faces (one turned half a turn) at 60 pt or more,
// nothing near the paper's edges but the fold ticks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>

#include "compose/compose.h"
#include "layout/hyphenate.h"
#include "load/layout_file.h"
#include "load/load.h"
#include "model/markup.h"
#include "render/pdf_writer.h"
#include "compose_setup.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

struct Setup : test::ComposeSetup {
    explicit Setup(const std::string& layout_name = "letter") : ComposeSetup(layout_name) {}
};

struct Box {
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    void add(double x, double y) { x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y); }
};

// What a page shows, flattened: big text runs (the name) and each item's box,
// a half-turned group's items turned about its centre.
struct Flat {
    std::vector<std::string> upright, turned;  // text of runs >= 60 pt, in order
    double min_size = 1e9;
    std::vector<std::pair<Box, bool>> boxes;  // box, is a fold tick (a stroked line on the fold)
};

void flatten(const layout::Frame& f, double dx, double dy, bool turn, double fw, double fh, double fold, Flat& out) {
    auto map = [&](double x, double y) {
        if (turn) x = fw - x, y = fh - y;
        return std::pair{x + dx, y + dy};
    };
    for (const auto& item : f.items) {
        Box b;
        bool tick = false;
        if (const auto* ti = std::get_if<layout::TextItem>(&item)) {
            auto [ax, ay] = map(ti->pos.x, ti->pos.y - ti->size);
            auto [bx, by] = map(ti->pos.x + ti->width, ti->pos.y + 0.25 * ti->size);
            b.add(ax, ay), b.add(bx, by);
            if (ti->size >= 30) {
                (turn ? out.turned : out.upright).push_back(ti->text);
                out.min_size = std::min(out.min_size, ti->size);
            }
        } else if (const auto* im = std::get_if<layout::ImageItem>(&item)) {
            auto [ax, ay] = map(im->pos.x, im->pos.y);
            auto [bx, by] = map(im->pos.x + im->width, im->pos.y + im->height);
            b.add(ax, ay), b.add(bx, by);
        } else if (const auto* sh = std::get_if<layout::Shape>(&item)) {
            tick = sh->stroke && !sh->fill;
            for (const auto& seg : sh->path) {
                const int n = seg.op == layout::PathSeg::Op::curve ? 3 : seg.op == layout::PathSeg::Op::close ? 0 : 1;
                for (int k = 0; k < n; ++k) {
                    auto [x, y] = map(seg.p[k].x, seg.p[k].y);
                    b.add(x, y);
                    tick = tick && std::abs(y - fold) < 0.01;
                }
            }
        } else if (const auto* g = std::get_if<layout::GroupItem>(&item); g && g->reuse) {  // an icon's art
            auto [ax, ay] = map(g->offset.x, g->offset.y);
            auto [bx, by] = map(g->offset.x + g->scale * g->frame->width, g->offset.y + g->scale * g->frame->height);
            b.add(ax, ay), b.add(bx, by);
        } else if (const auto* g = std::get_if<layout::GroupItem>(&item)) {
            REQUIRE(g->scale == 1);
            flatten(*g->frame, g->offset.x, g->offset.y, g->half_turn, g->frame->width, g->frame->height, fold, out);
            continue;
        }
        out.boxes.push_back({b, tick});
    }
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
}

std::size_t groups_with_content(const Content& c) {
    return static_cast<std::size_t>(
        std::count_if(c.stakeholders.begin(), c.stakeholders.end(), [](const Stakeholder& s) { return s.has_content(); }));
}

void check_tents(Setup& s, double long_side, double short_side) {
    const compose::Composed c = compose::table_tents(s.in);
    CHECK(s.diags.warning_count() == 0);
    REQUIRE(c.doc.pages.size() == groups_with_content(s.content));
    REQUIRE(c.page_kind.size() == c.doc.pages.size());
    CHECK(c.doc.meta.title == "Table tents \u2014 Regional LER Convening");
    std::size_t page = 0;
    for (const Stakeholder& g : s.content.stakeholders) {
        if (!g.has_content()) continue;
        const std::string name = plain_text(g.name.value);
        INFO("tent of " << name);
        const auto& frame = c.doc.pages[page].frame;
        CHECK(c.page_kind[page] == layout::PageKind("tent"));
        CHECK(frame.width == Approx(long_side));  // landscape
        CHECK(frame.height == Approx(short_side));
        Flat f;
        flatten(frame, 0, 0, false, frame.width, frame.height, frame.height / 2, f);
        CHECK(joined(f.upright) == name);  // the near face
        CHECK(joined(f.turned) == name);   // the far face, turned
        CHECK(f.min_size >= 60);
        // nothing within a quarter inch of the paper's edges but the fold ticks
        int ticks = 0;
        for (const auto& [b, tick] : f.boxes) {
            if (tick) {
                ++ticks;
                continue;
            }
            CHECK(b.x0 >= 18);
            CHECK(b.y0 >= 18);
            CHECK(b.x1 <= frame.width - 18);
            CHECK(b.y1 <= frame.height - 18);
            // each face keeps to its half: nothing crosses the fold
            CHECK((b.y1 <= frame.height / 2 || b.y0 >= frame.height / 2));
        }
        CHECK(ticks >= 4);  // dashes at both ends of the fold
        // the near face's name sits below the fold, the far face's above it
        const auto names = std::count_if(c.lines.begin(), c.lines.end(),
                                         [&](const layout::LineRecord& r) { return r.page == static_cast<int>(page); });
        CHECK(names >= 2);
        ++page;
    }
}

std::string pdftotext(const std::string& path) {
    auto r = t::run_program({"pdftotext", "-enc", "UTF-8", path, "-"});
    REQUIRE(r.status == 0);
    return r.out;
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("tents: one landscape Letter sheet per group, the name on both faces at 60 pt or more", "[kit][tents]") {
    Setup s("letter");
    check_tents(s, 11 * 72, 8.5 * 72);
}

TEST_CASE("tents: on A4 the sheet is 297 x 210 mm", "[kit][tents]") {
    Setup s("a4");
    check_tents(s, 297 / 25.4 * 72, 210 / 25.4 * 72);
}

TEST_CASE("tents: the longest bundled name takes two lines at full size", "[kit][tents]") {
    Setup s("letter");
    const compose::Composed c = compose::table_tents(s.in);
    std::map<int, int> lines_of_block;
    std::size_t longest = 0;
    std::string name;
    for (const auto& g : s.content.stakeholders)
        if (g.has_content() && plain_text(g.name.value).size() > longest)
            longest = plain_text(g.name.value).size(), name = plain_text(g.name.value);
    INFO(name);
    bool found = false;
    for (const auto& r : c.lines)
        if (r.info.line == 0 && r.info.lines == 2 && name.rfind(r.info.text, 0) == 0) found = true;
    CHECK(found);
    // every name on at most two lines, none wider than its measure
    for (const auto& r : c.lines) {
        CHECK(r.info.lines <= 2);
        CHECK(r.info.width <= r.info.measure + 0.01);
    }
}

TEST_CASE("tents: a very long name goes to three lines at 60 pt, then is cut with a warning", "[kit][tents]") {
    Setup s("letter");
    auto it = std::find_if(s.content.stakeholders.begin(), s.content.stakeholders.end(),
                           [](const Stakeholder& g) { return g.has_content(); });
    REQUIRE(it != s.content.stakeholders.end());
    SECTION("three lines") {
        it->name.value = "Regional Workforce Development and Learning Record Boards";
        const compose::Composed c = compose::table_tents(s.in);
        CHECK(s.diags.warning_count() == 0);
        Flat f;
        flatten(c.doc.pages[0].frame, 0, 0, false, 1, 1, -1, f);
        CHECK(joined(f.upright) == it->name.value);
        CHECK(f.min_size == Approx(60));
        CHECK(c.lines.front().info.lines == 3);
    }
    SECTION("cut") {
        it->name.value = "Regional Workforce Development, Education and Learning Record Interoperability Boards and "
                         "Their Many Committees of Practitioners";
        const compose::Composed c = compose::table_tents(s.in);
        REQUIRE(s.diags.warning_count() == 1);
        const auto& w = s.diags.items().front();
        CHECK(w.message.find("table tent of 'Regional Workforce") != std::string::npos);
        CHECK(w.message.find("three lines at 60 pt") != std::string::npos);
        CHECK(w.pos.line == it->name.pos.line);
        Flat f;
        flatten(c.doc.pages[0].frame, 0, 0, false, 1, 1, -1, f);
        CHECK(f.min_size == Approx(60));
        CHECK(c.lines.front().info.lines == 3);
        CHECK(joined(f.upright).substr(joined(f.upright).size() - 3) == "\u2026");
        for (const auto& r : c.lines) CHECK(r.info.width <= r.info.measure + 0.01);
    }
}

TEST_CASE("tents: the PDF holds each name twice, the turned face too", "[kit][tents][pdf]") {
    for (const char* layout_name : {"letter", "a4"}) {
        Setup s(layout_name);
        const compose::Composed c = compose::table_tents(s.in);
        const std::string path = std::string("/tmp/lerbrief-kit-tents-") + layout_name + ".pdf";
        t::write_file(path, render::render_pdf(c.doc));
        const std::string text = pdftotext(path);
        INFO(text);
        // a word of each name, once per face
        for (const char* word : {"Employers", "Funders", "Governance", "Navigators", "Earners"})
            CHECK(count(text, word) == 2);
    }
}
