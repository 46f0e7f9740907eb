#include "messages/report.h"
#include "messages/messages.h"

#include <fmt/format.h>

namespace lerbrief::msg {

std::string nothing_written(const Diagnostics& d) {
    return fmt::format("lerbrief: {} error{}, {} warning{}; nothing written", d.error_count(), plural(d.error_count()),
                       d.warning_count(), plural(d.warning_count()));
}

std::string after_failed_write(const std::vector<std::string>& replaced) {
    if (replaced.empty()) return "lerbrief: no file replaced; earlier output intact";
    return fmt::format("lerbrief: {} replaced before the error; the other files are as they were", join(replaced));
}

std::string internal_error(std::string_view what) {
    return fmt::format("lerbrief: internal error: {}\nhint: please report this with the input that caused it", what);
}

void write_failed(Diagnostics& d, std::string_view message, std::string_view hint) {
    d.error({}, std::string(message), std::string(hint));
}

WriteProblem cannot_create_folder(std::string_view dir, std::string_view why) {
    return {fmt::format("cannot create folder {}: {}", dir, why), {}};
}

WriteProblem cannot_write_in(std::string_view dir, std::string_view why) {
    return {fmt::format("cannot write in {}: {}", dir, why), {}};
}

WriteProblem write_step_failed(WriteStep step, std::string_view path, std::string_view why) {
    return {fmt::format("{} {}: {}", step == WriteStep::write ? "cannot write" : "cannot replace", path, why), {}};
}

namespace {
const char* kind_name(NotAFile k) {
    switch (k) {
        case NotAFile::directory: return "a directory";
        case NotAFile::symbolic_link: return "a symbolic link";
        case NotAFile::named_pipe: return "a named pipe (FIFO)";
        case NotAFile::socket: return "a socket";
        case NotAFile::device: break;
    }
    return "a device";
}
}  // namespace

WriteProblem not_a_regular_output(std::string_view path, NotAFile kind) {
    return {fmt::format("cannot write {}: it is {}, not a file lerbrief wrote", path, kind_name(kind)),
            kind == NotAFile::symbolic_link ? "lerbrief replaces only regular files, never a link; remove the link or name the file it points to"
                    : "lerbrief replaces only regular files; name another path"};
}

}  // namespace lerbrief::msg
