#pragma once
// Output is never lost: bytes are written to a temporary file in the target
// folder, flushed to disk, and renamed over the target only when complete.
// On any failure the temporary file is removed and the previous file (if
// any) is left as it was.
#include <string>
#include <string_view>

namespace lerbrief {

// Returns an empty string on success, or what went wrong.
std::string write_atomically(const std::string& path, std::string_view bytes);

}  // namespace lerbrief
