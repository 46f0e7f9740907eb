// Page flow (issue #16): a short run never spills alone onto a page, a group
// broken across pages repeats its heading, no two nearly empty pages in a
// row, widows and orphans still kept. Lists built by hand on a small page
// whose text area is 100 pt high, lines 10 pt.
#include <catch2/catch.hpp>

#include <map>
#include <memory>

#include "layout/flow.h"

using namespace lerbrief::layout;

namespace {

PageGeometry small_page() {
    PageGeometry g;
    g.height = 100 + g.top + g.bottom;  // text height 100: ten lines
    return g;
}

// A line of 10 pt with something drawn, so it counts as content.
VItem line(const std::string& text, bool breakable = true, int block = -1) {
    VItem v;
    v.height = 10;
    v.breakable = breakable;
    v.items.push_back(TextItem{{0, 8}, 0, 10, {}, text, 10});
    v.set_text().text = text;
    v.block = block;
    return v;
}

VItem hard_break(Parity parity = Parity::any) {
    VItem v;
    v.force_break = true;
    v.set_marks().parity = parity;
    return v;
}

void add_lines(std::vector<VItem>& list, const std::string& prefix, int n) {
    for (int i = 0; i < n; ++i) list.push_back(line(prefix + std::to_string(i + 1)));
}

// lines (with text) per page
std::map<int, int> lines_per_page(const Laid& laid) {
    std::map<int, int> n;
    for (const auto& r : laid.lines) ++n[r.page];
    return n;
}

}  // namespace

TEST_CASE("flow: the last lines of a list do not spill alone onto a page") {
    std::vector<VItem> list;
    add_lines(list, "item ", 13);  // greedy: 10 on page 1, the last 3 alone on page 2
    list.push_back(hard_break());
    add_lines(list, "next ", 5);
    const Laid laid = paginate(list, small_page());
    REQUIRE(laid.pages.size() == 3);  // pulling lines forward adds no page
    auto n = lines_per_page(laid);
    CHECK(n[0] + n[1] == 13);
    CHECK(n[1] >= kMinTailLines);
    CHECK_FALSE(nearly_empty(laid.page_fill[1]));
    CHECK(laid.page_fill[0] >= kMinDonorShare);
    // the same at the end of the document
    std::vector<VItem> end;
    add_lines(end, "item ", 11);
    const Laid e = paginate(end, small_page());
    REQUIRE(e.pages.size() == 2);
    CHECK(lines_per_page(e)[1] >= kMinTailLines);
}

TEST_CASE("flow: a long page before a break keeps its lines when the tail is long enough") {
    std::vector<VItem> list;
    add_lines(list, "item ", 16);  // 10 + 6: nothing to fix
    const Laid laid = paginate(list, small_page());
    auto n = lines_per_page(laid);
    CHECK(n[0] == 10);
    CHECK(n[1] == 6);
}

TEST_CASE("flow: pulling lines forward prefers the start of a group") {
    std::vector<VItem> list;
    add_lines(list, "a ", 7);
    VItem h = line("Group");
    h.heading = true;
    list.push_back(h);
    add_lines(list, "b ", 4);  // kept with the heading: the first line is not breakable
    list[8].breakable = false;
    const Laid laid = paginate(list, small_page());
    // greedy: a1..a7, Group, b1, b2 | b3, b4 — the break moves before "Group"
    REQUIRE(laid.pages.size() == 2);
    const LineRecord* first = nullptr;
    for (const auto& r : laid.lines)
        if (r.page == 1) {
            first = &r;
            break;
        }
    REQUIRE(first);
    CHECK(first->info.text == "Group");
}

TEST_CASE("flow: a page break inside a group repeats its heading with (continued)") {
    auto again = std::make_shared<std::vector<VItem>>();
    VItem rh = line("Employers (continued)");
    rh.heading = true;
    again->push_back(rh);
    std::vector<VItem> list;
    VItem h = line("Employers");
    h.heading = true;
    list.push_back(h);
    for (int i = 0; i < 16; ++i) {
        list.push_back(line("bullet " + std::to_string(i + 1), i > 0));
        list.back().repeat = again;
    }
    const Laid laid = paginate(list, small_page());
    REQUIRE(laid.pages.size() == 2);
    const LineRecord* top = nullptr;
    int repeats = 0;
    for (const auto& r : laid.lines) {
        if (r.page == 1 && !top) top = &r;
        if (r.info.text == "Employers (continued)") ++repeats;
    }
    REQUIRE(top);
    CHECK(top->info.text == "Employers (continued)");
    CHECK(top->info.heading);
    CHECK(repeats == 1);
    // every bullet is placed once
    int bullets = 0;
    for (const auto& r : laid.lines) bullets += r.info.text.rfind("bullet ", 0) == 0;
    CHECK(bullets == 16);
}

