#pragma once
// What a document's pages share, made on a second core while the pages are
// drawn: the icons' forms (compressed content streams) and the images'
// streams (scaled to print and compressed). Both are made once per process
// (pdf_forms.h, pdf_images.h: thread-safe memos), so the pages' drawing
// finds them made, or makes what it reaches first itself; the bytes are the
// same either way, and so is the order of the file's objects, which only the
// drawing creates.
//
// Only for a document built alone with a core to spare
// (layout::Document::second_core): a run of several documents has its cores
// busy. The helper takes the work from the last page back, the drawing from
// the first page on, so that they meet instead of racing for the same item.
// What it cannot make (an image over the limits, no memory) it leaves to
// the drawing, which says so where it always did.
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "layout/document.h"
#include "render/pdf_images.h"

namespace lerbrief::render {

// The frames placed by reference and the rasters of `document`'s pages, each
// once, in drawing order. Taken before the drawing starts, which releases
// the pages' items as it goes.
struct SharedWork {
    std::vector<std::shared_ptr<const layout::Frame>> forms;
    std::vector<std::shared_ptr<const layout::Raster>> rasters;
};
SharedWork shared_work(const layout::Document& document);

// Makes `work` on a thread of its own from construction; stops after the
// item in hand and joins on destruction. Nothing when `work` is empty, or
// no thread can be had.
class SharedWorkHelper {
public:
    SharedWorkHelper(SharedWork work, const PdfImages& images);
    ~SharedWorkHelper();
    SharedWorkHelper(const SharedWorkHelper&) = delete;
    SharedWorkHelper& operator=(const SharedWorkHelper&) = delete;

private:
    void run() noexcept;

    SharedWork work_;
    const PdfImages& images_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace lerbrief::render
