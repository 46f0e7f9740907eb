// Freed memory back to the system, whichever allocator the process runs on.
//
// The lerbrief executable links jemalloc (see README, "Libraries"): glibc's
// malloc leaves a large layout's freed memory in small holes among what is
// still live, and a booklet of 5,000 groups held 110-150 MiB of such holes
// at its peak (docs/PERFORMANCE.md, "One allocator"). The libraries and the
// test programs link no allocator of their own, and sanitizer and fuzz
// builds must not (their runtime replaces malloc), so which one is in the
// process is asked at run time, not fixed when compiling.
#pragma once

#include <string>

namespace lerbrief {

// Gives what the process has freed back to the system: jemalloc's arenas
// purged, or glibc's heap trimmed (malloc_trim). Called where a stage has
// just freed much (a booklet pass, a document drawn), before the next one
// allocates.
void give_back_free_memory();

// "jemalloc 5.3.0" when the process runs on jemalloc, else "" (glibc).
std::string allocator_version();

}  // namespace lerbrief
