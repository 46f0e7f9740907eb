#include "messages/report.h"

#include <fmt/format.h>

namespace lerbrief::msg {

namespace {
const char* plural(std::size_t n) { return n == 1 ? "" : "s"; }
}  // namespace

std::string nothing_written(const Diagnostics& d) {
    return fmt::format("lerbrief: {} error{}, {} warning{}; nothing written", d.error_count(), plural(d.error_count()),
                       d.warning_count(), plural(d.warning_count()));
}

std::string after_failed_write(const std::vector<std::string>& replaced) {
    if (replaced.empty()) return "lerbrief: no file replaced; earlier output intact";
    std::string names;
    for (const auto& p : replaced) names += (names.empty() ? "" : ", ") + p;
    return fmt::format("lerbrief: {} replaced before the error; the other files are as they were", names);
}

std::string internal_error(std::string_view what) {
    return fmt::format("lerbrief: internal error: {}\nhint: please report this with the input that caused it", what);
}

void write_failed(Diagnostics& d, std::string_view message, std::string_view hint) {
    d.error({}, std::string(message), std::string(hint));
}

}  // namespace lerbrief::msg
