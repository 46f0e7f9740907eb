#pragma once
// Whether diagnostics on stderr are coloured: only when stderr is a terminal,
// NO_COLOR (https://no-color.org) is unset or empty, and TERM is not "dumb".
// Pipes, files and editors' build panes get plain text.
namespace lerbrief {

bool color_for_stderr();

}  // namespace lerbrief
