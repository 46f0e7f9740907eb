#pragma once
// Frames drawn once into the file, as form XObjects, and placed by reference
// (`/Xn Do`) wherever they appear: an icon's art is on every diagram of a
// booklet, and its paths would otherwise be written again each time. Only
// frames of shapes are drawn so (drawable()); the caller draws others inline.
//
// A form's content is the frame's shapes in its own space (BBox 0 0 W H,
// y up), with their colours, widths, caps, joins and fill rules, written
// and Flate-compressed once per process (a run's documents place the same
// icons) and copied into each file as it is. Owned by one render_pdf call.
#include <hpdf.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "layout/frame.h"
#include "render/hpdf_handle.h"

namespace lerbrief::render {

class PdfForms {
public:
    explicit PdfForms(HpdfDoc& doc) : doc_(doc) {}
    PdfForms(const PdfForms&) = delete;
    PdfForms& operator=(const PdfForms&) = delete;

    // A frame of shapes only, each starting with a move, with a size.
    static bool drawable(const layout::Frame& frame);
    // The form of `frame`, made on first use; null when it is not drawable
    // (the caller draws it inline). Either answer is kept: a frame is
    // looked at once. Throws RenderError naming `where`.
    HPDF_XObject get(const std::shared_ptr<const layout::Frame>& frame, std::string_view where);
    // Makes the compressed content get() will write for `frame`, when it is
    // drawable (shared_work.h: on a second thread). Thread-safe.
    static void prepare(const std::shared_ptr<const layout::Frame>& frame);

private:
    HpdfDoc& doc_;
    // by address; the frame is held so that its address stays its own
    std::map<const layout::Frame*, std::pair<std::shared_ptr<const layout::Frame>, HPDF_XObject>> forms_;
};

// The content stream of a drawable frame (exposed for tests).
std::string form_content(const layout::Frame& frame);

}  // namespace lerbrief::render