TEST_CASE("flow: a forced break does not repeat the heading") {
    auto again = std::make_shared<std::vector<VItem>>();
    again->push_back(line("G (continued)"));
    std::vector<VItem> list;
    add_lines(list, "x ", 3);
    list.push_back(hard_break());
    list.push_back(line("after"));
    list.back().repeat = again;
    const Laid laid = paginate(list, small_page());
    for (const auto& r : laid.lines) CHECK(r.info.text != "G (continued)");
}

TEST_CASE("flow: no two nearly empty pages in a row") {
    std::vector<VItem> list;
    add_lines(list, "a ", 10);
    list.push_back(hard_break());
    add_lines(list, "b ", 2);  // 20 %: nearly empty
    list.push_back(hard_break());
    add_lines(list, "c ", 2);  // 20 %: nearly empty too — they share a page
    list.push_back(hard_break());
    add_lines(list, "d ", 8);
    const Laid laid = paginate(list, small_page());
    CHECK(laid.pages.size() == 3);
    for (std::size_t p = 0; p + 1 < laid.pages.size(); ++p) {
        INFO("pages " << p + 1 << " and " << p + 2);
        CHECK_FALSE((nearly_empty(laid.page_fill[p]) && nearly_empty(laid.page_fill[p + 1])));
    }
}

TEST_CASE("flow: a page skipped for parity stays, and is no nearly empty page") {
    std::vector<VItem> list;
    add_lines(list, "a ", 2);
    list.push_back(hard_break(Parity::right));  // page 2 is left blank
    add_lines(list, "b ", 2);
    const Laid laid = paginate(list, small_page());
    REQUIRE(laid.pages.size() == 3);
    CHECK(laid.page_kind[1] == PageKind("blank"));
}

TEST_CASE("flow: widows and orphans are still kept") {
    // a 5-line paragraph after 7 lines: lines 1-2 may not stay alone, nor 4-5
    std::vector<VItem> list;
    add_lines(list, "a ", 7);
    for (int i = 0; i < 5; ++i) list.push_back(line("p" + std::to_string(i + 1), i == 0 || (i >= 2 && 5 - i >= 2), 7));
    add_lines(list, "z ", 10);
    const Laid laid = paginate(list, small_page());
    std::vector<int> page(5, -1);
    for (const auto& r : laid.lines)
        if (r.info.block == 7) page[std::stoi(r.info.text.substr(1)) - 1] = r.page;
    int on_first = 0;
    for (int p : page) on_first += p == page[0];
    CHECK((on_first == 5 || (on_first >= 2 && 5 - on_first >= 2)));
}

namespace {

// A list with flow fixes (a pulled tail, two nearly empty pages joined), a
// group's repeated heading, a left-hand start, a figure filling its page
// and an anchor with a bookmark.
std::vector<VItem> mixed_list() {
    auto again = std::make_shared<std::vector<VItem>>();
    again->push_back(line("Group (continued)"));
    std::vector<VItem> list;
    add_lines(list, "item ", 13);
    list.push_back(hard_break());
    add_lines(list, "b ", 2);
    list.push_back(hard_break());
    add_lines(list, "c ", 2);
    list.push_back(hard_break(Parity::left));
    VItem h = line("Group");
    h.set_marks().anchor = "group";
    h.set_marks().outline = "Group";
    list.push_back(h);
    for (int i = 0; i < 14; ++i) {
        list.push_back(line("bullet " + std::to_string(i + 1), i > 0, 7));
        list.back().repeat = again;
    }
    VItem fig = line("[figure]");
    fig.fill_page = true;
    list.push_back(fig);
    add_lines(list, "end ", 3);
    return list;
}

}  // namespace

// Two lays of the same text list put the same text items at the same places.
static void check_same_text_items(const Laid& copied, const Laid& filled) {
    REQUIRE(filled.pages.size() == copied.pages.size());
    for (std::size_t p = 0; p < copied.pages.size(); ++p) {
        const auto &a = copied.pages[p].frame.items, &b = filled.pages[p].frame.items;
        REQUIRE(a.size() == b.size());
        for (std::size_t k = 0; k < a.size(); ++k) {
            const auto &ta = std::get<TextItem>(a[k]), &tb = std::get<TextItem>(b[k]);
            CHECK(ta.text == tb.text);
            CHECK(ta.pos.x == tb.pos.x);
            CHECK(ta.pos.y == tb.pos.y);
        }
    }
}

