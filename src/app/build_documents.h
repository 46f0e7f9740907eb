#pragma once
// The documents of one job, laid out and rendered on several threads when
// there are several (model/cores.h): one libharu document per thread,
// never shared. What the threads share is read-only or locked: the Content,
// LayoutSpec, FontSet (immutable metrics), Hyphenator (thread-safe, see
// layout/hyphenate.h), and the figure and fact-sheet caches of
// compose::Input (mutexes). Each document reports into its own Diagnostics;
// they are appended to the job's in document order, so the output, the
// messages and the bytes are the same whatever the number of threads.
#include <optional>
#include <string>
#include <vector>

#include "app/document_plan.h"
#include "app/print_plan.h"
#include "app/timings.h"
#include "compose/compose.h"
#include "model/preflight.h"

namespace lerbrief {

struct BuiltDocument {
    std::vector<Output> files;      // the reader's PDF, and its printer spreads when imposed (print_plan.h)
    std::vector<std::string> dump;  // --dump-layout lines, when asked for
    std::optional<preflight::DocumentMeasures> preflight;  // --preflight's measures, when asked for
};

// Composes each document of `plan` by its kind's composer and renders it
// through the print plan (gray, bleed, imposed), on several threads; results
// in plan order. The booklet (first in the plan: the longest to make) is laid
// out on one thread, its passes finding the pages of its references, while
// the others make the rest; a booklet over the page limit is refused
// before it is drawn (an error in its Diagnostics, then OverPageLimit). Each
// document gets the build date `date` (ISO, or empty) in its metadata;
// `preflight`: each gets its typography measured too (app/preflight.h).
// Throws the first compose::FitError or OverPageLimit (in document order).
std::vector<BuiltDocument> build_documents(const compose::Input& in, const DocumentPlan& plan, const std::string& date,
                                           const PrintPlan& print, bool dump, Timings& timings, bool preflight = false);

}  // namespace lerbrief
