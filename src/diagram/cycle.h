#pragma once
// The phase cycle (internal to compute()): phase boxes on a circle joined by
// arrows, laid out around (0, 0) and then moved into place.
#include <string>
#include <vector>

#include "diagram/geometry.h"

namespace lerbrief::diagram {

// The cycle at its smallest for phases set at `size`, on an ellipse of
// semi-axes in the ratio ex : ey: consecutive boxes leave room for an arrow
// at least kMinArrowHeads head lengths long, and no box or arrow comes within
// Style::clearance of another box. Centred at (0, 0).
CycleGeometry layout_cycle(const std::vector<std::string>& phases, double size, double ex, double ey,
                           const Style& style, const Fonts& fonts);
// Spreads the cycle's ellipse by `factor` (≥ 1) when that is still valid;
// returns false and leaves it unchanged otherwise.
bool spread_cycle(CycleGeometry& cycle, double factor, const Style& style);
void move_cycle(CycleGeometry& cycle, layout::Point centre);

}  // namespace lerbrief::diagram
