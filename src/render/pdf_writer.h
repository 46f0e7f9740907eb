#pragma once
// The libharu PDF writer: laid-out pages in, PDF bytes out.
//
// Output: PDF 1.5, object streams and a cross-reference stream
// (object_streams.h; 1.7 when Document::tagged: tagged PDF for PDF/UA-1,
// with the structure tree from the items' tags, see pdf_tags.h), every content, font and image stream Flate-compressed;
// fonts embedded and subset as CID TrueType with a valid ToUnicode CMap, so
// text can be selected, searched and extracted; bookmarks, page labels,
// info dictionary and /Lang from the Document. The same Document gives the
// same bytes on every run: nothing comes from the clock, and the /ID is
// the MD5 of the file's body.
//
// Limits (libharu 2.3.0), refused with RenderError rather than written
// wrong: coordinates and sizes within ±32767 (libharu would clamp them) and
// pages of 3..14400 pt; a text run, URI or title of at most 65,535 bytes;
// valid UTF-8 of code points U+0020..U+FFFF that the run's font has. libharu
// applies no kerning, ligatures or font fallback: layout places each run.
// Bookmarks and internal links open at [page /XYZ 0 top null] (the reader
// keeps its zoom). Each face costs about 28 KB (its outlines are subset, its
// other tables are embedded whole).
//
// What may fail: render_pdf throws RenderError (render/render_error.h) with a
// message that names the page and item, font or image when the Document asks
// for something that cannot be written (a character the font lacks, invalid
// UTF-8, a link to a missing page, a malformed raster, a font file that fails
// the checks in layout/font.h, …) or libharu reports an error. It writes no
// file.
//
// Threads: each call builds its own libharu document; calls on different
// threads are independent. The Document is only read (render_pdf_releasing
// empties its pages' items).
#include <string>
#include <string_view>

#include "layout/document.h"
#include "render/render_error.h"

namespace lerbrief::render {

// Where a PDF goes as libharu saves it: pieces of a few bytes to a few
// kilobytes, in order. write() may throw (a full disk): the save stops, and
// render_pdf rethrows that exception once libharu has let go.
class PdfSink {
public:
    virtual ~PdfSink() = default;
    virtual void write(std::string_view bytes) = 0;
};

// Renders and saves into `sink`; nothing of the file is held in memory.
void render_pdf(const layout::Document& document, PdfSink& sink);
// The same bytes, as a string (tests, small files).
std::string render_pdf(const layout::Document& document);

// The same bytes, for a Document's last use: each page's items are freed as
// soon as the page is drawn (its size, boxes, and the outline, labels and
// metadata stay), so a large document's laid-out pages are not all held
// while libharu builds and saves the file.
void render_pdf_releasing(layout::Document& document, PdfSink& sink);
std::string render_pdf_releasing(layout::Document& document);

}  // namespace lerbrief::render
