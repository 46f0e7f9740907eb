// Links inside groups (the booklet's ecosystem diagram links each group's
// label to its fact sheet): imposition drops them as it drops the page's own,
// and bleed moves their destinations down with the trimmed page.
#include <catch2/catch.hpp>

#include "press/bleed.h"
#include "press/impose.h"

using namespace lerbrief;
using namespace lerbrief::layout;

namespace {

// Four pages, each with a diagram-like group holding a shape and an internal link.
Document reader_with_diagrams() {
    Document d;
    for (int i = 0; i < 4; ++i) {
        auto diagram = std::make_shared<Frame>();
        diagram->width = diagram->height = 200;
        diagram->items.push_back(Shape{});
        diagram->items.push_back(LinkItem{{10, 10}, 50, 20, "", 3, 100});
        Page p;
        p.frame.width = 612;
        p.frame.height = 792;
        p.frame.items.push_back(TextItem{});
        p.frame.items.push_back(GroupItem{{50, 50}, 0.5, diagram});
        d.pages.push_back(std::move(p));
    }
    return d;
}

int links_in(const Frame& f) {
    int n = 0;
    for (const auto& item : f.items) {
        if (std::holds_alternative<LinkItem>(item)) ++n;
        if (auto* g = std::get_if<GroupItem>(&item)) n += links_in(*g->frame);
    }
    return n;
}

const LinkItem& nested_link(const Frame& page) {
    for (const auto& item : page.items)
        if (auto* g = std::get_if<GroupItem>(&item))
            for (const auto& inner : g->frame->items)
                if (auto* l = std::get_if<LinkItem>(&inner)) return *l;
    FAIL("no link in a group");
    throw 0;
}

}  // namespace

TEST_CASE("impose: links inside groups are dropped too, the rest of the group kept", "[press]") {
    const Document reader = reader_with_diagrams();
    REQUIRE(links_in(reader.pages[0].frame) == 1);
    const Document out = press::impose_booklet(reader, {});
    for (const auto& sheet : out.pages) {
        CHECK(links_in(sheet.frame) == 0);
        // each reader page: its text and its diagram group, the group's shape kept
        for (const auto& side : sheet.frame.items) {
            const Frame& page = *std::get<GroupItem>(side).frame;
            REQUIRE(page.items.size() == 2);
            const auto& diagram = std::get<GroupItem>(page.items[1]);
            CHECK(diagram.scale == 0.5);
            CHECK(diagram.frame->items.size() == 1);
        }
    }
    CHECK(links_in(reader.pages[0].frame) == 1);  // the reader's pages are untouched
}

TEST_CASE("bleed: destinations of links inside groups move with the trimmed page", "[press]") {
    Document doc = reader_with_diagrams();
    const auto shared = std::get<GroupItem>(doc.pages[0].frame.items[1]).frame;
    const double before = nested_link(doc.pages[0].frame).dest_y;
    press::add_bleed(doc, 9);
    const double m = press::slug_width(9);
    // the page is wrapped in a slug: its trimmed frame is a group
    const Frame& trimmed = *std::get<GroupItem>(doc.pages[0].frame.items[0]).frame;
    CHECK(nested_link(trimmed).dest_y == Approx(before + m));
    CHECK(std::get<LinkItem>(shared->items[1]).dest_y == before);  // a shared figure is copied, not changed
}
