#pragma once
// --open: the file a build wrote that a reader wants to see, opened with the
// desktop's viewer (xdg-open) when there is a desktop session (DISPLAY or
// WAYLAND_DISPLAY set) and xdg-open is on PATH. xdg-open runs detached: no
// shell, its output to /dev/null, never waited for, so lerbrief exits (or
// goes on watching) at once. Without a viewer a note on `err` says where
// the file is; either way the job's status is unchanged.
#include <iosfwd>
#include <string>

#include "app/options.h"

namespace lerbrief {

// The main file a build writes, computed as app/produce.cpp names it: the
// booklet (--all, --booklet, --kit), the fact sheet (--stakeholder; the
// first named when there are several), the diagram (--diagram).
std::string main_output(const Options& o);

// Starts the viewer on `path`, or says on `err` why there is none.
void open_in_viewer(const std::string& path, std::ostream& err);

}  // namespace lerbrief
