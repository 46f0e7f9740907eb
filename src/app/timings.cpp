#include "app/timings.h"

#include <fmt/format.h>

namespace lerbrief {

void Timings::mark(const std::string& stage) {
    auto now = Clock::now();
    double ms = std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
    for (auto& [name, total] : stages_)
        if (name == stage) {
            total += ms;
            return;
        }
    stages_.emplace_back(stage, ms);
}

std::string Timings::report() const {
    std::string out;
    double total = 0;
    for (const auto& [name, ms] : stages_) {
        out += fmt::format("timing: {:<10} {:8.2f} ms\n", name, ms);
        total += ms;
    }
    out += fmt::format("timing: {:<10} {:8.2f} ms\n", "total", total);
    return out;
}

}  // namespace lerbrief
