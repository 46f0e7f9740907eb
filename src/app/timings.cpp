#include "app/timings.h"

#include <algorithm>

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
    // in the pipeline's order, whatever order the threads marked them in
    static const std::vector<std::string> kOrder{"load", "check", "layout", "diagram", "render", "write"};
    auto rank = [](const std::string& stage) {
        return static_cast<std::size_t>(std::find(kOrder.begin(), kOrder.end(), stage) - kOrder.begin());
    };
    auto stages = stages_;
    std::stable_sort(stages.begin(), stages.end(), [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    std::string out;
    double total = 0;
    for (const auto& [name, ms] : stages) {
        out += msg::timing_line(name, ms);
        total += ms;
    }
    out += msg::timing_total(total);
    for (const auto& n : notes_) out += n;
    return out;
}

}  // namespace lerbrief
