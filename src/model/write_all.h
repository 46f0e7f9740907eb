#pragma once
// Writing a whole buffer to a file descriptor, for every file lerbrief
// writes itself (app/atomic_file.cpp, diagram/icon_cache.cpp).
#include <cstddef>
#include <string_view>

namespace lerbrief {

// Bytes per write(2): a large PDF is written in steps, so a process killed
// while writing leaves a partial temporary file, never a partial target.
inline constexpr std::size_t kWriteStep = 64 * 1024;

// Writes all of `bytes`, kWriteStep at a time, again after EINTR. False on
// any other failure (errno says which).
bool write_all(int fd, std::string_view bytes);

}  // namespace lerbrief
