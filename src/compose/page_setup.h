#pragma once
// Page geometry from a layout, and the furniture (running header, footer,
// page numbers) drawn on laid-out pages by their kind:
//   cover     a colour band across the top (to the paper's edges with bleed,
//             kBandInset inside them without: office printers leave a
//             white strip at the edge)
//   front     footer: roman page number
//   body      header: title (left pages) / section (right pages), a rule;
//             footer: event line and page number
//   notes     a page for the reader's notes (the heading "Notes", booklet.notes, and ruled
//             lines) with the body's header and footer: pages skipped to
//             start a section on the left, and those padding a booklet
//   sheet     a standalone fact sheet: the cover's band; footer with event
//             line and front/back
#include <string>
#include <vector>

#include "compose/builder.h"
#include "layout/flow.h"

namespace lerbrief::compose {

layout::PageGeometry geometry(const LayoutSpec& spec);

struct Furniture {
    std::string title, event;
    // The event's title when `event` starts with it: a line too long for the
    // footer shortens the title first, so the date and place stay (with a
    // warning). A line that cannot keep them even so wraps onto two lines.
    std::string event_title;
    std::vector<std::string> labels;  // printed page number of each page
    bool bleed = false;               // the run has --bleed: bands run to the paper's edges
};

// Without bleed, bands keep this far from the paper's edges (5 mm).
constexpr double kBandInset = 5 * 72 / 25.4;

void add_furniture(layout::Laid& laid, const layout::PageGeometry& g, const Tools& tools, const Furniture& f);

std::string roman(int n);

}  // namespace lerbrief::compose
