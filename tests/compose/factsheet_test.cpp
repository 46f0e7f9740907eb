// A set of fact sheets speaks with one voice: one body size on every sheet
// (alone and in the booklet), each still two pages, a front that is used
// before the back is crowded, two balanced back columns, and body lines of
// 60 to 80 characters. Letter and A4; the bundled content always, the map
// website when ../shared holds it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "compose/compose.h"
#include "compose/factsheet.h"
#include "compose/page_setup.h"
#include "model/cores.h"
#include "compose_setup.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

bool is_body(const layout::LineRecord& r) { return r.info.style == "body" || r.info.style == "bullet"; }

std::size_t chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
}

// Mean characters of the full lines (not a paragraph's last) of body text on `page`.
double mean_chars(const compose::Composed& c, int page) {
    double sum = 0;
    int n = 0;
    for (const auto& r : c.lines)
        if (r.page == page && is_body(r) && r.info.line + 1 < r.info.lines) sum += chars(r.info.text), ++n;
    return n ? sum / n : 70;
}

void check_set(const std::string& data, const std::string& layout_name) {
    t::ComposeSetup s(layout_name, data);
    std::set<long> sizes;  // body sizes in hundredths of a point
    const layout::PageGeometry g = compose::geometry(s.spec);
    const double H = g.text_height();
    int sheets = 0;
    for (const auto& grp : s.content.stakeholders) {
        if (!grp.has_content()) continue;
        ++sheets;
        INFO(layout_name << " " << grp.id);
        compose::Composed f = compose::factsheet(s.in, grp);
        REQUIRE(f.doc.pages.size() == 2);
        for (const auto& r : f.lines)
            if (is_body(r)) sizes.insert(std::lround(r.info.size * 100));
        // the front is used: its last line lies in the page's bottom quarter
        double front_end = 0, back_end[2] = {0, 0};
        bool back_text = false;
        for (const auto& r : f.lines) {
            if (r.page == 0) front_end = std::max(front_end, r.y);
            if (r.page == 1 && r.info.text != "[figure]") {
                back_text = true;
                back_end[std::clamp(r.column, 0, 1)] = std::max(back_end[std::clamp(r.column, 0, 1)], r.y);
            }
        }
        // figures (the QR code) end where their frame ends
        const auto& back = f.doc.pages[1].frame;
        for (const auto& item : back.items)
            if (const auto* gi = std::get_if<layout::GroupItem>(&item); gi && gi->frame) {
                const int col = gi->offset.x > back.width / 2 ? 1 : 0;
                back_end[col] = std::max(back_end[col], gi->offset.y + gi->frame->height * gi->scale - 10);
            }
        if (back_text) CHECK(front_end - g.top >= 0.75 * H);
        // two balanced columns on the back: they end within about six lines
        // of each other (a paragraph of three lines, a heading with its
        // first two, a case entry are never split: that is the grain)
        if (back_text && back_end[1] > 0) CHECK(std::abs(back_end[0] - back_end[1]) <= 75);
        if (back_text) CHECK(back_end[1] > 0);  // the second column is used
        // the measure: 60 to 80 characters a full line, on each side
        for (int p : {0, 1}) {
            INFO("page " << p + 1 << ": " << mean_chars(f, p) << " characters a line");
            CHECK(mean_chars(f, p) >= 60);
            CHECK(mean_chars(f, p) <= 80);
        }
    }
    CHECK(sheets > 0);
    INFO("body sizes (1/100 pt): " << sizes.size());
    CHECK(sizes.size() == 1);  // one set, one voice
    // the booklet's copies use the same size
    compose::Composed b = compose::booklet(s.in);
    for (const auto& grp : s.content.stakeholders) {
        if (!grp.has_content()) continue;
        auto it = b.anchors.find("sheet:" + grp.id);
        REQUIRE(it != b.anchors.end());
        for (const auto& r : b.lines)
            if ((r.page == it->second.page || r.page == it->second.page + 1) && is_body(r)) {
                INFO(grp.id << ": " << r.info.text);
                CHECK(sizes.count(std::lround(r.info.size * 100)) == 1);
            }
    }
}

}  // namespace

