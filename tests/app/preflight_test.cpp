// --preflight's checks (#16 item 12) on hand-built line records and pages:
// each fires on a case made to cross it and stays quiet on a clean one, and
// the report says so line by line.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "app/preflight.h"
#include "messages/preflight.h"

using namespace lerbrief;
using namespace lerbrief::preflight;

namespace {

layout::PageGeometry letter() { return {}; }  // 612 × 792, 54 pt margins: a text height of 684 pt

// Line `line` of `lines` of paragraph `block`, in `style`, on page `page` (0-based).
layout::LineRecord rec(int block, int line, int lines, const std::string& text, double ratio = 1,
                       bool hyphen = false, const std::string& style = "body", int page = 0) {
    layout::LineRecord r;
    r.page = page;
    r.info.text = text;
    r.info.block = block, r.info.line = line, r.info.lines = lines;
    r.info.style = style, r.info.size = 10.5, r.info.space_ratio = ratio, r.info.added_hyphen = hyphen;
    return r;
}

std::string chars(int n) { return std::string(static_cast<std::size_t>(n), 'x'); }

// A page whose content runs down to `bottom` (a text line there), with a
// running foot in the bottom margin.
layout::Page page_down_to(double bottom) {
    layout::Page p;
    p.frame.width = 612, p.frame.height = 792;
    layout::TextItem t;
    t.pos = {54, bottom - 2.5}, t.size = 10, t.text = "text";
    p.frame.items.push_back(t);
    layout::TextItem foot;
    foot.pos = {54, 770}, foot.size = 8, foot.text = "12";
    p.frame.items.push_back(foot);
    return p;
}

struct PageDown {
    double bottom;
    layout::PageKind kind;
};

compose::Composed pages(std::initializer_list<PageDown> list) {
    compose::Composed c;
    for (const auto& [bottom, kind] : list) c.doc.pages.push_back(page_down_to(bottom)), c.page_kind.push_back(kind);
    return c;
}

// Ten full body lines of `n` characters in one paragraph, and its last line.
compose::Composed paragraph(int n, double ratio = 1.2) {
    compose::Composed c;
    c.doc.pages.push_back(page_down_to(700));
    c.page_kind.push_back("body");
    for (int i = 0; i < 10; ++i) c.lines.push_back(rec(0, i, 11, chars(n), ratio));
    c.lines.push_back(rec(0, 10, 11, "end."));
    return c;
}

}  // namespace

TEST_CASE("preflight: a clean document crosses no threshold") {
    const auto m = measure(paragraph(70), letter(), "a.pdf", false);
    CHECK(m.loose_lines == 0);
    CHECK(m.worst_ratio == Approx(1.2));
    CHECK(m.hyphen_run == 0);
    CHECK(m.split_endings == 0);
    CHECK(m.nearly_empty.empty());
    REQUIRE(m.chars.size() == 1);
    CHECK(m.chars[0].style == "body");
    CHECK(m.chars[0].lines == 10);  // the last line is not a full line
    CHECK(m.chars[0].median == 70);
    CHECK(crossed(m).count() == 0);
    Report r;
    r.documents.push_back(m);
    CHECK(r.crossings() == 0);
    const std::string text = msg::preflight_report(r);
    CHECK(text.find("CROSSED") == std::string::npos);
    CHECK(text.find("preflight: 1 document, 0 thresholds crossed") != std::string::npos);
}

TEST_CASE("preflight: loose lines are counted over 1.5x and cross the threshold over 1.8x") {
    auto c = paragraph(70);
    c.lines[2].info.space_ratio = 1.6;
    auto m = measure(c, letter(), "a.pdf", false);
    CHECK(m.loose_lines == 1);
    CHECK_FALSE(crossed(m).space);
    c.lines[3].info.space_ratio = 2.4;
    m = measure(c, letter(), "a.pdf", false);
    CHECK(m.loose_lines == 2);
    CHECK(m.worst_ratio == Approx(2.4));
    CHECK(crossed(m).space);
    Report r;
    r.documents.push_back(m);
    const std::string text = msg::preflight_report(r);
    CHECK(text.find("2, widest 2.40×") != std::string::npos);
    CHECK(text.find("widest at most 1.8×") != std::string::npos);
}

