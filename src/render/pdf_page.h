#pragma once
// Draws one laid-out page (a layout::Frame) onto a libharu page.
//
// Coordinates: layout frames are y-down from the top-left corner; PDF user
// space is y-up from the bottom-left. A frame of height H draws a point
// (x, y) at (x, H - y). A GroupItem saves the graphics state, concatenates
// [s 0 0 s ox Hp-oy-s*Hn] so that its nested frame draws in its own
// coordinates, and restores the state. Link annotations ignore the graphics
// state, so their rectangles are mapped to page space by hand.
//
// Per item: text is one BT…ET with the font, size and fill colour it needs
// (gray operators when the colour is gray, so black is `0 g`); shapes set
// their colours before the path starts (libharu refuses colour changes
// inside a path); colours, line width and font are only written when they
// change.
//
// Tagged (targets.tags set, issue 17): each item's content sits in a
// marked-content sequence, `/Role <</MCID n>> BDC … EMC` for its tag's
// element or `/Artifact BMC … EMC` when its tag is null; consecutive items
// of one tag share a sequence. Sequences close before a group's q and
// before its Q, so they nest with q/Q and lie outside BT…ET (the ActualText
// spans of glyph_run.h nest inside). A tagged group is one sequence of its
// tag around q…Q, the tags inside ignored; a group without a tag is entered
// and its items carry their own tags. An item that draws nothing but has a
// tag still places its element; a link adds a Link element (pdf_tags.h).
//
// Throws RenderError naming the page (1-based) and the item, also for a
// coordinate, size or width that is not a number or lies outside ±32767
// (libharu would clamp it silently). Colour components are clamped to 0..1.
#include <hpdf.h>

#include <set>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "render/hpdf_handle.h"
#include "render/pdf_fonts.h"
#include "render/pdf_forms.h"
#include "render/pdf_images.h"
#include "render/pdf_links.h"
#include "render/pdf_tags.h"

namespace lerbrief::render {

// Deepest nesting of GroupItems (libharu allows 28 saved graphics states).
inline constexpr int kMaxGroupDepth = 16;

// Calls f(item, scale) for every item of `frame` and of the frames its groups
// place, in drawing order, a group before what it holds, with the scale the
// item prints at. Groups nested past kMaxGroupDepth are left: drawing
// refuses them.
template <class F>
void for_each_placed(const layout::Frame& frame, F&& f, double scale = 1, int depth = 0) {
    if (depth > kMaxGroupDepth) return;
    for (const layout::Item& item : frame.items) {
        f(item, scale);
        if (const auto* g = std::get_if<layout::GroupItem>(&item); g && g->frame)
            for_each_placed(*g->frame, f, scale * g->scale, depth + 1);
    }
}

// What drawing a page needs from the document being written.
struct PageTargets {
    HpdfDoc& doc;
    PdfFonts& fonts;
    PdfImages& images;
    PdfForms& forms;
    LinkAnnotations& links;
    const std::vector<HPDF_Page>& pages;      // every page, created before drawing
    const std::vector<double>& page_heights;  // in points, for internal links
    StructureWriter* tags = nullptr;          // null: untagged (no marked content at all)
    // Page labels as the reader sees them ("iii", "7"), by page index: what
    // an internal link's /Contents names. Empty: the page's number.
    std::vector<std::string> labels = {};
    // An internal link's /Contents with {page} for the label (Metadata::page_link).
    std::string page_link = {};
    // Tagged: the elements whose words go on over the page break (their
    // last text on the previous page ended a word): their first text on the
    // next page starts with a space glyph, so the words do not run together.
    std::set<const layout::StructNode*> carry = {};
};

void draw_page(PageTargets& targets, std::size_t index, const layout::Frame& frame);

}  // namespace lerbrief::render