TEST_CASE("fact sheets: the bundled set has one body size, fits, fills its fronts, balances its backs", "[factsheet]") {
    for (const char* layout_name : {"letter", "a4"}) check_set((t::source_dir() / "data").string(), layout_name);
}

TEST_CASE("fact sheets: the website set has one body size, fits, fills its fronts, balances its backs", "[factsheet]") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    for (const char* layout_name : {"letter", "a4"}) check_set(site.string(), layout_name);
}

namespace {

// Whether every sheet of the set (alone and in the booklet) is drawn at the
// set's size without a FitError.
bool every_sheet_fits(const compose::Input& in, const Content& content, const layout::PageGeometry& g) {
    for (const auto& grp : content.stakeholders) {
        if (!grp.has_content()) continue;
        for (bool alone : {false, true}) try {
                compose::fit_factsheet(in, grp, g, alone);
            } catch (const compose::FitError&) {
                return false;
            }
    }
    return true;
}

// The search's answer against the sheets themselves. The layout's smallest
// type is lowered so that the search has sizes to halve between (the map's
// sets are at the smallest otherwise): every sheet fits at the size found,
// and a size one step larger (the search's tolerance, 0.02) is refused by
// at least one sheet. The search tries the fullest group's sheet first, and
// stops at the first that does not fit: a wrong guess, or a sheet skipped,
// would show here.
void check_largest_that_fits(const std::string& data) {
    t::ComposeSetup s("letter", data);
    s.spec.fit_min_scale = 0.6;
    const layout::PageGeometry g = compose::geometry(s.spec);
    const double scale = compose::sheet_scale(s.in, g);
    CHECK(scale > s.spec.fit_min_scale);
    CHECK(scale <= 1.0);
    CHECK(compose::sheet_scale(s.in, g) == scale);  // the same for every caller of one job
    CHECK(every_sheet_fits(s.in, s.content, g));
    // one step larger, as the smallest size (never tried, so drawn there)
    t::ComposeSetup larger("letter", data);
    larger.spec.fit_min_scale = scale + 0.02;
    REQUIRE(compose::sheet_scale(larger.in, g) == larger.spec.fit_min_scale);
    CHECK_FALSE(every_sheet_fits(larger.in, larger.content, g));
}

}  // namespace

TEST_CASE("fact sheets: the set's size is the largest that fits, within the search's step", "[factsheet]") {
    check_largest_that_fits((t::source_dir() / "data").string());
    LERBRIEF_REQUIRE_WEBSITE(site);
    check_largest_that_fits(site.string());
}

