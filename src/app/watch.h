#pragma once
// --watch: build, then build again whenever an input is saved, until SIGINT
// or SIGTERM.
//
// What is watched (inotify, on folders, since editors save by writing a
// temporary file and renaming it over the original):
// - the content folder (--data, resolved as the loader resolves it) and its
//   subfolders, new ones included, but never a folder lerbrief writes into
//   (output/, the --output folder, factsheets/, the --diagram folder), so
//   writing the output never triggers a build;
// - the --layout file when --layout names a file (a layout named from
//   layouts/ is lerbrief's own and is not watched), the --event-file and the
//   --attendees-file: each by its folder, reacting to that file's name only.
// Editors' temporary, swap and backup files (.x.swp, .#x, x~, vim's 4913)
// and lerbrief's own temporary files (hidden: .NAME.tmp-…) are ignored, and
// so are PDFs (lerbrief reads none). After a change the loop waits for
// kQuiet without events before building (an editor's save is several
// events), then prints "— rebuilding (FILE changed)" and the build's own
// output. A build that fails prints its errors, leaves the earlier files as
// they were (atomic writes) and the loop goes on watching.
//
// SIGINT and SIGTERM are blocked while a build runs and only looked at while
// waiting, so a build is never cut short (no temporary file left behind);
// the loop then returns the status of the last build: 0 when the files on
// disk are those of the content as last saved.
#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "app/exit_status.h"
#include "app/options.h"

namespace lerbrief {

// How long the inputs must stay quiet after a change before a build starts.
inline constexpr std::chrono::milliseconds kQuiet{200};
// A build starts at the latest this long after the first change, however
// busy the folder stays.
inline constexpr std::chrono::milliseconds kMaxDelay{2000};

// Whether a changed file's name is never a reason to build: editors'
// temporary, swap and backup files, lerbrief's own temporary files, PDFs.
bool ignored_name(std::string_view name);

// What --watch watches, from the options alone.
struct WatchPlan {
    std::vector<std::string> trees;  // watched with their subfolders (the content folder)
    struct File {
        std::string folder, name;  // a file watched through its folder
    };
    std::vector<File> files;
    std::vector<std::string> skipped;  // folders lerbrief writes into: never watched
    std::vector<std::string> outputs;  // files it writes that a watched folder may hold: never a reason to build
};
WatchPlan watch_plan(const Options& o);

// One build, as run_job does it without --watch: its output on `out`, its
// diagnostics on `err`, its status returned. Never throws.
using Build = std::function<ExitStatus(std::ostream& out, std::ostream& err)>;

struct WatchRun {
    int max_builds = 0;  // stop after this many builds (tests); 0: until SIGINT or SIGTERM
    std::function<void(int builds, ExitStatus last)> after_build;  // called after each build (tests)
    std::chrono::milliseconds quiet = kQuiet;
};

// Builds once, then again after each change, as above. A first build refused
// as a usage error (a mistake on the command line, which no save can mend)
// returns at once; so does a failure to set up inotify (io_error, nothing
// built).
ExitStatus watch(const Options& o, std::ostream& out, std::ostream& err, const Build& build,
                 const WatchRun& run = {});

}  // namespace lerbrief
