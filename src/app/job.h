#pragma once
// One run of lerbrief: load → check → lay out → render → write, as Options
// say. Diagnostics go to `err` as they are found (file:line:col: …); results
// and summaries to `out`. Returns the exit status. Never throws.
#include <iosfwd>

#include "app/exit_status.h"
#include "app/options.h"

namespace lerbrief {

ExitStatus run_job(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace lerbrief
