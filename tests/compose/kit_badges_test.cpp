// Name badges (compose::badges): six 4 x 3 in badges to a sheet, each name
// at its place, long names shrunk then wrapped (and cut, with a warning),
// a neutral badge for an attendee with no known group, cut marks outside the
// badges only.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>

#include "compose/compose.h"
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
    explicit Setup(const std::string& layout_name = "letter") : ComposeSetup(layout_name) {}

    // n attendees, their groups taken in turn from the groups with content
    void attendees(std::size_t n) {
        std::vector<std::string> groups;
        for (const auto& s : content.stakeholders)
            if (s.has_content()) groups.push_back(s.id);
        in.event.attendees.clear();
        for (std::size_t i = 0; i < n; ++i) {
            Attendee a;
            a.name = "Person Number " + std::to_string(i + 1);
            a.organization = "Organisation " + std::to_string(i + 1);
            a.group = groups[i % groups.size()];
            a.pos = {"attendees.csv", static_cast<int>(i + 2), 1};
            in.event.attendees.push_back(a);
        }
    }
};

constexpr double kW = 288, kH = 216;

struct Grid {
    double ox, oy;
    explicit Grid(const layout::Frame& f) : ox((f.width - 2 * kW) / 2), oy((f.height - 3 * kH) / 2) {}
    // the slot holding point (x, y), or -1
    int slot(double x, double y) const {
        const int col = static_cast<int>(std::floor((x - ox) / kW)), row = static_cast<int>(std::floor((y - oy) / kH));
        return col < 0 || col > 1 || row < 0 || row > 2 ? -1 : row * 2 + col;
    }
    bool inside(int slot, double x, double y) const {
        const double x0 = ox + (slot % 2) * kW, y0 = oy + (slot / 2) * kH;
        return x >= x0 - 0.01 && x <= x0 + kW + 0.01 && y >= y0 - 0.01 && y <= y0 + kH + 0.01;
    }
};

struct Bounds {
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    void add(double x, double y) { x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y); }
};

Bounds bounds(const layout::Item& item) {
    Bounds b;
    if (const auto* ti = std::get_if<layout::TextItem>(&item)) {
        b.add(ti->pos.x, ti->pos.y - ti->size), b.add(ti->pos.x + ti->width, ti->pos.y + 0.25 * ti->size);
    } else if (const auto* im = std::get_if<layout::ImageItem>(&item)) {
        b.add(im->pos.x, im->pos.y), b.add(im->pos.x + im->width, im->pos.y + im->height);
    } else if (const auto* sh = std::get_if<layout::Shape>(&item)) {
        for (const auto& seg : sh->path)
            if (seg.op != layout::PathSeg::Op::close) b.add(seg.p[0].x, seg.p[0].y);
    } else if (const auto* g = std::get_if<layout::GroupItem>(&item)) {  // an icon's art
        b.add(g->offset.x, g->offset.y);
        b.add(g->offset.x + g->scale * g->frame->width, g->offset.y + g->scale * g->frame->height);
    }
    return b;
}

