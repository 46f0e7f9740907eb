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
// is held, so that its address stays its own. `make(source)` runs once an
// entry, outside the cache's lock: two threads make two entries at once, and
// a second asking for an entry being made waits for it (a make that throws
// leaves the entry to the next). It returns a shared_ptr to what it made.
// Thread-safe.
template <class Source, class Made>
class MadeFrom {
public:
    template <class Make>
    std::shared_ptr<const Made> get(const std::shared_ptr<const Source>& source, Make&& make) {
        std::shared_ptr<Entry> entry;
        {
            std::lock_guard lock(mutex_);
            renew_cache(epoch_, done_);
            std::shared_ptr<Entry>& e = done_[source.get()];
            if (!e) e = std::make_shared<Entry>(), e->held = source;
            entry = e;
        }
        std::call_once(entry->once, [&] { entry->made = make(*source); });
        return entry->made;
    }

private:
    struct Entry {
        std::once_flag once;
        std::shared_ptr<const Source> held;
        std::shared_ptr<const Made> made;
    };
    std::mutex mutex_;
    std::map<const Source*, std::shared_ptr<Entry>> done_;
    unsigned epoch_ = 0;
};

}  // namespace lerbrief