TEST_CASE("flow: a list paginated at its last use (moved) lays out as the same list copied") {
    // flow fixes (a pulled tail, two nearly empty pages joined), a group's
    // repeated heading, a left-hand start, a figure filling its page, anchors
    std::vector<VItem> list = mixed_list();
    const std::vector<VItem> kept = list;
    const Laid copied = paginate(list, small_page());
    // a list paginated by copy is left whole
    REQUIRE(list.size() == kept.size());
    for (std::size_t k = 0; k < list.size(); ++k) {
        CHECK(list[k].items.size() == kept[k].items.size());
        CHECK(list[k].text().text == kept[k].text().text);
    }
    const Laid moved = paginate(std::move(list), small_page());
    CHECK(list.capacity() == 0);  // NOLINT(bugprone-use-after-move): its array goes before the pages' vectors come
    REQUIRE(copied.pages.size() == moved.pages.size());
    CHECK(copied.page_kind == moved.page_kind);
    CHECK(copied.page_section == moved.page_section);
    CHECK(copied.page_fill == moved.page_fill);
    REQUIRE(copied.lines.size() == moved.lines.size());
    for (std::size_t i = 0; i < copied.lines.size(); ++i) CHECK(dump_line(copied.lines[i]) == dump_line(moved.lines[i]));
    check_same_text_items(copied, moved);
    // each page's items are reserved once, from the plan (repeated headings and the figure included)
    for (const auto& page : moved.pages) CHECK(page.frame.items.capacity() == page.frame.items.size());
    CHECK(copied.anchors.at("group").page == moved.anchors.at("group").page);
    REQUIRE(copied.outline.size() == 1);
    CHECK(moved.outline.size() == 1);
    int repeats = 0;
    for (const auto& r : moved.lines) repeats += r.info.text == "Group (continued)";
    CHECK(repeats >= 1);
}


TEST_CASE("flow: a list planned, then filled by its plan, lays out as paginate lays it") {
    std::vector<VItem> list = mixed_list();
    const Laid copied = paginate(list, small_page());
    const PagePlan plan = plan_pages(list, small_page());
    // the plan: where everything lands, without any item or line record
    const Laid& at = plan.laid();
    REQUIRE(at.pages.size() == copied.pages.size());
    for (const auto& p : at.pages) CHECK(p.frame.items.empty());
    CHECK(at.lines.empty());
    CHECK(at.page_kind == copied.page_kind);
    CHECK(at.page_section == copied.page_section);
    CHECK(at.page_fill == copied.page_fill);
    REQUIRE(at.anchors.size() == copied.anchors.size());
    CHECK(at.anchors.at("group").page == copied.anchors.at("group").page);
    CHECK(at.anchors.at("group").y == copied.anchors.at("group").y);
    REQUIRE(at.outline.size() == copied.outline.size());
    CHECK(at.outline[0].page == copied.outline[0].page);
    CHECK(at.outline[0].anchor == copied.outline[0].anchor);
    // planning leaves the list whole
    CHECK(list.front().items.size() == 1);

    PagePlan again = plan_pages(list, small_page());
    const Laid filled = fill_pages(std::move(list), small_page(), std::move(again));
    CHECK(list.capacity() == 0);  // NOLINT(bugprone-use-after-move)
    REQUIRE(filled.pages.size() == copied.pages.size());
    CHECK(filled.page_kind == copied.page_kind);
    CHECK(filled.page_section == copied.page_section);
    CHECK(filled.page_fill == copied.page_fill);
    REQUIRE(filled.lines.size() == copied.lines.size());
    for (std::size_t i = 0; i < copied.lines.size(); ++i) CHECK(dump_line(copied.lines[i]) == dump_line(filled.lines[i]));
    check_same_text_items(copied, filled);
    CHECK(filled.anchors.at("group").page == copied.anchors.at("group").page);
    CHECK(filled.outline.size() == copied.outline.size());
}

TEST_CASE("flow: a plan filled with another list than the one planned paginates that list anew") {
    std::vector<VItem> list = mixed_list();
    PagePlan plan = plan_pages(list, small_page());
    std::vector<VItem> other;
    add_lines(other, "x ", 25);
    const Laid expected = paginate(other, small_page());
    const Laid filled = fill_pages(std::move(other), small_page(), std::move(plan));
    REQUIRE(filled.pages.size() == expected.pages.size());
    REQUIRE(filled.lines.size() == expected.lines.size());
    for (std::size_t i = 0; i < expected.lines.size(); ++i) CHECK(dump_line(expected.lines[i]) == dump_line(filled.lines[i]));
}

