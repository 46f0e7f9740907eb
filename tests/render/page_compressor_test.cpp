// Pages' content streams compressed on a thread of their own while the next
// pages are drawn (render/page_compressor.h): each page's stream is what
// deflate_page() makes, in the same order in the spool's file, more pages
// than may wait at once; and a page left inside a text object is refused as
// deflate_page refuses it.
#include <catch2/catch.hpp>
#include <hpdf.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <optional>
#include <string>
#include <vector>

#include "model/limits.h"
#include "render/flate.h"
#include "render/hpdf_handle.h"
#include "render/page_compressor.h"
#include "render/page_spool.h"
#include "render/render_error.h"

using namespace lerbrief::render;

namespace {

constexpr std::size_t kPages = 3 * lerbrief::limits::kMaxPagesWaitingToCompress + 1;

// Page i: i + 1 hundred lines, so each stream differs; one page empty.
void draw(HpdfDoc& doc, HPDF_Page page, std::size_t i) {
    if (i == 2) return;  // nothing drawn: nothing to compress
    for (std::size_t k = 0; k < (i + 1) * 100; ++k) {
        doc.check("move", HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(k % 500), static_cast<HPDF_REAL>(i)));
        doc.check("line", HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(k % 300), static_cast<HPDF_REAL>(k % 700)));
        doc.check("stroke", HPDF_Page_Stroke(page));
    }
}

// Every page's content stream as libharu would write it.
std::vector<std::string> written_streams(const std::vector<HPDF_Page>& pages) {
    std::vector<std::string> out;
    for (HPDF_Page page : pages) {
        HPDF_Stream s = static_cast<HPDF_PageAttr>(page->attr)->contents->stream;
        std::string bytes;
        REQUIRE(HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) == HPDF_OK);
        for (;;) {
            HPDF_BYTE buf[4096];
            HPDF_UINT n = sizeof buf;
            const HPDF_STATUS st = HPDF_Stream_Read(s, buf, &n);
            bytes.append(reinterpret_cast<const char*>(buf), n);
            if (st == HPDF_STREAM_EOF) break;
            REQUIRE(st == HPDF_OK);
        }
        out.push_back(bytes);
    }
    return out;
}

// The pages drawn and compressed, by the compressor or page by page; the
// spool keeps `in_memory` bytes before it uses its file.
std::vector<std::string> compressed(bool on_a_thread, std::size_t in_memory) {
    PageSpool spool(in_memory);
    HpdfDoc doc;
    doc.check("compression", HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL));
    std::vector<HPDF_Page> pages;
    {
        std::optional<PageCompressor> compressor;
        if (on_a_thread) compressor.emplace(doc, spool);
        for (std::size_t i = 0; i < kPages; ++i) {
            pages.push_back(doc.need(HPDF_AddPage(doc.get()), "page"));
            draw(doc, pages.back(), i);
            if (compressor) compressor->add(pages.back());
            else deflate_page(doc, pages.back(), spool);
        }
        if (compressor) compressor->finish();
    }
    return written_streams(pages);
}

}  // namespace

TEST_CASE("page compressor: each page's stream is what deflate_page makes, kept in memory or in the spool's file",
          "[render][pdf]") {
    for (std::size_t in_memory : {std::size_t{1} << 20, std::size_t{0}}) {
        INFO("spool keeps " << in_memory << " bytes in memory");
        const std::vector<std::string> threaded = compressed(true, in_memory), in_turn = compressed(false, in_memory);
        REQUIRE(threaded.size() == kPages);
        CHECK(threaded == in_turn);
        CHECK(threaded[2].empty());
        CHECK(threaded[5].size() > threaded[1].size());
    }
}

TEST_CASE("page compressor: a page left inside a text object is refused as deflate_page refuses it", "[render][pdf]") {
    PageSpool spool(1 << 20);
    HpdfDoc doc;
    doc.check("compression", HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL));
    PageCompressor compressor(doc, spool);
    HPDF_Page done = doc.need(HPDF_AddPage(doc.get()), "page");
    draw(doc, done, 0);
    compressor.add(done);
    HPDF_Page open = doc.need(HPDF_AddPage(doc.get()), "page");
    doc.check("text", HPDF_Page_BeginText(open));
    CHECK_THROWS_WITH(compressor.add(open), Catch::Contains("left inside a text or path object"));
    CHECK_NOTHROW(compressor.finish());  // the page before it is put in place
    CHECK(static_cast<HPDF_PageAttr>(done->attr)->contents->filter == HPDF_STREAM_FILTER_NONE);
}
