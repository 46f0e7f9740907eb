// What is made once per process from an object (model/cache_epoch.h:
// MadeFrom): each entry made once however many threads ask, two entries made
// at the same time, and a make that throws leaving the entry to the next.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "model/cache_epoch.h"

using namespace lerbrief;

TEST_CASE("made once: each entry is made once however many threads ask, two entries at once") {
    MadeFrom<int, int> memo;
    std::vector<std::shared_ptr<const int>> sources;
    for (int i = 0; i < 4; ++i) sources.push_back(std::make_shared<const int>(i));
    std::atomic<int> makes{0}, making{0}, most_at_once{0};
    auto make = [&](const int& v) {
        ++makes;
        const int now = ++making;
        for (int seen = most_at_once; now > seen && !most_at_once.compare_exchange_weak(seen, now);) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // long enough for the others to ask
        --making;
        return std::make_shared<const int>(v * 10);
    };
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            const auto& source = sources[static_cast<std::size_t>(t % 4)];
            if (*memo.get(source, make) != *source * 10) ++wrong;
        });
    for (auto& th : threads) th.join();
    CHECK(wrong == 0);
    CHECK(makes == 4);  // eight asked, two for each entry
    CHECK(most_at_once > 1);  // entries are made outside the cache's lock
}

TEST_CASE("made once: a make that throws leaves the entry to the next asking") {
    MadeFrom<int, int> memo;
    const auto source = std::make_shared<const int>(7);
    CHECK_THROWS_AS(memo.get(source, [](const int&) -> std::shared_ptr<const int> { throw std::runtime_error("no"); }),
                    std::runtime_error);
    CHECK(*memo.get(source, [](const int& v) { return std::make_shared<const int>(v + 1); }) == 8);
    // made: the next make is not called
    CHECK(*memo.get(source, [](const int&) { return std::make_shared<const int>(0); }) == 8);
}
