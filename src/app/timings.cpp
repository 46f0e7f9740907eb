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

void Timings::add(const std::string& stage, double ms, const std::string& from) {
    auto slot = [&](const std::string& name) -> double& {
        for (auto& [n, total] : stages_)
            if (n == name) return total;
        return stages_.emplace_back(name, 0.0).second;
    };
    if (!from.empty()) slot(from) -= ms;
    slot(stage) += ms;
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
