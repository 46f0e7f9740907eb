#pragma once
// The lines that close a run on stderr ("lerbrief: 2 errors, 0 warnings;
// nothing written", what a failed write left, an internal error), and a
// failed write as a message. They have no position: they speak of the run.
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// "lerbrief: N error(s), M warning(s); nothing written"
std::string nothing_written(const Diagnostics&);
// After a failed write: which files were replaced, or that none was.
std::string after_failed_write(const std::vector<std::string>& replaced_names);
// A bug in lerbrief: its two lines, the second a hint to report it.
std::string internal_error(std::string_view what);
// A file could not be written or an output path is not a regular file
// (app/atomic_file.cpp says what and what to do).
void write_failed(Diagnostics&, std::string_view message, std::string_view hint);

// What app/atomic_file.cpp says when a write fails, before it is a Diagnostic.
struct WriteProblem {
    std::string message, hint;
    bool failed() const { return !message.empty(); }
};
WriteProblem cannot_create_folder(std::string_view dir, std::string_view why);
WriteProblem cannot_write_in(std::string_view dir, std::string_view why);
// The step that failed: writing the temporary file, or renaming it over the target.
enum class WriteStep { write, replace };
WriteProblem write_step_failed(WriteStep step, std::string_view path, std::string_view why);
// What an output path is when it is not a regular file.
enum class NotAFile { directory, symbolic_link, named_pipe, socket, device };
WriteProblem not_a_regular_output(std::string_view path, NotAFile kind);

}  // namespace lerbrief::msg
