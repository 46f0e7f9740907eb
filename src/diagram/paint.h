#pragma once
// A standalone Cairo painter for any layout::Frame: shapes, text, images and
// nested groups (links are skipped). It draws the diagram alone for slides
// and print (--diagram FILE.pdf/.svg/.png) and the PNG renders of the tests.
//
// Fonts: each FontId names one of the bundled TrueType files; the painter
// opens that file with FreeType (cairo-ft), so the glyphs drawn are the very
// faces the layout measured, whatever fonts the machine has installed.
#include <stdexcept>
#include <string>
#include <vector>

#include "diagram/cairo_ptr.h"
#include "layout/frame.h"

namespace lerbrief::diagram {

class PaintError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct FontFace {
    std::string path;  // the .ttf the layout measured
};

struct FontFiles {
    std::vector<FontFace> faces;  // indexed by layout::FontId
    static FontFiles from_paths(const std::vector<std::string>& paths);
};

// Paints `frame` in the current user space of `cr` (1 unit = 1 point, origin
// at the frame's top-left). Throws PaintError for a FontId without a face, a
// font file that cannot be read, or a Cairo error (e.g. invalid UTF-8).
void paint(cairo_t* cr, const layout::Frame& frame, const FontFiles& fonts);

// The frame on an opaque white ARGB32 image, `dpi` pixels per inch.
SurfacePtr render_image(const layout::Frame& frame, const FontFiles& fonts, double dpi);

// Writes the frame alone to `path`; the extension picks the format: .pdf and
// .svg (vector, frame size × scale points) or .png (frame size × scale at
// `dpi`, white background). Written to PATH.partial and renamed, so an
// earlier file survives a failure. Throws PaintError (naming the path) for an
// unknown extension or a write error. `pdf_date` ("YYYY-MM-DDTHH:MM:SS",
// optional) is the PDF's creation date; without it the PDF carries none.
void write_standalone(const layout::Frame& frame, const std::string& path, const FontFiles& fonts,
                      double scale = 1, double dpi = 150, const std::string& pdf_date = {});

// `frame` scaled to fit inside width × height less `margin` on every side and
// centred there: e.g. a 16:9 slide, fit_frame(diagram, 960, 540, 24).
layout::Frame fit_frame(const layout::Frame& frame, double width, double height, double margin);

}  // namespace lerbrief::diagram