TEST_CASE("preflight: three hyphens in a row cross, two do not, and a new paragraph starts a new run") {
    auto c = paragraph(70);
    c.lines[1].info.added_hyphen = c.lines[2].info.added_hyphen = true;
    CHECK(measure(c, letter(), "a", false).hyphen_run == 2);
    CHECK_FALSE(crossed(measure(c, letter(), "a", false)).hyphens);
    c.lines[3].info.added_hyphen = true;
    CHECK(measure(c, letter(), "a", false).hyphen_run == 3);
    CHECK(crossed(measure(c, letter(), "a", false)).hyphens);

    compose::Composed two;  // the last line of one paragraph and the first of the next
    two.lines = {rec(0, 0, 2, chars(70), 1, true), rec(0, 1, 2, "a-", 1, true), rec(1, 0, 2, chars(70), 1, true),
                 rec(1, 1, 2, "end.")};
    CHECK(measure(two, letter(), "a", false).hyphen_run == 2);
}

TEST_CASE("preflight: a paragraph ending in the end of a split word is found") {
    auto c = paragraph(70);
    c.lines[9].info.added_hyphen = true;  // "curricu-" / "lum."
    auto m = measure(c, letter(), "a", false);
    CHECK(m.split_endings == 1);
    CHECK(m.split_page == 1);
    CHECK(crossed(m).split);
    c.lines[9].info.added_hyphen = false;
    c.lines[8].info.added_hyphen = true;  // a split earlier in the paragraph is fine
    CHECK(measure(c, letter(), "a", false).split_endings == 0);
}

TEST_CASE("preflight: nearly empty pages, and two in a row, not counting covers and notes pages") {
    // text area 54–738: 25 % is down to 225
    auto one = pages({{700, "body"}, {150, "body"}, {700, "body"}, {60, "notes"}, {60, "cover"}});
    auto m = measure(one, letter(), "a", false);
    CHECK(m.nearly_empty == std::vector<int>{2});
    CHECK(m.nearly_empty_run == 1);
    CHECK_FALSE(crossed(m).empty_pages);

    auto two = pages({{700, "body"}, {150, "body"}, {200, "body"}, {700, "body"}});
    m = measure(two, letter(), "a", false);
    CHECK(m.nearly_empty == std::vector<int>{2, 3});
    CHECK(m.nearly_empty_run == 2);
    CHECK(crossed(m).empty_pages);
    Report r;
    r.documents.push_back(m);
    CHECK(msg::preflight_report(r).find("pp. 2, 3") != std::string::npos);
}

TEST_CASE("preflight: a page's fill ignores the running head and foot and bands past the text area") {
    const auto g = letter();
    layout::Page p = page_down_to(400);
    CHECK(page_fill(p.frame, g) == Approx((400 - 54) / 684.0).epsilon(0.01));
    layout::Shape band;  // from the paper's top edge to below the text area's top
    band.path = {{layout::PathSeg::Op::move, {{0, 0}}}, {layout::PathSeg::Op::line, {{612, 700}}}};
    band.fill = layout::kBlack;
    p.frame.items.push_back(band);
    CHECK(page_fill(p.frame, g) == Approx((400 - 54) / 684.0).epsilon(0.01));
    layout::ImageItem img;  // a figure inside the text area counts
    img.pos = {54, 500}, img.width = 100, img.height = 100;
    p.frame.items.push_back(img);
    CHECK(page_fill(p.frame, g) == Approx((600 - 54) / 684.0).epsilon(0.01));
}

