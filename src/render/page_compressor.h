#pragma once
// Pages' content streams compressed on a thread of their own while the next
// pages are drawn, for a document built alone with a core to spare
// (layout::Document::second_core): zlib was a third of the map booklet's
// drawing. The drawing thread checks each finished page and puts its
// compressed stream in place (flate.h: page_stream_to_deflate,
// attach_deflated), in page order; the thread here only reads the page's
// stream and deflates it (deflate_page_stream). libharu's objects and the
// spool's file are touched by the drawing thread alone, so the file is the
// same bytes as deflate_page() makes, page by page.
//
// At most limits::kMaxPagesWaitingToCompress pages wait; the drawing waits
// for the oldest past that.
#include <hpdf.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include "render/hpdf_handle.h"
#include "render/page_spool.h"

namespace lerbrief::render {

class PageCompressor {
public:
    // Starts the thread; throws std::system_error when none can be had (the
    // caller compresses each page itself, deflate_page()).
    PageCompressor(HpdfDoc& doc, PageSpool& spool);
    // Stops after the page in hand and joins. Pages not yet put in place stay
    // uncompressed: only a render that is failing leaves any.
    ~PageCompressor();
    PageCompressor(const PageCompressor&) = delete;
    PageCompressor& operator=(const PageCompressor&) = delete;

    // `page` is finished: checked now (RenderError, as deflate_page), its
    // stream compressed on the thread. Puts in place the pages done so far,
    // and so rethrows the error of an earlier page that could not be
    // compressed.
    void add(HPDF_Page page);
    // Waits for every page added and puts each in place. Rethrows the error
    // of a page that could not be compressed.
    void finish();

    // The most pages that waited at once (at most
    // limits::kMaxPagesWaitingToCompress).
    std::size_t most_waiting() const { return most_waiting_; }
    // While held, the thread takes no page (for tests: to see pages wait;
    // a page added past the limit then waits until let go).
    void hold(bool held);

private:
    struct Job {
        HPDF_Page page;
        HPDF_Stream stream;
        bool done = false;
        std::string z;
        std::exception_ptr error;
    };
    void run() noexcept;
    // Puts the done pages at the front in place; with `wait`, waits for the
    // front one first.
    void attach_front(bool wait);

    HpdfDoc& doc_;
    PageSpool& spool_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> jobs_;  // in page order; the thread takes the first not done
    bool stop_ = false, held_ = false;
    std::size_t most_waiting_ = 0;  // the drawing thread's alone
    std::thread thread_;
};

}  // namespace lerbrief::render
