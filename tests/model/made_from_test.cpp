// What is made once per process from an object (model/cache_epoch.h:
// MadeFrom): each entry made once however many threads ask, two entries made
// at the same time, and a make that throws leaving the entry to the next.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
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
    std::atomic<int> makes{0};
    // the make of entry 0 waits (5 s at most) until another entry's make has
    // started: it returns early only when two are made at once
    std::mutex m;
    std::condition_variable cv;
    bool other_started = false, overlapped = false;
    auto make = [&](const int& v) {
        ++makes;
        std::unique_lock lock(m);
        if (v == 0) overlapped = cv.wait_for(lock, std::chrono::seconds(5), [&] { return other_started; });
        else other_started = true, cv.notify_all();
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
    CHECK(overlapped);  // entries are made outside the cache's lock
}

TEST_CASE("made once: a make that throws leaves the entry to the next asking, one that waited included") {
    MadeOnce<std::string, int> memo;
    std::atomic<bool> first_in{false};
    std::atomic<int> makes{0};
    auto failing = [&]() -> std::shared_ptr<const int> {
        ++makes;
        first_in = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the other asks meanwhile
        throw std::runtime_error("no");
    };
    auto making = [&] {
        ++makes;
        return std::make_shared<const int>(8);
    };
    std::thread first([&] { CHECK_THROWS_AS(memo.get("k", failing), std::runtime_error); });
    while (!first_in) std::this_thread::yield();
    std::shared_ptr<const int> second;
    std::thread waiting([&] { second = memo.get("k", making); });  // waits for the first, then makes it itself
    first.join();
    waiting.join();
    REQUIRE(second);
    CHECK(*second == 8);
    CHECK(makes == 2);
    // made: the next make is not called
    CHECK(*memo.get("k", [] { return std::make_shared<const int>(0); }) == 8);
}
