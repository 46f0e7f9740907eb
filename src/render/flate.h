#pragma once
// Streams we Flate-compress ourselves and libharu writes as they are.
//
// libharu compresses a stream marked HPDF_STREAM_FILTER_FLATE_DECODE only
// when it saves the document, so until then it holds every page's content
// stream uncompressed (~22 KB a page; 92 MB for a booklet of 4,186 pages).
// deflate_page() compresses a finished page's content stream at once, in
// place, with the deflate libharu itself would run (deflateInit at
// Z_DEFAULT_COMPRESSION, fed the same 4 KB buffers, then Z_FINISH), and
// marks it to be written as it is: the file's bytes do not change. The
// compressed bytes go to `spool`, which keeps them in memory or in its
// temporary file (render/page_spool.h).
#include <hpdf.h>

#include <memory>
#include <string>
#include <string_view>

#include "render/hpdf_handle.h"
#include "render/page_spool.h"

namespace lerbrief::render {

// `raw` deflated as libharu deflates a stream it compresses when it saves
// (zlib at Z_DEFAULT_COMPRESSION): written with write_flate_filter, the file
// has the bytes libharu would have written.
std::string deflate_bytes(std::string_view raw);

// Deflates bytes given piece by piece (zlib at Z_DEFAULT_COMPRESSION), holding
// only what is compressed so far: for data made a row at a time, such as the
// cross-reference stream of a large document.
class PieceDeflater {
public:
    PieceDeflater();  // throws RenderError
    ~PieceDeflater();
    PieceDeflater(const PieceDeflater&) = delete;
    PieceDeflater& operator=(const PieceDeflater&) = delete;
    void add(std::string_view raw);
    std::string finish();  // the compressed bytes; add nothing after

private:
    struct Zlib;
    std::unique_ptr<Zlib> z_;
    std::string out_;
};

// For a stream dictionary whose stream is compressed already and whose filter
// is set to none: writes "/Filter [ /FlateDecode ]" where libharu writes it
// when it compresses the stream itself (last in the dictionary). Install as
// the dictionary's write_fn.
HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream stream);

// The bytes a libharu memory stream holds (`what` names it in the error).
// Throws RenderError when it is not a memory stream or cannot be read back.
std::string memory_stream_bytes(HPDF_Stream stream, std::string_view what);

// A stream dictionary libharu would compress as it writes it (its filter
// FlateDecode alone), compressed now (kept_deflate.h: read back when an
// earlier run compressed the same bytes) and marked to be written as it is:
// the file has the bytes libharu would have written. Nothing for a stream
// libharu would not compress, or one compressed so already. Throws
// RenderError.
void deflate_stream_now(HPDF_Dict dict, std::string_view what);

// `dict`'s stream replaced by `z`, compressed already, to be written as it
// is under "/Filter [ /FlateDecode ]" (write_flate_filter): the one way a
// stream lerbrief compressed (an image, an icon's form, a font's stream)
// goes into libharu. `z` is held, not copied (render/bytes_stream.h): an
// image's streams are kept for the process anyway, and were copied into
// each document that showed them (0.9 MB for the map's booklet). Throws
// RenderError naming `what`.
void put_deflated(HPDF_Dict dict, std::shared_ptr<const std::string> z, std::string_view what);

// Compresses `page`'s content stream in place; call when nothing more will be
// drawn on the page. Does nothing when libharu would not compress it
// (compression off) or it is empty. Throws RenderError when the page is left
// inside a text or path object or a saved graphics state (libharu would close
// them when saving, into the compressed stream).
void deflate_page(HpdfDoc& doc, HPDF_Page page, PageSpool& spool);

// deflate_page() in three steps, so that the middle one can run on another
// thread (page_compressor.h) while the next page is drawn:
// - the page's content stream to compress, checked as deflate_page checks
//   it; null when there is nothing to compress;
// - its bytes deflated (reads the stream only: nothing else may change it
//   meanwhile);
// - the compressed bytes put in the stream's place, through `spool`;
//   RenderError when the page's stream is no longer `stream`.
HPDF_Stream page_stream_to_deflate(HPDF_Page page);
std::string deflate_page_stream(HPDF_Stream stream);
void attach_deflated(HpdfDoc& doc, HPDF_Page page, PageSpool& spool, HPDF_Stream stream, std::string_view z);

}  // namespace lerbrief::render
