// Compressed streams kept between runs (render/kept_deflate.h): a stream is
// what deflate_bytes makes, stored on the first run and read back on the
// next; an entry is used only when it holds the very bytes in hand and its
// compressed bytes are those it was written with; small streams, and streams
// past a build's first limits::kMaxKeptStreams, never touch the folder.
#include <catch2/catch.hpp>
#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <vector>

#include "model/cache_epoch.h"
#include "model/disk_cache.h"
#include "model/limits.h"
#include "model/zlib_bytes.h"
#include "render/flate.h"
#include "render/hpdf_handle.h"
#include "render/kept_deflate.h"
#include "support/support.h"

using namespace lerbrief;
using namespace lerbrief::render;
namespace fs = std::filesystem;

namespace {

// A page's content, as a page stream reads: operators and numbers.
std::string page_like(int seed, std::size_t bytes) {
    std::string s;
    for (int i = 0; s.size() < bytes; ++i)
        s += fmt::format("{} {} {} {} re f BT /F{} 9 Tf <00{:02x}> Tj ET\n", seed + i, i * 7 % 612, i % 13, i * 3 % 792,
                         i % 5, i % 256);
    return s;
}

std::string entry_of(const std::string& raw, const std::string& z) {
    return fmt::format("raw {}\ndeflated {} {}\n", raw.size(), z.size(), disk_cache::hex(disk_cache::hash64(z))) + raw + z;
}

}  // namespace

TEST_CASE("kept deflate: stored on the first run, read back on the next, the same bytes", "[render][kept]") {
    test::DiskCacheIn cache;
    const std::string raw = page_like(1, 20000);
    const std::string z = deflate_bytes(raw);
    CHECK(kept_deflate(raw) == z);
    const auto entries = cache.entries(".deflated");
    REQUIRE(entries.size() == 1);
    CHECK(entries.front().filename().string() ==
          disk_cache::entry_name(disk_cache::hash64(raw), disk_cache::Kind::deflated));
    const std::string text = test::read_file(entries.front());
    CHECK(text.ends_with(entry_of(raw, z)));

    // read back, not compressed again: an entry holding other compressed bytes
    // for the same raw bytes (zlib's fastest level) is what the next run gives
    const std::string fast = zlib_deflate(raw, Deflate::fast);
    REQUIRE(fast != z);
    test::write_file(entries.front(), text.substr(0, text.size() - entry_of(raw, z).size()) + entry_of(raw, fast));
    CHECK(kept_deflate(raw) == fast);
}

TEST_CASE("kept deflate: an entry that is not these bytes' is a miss, and is written again", "[render][kept]") {
    test::DiskCacheIn cache;
    const std::string raw = page_like(2, 12000), other = page_like(3, 12000);
    const std::string z = deflate_bytes(raw);
    REQUIRE(kept_deflate(raw) == z);
    REQUIRE(cache.entries(".deflated").size() == 1);
    const fs::path entry = cache.entries(".deflated").front();
    const std::string good = test::read_file(entry);
    const std::string head = good.substr(0, good.size() - entry_of(raw, z).size());
    std::string damaged_z = entry_of(raw, z);
    damaged_z[damaged_z.size() - 10] ^= 0x20;  // a byte of the compressed stream
    std::string damaged_raw = entry_of(raw, z);
    damaged_raw[damaged_raw.find('\n', damaged_raw.find("deflated")) + 100] ^= 0x20;  // a byte of the raw bytes
    for (const std::string& bad : {
             head + damaged_z,
             head + damaged_raw,
             head + entry_of(other, deflate_bytes(other)),  // as if the two hashes were equal
             head + entry_of(raw, z).substr(0, 5000),        // cut short
             head + entry_of(raw, z) + "x",                  // something after
             std::string("lerbrief deflated stream 0\n") + good.substr(good.find('\n') + 1),  // another magic
         }) {
        test::write_file(entry, bad);
        CHECK(kept_deflate(raw) == z);
        CHECK(test::read_file(entry) == good);  // rewritten as it should be
    }
}

