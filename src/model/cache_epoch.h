#pragma once
// Caches that live as long as the process hold what was made from files:
// icons rasterised, muted, made gray and compressed, pictures read. One run
// builds once, but --watch builds again in the same process after a file is
// saved, and a cached icon would then print the file as it was. Each build
// starts a new epoch (app/job.cpp); a cache filled in an earlier epoch is
// emptied before it is used.
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

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

// What was made from an object (an icon muted or gray, a form's compressed
// content), once per process and epoch, by the object's address: the object
// is held, so that its address stays its own. `make(source)` runs under the
// cache's lock, once an entry; it returns a shared_ptr to what it made.
// Thread-safe.
template <class Source, class Made>
class MadeFrom {
public:
    template <class Make>
    std::shared_ptr<const Made> get(const std::shared_ptr<const Source>& source, Make&& make) {
        std::lock_guard lock(mutex_);
        renew_cache(epoch_, done_);
        auto& [held, made] = done_[source.get()];
        if (!made) {
            made = make(*source);
            held = source;
        }
        return made;
    }

private:
    std::mutex mutex_;
    std::map<const Source*, std::pair<std::shared_ptr<const Source>, std::shared_ptr<const Made>>> done_;
    unsigned epoch_ = 0;
};

}  // namespace lerbrief

