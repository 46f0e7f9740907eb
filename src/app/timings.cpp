#include "app/timings.h"

#include "messages/summary.h"

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
        out += msg::timing_line(name, ms);
        total += ms;
    }
    out += msg::timing_total(total);
    for (const auto& n : notes_) out += n;
    return out;
}

}  // namespace lerbrief
