// Pages' content streams compressed on a thread of their own while the next
// pages are drawn (render/page_compressor.h): each page's stream is what
// deflate_page() makes; they go into the spool's file in page order, with no
// more pages waiting than the limit; an error on the thread is said on the
// drawing thread; a page left inside a text object is refused as
// deflate_page refuses it; and a document rendered so is the same bytes.
#include <catch2/catch.hpp>
#include <hpdf.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "model/limits.h"
#include "render/flate.h"
#include "render/hpdf_handle.h"
#include "render/page_compressor.h"
#include "render/page_spool.h"
#include "render/pdf_writer.h"
#include "render/render_error.h"
#include "render/sample_document.h"

using namespace lerbrief;
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
    for (HPDF_Page page : pages) out.push_back(lerbrief::test::read_back(static_cast<HPDF_PageAttr>(page->attr)->contents->stream));
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

TEST_CASE("page compressor: pages that waited go into the spool's file in page order, no more than the limit at once",
          "[render][pdf]") {
    constexpr std::size_t kLimit = lerbrief::limits::kMaxPagesWaitingToCompress;
    PageSpool spool(0);  // every stream in the file
    HpdfDoc doc;
    doc.check("compression", HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL));
    std::vector<HPDF_Page> pages;
    for (std::size_t i = 0; i < kPages; ++i) {
        pages.push_back(doc.need(HPDF_AddPage(doc.get()), "page"));
        draw(doc, pages.back(), i);
    }
    {
        // in page order, page 2 (nothing drawn: nothing waits) among them
        std::vector<HPDF_Page> order(pages.begin(), pages.end());
        const auto third = order.begin() + 2;
        std::rotate(third, third + 1, order.end());  // page 2 last: the first kLimit + 1 all wait
        PageCompressor compressor(doc, spool);
        compressor.hold(true);
        for (std::size_t i = 0; i < kLimit; ++i) compressor.add(order[i]);  // all wait: the thread is held
        CHECK(compressor.most_waiting() == kLimit);
        // one more waits for a place, which it gets only when the thread is let go
        std::atomic<bool> added{false};
        std::thread next([&] { compressor.add(order[kLimit]), added = true; });
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        CHECK_FALSE(added);
        compressor.hold(false);
        next.join();
        for (std::size_t i = kLimit + 1; i < kPages; ++i) compressor.add(order[i]);
        compressor.finish();  // the waiting pages, done together, put in place oldest first
        CHECK(compressor.most_waiting() == kLimit);
    }
    REQUIRE(spool.spooled_pages() == kPages - 1);  // one page drew nothing
    std::optional<std::uint64_t> last;
    for (std::size_t i = 0; i < kPages; ++i) {
        HPDF_Stream s = static_cast<HPDF_PageAttr>(pages[i]->attr)->contents->stream;
        if (i == 2) continue;
        REQUIRE(s->type == HPDF_STREAM_CALLBACK);
        const auto* piece = static_cast<const PageSpool::Piece*>(s->attr);
        INFO("page " << i);
        if (last) CHECK(piece->offset > *last);
        last = piece->offset;
    }
}

TEST_CASE("page compressor: a page that cannot be compressed is said on the drawing thread, the rest let go",
          "[render][pdf]") {
    PageSpool spool(1 << 20);
    HpdfDoc doc;
    doc.check("compression", HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL));
    PageCompressor compressor(doc, spool);
    auto run = [&] {
        for (std::size_t i = 0; i < 6; ++i) {
            HPDF_Page page = doc.need(HPDF_AddPage(doc.get()), "page");
            draw(doc, page, i);
            // the stream claims a byte more than its buffers hold: zlib is not given it all
            if (i == 0) static_cast<HPDF_PageAttr>(page->attr)->stream->size += 1;
            compressor.add(page);
        }
        compressor.finish();
    };
    CHECK_THROWS_WITH(run(), Catch::Contains("compressing a page's content stream failed"));
    // the compressor and the document go with pages still waiting (ASan: nothing freed twice, nothing leaked)
}

TEST_CASE("page compressor: a lone document of many pages is the same bytes with its pages compressed beside",
          "[render][pdf]") {
    auto make = [](bool second_core) {
        layout::Document d;
        for (int i = 0; i < 23; ++i) {
            layout::Page p;
            p.frame.width = 612;
            p.frame.height = 792;
            if (i != 5)  // one page empty
                for (int k = 0; k < 40 + i * 7; ++k) {
                    layout::Shape s;
                    s.path = {{layout::PathSeg::Op::move, {{10.0 + k, 20.0 + i}}},
                              {layout::PathSeg::Op::curve, {{30, 5.0 + k}, {70, 95}, {90, 20.0 + k}}},
                              {layout::PathSeg::Op::close, {}}};
                    s.fill = layout::Color{0.1 * (k % 10), 0.5, 0.3};
                    p.frame.items.push_back(s);
                }
            d.pages.push_back(p);
        }
        d.second_core = second_core;
        return d;
    };
    layout::Document beside = make(true), in_turn = make(false);
    const std::string a = render_pdf_releasing(beside), b = render_pdf_releasing(in_turn);
    CHECK(a.size() > 10000);
    CHECK(a == b);
}
