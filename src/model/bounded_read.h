#pragma once
// A file read whole only when it is a regular file within a byte limit, and
// one byte past the limit to see a file that grew while it was read. Icons,
// pictures (diagram/) and the entries of the cache kept between runs
// (model/disk_cache.h) are read this way; each caller words its own errors.
#include <cstdint>
#include <string>

namespace lerbrief {

struct BoundedRead {
    enum class Problem { none, missing, not_regular, unreadable, too_large, grew };
    Problem problem = Problem::none;
    std::string data;         // the file, when problem == none
    std::uintmax_t size = 0;  // the file's size, when problem == too_large
    std::string detail;       // the system's words, when there are any
};
BoundedRead read_bounded(const std::string& path, std::uintmax_t max_bytes);

}  // namespace lerbrief
