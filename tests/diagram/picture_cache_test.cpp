// Step pictures kept between runs (diagram/icon_cache.h): a PNG decoded and
// scaled once is read back at the same size, exactly as it was made, and an
// entry stands only for the same bytes at the same size.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>

#include <zlib.h>

#include "diagram/icon_cache.h"
#include "diagram/image_streams.h"
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

// A picture entry's "pdf" line for these streams, their hash as lerbrief writes it.
std::string pdf_line(std::size_t w, std::size_t h, std::size_t gray, const std::string& colour, const std::string& alpha) {
    return fmt::format("\npdf {} {} {} {} {} {}\n", w, h, gray, colour.size(), alpha.size(),
                       diagram::picture_streams_hash(colour, alpha));
}

// The entry with its pixels replaced by `rgba` (the same size), as the
// PDF's streams for them.
void replace_pixels(const fs::path& entry, const std::vector<std::uint8_t>& rgba) {
    const std::string text = test::read_file(entry);
    const std::size_t pdf = text.rfind("\npdf ");
    REQUIRE(pdf != std::string::npos);
    layout::Raster r;
    std::istringstream(text.substr(pdf + 5)) >> r.width >> r.height;
    r.rgba = rgba;
    const layout::ImageStreams s = diagram::image_streams(r);
    test::write_file(entry, text.substr(0, pdf) + pdf_line(r.width, r.height, s.gray ? 1 : 0, s.colour, s.alpha) +
                                s.colour + s.alpha);
}

// `good` (a picture entry) with its "pdf W H GRAY COLOUR ALPHA HASH" line
// and streams changed, the hash made for what they are then (so that each
// change meets the check it is for): GRAY set to `how` (field 0); the colour
// count one more or less (field 1, "+1" or "-1"); its mask replaced by one
// that is all opaque (field 2, "opaque"); two bytes after the colour's zlib
// stream (field 3); the colour compressed at zlib's level 1, not its
// default, the hash left as it was (field 4); the hash's last digit changed
// (field 5).
std::string damaged(const std::string& good, const std::string& how, int field) {
    const std::size_t pdf = good.rfind("\npdf ");
    const std::size_t end = good.find('\n', pdf + 1);
    std::istringstream line(good.substr(pdf + 5, end - pdf - 5));
    std::size_t w = 0, h = 0, gray = 0, colour_size = 0, alpha_size = 0;
    std::string hash;
    line >> w >> h >> gray >> colour_size >> alpha_size >> hash;
    std::string colour = good.substr(end + 1, colour_size), alpha = good.substr(end + 1 + colour_size);
    if (field == 0) gray = std::stoul(how);
    if (field == 1) {
        const std::string both = colour + alpha;
        const std::size_t split = how == "+1" ? colour_size + 1 : colour_size - 1;
        colour = both.substr(0, split);
        alpha = both.substr(split);
    }
    if (field == 2)
        alpha = diagram::image_streams(layout::Raster{"m", int(w), int(h), std::vector<std::uint8_t>(w * h * 4, 255), nullptr})
                    .colour;
    if (field == 3) colour += "xx";
    std::string line_out = pdf_line(w, h, gray, colour, alpha);
    if (field == 4) {
        std::vector<std::uint8_t> plain(w * h * (gray ? 1 : 3));
        uLongf size = static_cast<uLongf>(plain.size());
        REQUIRE(uncompress(plain.data(), &size, reinterpret_cast<const Bytef*>(colour.data()), colour.size()) == Z_OK);
        std::string fast(compressBound(plain.size()), '\0');
        uLongf fast_size = fast.size();
        REQUIRE(compress2(reinterpret_cast<Bytef*>(fast.data()), &fast_size, plain.data(), plain.size(), 1) == Z_OK);
        fast.resize(fast_size);
        REQUIRE(fast != colour);
        colour = fast;
        line_out = fmt::format("\npdf {} {} {} {} {} {}\n", w, h, gray, colour.size(), alpha.size(), hash);
    }
    if (field == 5) line_out[line_out.size() - 2] = line_out[line_out.size() - 2] == '0' ? '1' : '0';
    return good.substr(0, pdf) + line_out + colour + alpha;
}

// A loaded picture's pixels: its own, or inflated from its streams.
std::vector<std::uint8_t> px(const layout::Raster& r) {
    std::vector<std::uint8_t> scratch;
    return diagram::pixels(r, scratch);
}

