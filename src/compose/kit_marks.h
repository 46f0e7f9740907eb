#pragma once
// What the table tents (tents.cpp) and the name badges (badges.cpp) share:
// a group's colour and icon as the diagram shows them, the marks that say
// where to fold and cut, and text set to fit a card (shrunk to a minimum,
// then wrapped, then cut with "…").
#include <memory>
#include <string>
#include <vector>

#include "compose/builder.h"
#include "layout/flow.h"
#include "layout/frame.h"

namespace lerbrief::compose::kit {

// The fill the ecosystem diagram gives group `s` (diagram::node_look over
// the layout's palette, or the diagram's own when the layout has none).
layout::Color group_color(const Content& c, const LayoutSpec& spec, const Stakeholder& s);
// Black or white, whichever reads better on `fill` (the WCAG contrast
// crossover, relative luminance 0.179).
layout::Color text_on(layout::Color fill);
// The group's icon (figures.h, icon_for) for printing up to kIconSize points,
// once per process; empty, with the warning the diagram gives, when it
// cannot be drawn.
inline constexpr double kIconSize = 72;
layout::Icon group_icon(const Stakeholder& s, const Tools& t);

// A straight line, and a dashed one as short segments (dash, then gap).
void line(std::vector<layout::Item>& out, layout::Point a, layout::Point b, double width,
          layout::Color color = layout::kBlack);
void dashed(std::vector<layout::Item>& out, layout::Point a, layout::Point b, double dash, double gap, double width,
            layout::Color color = layout::kBlack);

// Plain text set in `style` to fit `measure`: at the style's size, stepping
// down by `step` to `min_size` until it takes at most `shrink_lines` lines;
// else at `min_size` in at most `max_lines`; else the last line it may take
// is cut to fit, ending in "…". Never hyphenated. A word wider than the
// measure on its own is cut too.
struct FitText {
    std::vector<layout::SetLine> lines;
    double size = 0, leading = 0;
    bool wrapped = false;  // at min_size on more than shrink_lines lines
    bool cut = false;
    std::string printed;  // the lines' text joined by " / " (the line breaks)
    double height() const { return leading * static_cast<double>(lines.size()); }
};
FitText fit_text(const Tools& t, StyleName style, const std::string& plain, double measure, double min_size,
                 double step, int shrink_lines, int max_lines, const SourcePos& pos);

// The lines of `f` placed with their top-left at (x, y) into `out`, and their
// records for the layout dump (page `page`, block `block`); their text is
// `tag`'s content (null: an artifact).
void place(const FitText& f, double x, double y, std::vector<layout::Item>& out,
           std::vector<layout::LineRecord>* records, int page, int block, bool heading,
           const layout::Tag& tag = nullptr);

}  // namespace lerbrief::compose::kit