TEST_CASE("kept deflate: small streams, and the cache off, never touch the folder", "[render][kept]") {
    {
        test::DiskCacheIn cache;
        const std::string small = page_like(4, limits::kMinKeptStreamBytes - 100);
        CHECK(kept_deflate(small) == deflate_bytes(small));
        CHECK(cache.entries(".deflated").empty());
    }
    test::DiskCacheIn cache;
    disk_cache::use("", "");  // off
    const std::string raw = page_like(5, 9000);
    CHECK(kept_deflate(raw) == deflate_bytes(raw));
    CHECK(cache.entries(".deflated").empty());
}

TEST_CASE("kept deflate: only a build's first streams use the folder", "[render][kept]") {
    test::DiskCacheIn cache;
    for (std::size_t i = 0; i < limits::kMaxKeptStreams + 10; ++i) {
        const std::string raw = page_like(static_cast<int>(100 + i), limits::kMinKeptStreamBytes + 10);
        REQUIRE(kept_deflate(raw) == deflate_bytes(raw));
    }
    CHECK(cache.entries(".deflated").size() == limits::kMaxKeptStreams);
    start_cache_epoch();  // the next build (--watch) has its own turns
    const std::string raw = page_like(7, limits::kMinKeptStreamBytes + 10);
    kept_deflate(raw);
    CHECK(cache.entries(".deflated").size() == limits::kMaxKeptStreams + 1);
}

namespace {

// A stream dictionary of `raw` in a fresh document, compressed by libharu as
// it writes it, or by deflate_stream_now first: what HPDF_Dict_Write writes.
std::string written(const std::string& raw, bool now, bool marked_again = false) {
    HpdfDoc doc;
    HPDF_Doc pdf = doc.get();
    HPDF_Dict dict = doc.need(HPDF_DictStream_New(pdf->mmgr, pdf->xref), "stream");
    doc.check("write", HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(raw.data()),
                                         static_cast<HPDF_UINT>(raw.size())));
    doc.check("key", HPDF_Dict_AddNumber(dict, "Length1", static_cast<HPDF_INT32>(raw.size())));
    dict->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    if (now) deflate_stream_now(dict, "the test's stream");
    if (marked_again) {  // as libharu's font before-write marks it again should the font be written twice
        dict->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        deflate_stream_now(dict, "the test's stream");
    }
    HPDF_Stream out = doc.need(HPDF_MemStream_New(pdf->mmgr, HPDF_STREAM_BUF_SIZ), "out");
    doc.check("HPDF_Dict_Write", HPDF_Dict_Write(dict, out, nullptr));
    std::string bytes = memory_stream_bytes(out, "the written stream");
    HPDF_Stream_Free(out);
    return bytes;
}

}  // namespace

TEST_CASE("kept deflate: a stream compressed before the save is written as libharu writes it compressed",
          "[render][kept]") {
    test::DiskCacheIn cache;
    // a ToUnicode CMap's text, and a CIDToGIDMap's two bytes a code, mostly zeros
    std::string cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n";
    for (int c = 0x20; c < 0x17f; ++c) cmap += fmt::format("<{:04X}> <{:04X}>\n", c, c);
    std::string map(2 * 0x201d + 2, '\0');
    for (int c = 0x20; c < 0x7f; ++c) map[2 * c + 1] = static_cast<char>(c - 0x1d);
    for (const std::string& raw : {cmap, map, std::string("small"), std::string()}) {
        INFO(raw.size());
        const std::string libharu = written(raw, false);
        CHECK(libharu.find("/Filter [ /FlateDecode ]") != std::string::npos);
        CHECK(written(raw, true) == libharu);  // cold
        CHECK(written(raw, true) == libharu);  // read back
        CHECK(written(raw, true, true) == libharu);  // marked to be compressed again: compressed once
    }
    CHECK(cache.entries(".deflated").size() == 2);  // the CMap's and the map's; the others are too small to keep
}
