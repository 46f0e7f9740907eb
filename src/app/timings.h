#pragma once
// Stage timings of a run (--timings prints them on stderr): wall-clock time
// on the main thread between marks. "diagram" is the time spent drawing
// diagrams, taken out of "layout". Where documents are built on several
// threads, that stretch of wall-clock time is shared out among layout,
// diagram and render in proportion to the time the threads spent in each.
// The stages are reported in the pipeline's order (load, check, layout,
// diagram, render, write); notes (what cost time that need not have) follow
// the total.
#include <chrono>
#include <string>
#include <vector>

namespace lerbrief {

class Timings {
public:
    using Clock = std::chrono::steady_clock;
    // Adds the time since the last mark (or construction) under `stage`.
    void mark(const std::string& stage);
    // Adds `ms` under `stage` (time measured elsewhere, e.g. on other threads)
    // and takes it from `from` when given, so the stages still add up to the
    // wall-clock total.
    void add(const std::string& stage, double ms, const std::string& from = {});
    const std::vector<std::pair<std::string, double>>& stages() const { return stages_; }  // ms
    // A line printed after the stages (an icon drawn as a raster, and why).
    void note(std::string line) { notes_.push_back(std::move(line)); }
    std::string report() const;

private:
    std::vector<std::string> notes_;
    Clock::time_point last_ = Clock::now();
    std::vector<std::pair<std::string, double>> stages_;
};

}  // namespace lerbrief