TEST_CASE("preflight: characters a line — median and maximum per style, full lines only, body styles held to 60–80") {
    auto c = paragraph(115);
    c.lines.push_back(rec(5, 0, 2, chars(30), 1, false, "small"));
    c.lines.push_back(rec(5, 1, 2, chars(3), 1, false, "small"));
    auto heading = rec(6, 0, 2, chars(200), 1, false, "h1");
    heading.info.heading = true;
    c.lines.push_back(heading);
    auto m = measure(c, letter(), "a", false);
    REQUIRE(m.chars.size() == 2);
    CHECK(m.chars[0].style == "body");
    CHECK(m.chars[0].median == 115);
    CHECK(m.chars[1].style == "small");
    CHECK(m.chars[1].max == 30);
    CHECK(crossed(m).chars);       // body at 115
    CHECK_FALSE(chars_crossed(m.chars[1]));  // small is not held to it
    CHECK_FALSE(crossed(measure(paragraph(60), letter(), "a", false)).chars);
    CHECK(crossed(measure(paragraph(59), letter(), "a", false)).chars);
    CHECK(crossed(measure(paragraph(81), letter(), "a", false)).chars);
    compose::Composed accents;  // characters, not bytes
    std::string e70;
    for (int i = 0; i < 70; ++i) e70 += "\u00e9";
    accents.lines = {rec(0, 0, 2, e70), rec(0, 1, 2, "end.")};
    CHECK(measure(accents, letter(), "a", false).chars.at(0).median == 70);
}

TEST_CASE("preflight: the fact sheets' body sizes may differ by 0.5 pt, not more") {
    Report r;
    for (double size : {10.5, 10.0}) {
        compose::Composed c = paragraph(70);
        for (auto& l : c.lines) l.info.size = size;
        r.documents.push_back(measure(c, letter(), "sheet.pdf", true));
    }
    CHECK(r.documents[1].body_size == Approx(10.0));
    CHECK_FALSE(r.sheet_sizes_crossed());
    compose::Composed shrunk = paragraph(70);
    for (auto& l : shrunk.lines) l.info.size = 8.4;
    r.documents.push_back(measure(shrunk, letter(), "shrunk.pdf", true));
    CHECK(r.sheet_sizes_crossed());
    CHECK(r.crossings() == 1);
    const std::string text = msg::preflight_report(r);
    CHECK(text.find("8.40–10.50 pt") != std::string::npos);
    // the booklet's body is not one of the set
    Report booklet_too;
    booklet_too.documents = {r.documents[0], measure(shrunk, letter(), "booklet.pdf", false)};
    CHECK_FALSE(booklet_too.sheet_sizes_crossed());
}

TEST_CASE("preflight: any character missing from the fonts crosses its threshold") {
    Report r;
    CHECK(r.crossings() == 0);
    r.missing_characters = 2;
    CHECK(r.missing_crossed());
    CHECK(r.crossings() == 1);
    CHECK(msg::preflight_report(r).find("characters missing from the fonts") != std::string::npos);
}

TEST_CASE("preflight: an image's resolution is its pixels over its placed size, in a group at the group's scale") {
    auto raster = std::make_shared<layout::Raster>();
    raster->width = raster->height = 300;
    layout::ImageItem img;  // 300 px over 1 in: 300 ppi
    img.width = img.height = 72;
    img.raster = raster;
    compose::Composed c = paragraph(70);
    c.doc.pages[0].frame.items.push_back(img);
    auto m = measure(c, letter(), "a", false);
    CHECK(m.images == 1);
    CHECK(m.lowest_ppi == Approx(300));
    CHECK_FALSE(crossed(m).ppi);
    auto inner = std::make_shared<layout::Frame>();
    inner->items.push_back(img);
    layout::GroupItem g;  // drawn 2.5 times as large: 120 ppi
    g.scale = 2.5, g.frame = inner;
    c.doc.pages[0].frame.items.push_back(g);
    m = measure(c, letter(), "a", false);
    CHECK(m.images == 2);
    CHECK(m.lowest_ppi == Approx(120));
    CHECK(crossed(m).ppi);
}

TEST_CASE("preflight: the report's verdict, and the --strict error") {
    Report r;
    r.documents.push_back(measure(paragraph(100), letter(), "output/ler-briefing.pdf", false));
    const std::string text = msg::preflight_report(r);
    CHECK(text.find("output/ler-briefing.pdf — 1 page\n") == 0);
    CHECK(text.find("characters a line, body") != std::string::npos);
    CHECK(text.find("median 60–80") != std::string::npos);
    CHECK(text.find("CROSSED") != std::string::npos);
    CHECK(text.find("preflight: 1 document, 1 threshold crossed\n") != std::string::npos);
    Diagnostics d;
    msg::preflight_thresholds_crossed(d, r.crossings());
    REQUIRE(d.items().size() == 1);
    CHECK(format(d.items()[0]).find("--strict: 1 preflight threshold crossed") != std::string::npos);
}
