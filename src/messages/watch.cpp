#include "messages/watch.h"

#include <fmt/format.h>

#include "messages/messages.h"
#include "model/utf8.h"

namespace lerbrief::msg {

namespace {

// A file name as it may be printed: control characters as U+ codes.
std::string shown(std::string_view s) { return utf8::printable(s, false); }

}  // namespace

void option_needs_build(Diagnostics& d, std::string_view option, std::string_view mode) {
    d.error({}, fmt::format("{} goes with a build (--all, --booklet, --stakeholder, --kit, --diagram), not with {}",
                            option, mode),
            fmt::format("drop {} or {}", option, mode));
}

void cannot_watch_at_all(Diagnostics& d, std::string_view why) {
    d.error({}, fmt::format("--watch: cannot watch files: {}", why),
            "run lerbrief without --watch, or close other programs that watch files (inotify)");
}

void cannot_watch_folder(Diagnostics& d, std::string_view folder, std::string_view why, bool no_room) {
    d.warning({std::string(folder), 0, 0}, fmt::format("--watch: cannot watch this folder: {}", why),
              no_room ? "the system's limit on watched folders is reached; raise fs.inotify.max_user_watches "
                        "(sysctl) or close other programs that watch files"
                      : "saving a file in it starts no build");
}

void too_many_watched_folders(Diagnostics& d, std::string_view root, std::size_t limit) {
    d.warning({std::string(root), 0, 0}, fmt::format("--watch: more than {} folders to watch; the rest are not watched", limit),
              "point --data at the content folder itself, not a folder above it");
}

std::string watching(std::size_t folders) {
    return fmt::format("watching {} folder{} for changes; Ctrl-C stops", folders, plural(folders));
}

std::string rebuilding(const std::vector<std::string>& changed) {
    if (changed.empty()) return "— rebuilding (files changed)";
    if (changed.size() == 1) return fmt::format("— rebuilding ({} changed)", shown(changed.front()));
    return fmt::format("— rebuilding ({} and {} more changed)", shown(changed.front()), changed.size() - 1);
}

std::string no_viewer(std::string_view why, std::string_view path) {
    return fmt::format("lerbrief: --open: no desktop viewer ({}); the file is at {}", why, shown(path));
}
std::string no_display() { return "neither DISPLAY nor WAYLAND_DISPLAY is set"; }
std::string no_xdg_open() { return "xdg-open is not on PATH"; }
std::string cannot_start(std::string_view why) { return fmt::format("cannot start xdg-open: {}", why); }

}  // namespace lerbrief::msg
