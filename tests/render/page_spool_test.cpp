// The page spool (render/page_spool.h): past its share of memory a
// document's compressed page streams wait in an unnamed temporary file, and
// libharu reads them back as it saves; the bytes are the same either way, and
// a spool that cannot make its file keeps the pages in memory.
#include <catch2/catch.hpp>
#include <hpdf_streams.h>
#include <stdlib.h>

#include <filesystem>
#include <optional>
#include <string>

#include "render/hpdf_handle.h"
#include "render/page_spool.h"
#include "render/sample_document.h"
#include "support/support.h"

namespace fs = std::filesystem;
namespace t = lerbrief::test;
using lerbrief::render::HpdfDoc;
using lerbrief::render::PageSpool;
using lerbrief::test::read_back;

namespace {

std::string bytes_of(std::size_t n, char seed) {
    std::string b(n, '\0');
    for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<char>(seed + i * 7);
    return b;
}

// TMPDIR set for one scope.
struct TmpDir {
    std::optional<std::string> was;
    explicit TmpDir(const std::string& to) {
        if (const char* v = std::getenv("TMPDIR")) was = v;
        ::setenv("TMPDIR", to.c_str(), 1);
    }
    ~TmpDir() {
        if (was) ::setenv("TMPDIR", was->c_str(), 1);
        else ::unsetenv("TMPDIR");
    }
};

}  // namespace

TEST_CASE("page spool: streams past its share of memory are read back from its file, byte for byte", "[render][pdf]") {
    t::TempDir dir;
    TmpDir tmp(dir.path().string());
    PageSpool spool(5000);
    HpdfDoc doc;
    const std::string a = bytes_of(3000, 'a'), b = bytes_of(2500, 'b'), c = bytes_of(9000, 'c');
    HPDF_Stream sa = spool.stream(doc, doc.get()->mmgr, a);
    HPDF_Stream sb = spool.stream(doc, doc.get()->mmgr, b);  // 5,500 bytes: past the share
    HPDF_Stream sc = spool.stream(doc, doc.get()->mmgr, c);
    CHECK(sa->type == HPDF_STREAM_MEMORY);
    CHECK(sb->type != HPDF_STREAM_MEMORY);
    CHECK(sc->type != HPDF_STREAM_MEMORY);
    CHECK(spool.spooled_pages() == 2);
    CHECK(read_back(sa) == a);
    CHECK(read_back(sc) == c);  // in any order, and twice
    CHECK(read_back(sb) == b);
    CHECK(read_back(sc) == c);
    CHECK(HPDF_Stream_Size(sc) == c.size());
    CHECK_NOTHROW(spool.rethrow_if_failed());
    // the file has no name: nothing is left in the folder, even while it is open
    CHECK(fs::is_empty(dir.path()));
    for (HPDF_Stream s : {sa, sb, sc}) HPDF_Stream_Free(s);
}

TEST_CASE("page spool: a spool that cannot make its file keeps the pages in memory", "[render][pdf]") {
    t::TempDir dir;
    TmpDir tmp((dir / "no-such-folder").string());
    PageSpool spool(0);
    HpdfDoc doc;
    const std::string a = bytes_of(4000, 'x');
    HPDF_Stream s = spool.stream(doc, doc.get()->mmgr, a);
    CHECK(s->type == HPDF_STREAM_MEMORY);
    CHECK(spool.spooled_pages() == 0);
    CHECK(read_back(s) == a);
    CHECK_NOTHROW(spool.rethrow_if_failed());
    HPDF_Stream_Free(s);
}
