#include "model/memory.h"

#include <dlfcn.h>
#include <malloc.h>

#include <cstddef>

namespace lerbrief {
namespace {

using Mallctl = int (*)(const char*, void*, std::size_t*, void*, std::size_t);

// jemalloc's control function when the process has it (linked or preloaded).
Mallctl mallctl_fn() {
    static const Mallctl fn = reinterpret_cast<Mallctl>(dlsym(RTLD_DEFAULT, "mallctl"));
    return fn;
}

}  // namespace

void give_back_free_memory() {
    if (Mallctl ctl = mallctl_fn()) {
        // this thread's cache of freed blocks back to its arena, then
        // MALLCTL_ARENAS_ALL (4096): every arena, the document threads' too
        ctl("thread.tcache.flush", nullptr, nullptr, nullptr, 0);
        ctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
        return;
    }
    malloc_trim(0);
}

std::string allocator_version() {
    Mallctl ctl = mallctl_fn();
    const char* version = nullptr;
    std::size_t size = sizeof version;
    if (!ctl || ctl("version", &version, &size, nullptr, 0) != 0 || !version) return {};
    std::string v = version;  // "5.3.0-0-g54eaed1…": the release, without the commit
    return "jemalloc " + v.substr(0, v.find('-'));
}

}  // namespace lerbrief
