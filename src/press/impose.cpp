#include "press/impose.h"

#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "layout/links.h"
#include "press/bleed.h"
#include "press/press_error.h"
#include "press/saddle.h"

namespace lerbrief::press {

using namespace layout;

namespace {

// A reader page as it goes on a sheet: without links, and with its colour
// run into the bleed on every edge but the fold.
std::shared_ptr<const Frame> sheet_copy(const Frame& page, bool on_left, double bleed) {
    auto f = std::make_shared<Frame>(page);
    // without its links, in groups too (the diagram's group labels)
    edit_links(*f, [](const LinkItem&) { return true; }, [](LinkItem&) { return false; });
    if (bleed > 0) extend_into_bleed(*f, {on_left, !on_left, true, true}, bleed);
    return f;
}

}  // namespace

double creep_shift(int sheet, int sheets, double creep) {
    return sheets <= 1 ? 0 : creep * sheet / (sheets - 1);
}

Document impose_booklet(const Document& reader, const Imposition& how) {
    const int pages = static_cast<int>(reader.pages.size());
    const std::vector<SheetSide> sides = saddle_stitch(pages);
    const double w = reader.pages[0].frame.width, h = reader.pages[0].frame.height;
    for (int i = 0; i < pages; ++i) {
        const Frame& f = reader.pages[static_cast<std::size_t>(i)].frame;
        if (std::abs(f.width - w) > 0.01 || std::abs(f.height - h) > 0.01)
            throw PressError(fmt::format("imposition: page {} is {:.1f} x {:.1f} pt, page 1 is {:.1f} x {:.1f} pt", i + 1,
                                         f.width, f.height, w, h));
    }
    Document out;
    out.fonts = reader.fonts;
    out.meta = reader.meta;
    out.tagged = false;  // for the print shop: pages cut and folded, not read on screen
    if (!how.subject.empty()) out.meta.subject = how.subject;
    const int sheets = pages / 4;
    for (const SheetSide& side : sides) {
        const double shift = creep_shift(side.sheet, sheets, how.creep);
        Frame spread;
        spread.width = 2 * w;
        spread.height = h;
        const double bleed = std::max(how.bleed, 0.0);
        spread.items.push_back(GroupItem{{shift, 0}, 1, sheet_copy(reader.pages[side.left].frame, true, bleed)});
        spread.items.push_back(GroupItem{{w - shift, 0}, 1, sheet_copy(reader.pages[side.right].frame, false, bleed)});
        Page page;
        if (how.bleed >= 0)
            page = mark_page(spread, how.bleed, {w});
        else
            page.frame = std::move(spread);
        out.labels.push_back({static_cast<int>(out.pages.size()), PageLabelRange::Style::none, 1,
                              fmt::format("Sheet {} {}", side.sheet + 1, side.back ? "back" : "front")});
        out.pages.push_back(std::move(page));
    }
    return out;
}

}  // namespace lerbrief::press
