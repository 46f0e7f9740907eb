#pragma once
// Shared page setup of the convening kit's simple documents (the agenda and
// the worksheets): the edges of a page's text area as paginate() places it,
// rules and boxes as shapes, a one-line footer, and a laid-out list turned
// into a Composed with the kit's metadata.
#include <optional>
#include <string>

#include "compose/compose.h"
#include "layout/flow.h"

namespace lerbrief::compose::kit {

// Left and right edges of the text area of page `page` (0-based): like
// paginate(), left-hand pages (odd indexes) have the outer margin on the left.
double text_left(const layout::PageGeometry& g, int page);
double text_right(const layout::PageGeometry& g, int page);
// Baseline of the footer: this far below the text area (as the booklet's).
double footer_baseline(const layout::PageGeometry& g);

// A straight stroked line.
layout::Shape line(double x0, double y0, double x1, double y1, layout::Color color, double width);
// A rectangle, stroked and/or filled.
layout::Shape rect(double x, double y, double w, double h, std::optional<layout::Color> stroke, double stroke_width,
                   std::optional<layout::Color> fill = std::nullopt);

// One line of plain text in a named style with its baseline at y. `align`:
// -1 starts at x, 0 centres on x, 1 ends at x. Longer than `max_width`: cut
// with an ellipsis.
layout::TextItem one_line(const Tools& t, StyleName style, const std::string& text, double x, double y,
                          int align, double max_width);

// The footer of every page: `left` at the left edge, `right` at the right;
// `numbered` adds "2 of 3" on the right when there is more than one page.
struct Footer {
    std::string left, right;
    bool numbered = false;
};
void add_footer(layout::Laid& laid, const layout::PageGeometry& g, const Tools& t, const Footer& f);

// The laid-out pages as a Composed: pages, outline, anchors, dump lines and
// page kinds, the layout's fonts, and metadata from the content (author,
// language, creator) with `title` and `subject`.
Composed finish(layout::Laid laid, const Input& in, const std::string& title, const std::string& subject);
// The metadata and fonts of a kit document placed by hand (tents, badges).
void set_document(Composed& out, const Input& in, const std::string& title, const std::string& subject);

// Structure (issue 17): the kit documents set their own tags with
// set_tags() (builder.h), whatever the Builder gave (a worksheet's
// "h3"-styled heading is its page's H2).

// The event's title, else the content's title (plain text).
std::string event_or_content_title(const Input& in);

}  // namespace lerbrief::compose::kit
