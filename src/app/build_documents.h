#pragma once
// The documents of one job, rendered (and the fact sheets laid out) on
// several threads when there are several: one libharu document per thread,
// never shared. What the threads share is read-only or locked: the Content,
// LayoutSpec, FontSet (immutable metrics), Hyphenator (thread-safe, see
// layout/hyphenate.h), and the figure and fact-sheet caches of
// compose::Input (mutexes). Each document reports into its own Diagnostics;
// they are appended to the job's in document order, so the output, the
// messages and the bytes are the same whatever the number of threads.
#include <string>
#include <vector>

#include "app/print_plan.h"
#include "app/timings.h"
#include "compose/compose.h"

namespace lerbrief {

struct BuiltDocument {
    std::vector<Output> files;      // the reader's PDF, and its printer spreads when imposed (print_plan.h)
    std::vector<std::string> dump;  // --dump-layout lines, when asked for
};

struct SheetJob {
    const Stakeholder* group = nullptr;
    std::string path;
};

// Renders `booklet` (when not null) to `booklet_path`, then lays out and
// renders each sheet, each through the print plan (gray, bleed, imposed);
// results in that order. The booklet's document gets
// the build date in its metadata. `date` is the build date
// (ISO) or empty. Throws the first compose::FitError (in document order).
std::vector<BuiltDocument> build_documents(const compose::Input& in, compose::Composed* booklet,
                                           const std::string& booklet_path, const std::vector<SheetJob>& sheets,
                                           const std::string& date, const PrintPlan& plan, bool dump,
                                           Timings& timings);

// Threads used for `documents` documents on this machine.
unsigned document_threads(std::size_t documents);

}  // namespace lerbrief
