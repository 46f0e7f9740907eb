#pragma once
// The writing half of a job: lay out and render the booklet, fact sheets or
// diagram the options ask for, and write them atomically.
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
