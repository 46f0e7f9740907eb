#include "model/source_pos.h"

#include <mutex>
#include <ostream>
#include <unordered_set>

namespace lerbrief {

namespace {

// Node-based, so a pointer to an element stays valid while others are added.
const std::string* intern(const std::string& path) {
    static std::mutex mutex;
    static auto* table = new std::unordered_set<std::string>;  // never freed: positions outlive statics
    std::lock_guard lock(mutex);
    return &*table->insert(path).first;
}

}  // namespace

SourceFile::SourceFile() {
    static const std::string* const empty = intern({});
    path_ = empty;
}
SourceFile::SourceFile(const std::string& path) : path_(intern(path)) {}
SourceFile::SourceFile(const char* path) : path_(intern(path ? path : "")) {}

std::ostream& operator<<(std::ostream& os, const SourceFile& f) { return os << f.str(); }

}  // namespace lerbrief
