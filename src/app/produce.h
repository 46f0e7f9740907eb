#pragma once
// The producing half of a job: lay out and render the booklet, fact sheets or
// diagram the options ask for, and write them atomically. --check
// (Mode::check) goes through it as --all does and stops where the files
// would be written, printing the "ok" line instead: whatever the build
// refuses, --check refuses first, with the same messages and status.
#include <iosfwd>

#include "app/exit_status.h"
#include "app/options.h"
#include "app/timings.h"
#include "model/content.h"
#include "model/diagnostic.h"

namespace lerbrief {

ExitStatus produce(const Options& options, Content& content, Diagnostics& diags, Timings& timings,
                   std::ostream& out, std::ostream& err);

}  // namespace lerbrief
