#pragma once
// Editing a laid-out frame's links, in the groups it holds too (the diagram's
// group labels carry links). Frames inside groups are shared between passes
// and documents, so a group whose frame holds a link to edit gets its own
// copy; the others stay shared.
#include <functional>

#include "layout/frame.h"

namespace lerbrief::layout {

// Calls `edit` on every link `concerns` picks, in `frame` and its groups;
// a link for which `edit` returns false is dropped.
void edit_links(Frame& frame, const std::function<bool(const LinkItem&)>& concerns,
                const std::function<bool(LinkItem&)>& edit);

}  // namespace lerbrief::layout
