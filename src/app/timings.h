#pragma once
// Stage timings of a run (--timings prints them on stderr).
#include <chrono>
#include <string>
#include <vector>

namespace lerbrief {

class Timings {
public:
    using Clock = std::chrono::steady_clock;
    // Adds the time since the last mark (or construction) under `stage`.
    void mark(const std::string& stage);
    const std::vector<std::pair<std::string, double>>& stages() const { return stages_; }  // ms
    std::string report() const;

private:
    Clock::time_point last_ = Clock::now();
    std::vector<std::pair<std::string, double>> stages_;
};

}  // namespace lerbrief