TEST_CASE("flow: a VItem's marks are set apart, read as defaults when unset, and copied with it") {
    VItem plain = line("plain");
    CHECK(plain.marks().anchor.empty());
    CHECK(plain.marks().outline_level == 1);
    CHECK(plain.marks().page_kind.empty());
    CHECK(plain.marks().columns == 0);
    VItem h = line("Heading");
    h.set_marks().anchor = "a";
    h.set_marks().outline = "Heading";
    VItem copy = h;
    copy.set_marks().anchor = "b";
    CHECK(h.marks().anchor == "a");  // a copy's marks are its own
    CHECK(copy.marks().outline == "Heading");
    VItem moved = std::move(copy);
    CHECK(moved.marks().anchor == "b");
    std::vector<VItem> list{h, plain};
    const Laid laid = paginate(list, small_page());
    CHECK(laid.anchors.count("a") == 1);
    REQUIRE(laid.outline.size() == 1);
    CHECK(laid.outline[0].anchor == "a");
}

TEST_CASE("flow: a plan filled without line records lays the same pages and records no line") {
    std::vector<VItem> list = mixed_list();
    const Laid copied = paginate(list, small_page());
    REQUIRE(!copied.lines.empty());
    PagePlan plan = plan_pages(list, small_page());
    const Laid filled = fill_pages(std::move(list), small_page(), std::move(plan), false);
    CHECK(filled.lines.empty());
    CHECK(filled.lines.capacity() == 0);  // not even reserved
    REQUIRE(filled.pages.size() == copied.pages.size());
    check_same_text_items(copied, filled);
    CHECK(filled.outline.size() == copied.outline.size());
}

TEST_CASE("flow: a list of runs is laid as the vector of its items, and frees each run once it is placed") {
    const std::vector<VItem> whole = mixed_list();
    REQUIRE(whole.size() >= 12);
    const Laid expected = paginate(whole, small_page());
    // the same items in three vectors, as the booklet holds its own items and its fact sheets
    const std::size_t cut1 = whole.size() / 3, cut2 = 2 * whole.size() / 3;
    std::vector<VItem> a(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(cut1));
    std::vector<VItem> b(whole.begin() + static_cast<std::ptrdiff_t>(cut1), whole.begin() + static_cast<std::ptrdiff_t>(cut2));
    std::vector<VItem> c(whole.begin() + static_cast<std::ptrdiff_t>(cut2), whole.end());
    // When a run's `placed` is called, every item of it has been moved onto a page.
    std::vector<std::string> calls;
    auto placed = [&](const std::string& name, std::vector<VItem>& run) {
        return [&calls, &run, name] {
            bool moved = true;
            for (const auto& v : run) moved = moved && (v.items.empty() || v.fill_page);  // a figure filling its page is copied
            calls.push_back(name + (moved ? " placed" : " NOT placed"));
            std::vector<VItem>().swap(run);  // freed as the booklet frees a sheet
        };
    };
    ListOfRuns list;
    list.add(a, 0, a.size());
    bool c_waiting = false;  // when b is freed, c is not yet placed: the flow frees as it goes
    auto b_placed = placed("b", b);
    list.add(b, 0, b.size(), [&] {
        c_waiting = !c.front().items.empty();
        b_placed();
    });
    list.add(c, 0, c.size(), placed("c", c));
    bool released = false;
    list.release = [&] {
        released = true;
        calls.push_back("release");
    };
    REQUIRE(list.size() == whole.size());
    CHECK(&list[cut1] == &b.front());

    // planning moves nothing and frees nothing
    const PagePlan plan = plan_pages(list, small_page());
    CHECK(plan.laid().pages.size() == expected.pages.size());
    CHECK(calls.empty());
    CHECK(b.front().items.size() == whole[cut1].items.size());

    PagePlan again = plan_pages(list, small_page());
    const Laid filled = fill_pages(std::move(list), small_page(), std::move(again));
    CHECK(released);
    CHECK(list.empty());  // NOLINT(bugprone-use-after-move)
    // b is freed while the flow goes on; c, the last run, once the flow has placed it
    CHECK(calls == std::vector<std::string>{"b placed", "c placed", "release"});
    CHECK(c_waiting);
    CHECK(b.empty());
    REQUIRE(filled.pages.size() == expected.pages.size());
    CHECK(filled.page_kind == expected.page_kind);
    CHECK(filled.page_fill == expected.page_fill);
    REQUIRE(filled.lines.size() == expected.lines.size());
    for (std::size_t i = 0; i < expected.lines.size(); ++i) CHECK(dump_line(expected.lines[i]) == dump_line(filled.lines[i]));
    check_same_text_items(expected, filled);
    CHECK(filled.anchors.at("group").page == expected.anchors.at("group").page);
    CHECK(filled.outline.size() == expected.outline.size());
}
