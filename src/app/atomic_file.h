#pragma once
// Output is never lost: bytes are written to a temporary file in the target
// folder, flushed to disk, and renamed over the target only when complete.
//
// Contract
// - On success the target holds exactly `bytes`; on any failure (full disk,
//   read-only folder, …) the previous file, if any, is left as it was and the
//   temporary file is removed.
// - The temporary file is unnamed while it is written (O_TMPFILE, where the
//   file system has it), so a process killed meanwhile leaves nothing behind.
//   It gets a name, ".NAME.tmp-PID-N", only for the rename; a later write of
//   the same target removes such files whose process is gone.
// - Concurrent writers of one target each use their own temporary file; the
//   last rename wins, and the target is always one complete file.
#include <string>
#include <string_view>

namespace lerbrief {

// Returns an empty string on success, or what went wrong.
std::string write_atomically(const std::string& path, std::string_view bytes);

}  // namespace lerbrief
