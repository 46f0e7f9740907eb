#include "layout/fontset.h"

#include <mutex>

namespace lerbrief::layout {

std::shared_ptr<const FontMetrics> cached_metrics(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const FontMetrics>> cache;
    std::lock_guard lock(mutex);
    auto& slot = cache[path];
    if (!slot) slot = FontMetrics::load(path);
    return slot;
}

FontSet::FontSet(const std::map<std::string, std::string>& faces) {
    for (const auto& [name, path] : faces) {
        ids_[name] = static_cast<FontId>(specs_.size());
        specs_.push_back(FontSpec{path});
        metrics_.push_back(cached_metrics(path));
    }
}

FontId FontSet::id(const std::string& name) const { return ids_.at(name); }

}  // namespace lerbrief::layout
