// Icons kept between runs (diagram/icon_cache.h): an entry stands only for
// the same bytes, is read back as it was made, and is never the cause of an
// error or of a different drawing.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "diagram/icon.h"
#include "diagram/icon_cache.h"
#include "model/limits.h"
#include "diagram/diagram_support.h"
#include "support/support.h"

using namespace lerbrief;
namespace fs = std::filesystem;

namespace {

// The cache in a fresh folder for one test, off again after it.
using test::CacheIn;

fs::path bundled_icon(const std::string& name) { return test::source_dir() / "data" / "icons" / (name + ".svg"); }

// Two icons' art drawn alike: the same shapes, paths, colours and strokes.
bool same_art(const layout::Frame& a, const layout::Frame& b) {
    if (a.width != b.width || a.height != b.height || a.items.size() != b.items.size()) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        const auto* x = std::get_if<layout::Shape>(&a.items[i]);
        const auto* y = std::get_if<layout::Shape>(&b.items[i]);
        if (!x || !y || x->path.size() != y->path.size() || x->fill != y->fill || x->stroke != y->stroke ||
            x->stroke_width != y->stroke_width || x->even_odd != y->even_odd)
            return false;
        for (std::size_t k = 0; k < x->path.size(); ++k) {
            if (x->path[k].op != y->path[k].op) return false;
            for (int j = 0; j < 3; ++j)
                if (x->path[k].p[j].x != y->path[k].p[j].x || x->path[k].p[j].y != y->path[k].p[j].y) return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("icon cache: an icon loaded again is read from its entry, drawn exactly as loaded", "[diagram][icon]") {
    CacheIn cache;
    test::TempDir files;
    const fs::path svg = files / "employers.svg";
    fs::copy_file(bundled_icon("employers"), svg);

    CHECK_FALSE(fs::exists(cache.folder));  // made when the first entry is stored
    const layout::Icon first = diagram::load_icon(svg.string(), 40);
    REQUIRE(first.art);
    REQUIRE(cache.entries().size() == 1);
    const layout::Icon again = diagram::load_icon(svg.string(), 40);
    REQUIRE(again.art);
    CHECK(same_art(*again.art, *first.art));

    // Read from the entry, not from librsvg: a script put in its place is what loads.
    const fs::path entry = cache.entries().front();
    std::string text = test::read_file(entry);
    const std::string art = text.substr(text.rfind("\nart ") + 1);
    const std::string square =
        "%!CairoScript\n<< /content //COLOR_ALPHA /width 100 /height 100 >> surface context\n"
        "1 0 0 rgb set-source n 10 10 80 80 rectangle fill+\n";
    test::write_file(entry, text.substr(0, text.size() - art.size()) + "art " + std::to_string(square.size()) + "\n" + square);
    const layout::Icon replaced = diagram::load_icon(svg.string(), 40);
    REQUIRE(replaced.art);
    CHECK(replaced.art->items.size() == 1);

    // One byte more in the SVG is another file: loaded by librsvg, an entry of its own.
    test::write_file(svg, test::read_file(svg) + "\n");
    const layout::Icon changed = diagram::load_icon(svg.string(), 40);
    REQUIRE(changed.art);
    CHECK(same_art(*changed.art, *first.art));
    CHECK(cache.entries().size() == 2);
}

TEST_CASE("icon cache: an entry cut short, of another program or unreadable is loaded afresh and rewritten",
          "[diagram][icon]") {
    CacheIn cache;
    const std::string svg = bundled_icon("funders").string();
    const layout::Icon fresh = diagram::load_icon(svg, 40);
    REQUIRE(fresh.art);
    REQUIRE(cache.entries().size() == 1);
    const fs::path entry = cache.entries().front();
    const std::string good = test::read_file(entry);

    const std::string stamp_line = good.substr(0, good.find("\nsvg "));
    for (const std::string& bad :
         {good.substr(0, good.size() / 2), good.substr(0, good.size() - 1), good + "x", std::string(),
          // another build of lerbrief (its build ID differs)
          std::string(good).replace(good.find("stamp lerbrief ") + 15, 1, good[good.find("stamp lerbrief ") + 15] == '0' ? "1" : "0")}) {
        test::write_file(entry, bad);
        const layout::Icon icon = diagram::load_icon(svg, 40);
        REQUIRE(icon.art);
        CHECK(same_art(*icon.art, *fresh.art));
        CHECK(test::read_file(entry) == good);  // rewritten as it should be
    }
    CHECK(stamp_line.find(" libraries ") != std::string::npos);  // every library loaded, by its file
    CHECK(stamp_line.find(" librsvg ") != std::string::npos);
}

TEST_CASE("icon cache: an icon drawn as a raster is stored with its reason, at the last sizes asked for",
          "[diagram][icon]") {
    CacheIn cache;
    const std::string svg = bundled_icon("credentialing-organizations").string();
    std::string why;
    const layout::Icon fresh = diagram::load_icon(svg, 40, &why);
    REQUIRE(fresh.raster);
    REQUIRE(!why.empty());
    REQUIRE(cache.entries().size() == 1);
    const fs::path entry = cache.entries().front();

    std::string why_again;
    const layout::Icon again = diagram::load_icon(svg, 40, &why_again);
    REQUIRE(again.raster);
    CHECK(why_again == why);
    CHECK(again.raster->key == fresh.raster->key);
    CHECK(again.raster->width == fresh.raster->width);
    CHECK(again.raster->height == fresh.raster->height);
    CHECK(again.raster->rgba == fresh.raster->rgba);

    // Another size is drawn by librsvg and kept beside the first: both are read back.
    const layout::Icon larger = diagram::load_icon(svg, 80);
    REQUIRE(larger.raster);
    CHECK(fresh.raster->width == 167);  // ceil(40 / 72 × 300)
    CHECK(larger.raster->width == 334);
    REQUIRE(cache.entries().size() == 1);
    const std::string both = test::read_file(entry);
    CHECK(diagram::load_icon(svg, 40).raster->rgba == fresh.raster->rgba);
    CHECK(diagram::load_icon(svg, 80).raster->rgba == larger.raster->rgba);
    CHECK(test::read_file(entry) == both);  // neither drawn again

    // Past four sizes the oldest goes: 40 pt is drawn again, and stored again.
    for (double pt : {20.0, 30.0, 50.0}) diagram::load_icon(svg, pt);
    const std::string four = test::read_file(entry);
    CHECK(diagram::load_icon(svg, 40).raster->rgba == fresh.raster->rgba);
    CHECK(test::read_file(entry) != four);

    // A side no raster can have is a miss, not a wrapped size.
    std::string text = test::read_file(entry);
    const std::size_t at = text.find("\n167 ");
    REQUIRE(at != std::string::npos);
    test::write_file(entry, text.replace(at + 1, 3, "9223372036854775975"));  // 2^63 + 167: its square wraps to 167²
    CHECK(diagram::load_icon(svg, 40).raster->rgba == fresh.raster->rgba);
    CHECK(test::read_file(entry).find("9223372036854775975") == std::string::npos);  // a miss, stored again
}

TEST_CASE("icon cache: an icon with text is not stored (librsvg sets it with this machine's fonts)",
          "[diagram][icon]") {
    CacheIn cache;
    test::TempDir files;
    const fs::path svg = files / "label.svg";
    test::write_file(svg,
                     "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                     "<circle cx='50' cy='50' r='40' fill='#3366cc'/>"
                     "<text x='10' y='60' font-size='30'>LER</text></svg>");
    const layout::Icon icon = diagram::load_icon(svg.string(), 40);
    CHECK(icon);
    CHECK(cache.entries().empty());
    // the same drawing without the text is stored
    test::write_file(svg, "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                          "<circle cx='50' cy='50' r='40' fill='#3366cc'/></svg>");
    CHECK(diagram::load_icon(svg.string(), 40).art);
    CHECK(cache.entries().size() == 1);
}

TEST_CASE("icon cache: what fails to load is never stored, and the errors stay the same", "[diagram][icon]") {
    CacheIn cache;
    test::TempDir files;
    const fs::path svg = files / "broken.svg";
    test::write_file(svg, "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='5'");
    std::string first, second;
    try {
        diagram::load_icon(svg.string(), 40);
    } catch (const diagram::IconError& e) {
        first = e.what();
    }
    try {
        diagram::load_icon(svg.string(), 40);
    } catch (const diagram::IconError& e) {
        second = e.what();
    }
    CHECK(!first.empty());
    CHECK(second == first);
    CHECK(cache.entries().empty());
}

TEST_CASE("icon cache: off in a folder others may write, or not named by an absolute path", "[diagram][icon]") {
    test::TempDir dir;
    const std::string svg = bundled_icon("funders").string();
    const fs::path shared = dir / "shared";
    fs::create_directory(shared);
    ::chmod(shared.c_str(), 0777);
    diagram::use_icon_cache(shared.string());
    CHECK(diagram::load_icon(svg, 40).art);
    CHECK(fs::is_empty(shared));

    diagram::use_icon_cache("relative/folder");
    CHECK(diagram::load_icon(svg, 40).art);
    CHECK(!fs::exists("relative"));

    // a symbolic link to a folder of this user's: not followed
    const fs::path real = dir / "real", link = dir / "link";
    fs::create_directory(real);
    fs::create_directory_symlink(real, link);
    diagram::use_icon_cache(link.string());
    CHECK(diagram::load_icon(svg, 40).art);
    CHECK(fs::is_empty(real));
    diagram::use_icon_cache("");
}

TEST_CASE("icon cache: a stored script over the script limit is a miss", "[diagram][icon]") {
    CacheIn cache;
    const std::string svg = bundled_icon("funders").string();
    const layout::Icon fresh = diagram::load_icon(svg, 40);
    REQUIRE(cache.entries().size() == 1);
    const fs::path entry = cache.entries().front();
    const std::string good = test::read_file(entry);
    // the same script, padded with spaces (which replay skips) past the limit
    const std::size_t at = good.rfind("\nart ") + 1;
    const std::string script = good.substr(good.find('\n', at) + 1);
    const std::string padded = script + std::string(limits::kMaxIconScriptBytes + 1 - script.size(), ' ');
    test::write_file(entry, good.substr(0, at) + "art " + std::to_string(padded.size()) + "\n" + padded);
    REQUIRE(fs::file_size(entry) > limits::kMaxIconScriptBytes);
    CHECK(same_art(*diagram::load_icon(svg, 40).art, *fresh.art));
    CHECK(test::read_file(entry) == good);  // a miss: drawn and stored again
}

TEST_CASE("icon cache: an entry found under another icon's name is not that icon's", "[diagram][icon]") {
    CacheIn cache;
    const std::string funders = bundled_icon("funders").string(), employers = bundled_icon("employers").string();
    const layout::Icon f = diagram::load_icon(funders, 40);
    REQUIRE(cache.entries().size() == 1);
    const fs::path funders_entry = cache.entries().front();
    const std::string funders_text = test::read_file(funders_entry);
    diagram::load_icon(employers, 40);
    REQUIRE(cache.entries().size() == 2);
    const fs::path employers_entry = cache.entries()[cache.entries()[0] == funders_entry ? 1 : 0];

    // As if the two names' hashes were equal: the stored bytes decide.
    fs::copy_file(employers_entry, funders_entry, fs::copy_options::overwrite_existing);
    const layout::Icon again = diagram::load_icon(funders, 40);
    REQUIRE(again.art);
    CHECK(same_art(*again.art, *f.art));
    CHECK(test::read_file(funders_entry) == funders_text);
}

TEST_CASE("icon cache: the folder keeps the entries written last", "[diagram][icon]") {
    CacheIn cache;
    const std::string svg = bundled_icon("funders").string();
    diagram::load_icon(svg, 40);
    const fs::path mine = cache.entries().front();
    // more entries of earlier runs than the folder keeps, older than this one's
    const auto then = fs::last_write_time(mine) - std::chrono::hours(24);
    const int old = static_cast<int>(limits::kMaxIconCacheEntries) + 44;
    for (int i = 0; i < old; ++i) {
        const fs::path p = cache.folder / fmt::format("{:016x}.icon", i);
        test::write_file(p, "old");
        fs::last_write_time(p, then + std::chrono::seconds(i));
    }
    // names lerbrief does not write stay, however old; a temporary file goes after an hour
    for (const char* name : {"notes.icon", "README", ".tmp-killed", ".tmp-recent"}) {
        test::write_file(cache.folder / name, "x");
        fs::last_write_time(cache.folder / name, then);
    }
    fs::last_write_time(cache.folder / ".tmp-recent", fs::last_write_time(mine));
    diagram::use_icon_cache(cache.folder.string());  // the next run
    diagram::load_icon(bundled_icon("employers").string(), 40);  // its first new entry: the folder is pruned
    const auto left = cache.entries();
    CHECK(left.size() == limits::kMaxIconCacheEntries * 3 / 4 + 3);  // and notes.icon, README, .tmp-recent
    CHECK(fs::exists(cache.folder / "notes.icon"));
    CHECK(fs::exists(cache.folder / "README"));
    CHECK(fs::exists(cache.folder / ".tmp-recent"));
    CHECK_FALSE(fs::exists(cache.folder / ".tmp-killed"));
    CHECK(std::count(left.begin(), left.end(), mine) == 1);
    CHECK(std::count(left.begin(), left.end(), cache.folder / fmt::format("{:016x}.icon", old - 1)) == 1);
    CHECK(std::count(left.begin(), left.end(), cache.folder / fmt::format("{:016x}.icon", 0)) == 0);
}
