#pragma once
// The command line's values checked before any work, so that a mistake in
// them costs no loading and is refused the same way by --check and a build:
// - usage errors (exit 2): the print-production options (print_plan), the
//   --diagram options (check_diagram_options), a --layout name that is not
//   one of layouts/;
// - a file the command line names that cannot be read (exit 3): the
//   --layout file and the --event-file (missing, a folder, a device or pipe,
//   a loop of symbolic links, no permission). What is wrong inside them is
//   left to their readers (exit 1).
#include <iosfwd>
#include <optional>

#include "app/exit_status.h"
#include "app/options.h"

namespace lerbrief {

// The status to stop with, after printing why on `err`; nullopt when the
// job may go on.
std::optional<ExitStatus> check_command_line(const Options& o, std::ostream& err);

}  // namespace lerbrief