// The badge (slot) each item is in; cut marks (-1) must lie outside the grid.
void check_placement(const layout::Frame& f) {
    const Grid g(f);
    int marks = 0;
    for (const auto& item : f.items) {
        if (const auto* g = std::get_if<layout::GroupItem>(&item)) REQUIRE(g->reuse);  // only icons are groups
        const Bounds b = bounds(item);
        const auto* sh = std::get_if<layout::Shape>(&item);
        if (sh && sh->stroke && !sh->fill) {  // a cut mark: in the margins, on a cut line
            ++marks;
            const bool outside = b.x1 <= g.ox || b.x0 >= g.ox + 2 * kW || b.y1 <= g.oy || b.y0 >= g.oy + 3 * kH;
            CHECK(outside);
            CHECK(b.x0 >= 0);
            CHECK(b.y0 >= 0);
            CHECK(b.x1 <= f.width);
            CHECK(b.y1 <= f.height);
            continue;
        }
        const int slot = g.slot((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
        INFO("item at " << b.x0 << "," << b.y0 << " – " << b.x1 << "," << b.y1);
        REQUIRE(slot >= 0);
        // within its badge, and clear of the badge's edge (a cut a little off)
        CHECK(g.inside(slot, b.x0 - 8, b.y0 - 8));
        CHECK(g.inside(slot, b.x1 + 8, b.y1 + 8));
    }
    CHECK(marks == 2 * 3 + 2 * 4);  // both ends of 3 vertical and 4 horizontal cut lines
}

const layout::LineRecord* line_of(const compose::Composed& c, const std::string& text) {
    for (const auto& r : c.lines)
        if (r.info.text == text) return &r;
    return nullptr;
}

// A run's first word: a line's words are one run (TextItem::word_space).
std::string first_word(const layout::TextItem& t) { return t.text.substr(0, t.text.find(' ')); }

std::vector<const layout::TextItem*> texts_in(const layout::Frame& f, int slot) {
    const Grid g(f);
    std::vector<const layout::TextItem*> out;
    for (const auto& item : f.items)
        if (const auto* ti = std::get_if<layout::TextItem>(&item))
            if (g.slot(ti->pos.x, ti->pos.y) == slot) out.push_back(ti);
    return out;
}

}  // namespace

TEST_CASE("badges: six to a sheet, each name at its place, on Letter and A4", "[kit][badges]") {
    for (const char* layout_name : {"letter", "a4"}) {
        INFO(layout_name);
        Setup s(layout_name);
        s.attendees(30);
        compose::Composed c = compose::badges(s.in);
        CHECK(s.diags.warning_count() == 0);
        REQUIRE(c.doc.pages.size() == 5);
        CHECK(c.doc.meta.title == "Name badges \u2014 Regional LER Convening");
        for (std::size_t p = 0; p < c.doc.pages.size(); ++p) {
            CHECK(c.page_kind[p] == layout::PageKind("badges"));
            const auto& f = c.doc.pages[p].frame;
            CHECK(f.width == Approx(std::string(layout_name) == "a4" ? 595.28 : 612).margin(0.01));  // portrait
            CHECK(f.height > f.width);
            check_placement(f);
        }
        for (std::size_t i = 0; i < 30; ++i) {
            const Attendee& a = s.in.event.attendees[i];
            INFO(a.name);
            const auto* r = line_of(c, a.name);
            REQUIRE(r);
            CHECK(r->page == static_cast<int>(i / 6));
            const Grid g(c.doc.pages[0].frame);
            CHECK(g.slot(r->x + 1, r->y + 1) == static_cast<int>(i % 6));
            // at full size, with the organisation below it in the same badge
            const auto texts = texts_in(c.doc.pages[i / 6].frame, static_cast<int>(i % 6));
            bool big = false, org = false;
            for (const auto* ti : texts) {
                big = big || (ti->size == Approx(26) && first_word(*ti) == "Person");
                org = org || (ti->size == Approx(12) && first_word(*ti) == "Organisation");
            }
            CHECK(big);
            CHECK(org);
        }
    }
}

TEST_CASE("badges: seven attendees take two sheets, the second with one badge", "[kit][badges]") {
    Setup s;
    s.attendees(7);
    compose::Composed c = compose::badges(s.in);
    REQUIRE(c.doc.pages.size() == 2);
    CHECK(texts_in(c.doc.pages[1].frame, 0).size() > 0);
    for (int slot = 1; slot < 6; ++slot) CHECK(texts_in(c.doc.pages[1].frame, slot).empty());
    check_placement(c.doc.pages[1].frame);  // the whole grid's cut marks all the same
}

TEST_CASE("badges: a long name shrinks, then wraps with a warning, then is cut with one", "[kit][badges]") {
    Setup s;
    s.attendees(3);
    auto& people = s.in.event.attendees;
    people[0].name = "Maximiliana Fairweather";                                       // shrinks
    people[1].name = "Maximiliana Theodora Fairweather-Hohenzollern";               // wraps
    people[2].name = "Maximiliana Theodora Wilhelmina Augusta Philippa Fairweather-Hohenzollern of "
                     "Sigmaringen and Castle Rock";                                             // cut
    compose::Composed c = compose::badges(s.in);
    auto sizes = [&](int slot) {
        std::vector<double> v;
        for (const auto* ti : texts_in(c.doc.pages[0].frame, slot))
            if (first_word(*ti) == "Maximiliana") v.push_back(ti->size);
        return v;
    };
    // one line, smaller than 26 pt, not under 16
    REQUIRE(sizes(0).size() == 1);
    CHECK(sizes(0)[0] < 26);
    CHECK(sizes(0)[0] >= 16);
    const auto* r0 = line_of(c, people[0].name);
    REQUIRE(r0);
    CHECK(r0->info.lines == 1);
    // two lines at 16 pt
    REQUIRE(sizes(1).size() == 1);
    CHECK(sizes(1)[0] == Approx(16));
    int lines1 = 0, lines2 = 0;
    for (const auto& r : c.lines) {
        if (r.info.heading && Grid(c.doc.pages[0].frame).slot(r.x + 1, r.y + 1) == 1) ++lines1;
        if (r.info.heading && r.page == 0 && r.y > 0 && Grid(c.doc.pages[0].frame).slot(r.x + 1, r.y + 1) == 2) ++lines2;
        CHECK(r.info.width <= r.info.measure + 0.01);
    }
    CHECK(lines1 == 2);
    CHECK(lines2 == 2);
    // warnings at each attendee's row, naming them
    REQUIRE(s.diags.warning_count() == 2);
    const auto& w1 = s.diags.items()[0];
    CHECK(w1.pos.line == people[1].pos.line);
    CHECK(w1.message.find("badge of 'Maximiliana Theodora Fairweather-Hohenzollern'") != std::string::npos);
    CHECK(w1.message.find("two lines at 16 pt") != std::string::npos);
    const auto& w2 = s.diags.items()[1];
    CHECK(w2.pos.line == people[2].pos.line);
    CHECK(w2.message.find("it prints cut, as 'Maximiliana") != std::string::npos);
    CHECK(w2.message.find("\u2026'") != std::string::npos);
    check_placement(c.doc.pages[0].frame);
}

TEST_CASE("badges: an attendee with no known group gets a plain gray band", "[kit][badges]") {
    Setup s;
    s.attendees(2);
    s.in.event.attendees[1].group.clear();
    s.in.event.attendees[1].group_as_written = "employer";
    compose::Composed c = compose::badges(s.in);
    const auto& f = c.doc.pages[0].frame;
    const Grid g(f);
    int images[2] = {0, 0};
    std::vector<layout::Color> bands[2];
    for (const auto& item : f.items) {
        const Bounds b = bounds(item);
        const int slot = g.slot((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
        if (slot < 0 || slot > 1) continue;
        const auto* art = std::get_if<layout::GroupItem>(&item);
        if (std::holds_alternative<layout::ImageItem>(item) || (art && art->reuse)) ++images[slot];  // raster or art
        if (const auto* sh = std::get_if<layout::Shape>(&item); sh && sh->fill) bands[slot].push_back(*sh->fill);
    }
    CHECK(images[0] == 1);  // the group's icon
    CHECK(images[1] == 0);
    REQUIRE(bands[1].size() == 1);
    CHECK(bands[1][0].is_gray());
    REQUIRE(bands[0].size() == 1);
    CHECK_FALSE(bands[0][0].is_gray());
    // the neutral badge: the name and organisation, nothing else
    std::string words;
    for (const auto* ti : texts_in(f, 1)) words += ti->text + " ";
    CHECK(words == "Person Number 2 Organisation 2 ");
}

TEST_CASE("badges: the PDF has every name, Letter and A4", "[kit][badges][pdf]") {
    for (const char* layout_name : {"letter", "a4"}) {
        Setup s(layout_name);
        s.attendees(7);
        s.in.event.attendees[3].group.clear();
        s.in.event.attendees[4].name = "Maximiliana Theodora Wilhelmina Fairweather-Hohenzollern";
        compose::Composed c = compose::badges(s.in);
        const std::string path = std::string("/tmp/lerbrief-kit-badges-") + layout_name + ".pdf";
        t::write_file(path, render::render_pdf(c.doc));
        auto r = t::run_program({"pdftotext", "-enc", "UTF-8", path, "-"});
        REQUIRE(r.status == 0);
        for (const char* name : {"Person Number 1", "Person Number 7", "Organisation 4", "Career Navigators"})
            CHECK(r.out.find(name) != std::string::npos);
    }
}

TEST_CASE("badges: a word longer than the badge is cut at the end of what prints, not in its middle", "[kit][badges]") {
    Setup s;
    s.attendees(1);
    s.in.event.attendees[0].name = "Maximiliana Alexandrina Konstantinopoulou-Wolfeschlegelsteinhausenbergerdorff Jr";
    compose::Composed c = compose::badges(s.in);
    std::string printed;
    for (const auto& r : c.lines)
        if (r.info.heading) printed += r.info.text;
    INFO(printed);
    // the first line holds whole words; the long word starts the last line
    // and the cut comes at its end, never in the middle of what prints
    CHECK(printed.find("Maximiliana Alexandrina") != std::string::npos);
    CHECK(printed.find("Konstantinopoulou") != std::string::npos);
    CHECK(printed.find("Jr") == std::string::npos);
    REQUIRE(s.diags.warning_count() == 1);
    CHECK(s.diags.items()[0].message.find("Maximiliana Alexandrina / Konstantinopoulou") != std::string::npos);
}
