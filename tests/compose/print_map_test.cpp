// What the map says and the booklet used to leave out, over the bundled
// content filled in code: the phase meanings (legend and fact sheets), "LERs
// explained" with its step pictures, an action area's lead, the action areas
// on a standalone fact sheet, internal links for "fact sheet p. N" and the
// diagram's group labels, and the attribution (colophon, fact-sheet credit).
#include <catch2/catch.hpp>

#include <cairo.h>

#include <memory>

#include "compose/compose.h"
#include "diagram/cairo_ptr.h"
#include "layout/hyphenate.h"
#include "load/layout_file.h"
#include "load/load.h"
#include "compose_setup.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

struct Setup : test::ComposeSetup {
    Setup() : ComposeSetup("letter", {}, "") {}
    // A group with a fact sheet and action areas (the bundled groups have no
    // roles: the first gets two, in Developing and Issuing).
    Stakeholder& first_sheet() {
        for (auto& s : content.stakeholders)
            if (s.has_content() && !s.commitments.empty()) {
                if (s.roles.empty())
                    for (const char* phase : {"developing", "issuing"})
                        s.roles.push_back(PhaseRole{phase, {}, {}, {Text{"Take part in pilots.", {}}}});
                return s;
            }
        FAIL("no group with a fact sheet and action areas");
        throw 0;
    }
};

// Every line's text, in order, with its page.
std::string text_of(const compose::Composed& c) {
    std::string all;
    for (const auto& r : c.lines) all += r.info.text + "\n";
    return all;
}

int page_of(const compose::Composed& c, const std::string& needle) {
    for (const auto& r : c.lines)
        if (r.info.text.find(needle) != std::string::npos) return r.page;
    return -1;
}

void write_png(const t::fs::path& p) {
    diagram::SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 480));
    diagram::ContextPtr cr(cairo_create(s.get()));
    cairo_set_source_rgb(cr.get(), 0.2, 0.4, 0.7);
    cairo_paint(cr.get());
    REQUIRE(cairo_surface_write_to_png(s.get(), p.string().c_str()) == CAIRO_STATUS_SUCCESS);
}

struct Links {
    std::vector<layout::LinkItem> top, grouped;
};
void collect(const layout::Frame& f, Links& out, bool in_group) {
    for (const auto& item : f.items) {
        if (auto* l = std::get_if<layout::LinkItem>(&item)) (in_group ? out.grouped : out.top).push_back(*l);
        if (auto* g = std::get_if<layout::GroupItem>(&item)) collect(*g->frame, out, true);
    }
}

std::size_t warnings_naming(const Diagnostics& d, const std::string& what) {
    std::size_t n = 0;
    for (const auto& x : d.items())
        if (x.message.find(what) != std::string::npos) ++n;
    return n;
}

}  // namespace

TEST_CASE("print: the phase meanings are a legend under the diagram and a subtitle on the fact sheets", "[print]") {
    Setup s;
    s.content.phases[1].summary = Text{"Making and handing out the records", {}};
    s.content.phases[2].summary = Text{};  // the bundled content gives every phase its meaning
    const compose::Composed b = compose::booklet(s.in);
    const int ecosystem = b.anchors.at("ecosystem").page;
    CHECK(page_of(b, "Developing | Researching & creating the LER solutions") == ecosystem);
    CHECK(page_of(b, "Issuing | Making and handing out the records") == ecosystem);
    // a phase without a meaning has no row
    CHECK(page_of(b, "Using |") == -1);
    const compose::Composed f = compose::factsheet(s.in, s.first_sheet());
    // under the phase's heading, on the front or the back (the first phases move forward when the front has room)
    CHECK(page_of(f, "Researching & creating the LER solutions") >= 0);
    CHECK(page_of(f, "Making and handing out the records") >= 0);
}

TEST_CASE("print: without phase meanings there is no legend", "[print]") {
    Setup s;
    for (auto& p : s.content.phases) p.summary = {};
    const compose::Composed b = compose::booklet(s.in);
    CHECK(page_of(b, "Developing |") == -1);
}