namespace {

// What a fitted side is, item by item: heights, spaces, blocks and text.
std::vector<std::string> side_signature(const std::vector<layout::VItem>& side) {
    std::vector<std::string> out;
    for (const auto& v : side)
        out.push_back(std::to_string(v.height) + "/" + std::to_string(v.space_before) + "/" +
                      std::to_string(v.block) + "/" + std::to_string(v.items.size()) + "/" + v.text().text);
    return out;
}

// Every sheet of the set drawn with the units the scale search found moving
// onto its front is the sheet a search of its own gives. The layout's
// smallest type is lowered so that the set's size is one the search tried
// (at the smallest, which the search never tries, no moves are kept).
void check_known_moves(const std::string& data) {
    t::ComposeSetup s("letter", data);
    const layout::PageGeometry g = compose::geometry(s.spec);
    {  // the map's sheets (bundled and website) are at the layout's smallest type
        compose::Input at_minimum = s.in;
        at_minimum.sheets = std::make_shared<compose::SheetCache>();
        REQUIRE(compose::sheet_scale(at_minimum, g) == s.spec.fit_min_scale);
        CHECK(at_minimum.sheets->moved.empty());
    }
    s.spec.fit_min_scale = 0.6;
    REQUIRE(compose::sheet_scale(s.in, g) > 0.6);
    std::size_t with_content = 0;
    for (const auto& grp : s.content.stakeholders) with_content += grp.has_content();
    REQUIRE(with_content > 0);
    REQUIRE(s.in.sheets->moved.size() == 1);  // one text area
    const auto& moves = s.in.sheets->moved.begin()->second;
    CHECK(static_cast<std::size_t>(std::count_if(moves.begin(), moves.end(), [](std::uint16_t m) {
              return m != compose::SheetCache::kMovesNotKnown;
          })) == 2 * with_content);  // each sheet, alone and in the booklet
    compose::Input searched = s.in;
    searched.sheets = std::make_shared<compose::SheetCache>();
    CHECK(compose::sheet_scale(searched, g) == compose::sheet_scale(s.in, g));
    searched.sheets->moved.clear();  // every sheet searches again
    for (const auto& grp : s.content.stakeholders) {
        if (!grp.has_content()) continue;
        for (bool alone : {false, true}) {
            INFO(grp.id << (alone ? " alone" : " in the booklet"));
            const compose::SheetParts known = compose::fit_factsheet(s.in, grp, g, alone);
            const compose::SheetParts found = compose::fit_factsheet(searched, grp, g, alone);
            CHECK(side_signature(known.front) == side_signature(found.front));
            CHECK(side_signature(known.back) == side_signature(found.back));
        }
    }
}

}  // namespace

TEST_CASE("fact sheets: drawn with the moves the scale search found, each sheet is the one its own search gives",
          "[factsheet]") {
    check_known_moves((t::source_dir() / "data").string());
    LERBRIEF_REQUIRE_WEBSITE(site);
    check_known_moves(site.string());
}

namespace {

// A sheet fitted by the first caller, while the set's size is searched (with
// two cores, it is set at the layout's smallest size beside the search, and
// that is kept when the search ends there), against the same sheet fitted
// once the size is known (set after the search): the same sides, the same
// warnings.
// Every diagnostic in order, as printed.
std::vector<std::string> said(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const Diagnostic& x : d.items()) out.push_back(format(x));
    out.push_back(std::to_string(d.warning_count()) + " warnings, " + std::to_string(d.error_count()) + " errors");
    return out;
}

void check_set_beside_the_search(const std::string& data) {
    t::ComposeSetup first("letter", data), after("letter", data);
    const layout::PageGeometry g = compose::geometry(first.spec);
    REQUIRE(compose::sheet_scale(after.in, g) == after.spec.fit_min_scale);  // the map's sets: at the smallest
    for (const auto& grp : first.content.stakeholders) {
        if (!grp.has_content()) continue;
        for (bool alone : {true, false}) {
            INFO(grp.id << (alone ? " alone" : " in the booklet") << ", " << usable_cores() << " cores");
            Diagnostics beside, later;
            compose::Input a = first.in, b = after.in;
            a.sheets = std::make_shared<compose::SheetCache>();  // the size not known: searched now
            a.tools.diags = &beside, b.tools.diags = &later;
            const compose::SheetParts guessed = compose::fit_factsheet(a, grp, g, alone);
            const compose::SheetParts set = compose::fit_factsheet(b, grp, g, alone);
            // with a core to spare, the sheet set beside the search was the one kept
            CHECK(a.sheets->guesses_kept == (usable_cores() > 1 ? 1u : 0u));
            CHECK(side_signature(guessed.front) == side_signature(set.front));
            CHECK(side_signature(guessed.back) == side_signature(set.back));
            CHECK(said(beside) == said(later));
        }
    }
}

}  // namespace

TEST_CASE("fact sheets: a sheet set beside the search for the set's size is the sheet set after it", "[factsheet]") {
    check_set_beside_the_search((t::source_dir() / "data").string());
    LERBRIEF_REQUIRE_WEBSITE(site);
    check_set_beside_the_search(site.string());
}
