#pragma once
// Exit statuses of lerbrief, documented in README.md and the man page.
namespace lerbrief {

enum class ExitStatus : int {
    success = 0,         // everything written (warnings may have been printed)
    content_error = 1,   // the content or layout has errors: nothing written
    usage_error = 2,     // bad command line
    io_error = 3,        // a file could not be read or written: previous output intact
    internal_error = 4,  // a bug: please report it
};

inline int code(ExitStatus s) { return static_cast<int>(s); }

}  // namespace lerbrief