TEST_CASE("print: LERs explained follows the introduction, in the contents, its steps beside their pictures",
          "[print]") {
    Setup s;
    t::TempDir dir;
    write_png(dir / "step1.png");
    ExplainerSection what{Text{"What are LERs?", {}}, Text{"Digital records of learning and work.", {}}, {Text{"They are verifiable.", {}}}, {}, {}};
    ExplainerSection how{Text{"How do we use LERs?", {}}, Text{"The steps below illustrate an example scenario.", {}}, {}, {}, {}};
    how.steps.push_back({Text{"Learner makes an achievement", {}}, Text{"Stewart studies nursing.", {}},
                         Picture{(dir / "step1.png").string(), "Step 1", {}}, {}});
    how.steps.push_back({Text{"Issuer issues credential", {}}, Text{"The college issues a credential.", {}}, std::nullopt, {}});
    s.content.explainer = {what, how};
    const compose::Composed b = compose::booklet(s.in);
    REQUIRE(b.anchors.count("explainer"));
    CHECK(b.anchors.at("explainer").page > b.anchors.at("intro").page);
    CHECK(b.anchors.at("explainer").page <= b.anchors.at("ecosystem").page);
    const std::string all = text_of(b);
    CHECK(all.find("LERs explained\t") != std::string::npos);  // a contents entry
    CHECK(all.find("They are verifiable.") != std::string::npos);
    CHECK(all.find("[picture] Learner makes an achievement | Stewart studies nursing.") != std::string::npos);
    CHECK(all.find("\nIssuer issues credential | The college issues a credential.") != std::string::npos);
    bool bookmark = false;
    for (const auto& o : b.doc.outline) bookmark |= o.title == "LERs explained";
    CHECK(bookmark);
    // the picture is drawn once, left of its text
    int images = 0;
    std::vector<const layout::Item*> all_items;  // a step row is one group, the picture inside it
    for (const auto& p : b.doc.pages)
        for (const auto& item : p.frame.items) {
            all_items.push_back(&item);
            if (auto* g = std::get_if<layout::GroupItem>(&item); g && g->frame)
                for (const auto& in : g->frame->items) all_items.push_back(&in);
        }
    for (const layout::Item* it : all_items)
            if (auto* im = std::get_if<layout::ImageItem>(it); im && im->raster && im->raster->key == (dir / "step1.png").string()) {
                ++images;
                CHECK(im->width == Approx(0.85 * 72));
                CHECK(im->height == Approx(0.85 * 72 * 480 / 400));
            }
    CHECK(images == 1);
    CHECK(s.diags.warning_count() == 0);
}

TEST_CASE("print: a step picture that cannot be read is left out with one warning naming it", "[print]") {
    Setup s;
    ExplainerSection how{Text{"How do we use LERs?", {}}, {}, {}, {}, {}};
    how.steps.push_back({Text{"Learner makes an achievement", {}}, Text{"Stewart studies nursing.", {}},
                         Picture{"images/no-such-step.png", "Step 1", {}}, {}});
    s.content.explainer = {how};
    const compose::Composed b = compose::booklet(s.in);
    CHECK(text_of(b).find("Learner makes an achievement | Stewart studies nursing.") != std::string::npos);
    CHECK(warnings_naming(s.diags, "no-such-step.png") == 1);
}

TEST_CASE("print: an action area's lead is set before its summary, the areas' introduction once", "[print]") {
    Setup s;
    s.content.action_areas[0].lead = Text{"Pilots show what works.", {}};
    s.content.intro.action_areas_intro = Text{"There are key action areas that we believe matter.", {}};
    const compose::Composed b = compose::booklet(s.in);
    const std::string all = text_of(b);
    CHECK(page_of(b, "Pilots show what works.") == b.anchors.at("area:" + s.content.action_areas[0].id).page);
    const auto first = all.find("There are key action areas");
    REQUIRE(first != std::string::npos);
    CHECK(all.find("There are key action areas", first + 1) == std::string::npos);
    CHECK(page_of(b, "There are key action areas") == b.anchors.at("area:" + s.content.action_areas[0].id).page);
}

