// Print production keeps the structure (issue 17): the grayscale and bleed
// editions are read like the colour file, so every item keeps its element
// (the same one: a paragraph's lines still share it) and what the edition
// adds (crop and fold marks) is an artifact. Only the imposed printer spreads
// are untagged.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "press/bleed.h"
#include "press/grayscale.h"
#include "press/impose.h"

using namespace lerbrief;
using namespace lerbrief::layout;

namespace {

// What a reader gets from a page: each item's kind and element in drawing
// order, a null-tagged group's items read through (a tagged group is one
// element).
struct Read {
    std::string kind;
    const StructNode* tag;
    bool operator==(const Read&) const = default;
};

void walk(const Frame& f, std::vector<Read>& out, bool artifacts) {
    for (const auto& item : f.items)
        std::visit(
            [&](const auto& i) {
                using T = std::decay_t<decltype(i)>;
                if constexpr (std::is_same_v<T, GroupItem>) {
                    if (!i.tag && i.frame) return walk(*i.frame, out, artifacts);
                }
                if (!i.tag && !artifacts) return;
                const char* k = std::is_same_v<T, Shape>       ? "shape"
                                : std::is_same_v<T, TextItem>  ? "text"
                                : std::is_same_v<T, ImageItem> ? "image"
                                : std::is_same_v<T, LinkItem>  ? "link"
                                : std::is_same_v<T, QrItem>    ? "qr"
                                                               : "group";
                out.push_back({k, i.tag.get()});
            },
            item);
}

std::vector<Read> read(const Document& d, bool artifacts = true) {
    std::vector<Read> out;
    for (const auto& p : d.pages) walk(p.frame, out, artifacts);
    return out;
}

Shape box(double x, double y, double w, double h, Color fill, Tag tag = nullptr) {
    Shape s;
    s.path = {{PathSeg::Op::move, {{x, y}}}, {PathSeg::Op::line, {{x + w, y}}}, {PathSeg::Op::line, {{x + w, y + h}}},
              {PathSeg::Op::line, {{x, y + h}}}, {PathSeg::Op::close, {}}};
    s.fill = fill;
    s.tag = std::move(tag);
    return s;
}

// A tagged page of everything compose makes: a colour band (artifact) at the
// edge, a heading, a paragraph of two lines with a link, a diagram (a tagged
// group), a table (a null-tagged group of cells, one a dot), an icon, a QR
// code, a page number (artifact).
Document tagged_document() {
    const Tag h1 = make_tag(Role::h1), p = make_tag(Role::p);
    const Tag fig = make_tag(Role::figure, nullptr, "The LER ecosystem");
    const Tag table = make_tag(Role::table), tr = make_tag(Role::tr, table);
    const Tag th = make_header_cell(tr, Scope::row);
    const Tag td = make_tag(Role::td, tr, {}, "takes part");
    auto diagram = std::make_shared<Frame>();
    diagram->width = diagram->height = 100;
    diagram->items.push_back(box(0, 0, 50, 50, Color{0.9, 0.5, 0.1}));
    auto matrix = std::make_shared<Frame>();
    matrix->width = 200, matrix->height = 20;
    matrix->items.push_back(TextItem{{0, 10}, 0, 9, kBlack, "Employers", 40, false, th});
    matrix->items.push_back(box(100, 5, 8, 8, Color{0.2, 0.4, 0.7}, td));
    auto icon = std::make_shared<Raster>();
    icon->key = "icon";
    icon->width = icon->height = 1;
    icon->rgba = {200, 30, 30, 255};
    Document d;
    for (int i = 0; i < 2; ++i) {
        Page pg;
        pg.frame.width = 612, pg.frame.height = 792;
        pg.frame.items.push_back(box(0, 0, 612, 40, Color{0.1, 0.3, 0.45}));  // a band at the top edge
        pg.frame.items.push_back(TextItem{{72, 80}, 1, 20, Color{0.1, 0.3, 0.45}, "Heading", 90, false, h1});
        pg.frame.items.push_back(TextItem{{72, 110}, 0, 10, kBlack, "A para-", 40, true, p});
        pg.frame.items.push_back(TextItem{{72, 122}, 0, 10, kBlack, "graph", 30, false, p});
        pg.frame.items.push_back(LinkItem{{72, 112}, 30, 12, "https://example.org", -1, 0, p});
        pg.frame.items.push_back(GroupItem{{72, 140}, 1, diagram, false, fig});
        pg.frame.items.push_back(GroupItem{{72, 260}, 1, matrix});
        pg.frame.items.push_back(ImageItem{{72, 300}, 12, 12, icon, make_tag(Role::figure, nullptr, "Employers")});
        QrItem qr;
        qr.module = 2, qr.side = 1, qr.bits = {1};
        qr.tag = make_tag(Role::figure, nullptr, "https://example.org");
        pg.frame.items.push_back(qr);
        pg.frame.items.push_back(TextItem{{300, 760}, 0, 9, kBlack, std::to_string(i + 1), 5});  // page number
        d.pages.push_back(std::move(pg));
    }
    return d;
}

}  // namespace

TEST_CASE("press tags: the grayscale edition keeps every item's element", "[press][tags]") {
    const Document colour = tagged_document();
    Document gray = colour;
    press::to_grayscale(gray);
    const auto before = read(colour), after = read(gray);
    CHECK(after == before);  // same items in the same order, each with the same element (artifacts still null)
    CHECK(gray.tagged);
    // the dot's cell still says what it means
    const auto& m = std::get<GroupItem>(gray.pages[0].frame.items[6]);
    const auto& dot = std::get<Shape>(m.frame->items[1]);
    REQUIRE(dot.tag);
    CHECK(dot.tag->actual_text() == "takes part");
    CHECK(dot.fill->is_gray());  // and it was converted
}

TEST_CASE("press tags: the bleed edition keeps every element and adds only artifacts", "[press][tags]") {
    const Document trimmed = tagged_document();
    Document bled = trimmed;
    press::add_bleed(bled, 9);
    CHECK(read(bled, false) == read(trimmed, false));  // the elements, in reading order
    // each page is read through its slug: a null-tagged group holding the page
    for (const auto& p : bled.pages) {
        REQUIRE(!p.frame.items.empty());
        const auto* g = std::get_if<GroupItem>(&p.frame.items.front());
        REQUIRE(g);
        CHECK(!g->tag);
        for (std::size_t k = 1; k < p.frame.items.size(); ++k)  // the crop marks
            std::visit([](const auto& i) { CHECK(!i.tag); }, p.frame.items[k]);
    }
    const auto all = read(bled), before = read(trimmed);
    CHECK(all.size() == before.size() + 2 * 8);  // eight crop marks a page, untagged
    CHECK(bled.tagged);
    // grayscale and bleed together (the print-shop photocopy edition)
    Document both = trimmed;
    press::to_grayscale(both);
    press::add_bleed(both, 9);
    CHECK(read(both, false) == read(trimmed, false));
}

TEST_CASE("press tags: the imposed printer spreads are the one untagged file", "[press][tags]") {
    Document reader = tagged_document();
    reader.pages.push_back(reader.pages[0]);
    reader.pages.push_back(reader.pages[1]);
    CHECK(reader.tagged);
    CHECK_FALSE(press::impose_booklet(reader, {}).tagged);
}
