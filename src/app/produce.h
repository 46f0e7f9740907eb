#pragma once
// The producing half of a job: the documents the options ask for are planned
// (app/document_plan.h: the booklet, fact sheets, the convening kit), each
// laid out by its kind's composer, rendered and written atomically as one
// set; --diagram writes the diagram alone. --check (Mode::check) goes
// through it as --kit does and stops where the files would be written,
// printing the "ok" line instead: whatever a build refuses, --check refuses
// first, with the same messages and status.
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
