// Step pictures kept between runs (diagram/icon_cache.h): a PNG decoded and
// scaled once is read back at the same size, exactly as it was made, and an
// entry stands only for the same bytes at the same size.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "diagram/icon_cache.h"
#include "diagram/picture.h"
#include "model/limits.h"
#include "diagram/diagram_support.h"
#include "support/support.h"

using namespace lerbrief;
namespace fs = std::filesystem;

namespace {

using test::CacheIn;

// The map's first step picture, as the bundled data holds it (1043 × 1104).
fs::path step_picture() { return test::source_dir() / "data" / "pictures" / "LERs-explained-step01-sm.png"; }

// The entry with its pixels replaced by `rgba`, deflated (the same size).
void replace_pixels(const fs::path& entry, const std::vector<std::uint8_t>& rgba) {
    const std::string text = test::read_file(entry);
    const std::size_t raster = text.rfind("\nraster ");
    REQUIRE(raster != std::string::npos);
    const std::size_t line_end = text.find('\n', raster + 1);
    std::string head = text.substr(raster + 1, line_end - raster - 1);  // "raster W H N"
    head = head.substr(0, head.rfind(' '));
    const std::string z = diagram::deflate_rgba(rgba);
    test::write_file(entry, text.substr(0, raster + 1) + head + " " + std::to_string(z.size()) + "\n" + z);
}

}  // namespace

TEST_CASE("picture cache: a picture loaded again is read from its entry, the same pixels", "[diagram][picture]") {
    CacheIn cache;
    test::TempDir files;
    const fs::path png = files / "step.png";
    fs::copy_file(step_picture(), png);

    auto first = diagram::load_picture(png.string(), 144);  // two inches: 600 pixels wide
    REQUIRE(first);
    CHECK(first->width == 600);
    REQUIRE(cache.entries().size() == 1);
    auto again = diagram::load_picture(png.string(), 144);
    REQUIRE(again);
    CHECK(again->key == first->key);
    CHECK(again->width == first->width);
    CHECK(again->height == first->height);
    CHECK(again->rgba == first->rgba);

    // Read from the entry, not decoded: pixels put in its place are what loads.
    std::vector<std::uint8_t> white(first->rgba.size(), 255);
    replace_pixels(cache.entries().front(), white);
    CHECK(diagram::load_picture(png.string(), 144)->rgba == white);

    // Another printed size is another entry, decoded afresh.
    auto smaller = diagram::load_picture(png.string(), 72);
    CHECK(smaller->width == 300);
    CHECK(smaller->rgba != std::vector<std::uint8_t>(smaller->rgba.size(), 255));
    CHECK(cache.entries().size() == 2);

    // One byte more in the file (after its end: still a PNG Cairo reads) is
    // another file: decoded, an entry of its own, the same pixels as the first.
    test::write_file(png, test::read_file(png) + "\n");
    auto changed = diagram::load_picture(png.string(), 144);
    CHECK(changed->rgba == first->rgba);
    CHECK(cache.entries().size() == 3);
}

TEST_CASE("picture cache: an entry cut short, of another size, program or file is decoded afresh and rewritten",
          "[diagram][picture]") {
    CacheIn cache;
    const std::string png = step_picture().string();
    auto fresh = diagram::load_picture(png, 144);
    REQUIRE(cache.entries().size() == 1);
    const fs::path entry = cache.entries().front();
    const std::string good = test::read_file(entry);
    const std::size_t stamp = good.find("stamp lerbrief ") + 15;
    const std::size_t raster = good.rfind("\nraster 600 ");
    REQUIRE(raster != std::string::npos);

    for (const std::string& bad :
         {good.substr(0, good.size() / 2), good.substr(0, good.size() - 1), good + "x", std::string(),
          std::string(good).replace(stamp, 1, good[stamp] == '0' ? "1" : "0"),  // another build
          std::string(good).replace(raster, 12, "\nraster 601 "),                // another width
          std::string(good).replace(good.find("\npng ") + 5, 1, "9"),             // another length of file
          // the PNG's first pixel data changed: the bytes stored are not the file's
          std::string(good).replace(good.find("IDAT") + 8, 1, "\x01")}) {
        test::write_file(entry, bad);
        auto p = diagram::load_picture(png, 144);
        REQUIRE(p);
        CHECK(p->rgba == fresh->rgba);
        CHECK(test::read_file(entry) == good);  // rewritten as it should be
    }
}

TEST_CASE("picture cache: what fails to load is never stored, nor read from an entry", "[diagram][picture]") {
    CacheIn cache;
    test::TempDir files;
    const fs::path png = files / "broken.png";
    std::string bytes = test::read_file(step_picture());
    bytes.resize(bytes.size() / 2);  // its header says 1043 × 1104; its data stops halfway
    test::write_file(png, bytes);
    std::string first;
    try {
        diagram::load_picture(png.string(), 144);
    } catch (const diagram::PictureError& e) {
        first = e.what();
    }
    CHECK(first.find("not a PNG Cairo can read") != std::string::npos);
    CHECK(cache.entries().empty());
    CHECK_THROWS_WITH(diagram::load_picture(png.string(), 144), first);
}

TEST_CASE("picture cache: the folder keeps the newest entries within its bytes", "[diagram][picture]") {
    CacheIn cache;
    diagram::load_picture(step_picture().string(), 144);
    REQUIRE(cache.entries().size() == 1);
    const fs::path mine = cache.entries().front();
    // 20 large entries of earlier runs (sparse files: 5 MB each by their size)
    const auto then = fs::last_write_time(mine) - std::chrono::hours(24);
    for (int i = 0; i < 20; ++i) {
        const fs::path p = cache.folder / fmt::format("{:016x}.picture", i);
        test::write_file(p, "old");
        fs::resize_file(p, 5 * 1024 * 1024);
        fs::last_write_time(p, then + std::chrono::seconds(i));
    }
    diagram::load_picture(step_picture().string(), 72);  // a new entry: the folder is pruned
    std::uintmax_t total = 0;
    for (const auto& e : cache.entries()) total += fs::file_size(e);
    CHECK(total <= limits::kMaxIconCacheBytes / 4 * 3);
    const auto left = cache.entries();
    CHECK(std::count(left.begin(), left.end(), mine) == 1);
    CHECK(std::count(left.begin(), left.end(), cache.folder / fmt::format("{:016x}.picture", 19)) == 1);
    CHECK(std::count(left.begin(), left.end(), cache.folder / fmt::format("{:016x}.picture", 0)) == 0);
    CHECK(left.size() == 2 + 9);  // the two made here, and the nine newest of 100 MB (48 MB at most)
}
