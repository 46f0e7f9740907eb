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

// What was made for a key (an image's streams by its key and size), once
// per process and epoch. `make()` runs outside the cache's lock, under its
// entry's own: two threads make two entries at once, and a second asking
// for an entry being made waits for it, then takes it. A make that throws
// leaves the entry unmade, and the next to ask makes it. `make` must not ask
// this cache for the same key (it would wait for itself). Thread-safe.
template <class Key, class Made>
class MadeOnce {
public:
    // `held`: kept as long as the entry is (what the key points to).
    template <class Make>
    std::shared_ptr<const Made> get(const Key& key, Make&& make, std::shared_ptr<const void> held = nullptr) {
        std::shared_ptr<Entry> entry;
        {
            std::lock_guard lock(mutex_);
            renew_cache(epoch_, done_);
            std::shared_ptr<Entry>& e = done_[key];
            if (!e) e = std::make_shared<Entry>(), e->held = std::move(held);
            entry = e;
        }
        std::lock_guard making(entry->mutex);
        if (!entry->made) entry->made = make();
        return entry->made;
    }

private:
    struct Entry {
        std::mutex mutex;
        std::shared_ptr<const void> held;
        std::shared_ptr<const Made> made;
    };
    std::mutex mutex_;
    std::map<Key, std::shared_ptr<Entry>> done_;
    unsigned epoch_ = 0;
};

// What was made from an object (an icon muted or gray, a form's compressed
// content), once per process and epoch, by the object's address: the object
// is held, so that its address stays its own. `make(source)` as MadeOnce's.
template <class Source, class Made>
class MadeFrom {
public:
    template <class Make>
    std::shared_ptr<const Made> get(const std::shared_ptr<const Source>& source, Make&& make) {
        return done_.get(source.get(), [&] { return make(*source); }, source);
    }

private:
    MadeOnce<const Source*, Made> done_;
};

}  // namespace lerbrief