TEST_CASE("print: a standalone fact sheet says what each of its action areas is, the booklet's copy does not",
          "[print]") {
    Setup s;
    const Stakeholder& g = s.first_sheet();
    ActionArea* area = nullptr;
    for (auto& a : s.content.action_areas)
        if (a.id == g.commitments.front().area) area = &a;
    REQUIRE(area);
    area->summary = Text{"A short line about the area. A second sentence that a sheet leaves out because the "
                         "first one already says what the area is about, and this is long.", {}};
    const compose::Composed f = compose::factsheet(s.in, g);
    const std::string sheet = text_of(f);
    std::string front;  // the front's lines, joined (the line may wrap in a column)
    for (const auto& r : f.lines)
        if (r.page == 0) front += r.info.text + " ";
    CHECK(front.find(area->title.value + " \u2014 A short line about the area.") != std::string::npos);
    CHECK(sheet.find("A second sentence") == std::string::npos);
    CHECK(f.doc.pages.size() == 2);
    if (!g.commitments.front().bullets.empty()) {
        const compose::Composed b = compose::booklet(s.in);
        const int sheet_page = b.anchors.at("sheet:" + g.id).page;
        for (const auto& r : b.lines)
            if (r.page == sheet_page || r.page == sheet_page + 1)
                CHECK(r.info.text.find("A short line about the area.") == std::string::npos);
    }
}

TEST_CASE("print: fact sheet references and the diagram's group labels link to the fact sheets", "[print]") {
    Setup s;
    const compose::Composed b = compose::booklet(s.in);
    Links links;
    for (const auto& p : b.doc.pages) collect(p.frame, links, false);
    for (const auto& l : links.top) CHECK(l.uri.rfind("#", 0) == std::string::npos);
    const Stakeholder& g = s.first_sheet();
    const int sheet = b.anchors.at("sheet:" + g.id).page;
    int to_sheet = 0, grouped_to_sheet = 0;
    for (const auto& l : links.top) to_sheet += l.dest_page == sheet;
    for (const auto& l : links.grouped) grouped_to_sheet += l.dest_page == sheet;
    CHECK(to_sheet >= 2);           // the ecosystem page's list and an action area
    CHECK(grouped_to_sheet == 1);  // its label in the ecosystem diagram
    for (const auto& l : links.grouped) CHECK(l.uri.rfind("#", 0) == std::string::npos);
    // the diagram's links sit on the ecosystem page (QR codes in groups link out)
    const int ecosystem = b.anchors.at("ecosystem").page;
    for (std::size_t i = 0; i < b.doc.pages.size(); ++i) {
        Links on;
        collect(b.doc.pages[i].frame, on, false);
        for (const auto& l : on.grouped)
            if (l.dest_page >= 0) CHECK(static_cast<int>(i) == ecosystem);
    }
}

TEST_CASE("print: the colophon attributes the map as CC BY 4.0 asks, the fact sheets carry a credit", "[print]") {
    Setup s;
    Source& src = s.content.meta.source;
    src.name = "LER Ecosystem Map";
    src.url = "https://lermap.t3networkhub.org";
    src.license = "CC BY 4.0";
    src.license_url = "https://creativecommons.org/licenses/by/4.0/";
    src.authors = "T3 Innovation Network";
    src.changes = "Set for print; quotation marks made typographic.";
    const compose::Composed b = compose::booklet(s.in);
    const std::string all = text_of(b);
    CHECK(all.find("Content | The LER Ecosystem Map, by T3 Innovation Network, lermap.t3networkhub.org") != std::string::npos);
    CHECK(all.find("Licence | CC BY 4.0") != std::string::npos);
    CHECK(all.find("Changes | Set for print; quotation marks made typographic.") != std::string::npos);
    Links links;
    for (const auto& p : b.doc.pages) collect(p.frame, links, false);
    int licence = 0;
    for (const auto& l : links.top) licence += l.uri == src.license_url;
    CHECK(licence >= 1);
    const compose::Composed f = compose::factsheet(s.in, s.first_sheet());
    CHECK(page_of(f, "From the LER Ecosystem Map, lermap.t3networkhub.org \u00B7 CC BY 4.0 \u00B7 set for print by lerbrief") == 0);
}

TEST_CASE("print: an empty source gives no attribution rows and no credit, and still builds", "[print]") {
    Setup s;
    s.content.meta.source = Source{};
    const compose::Composed b = compose::booklet(s.in);
    const std::string all = text_of(b);
    CHECK(all.find("Content |") == std::string::npos);
    CHECK(all.find("Licence |") == std::string::npos);
    CHECK(all.find("Content: ") == std::string::npos);
    CHECK(all.find("Made with | lerbrief test") != std::string::npos);
    const compose::Composed f = compose::factsheet(s.in, s.first_sheet());
    CHECK(text_of(f).find("set for print by lerbrief") == std::string::npos);
}