// The streams image_streams makes of `raster`'s pixels are those it carries.
void check_streams(const layout::Raster& raster) {
    REQUIRE(raster.streams);
    const layout::ImageStreams made = diagram::image_streams(raster);
    CHECK(raster.streams->key == raster.key);
    CHECK(raster.streams->gray == made.gray);
    CHECK(raster.streams->colour == made.colour);
    CHECK(raster.streams->alpha == made.alpha);
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
    // read back, it holds no pixels, only its streams, and they inflate to
    // the pixels decoded the first time
    CHECK(!first->rgba.empty());
    CHECK(again->rgba.empty());
    CHECK(diagram::holds_pixels(*again));
    CHECK((px(*again) == first->rgba));

    // Both carry the PDF's streams for their pixels (the writer embeds them
    // as they are): made when the entry was stored, then read from it.
    check_streams(*first);
    check_streams(*again);

    // Read from the entry, not decoded: pixels put in its place are what
    // loads, with their streams.
    std::vector<std::uint8_t> white(first->rgba.size(), 255);
    replace_pixels(cache.entries().front(), white);
    auto whitened = diagram::load_picture(png.string(), 144);
    CHECK((px(*whitened) == white));
    check_streams(*whitened);
    CHECK(whitened->streams->alpha.empty());  // every pixel opaque: no mask
    CHECK(whitened->streams->gray);
    // Gray pixels said to be colour (their colour stream as RGB): the writer
    // would make them DeviceGray, so the entry is not used.
    {
        const std::string text = test::read_file(cache.entries().front());
        const std::size_t pdf = text.rfind("\npdf ");
        std::vector<std::uint8_t> rgb(white.size() / 4 * 3, 255);
        std::string colour(compressBound(rgb.size()), '\0');
        uLongf size = colour.size();
        REQUIRE(compress2(reinterpret_cast<Bytef*>(colour.data()), &size, rgb.data(), rgb.size(), Z_DEFAULT_COMPRESSION) == Z_OK);
        colour.resize(size);
        test::write_file(cache.entries().front(),
                         text.substr(0, pdf) + pdf_line(first->width, first->height, 0, colour, "") + colour);
        CHECK((diagram::load_picture(png.string(), 144)->rgba == first->rgba));  // decoded afresh
    }
    std::vector<std::uint8_t> clear(first->rgba.size(), 0);  // transparent: a gray picture with its mask
    replace_pixels(cache.entries().front(), clear);
    auto cleared = diagram::load_picture(png.string(), 144);
    CHECK((px(*cleared) == clear));
    check_streams(*cleared);
    CHECK(!cleared->streams->alpha.empty());

    // Another printed size is another entry, decoded afresh.
    auto smaller = diagram::load_picture(png.string(), 72);
    CHECK(smaller->width == 300);
    CHECK((smaller->rgba != std::vector<std::uint8_t>(smaller->rgba.size(), 255)));
    CHECK(cache.entries().size() == 2);

    // One byte more in the file (after its end: still a PNG Cairo reads) is
    // another file: decoded, an entry of its own, the same pixels as the first.
    test::write_file(png, test::read_file(png) + "\n");
    auto changed = diagram::load_picture(png.string(), 144);
    CHECK((changed->rgba == first->rgba));
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
    REQUIRE(good.rfind("\npdf 600 ") != std::string::npos);

    for (const std::string& bad :
         {good.substr(0, good.size() / 2), good.substr(0, good.size() - 1), good + "x", std::string(),
          std::string(good).replace(stamp, 1, good[stamp] == '0' ? "1" : "0"),  // another build
          std::string(good).replace(good.rfind("\npdf 600 "), 9, "\npdf 601 "),  // another width
          std::string(good).replace(good.find("\npng ") + 5, 1, "9"),             // another length of file
          // the PNG's first pixel data changed: the bytes stored are not the file's
          std::string(good).replace(good.find("IDAT") + 8, 1, "\x01"),
          std::string(good).replace(good.rfind("\npdf 600 "), 9, "\nPDF 600 "),
          damaged(good, "1", 0),       // said to be gray: its colour stream is three times too long
          damaged(good, "+1", 1),      // the colour stream one byte longer: its last byte is the mask's first
          damaged(good, "-1", 1),      // one byte shorter
          damaged(good, "opaque", 2),  // a mask that is all opaque, which the writer would leave out
          damaged(good, "", 3),        // bytes after the colour's zlib stream
          damaged(good, "", 4),        // the same pixels compressed otherwise: not the bytes written
          damaged(good, "", 5)         // another hash
         }) {
        test::write_file(entry, bad);
        auto p = diagram::load_picture(png, 144);
        REQUIRE(p);
        CHECK((p->rgba == fresh->rgba));
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
    diagram::use_icon_cache(cache.folder.string());                 // the next run
    diagram::load_picture(step_picture().string(), 72);  // its first new entry: the folder is pruned
    std::uintmax_t total = 0;
    for (const auto& e : cache.entries()) total += fs::file_size(e);
    CHECK(total <= limits::kMaxIconCacheBytes / 4 * 3);
    const auto left = cache.entries();
    CHECK(std::count(left.begin(), left.end(), mine) == 1);
    CHECK(std::count(left.begin(), left.end(), cache.folder / fmt::format("{:016x}.picture", 19)) == 1);
    CHECK(std::count(left.begin(), left.end(), cache.folder / fmt::format("{:016x}.picture", 0)) == 0);
    CHECK(left.size() == 2 + 9);  // the two made here, and the nine newest of 100 MB (48 MB at most)
}
