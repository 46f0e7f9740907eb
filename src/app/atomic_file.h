#pragma once
// Output is never lost: bytes are written to a temporary file in the target
// folder, flushed to disk, and renamed over the target only when complete.
//
// Contract
// - On success the target holds exactly `bytes`; on any failure (full disk,
//   read-only folder, …) the previous file, if any, is left as it was and the
//   temporary file is removed.
// - A set of files (the booklet, its fact sheets and the manifest) is written
//   as a set: every temporary file is written and flushed first, and only
//   then are they renamed, in order. A failure before the renames leaves
//   every earlier file as it was; a rename that fails after others succeeded
//   (which the checks before make very unlikely) leaves those replaced, and
//   the result says which.
// - Only regular files are replaced (check_target): a device, named pipe,
//   socket, folder or symbolic link at a target is refused, never replaced.
// - The temporary file is unnamed while it is written (O_TMPFILE, where the
//   file system has it), so a process killed meanwhile leaves nothing behind.
//   It gets a name, ".NAME.tmp-PID-N", only for the renames (or, in a set
//   larger than the open files allowed, once it is written, in the nearest
//   folder that exists: allow_open_files);
//   a later write of the same target removes such files whose process is gone.
// - Concurrent writers of one target each use their own temporary file; the
//   last rename wins, and the target is always one complete file.
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "messages/report.h"

namespace lerbrief {

// What went wrong, for a message: "cannot write PATH: …", and a hint when
// there is something to suggest. No message: nothing went wrong.
// What went wrong (empty when nothing did), worded by src/messages/report.cpp.
using WriteError = msg::WriteProblem;

WriteError write_atomically(const std::string& path, std::string_view bytes);

// Thrown where a file is written as it is made (a PDF saved into its
// StagedFile, app/print_plan.cpp): the build stops as a write error.
struct WriteFailed : std::exception {
    WriteError why;
    explicit WriteFailed(WriteError w) : why(std::move(w)) {}
    const char* what() const noexcept override { return why.message.c_str(); }
};

// One file of a set, written to its temporary file as its bytes come (a PDF
// as libharu saves it), so that a large file is never held in memory. It is
// named and renamed over its target by write_set_atomically; until then, and
// if it never is, nothing at the target changes, and the temporary file goes
// with this object.
class StagedFile {
public:
    explicit StagedFile(std::string path);
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;
    ~StagedFile();

    const std::string& path() const { return path_; }
    const std::filesystem::path& dir() const { return dir_; }

    // Appends bytes (buffered); opens the temporary file on the first call,
    // refusing a target that is not a regular file (check_target). A folder
    // the target needs is made only by name(), when the whole set is ready.
    WriteError append(std::string_view bytes);
    // The bytes so far flushed to disk, mode 0644: the file is complete.
    WriteError finish();

    // For write_set_atomically: gives the finished file its temporary name,
    // then renames it over the target.
    WriteError name();
    WriteError rename();

private:
    WriteError open();
    WriteError flush();
    WriteError failed(msg::WriteStep what) const;
    WriteError link_into(const std::filesystem::path& folder);
    WriteError close_file();
    WriteError name_early();

    std::string path_;
    std::filesystem::path target_, dir_;
    int fd_ = -1;
    std::string tmp_;     // the temporary file's name once it has one
    std::string buffer_;  // bytes not yet written
    bool opened_ = false, finished_ = false;
    bool folder_pending_ = false;  // the target's folder is made when the file is named
    std::filesystem::path up_;     // with folder_pending_: the folder that exists, where the file was made
};

struct FileToWrite {
    std::string path;
    std::string_view bytes;         // not owned: outlives the call
    StagedFile* staged = nullptr;   // or: already written (finished), for `path`
};
struct SetWritten {
    WriteError error;                   // none on success; else as write_atomically says it
    std::vector<std::string> replaced;  // on failure: the targets replaced before it (almost always none)
};
// Writes all of `files` or, when anything fails before the renames, none.
// Files given as `staged` must be finished; the others are written here.
SetWritten write_set_atomically(const std::vector<FileToWrite>& files);

// Each file of a set stays open until the set is renamed: a set of N files
// needs N descriptors at once, and 2,000 fact sheets meet the usual soft
// limit of 1,024. Raises the soft limit toward the hard one for `files`.
// Where the hard limit stops short, a finished file that would leave fewer
// than 64 descriptors free is named at once and closed; its folder is still
// made only at the renames (until then it is named in the nearest folder that
// exists), so a failed run leaves no new folder either way.
void allow_open_files(std::size_t files);

// Creates the folders `path` is to be written in, as the writers above do;
// for writers of their own (the standalone diagram).
WriteError make_parent_folder(const std::string& path);

// None when `path` is absent or a regular file lerbrief may replace; else
// why not ("cannot write PATH: it is a named pipe (FIFO), …" and a hint).
WriteError check_target(const std::string& path);

// Removes temporary files ".NAME.tmp-PID-N" of `path` left by runs that no
// longer exist; for writers that name their temporary files so (the
// standalone diagram, diagram/standalone.cpp).
void remove_stale_temps(const std::string& path);

}  // namespace lerbrief
