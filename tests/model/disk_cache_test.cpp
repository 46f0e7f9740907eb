// The folder of what lerbrief keeps between runs (model/disk_cache.h): a run
// that stores more entries than the folder keeps leaves it within its
// limits, though it lists the folder only when its own stores pass them; and
// an entry read is kept over entries no run has read since.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "model/bounded_read.h"
#include "model/disk_cache.h"
#include "model/limits.h"
#include "support/support.h"

using namespace lerbrief;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "a test entry\n";

struct CacheIn : test::DiskCacheIn {
    bool has(const std::string& name) const { return fs::exists(folder / name); }
};

std::string name(std::uint64_t i) { return disk_cache::entry_name(i, disk_cache::Kind::deflated); }

}  // namespace

TEST_CASE("disk cache: one run storing more than the folder keeps leaves it within its limits", "[model][cache]") {
    CacheIn cache;
    const std::size_t n = limits::kMaxIconCacheEntries + limits::kMaxIconCacheEntries / 2;
    for (std::size_t i = 0; i < n; ++i) {
        disk_cache::write_entry(name(i), kMagic, "x");
        REQUIRE(cache.entries().size() <= limits::kMaxIconCacheEntries);
    }
    CHECK(cache.has(name(n - 1)));  // the last stored stays
    CHECK_FALSE(cache.has(name(0)));
}

TEST_CASE("disk cache: a run's first store prunes what earlier runs left", "[model][cache]") {
    CacheIn cache;
    disk_cache::write_entry(name(0), kMagic, "mine");  // the folder listed: one entry
    const auto then = fs::last_write_time(cache.folder / name(0)) - std::chrono::hours(24);
    for (std::size_t i = 1; i <= limits::kMaxIconCacheEntries; ++i) {  // another run's meanwhile
        test::write_file(cache.folder / name(i), "old");
        fs::last_write_time(cache.folder / name(i), then + std::chrono::seconds(i));
    }
    // read: the last to go, though written before all but one of the others
    fs::last_write_time(cache.folder / name(0), then);
    BoundedRead file;
    disk_cache::Reader r;
    REQUIRE(disk_cache::open_entry(name(0), kMagic, file, r));
    CHECK(r.rest == "mine");
    disk_cache::write_entry(name(10000), kMagic, "x");  // this run knows of two entries: not listed again
    CHECK(cache.entries().size() == limits::kMaxIconCacheEntries + 2);
    disk_cache::use(cache.folder.string(), "test");  // the next run: its first store lists the folder
    disk_cache::write_entry(name(10001), kMagic, "x");
    CHECK(cache.entries().size() == limits::kMaxIconCacheEntries * 3 / 4);
    CHECK(cache.has(name(0)));
    CHECK(cache.has(name(10001)));
    CHECK(cache.has(name(limits::kMaxIconCacheEntries)));  // the newest of the other run's
    CHECK_FALSE(cache.has(name(1)));
}

TEST_CASE("disk cache: the days least recently used go first, and of one day compressed streams before the rest",
          "[model][cache]") {
    CacheIn cache;
    const auto icon = [](std::uint64_t i) { return disk_cache::entry_name(i, disk_cache::Kind::icon); };
    disk_cache::write_entry(icon(0), kMagic, "an icon");  // the folder listed
    // 01:00 yesterday (UTC): everything below is of one day, then of the day before
    const std::chrono::system_clock::time_point today =
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const auto then = std::chrono::file_clock::from_sys(today - std::chrono::hours(23));
    fs::last_write_time(cache.folder / icon(0), then);  // older than every stream, of the same day
    disk_cache::write_entry(icon(2), kMagic, "an icon of the day before");
    fs::last_write_time(cache.folder / icon(2), then - std::chrono::hours(24));
    for (std::size_t i = 1; i <= limits::kMaxIconCacheEntries; ++i) {
        test::write_file(cache.folder / name(i), "a stream");
        fs::last_write_time(cache.folder / name(i), then + std::chrono::seconds(i));
    }
    disk_cache::use(cache.folder.string(), "test");  // the next run
    disk_cache::write_entry(icon(1), kMagic, "another icon");
    CHECK(cache.entries().size() == limits::kMaxIconCacheEntries * 3 / 4);
    CHECK(cache.has(icon(0)));  // the oldest of its day, yet an icon
    CHECK(cache.has(icon(1)));
    CHECK_FALSE(cache.has(icon(2)));  // an icon, but of the day before: the first to go
    CHECK(cache.has(name(limits::kMaxIconCacheEntries)));
    CHECK_FALSE(cache.has(name(1)));
}

TEST_CASE("disk cache: a change of one bit anywhere gives another hash, and two such changes two hashes",
          "[model][cache]") {
    std::string bytes(45, '\0');  // five words and five bytes
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 37 + 11);
    std::vector<std::uint64_t> hashes{disk_cache::hash64(bytes)};
    for (std::size_t bit = 0; bit < bytes.size() * 8; ++bit) {
        std::string changed = bytes;
        changed[bit / 8] = static_cast<char>(changed[bit / 8] ^ (1 << (bit % 8)));
        hashes.push_back(disk_cache::hash64(changed));
    }
    std::sort(hashes.begin(), hashes.end());
    CHECK(std::adjacent_find(hashes.begin(), hashes.end()) == hashes.end());
    // two changes that cancel out in a word-at-a-time FNV step without folding
    std::string a = bytes, b = bytes;
    a[7] = static_cast<char>(a[7] ^ 0x80);
    b[15] = static_cast<char>(b[15] ^ 0x80);
    CHECK(disk_cache::hash64(a) != disk_cache::hash64(b));
    CHECK(disk_cache::hash64(bytes.substr(0, 44)) != disk_cache::hash64(bytes));
}
