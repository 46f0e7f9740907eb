#pragma once
// Messages of --watch (app/watch.cpp) and --open (app/open_viewer.cpp): the
// lines the watch loop prints between builds, its warnings about what it
// cannot watch, and the note when there is no desktop viewer.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// --watch or --open with a mode that writes nothing to watch or open
// (`option` "--watch" or "--open"; `mode` "--check", "--list", "--init", "--import").
void option_needs_build(Diagnostics&, std::string_view option, std::string_view mode);
// inotify could not be set up (an error: nothing is built).
void cannot_watch_at_all(Diagnostics&, std::string_view why);
// A folder could not be watched (a warning: the others are). `no_room`: the
// kernel's limit on watches (ENOSPC).
void cannot_watch_folder(Diagnostics&, std::string_view folder, std::string_view why, bool no_room);
// More folders than kMaxWatchedFolders (a warning at the content folder).
void too_many_watched_folders(Diagnostics&, std::string_view root, std::size_t limit);

// After the first build: "watching N folders for changes; Ctrl-C stops".
std::string watching(std::size_t folders);
// Before each rebuild: "— rebuilding (stakeholders/employers.yaml changed)";
// `changed` in the order seen, none when the kernel dropped events.
std::string rebuilding(const std::vector<std::string>& changed);

// --open: no desktop viewer to open `path` with, and why (a note, exit 0).
std::string no_viewer(std::string_view why, std::string_view path);
std::string no_display();      // neither DISPLAY nor WAYLAND_DISPLAY is set
std::string no_xdg_open();     // xdg-open is not on PATH
std::string cannot_start(std::string_view why);  // fork failed

}  // namespace lerbrief::msg
