#pragma once
// Caches that live as long as the process hold what was made from files:
// icons rasterised, muted, made gray and compressed, pictures read. One run
// builds once, but --watch builds again in the same process after a file is
// saved, and a cached icon would then print the file as it was. Each build
// starts a new epoch (app/job.cpp); a cache filled in an earlier epoch is
// emptied before it is used.
#include <atomic>

namespace lerbrief {

unsigned cache_epoch();
void start_cache_epoch();

// Inside a cache's lock: empties `maps` when they were filled in an earlier
// epoch than the current one. `seen` is the cache's own epoch.
template <class... Maps>
void renew_cache(unsigned& seen, Maps&... maps) {
    if (const unsigned now = cache_epoch(); seen != now) {
        (maps.clear(), ...);
        seen = now;
    }
}

}  // namespace lerbrief
