// The booklet's text block: body and bullet lines hold 60–80 characters
// (measured on full lines, not a paragraph's last), on both layouts; the
// text block sits on the inner side of every page; resources entries are
// grouped by spacing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "compose/compose.h"
#include "compose_setup.h"
#include "model/utf8.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

std::set<int> sheet_pages(const compose::Composed& c) {
    std::set<int> pages;
    for (const auto& [name, at] : c.anchors)
        if (name.rfind("sheet:", 0) == 0) pages.insert({at.page, at.page + 1});
    return pages;
}

std::size_t chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
}

// Characters a full line of body or bullet text, outside the fact sheets.
// A line an em or more short of its measure is a paragraph set ragged
// because it could not be justified within 1.8× word spaces: its length is
// the line breaker's, not the measure's; those are counted in `ragged`.
std::vector<std::size_t> measures(const compose::Composed& c, std::string& outliers, std::size_t& ragged) {
    const std::set<int> sheets = sheet_pages(c);
    std::vector<std::size_t> out;
    for (const auto& r : c.lines) {
        if (sheets.count(r.page) || (r.info.style != "body" && r.info.style != "bullet")) continue;
        if (r.info.line + 1 >= r.info.lines || r.info.heading) continue;  // a paragraph's last line is short
        if (r.info.width < r.info.measure - r.info.size) {
            ++ragged;
            continue;
        }
        out.push_back(chars(r.info.text));
        if (out.back() < 60 || out.back() > 80) outliers += layout::dump_line(r) + "\n";
    }
    return out;
}

void check_measure(const std::string& layout, const std::string& data) {
    t::ComposeSetup s(layout, data, "Regional LER Convening", "2026-12-01", "Denver");
    const compose::Composed c = compose::booklet(s.in);
    std::string outliers;
    std::size_t ragged = 0;
    std::vector<std::size_t> m = measures(c, outliers, ragged);
    REQUIRE(m.size() > 200);
    // ragged paragraphs among justified ones stay rare (about one full line
    // in twenty on the bundled content)
    CHECK(ragged * 15 <= m.size());
    std::sort(m.begin(), m.end());
    const std::size_t median = m[m.size() / 2];
    const auto outside = std::count_if(m.begin(), m.end(), [](std::size_t n) { return n < 60 || n > 80; });
    INFO(layout << ": " << m.size() << " full lines, median " << median << ", " << m.front() << "–" << m.back()
                << ", " << outside << " outside 60–80, " << ragged << " ragged:\n" << outliers);
    CHECK(median >= 62);
    CHECK(median <= 74);
    // a line outside 60–80 is one with a very long word (a URL) or an unusual
    // run of wide or narrow letters: at most one line in a hundred
    CHECK(outside * 100 <= static_cast<long>(m.size()));
}

}  // namespace

TEST_CASE("booklet measure: body lines hold 60-80 characters (bundled, Letter and A4)", "[booklet][measure]") {
    check_measure("letter", {});
    check_measure("a4", {});
}

TEST_CASE("booklet measure: body lines hold 60-80 characters (website, Letter and A4)", "[booklet][measure]") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    check_measure("letter", site.string());
    check_measure("a4", site.string());
}

TEST_CASE("booklet measure: the text block sits on the inner side, figures take the full width", "[booklet][measure]") {
    t::ComposeSetup s("letter");
    const compose::Composed c = compose::booklet(s.in);
    const double inner = s.spec.margin_inner.points(), outer = s.spec.margin_outer.points();
    const double width = s.spec.page_width.points();
    const std::set<int> sheets = sheet_pages(c);
    int recto = 0, verso = 0, wide = 0;
    for (const auto& r : c.lines) {
        if (sheets.count(r.page) || r.page == 0 || r.info.style != "body") continue;
        INFO(layout::dump_line(r));
        const double right = r.x + r.info.measure;
        if (r.page % 2 == 0) {  // right-hand page: inner margin on the left
            CHECK(r.x == Approx(inner));
            ++recto;
        } else {  // left-hand page: the block ends at the inner margin
            CHECK(right == Approx(width - inner));
            ++verso;
        }
        CHECK(r.info.measure < width - inner - outer - 72);  // a wide outer margin
    }
    for (const auto& r : c.lines)
        if (r.info.text == "[figure]" && !sheets.count(r.page) && r.info.width > width - inner - outer - 1) {
            CHECK(r.x == Approx(r.page % 2 == 0 ? inner : outer));
            ++wide;
        }
    CHECK(recto > 20);
    CHECK(verso > 20);
    CHECK(wide >= 2);  // the ecosystem diagram and the participation matrix
}

TEST_CASE("booklet resources: more space between entries than within one", "[booklet][resources]") {
    t::ComposeSetup s("letter");
    const compose::Composed c = compose::booklet(s.in);
    // lines from the Resources heading to the Colophon
    std::vector<const layout::LineRecord*> res;
    bool in = false;
    for (const auto& r : c.lines) {
        if (r.info.heading && r.info.text == "Resources") in = true;
        else if (r.info.heading && r.info.text == "Colophon") in = false;
        else if (in) res.push_back(&r);
    }
    REQUIRE(res.size() > 10);
    double inside = 0, between = 1e9;
    int entries = 0;
    for (std::size_t i = 0; i + 1 < res.size(); ++i) {
        const auto& a = *res[i];
        const auto& b = *res[i + 1];
        if (a.page != b.page || b.info.heading || a.info.heading) continue;
        if (a.info.block == b.info.block) continue;  // lines of one paragraph
        const double gap = b.y - a.y - s.spec.style(StyleName::find(a.info.style).value()).leading;  // white space between the lines
        if (a.info.style == "small") {  // an entry's URL, then the next entry's title
            between = std::min(between, gap);
            ++entries;
        } else {  // the title, then its description or URL
            inside = std::max(inside, gap);
        }
    }
    REQUIRE(entries > 3);
    INFO("largest space inside an entry " << inside << " pt, smallest between entries " << between << " pt");
    CHECK(inside <= 3);
    CHECK(between >= 3 * std::max(inside, 1.0));
}
