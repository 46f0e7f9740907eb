// Blocks the builder sets: nested bullet lists hang their text, two-column
// tables keep a row whole, quotes keep with their attribution.
#include <catch2/catch.hpp>

#include "compose/builder.h"
#include "layout/hyphenate.h"
#include "load/layout_file.h"
#include "load/strings_file.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

struct Tools {
    Diagnostics diags;
    LayoutSpec spec;
    std::unique_ptr<layout::FontSet> fonts;
    Strings strings;
    compose::Tools tools;
    Tools() {
        const std::string root = t::source_dir().string();
        spec = load::load_layout("letter", root + "/layouts", root + "/fonts", diags);
        REQUIRE_FALSE(diags.has_errors());
        fonts = std::make_unique<layout::FontSet>(spec.fonts);
        strings = load::load_strings(root + "/strings", "en-US", {}, diags);
        tools = {&spec, fonts.get(), nullptr, &diags, &strings};
    }
};

// x of the first text item of a vertical item that is not the marker
std::pair<double, std::string> first_text(const layout::VItem& v, std::size_t k) {
    std::vector<const layout::TextItem*> texts;
    for (const auto& it : v.items)
        if (auto* x = std::get_if<layout::TextItem>(&it)) texts.push_back(x);
    REQUIRE(k < texts.size());
    return {texts[k]->pos.x, texts[k]->text};
}

}  // namespace

TEST_CASE("builder: nested bullets hang deeper, with their own marker") {
    Tools tt;
    compose::Builder b(tt.tools, 400);
    const std::string long_text =
        "A bullet long enough to wrap onto a second line so that the hanging indent can be seen on the page";
    b.bullets({Text{long_text, {}}}, "bullet", 0);
    b.bullets({Text{long_text, {}}}, "bullet", 1);
    auto& items = b.items();
    REQUIRE(items.size() >= 4);
    // line 1 of each item: the marker first (copied text reads "• item"), then the text
    const auto [x0, t0] = first_text(items[0], 1);
    const std::size_t second = items.size() / 2;
    const auto [x1, t1] = first_text(items[second], 1);
    CHECK(x1 > x0 + 5);
    // the wrapped line starts where the first line's text starts: a hanging indent
    CHECK(first_text(items[1], 0).first == Approx(x0));
    const auto* m0 = std::get_if<layout::TextItem>(&items[0].items.front());
    const auto* m1 = std::get_if<layout::TextItem>(&items[second].items.front());
    REQUIRE(m0);
    REQUIRE(m1);
    CHECK(m0->text == "\u2022");
    CHECK(m1->text == "\u2013");
    CHECK(m0->pos.x < x0);
    CHECK(m1->pos.x < x1);
    CHECK(m1->pos.x > m0->pos.x);
}

TEST_CASE("builder: a table row is one unbreakable item with both cells") {
    Tools tt;
    compose::Builder b(tt.tools, 400);
    b.table({{Text{"**verifiable**", {}}, Text{"LERs contain digitally signed information on the institution, "
                                             "organization, or individual who has attested to the achievement.",
                                             {}}}},
            "body", "body");
    REQUIRE(b.items().size() == 1);
    const auto& row = b.items()[0];
    double left_max = 0, right_min = 1e9;
    for (const auto& it : row.items)
        if (auto* x = std::get_if<layout::TextItem>(&it)) {
            if (x->text == "verifiable") left_max = std::max(left_max, x->pos.x + x->width);
            else right_min = std::min(right_min, x->pos.x);
        }
    CHECK(left_max > 0);
    CHECK(right_min > left_max);
    CHECK(row.height >= 2 * 14);  // the right cell wraps to two lines or more
}

TEST_CASE("builder: a quote keeps with its attribution") {
    Tools tt;
    compose::Builder b(tt.tools, 300);
    b.quote(Quote{Text{"A quote that runs over more than one line of this narrow measure, to be sure.", {}},
                  Text{"Somebody, Somewhere", {}}});
    const auto& v = b.items();
    REQUIRE(v.size() >= 3);
    for (std::size_t i = 1; i < v.size(); ++i) CHECK_FALSE(v[i].breakable);
}

namespace {
std::string repeat_text(const layout::VItem& v) {
    return v.repeat && !v.repeat->empty() ? v.repeat->front().text().text : std::string();
}
}  // namespace

TEST_CASE("builder: items under a group heading carry it to repeat, with (continued)") {
    Tools tt;
    compose::Builder b(tt.tools, 400);
    b.heading("Who takes part", "h2", 2);
    b.heading("Employers", "h3", 0);
    b.bullets({Text{"first", {}}, Text{"second", {}}}, "bullet");
    const std::size_t after_list = b.items().size();
    b.text("Also taking part: Funders.", "body");  // body text after the list: the h3 group ended
    const std::size_t h3b = b.items().size();
    b.heading("Funders", "h3", 0);                 // a sibling closes "Employers"
    b.bullets({Text{"third", {}}}, "bullet");
    b.heading("Next area", "h1", 1);               // an h1 closes every group, and does not repeat
    b.bullets({Text{"fourth", {}}}, "bullet");
    const auto& v = b.items();
    CHECK(repeat_text(v[0]).empty());                                  // the h2 itself: no group above it
    CHECK(repeat_text(v[1]) == "Who takes part (continued)");          // the h3: inside the h2 group
    CHECK(repeat_text(v[2]) == "Employers (continued)");
    CHECK(repeat_text(v[after_list - 1]) == "Employers (continued)");
    CHECK(repeat_text(v[after_list]) == "Who takes part (continued)");
    CHECK(repeat_text(v[h3b]) == "Who takes part (continued)");
    CHECK(repeat_text(v[h3b + 1]) == "Funders (continued)");
    CHECK(repeat_text(v.back()).empty());
    // the repeated heading is a heading, with no anchor, bookmark or block of its own
    const auto& again = v[2].repeat->front();
    CHECK(again.heading);
    CHECK(again.block < 0);
    CHECK(again.marks().outline.empty());
    CHECK(again.marks().anchor.empty());
}

TEST_CASE("builder: a page break inside a group repeats its heading on the new page") {
    Tools tt;
    compose::Builder b(tt.tools, 400);
    b.heading("Employers", "h3", 0);
    std::vector<Text> list;
    for (int i = 0; i < 80; ++i) list.push_back(Text{"bullet " + std::to_string(i + 1), {}});
    b.bullets(list, "bullet");
    const layout::Laid laid = layout::paginate(b.items(), layout::PageGeometry{});
    REQUIRE(laid.pages.size() >= 2);
    for (int p = 1; p < static_cast<int>(laid.pages.size()); ++p) {
        const layout::LineRecord* top = nullptr;
        for (const auto& r : laid.lines)
            if (r.page == p) {
                top = &r;
                break;
            }
        REQUIRE(top);
        INFO("page " << p + 1);
        CHECK(top->info.text == "Employers (continued)");
    }
}
