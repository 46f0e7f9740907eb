#include "model/cores.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace lerbrief {

unsigned usable_cores() {
    static const unsigned cores = [] {
        cpu_set_t set;
        CPU_ZERO(&set);
        if (sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<unsigned>(std::max(1, CPU_COUNT(&set)));
        return std::max(1u, std::thread::hardware_concurrency());
    }();
    return cores;
}

void share_out(std::size_t count, unsigned threads, const std::function<bool(std::size_t, unsigned)>& work) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    auto run = [&](unsigned t) {
        for (std::size_t i; !stop && (i = next++) < count;)
            if (!work(i, t)) stop = true;
    };
    std::vector<std::jthread> others;
    const auto wanted = static_cast<std::size_t>(std::max(1u, threads));
    for (unsigned t = 1; t < std::min(wanted, count); ++t) {
        try {
            others.emplace_back(run, t);
        } catch (const std::system_error&) {  // no thread to be had: the others do its share
            break;
        }
    }
    run(0);
}  // the others are joined here

}  // namespace lerbrief
