#include "render/flate.h"

#include <hpdf_conf.h>
#include <hpdf_gstate.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <string>

#include "model/zlib_bytes.h"
#include "render/bytes_stream.h"
#include "render/kept_deflate.h"
#include "render/render_error.h"

namespace lerbrief::render {

namespace {

// One zlib deflate stream, ended however we leave.
class Deflater {
public:
    Deflater() {
        if (deflateInit(&z_, Z_DEFAULT_COMPRESSION) != Z_OK) throw RenderError("pdf: zlib: deflateInit failed");
    }
    ~Deflater() { deflateEnd(&z_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;
    z_stream& get() { return z_; }

private:
    z_stream z_{};
};

}  // namespace

std::string memory_stream_bytes(HPDF_Stream s, std::string_view what) {
    if (!s || s->type != HPDF_STREAM_MEMORY) throw RenderError(fmt::format("pdf: {} is not held in memory", what));
    std::string raw;
    raw.reserve(s->size);
    const HPDF_UINT count = HPDF_MemStream_GetBufCount(s);
    for (HPDF_UINT i = 0; i < count; ++i) {
        HPDF_UINT len = 0;
        const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(s, i, &len);
        if (!p) throw RenderError(fmt::format("pdf: {} cannot be read back", what));
        raw.append(reinterpret_cast<const char*>(p), len);
    }
    return raw;
}

// The memory stream's bytes, deflated as deflate_bytes deflates them (the
// bytes libharu's compression gives, fed buffer by buffer, when it saves),
// or read back from an earlier run's (kept_deflate.h).
std::string deflate_page_stream(HPDF_Stream s) {
    const std::string raw = memory_stream_bytes(s, "a page's content stream");
    if (raw.size() != s->size) throw RenderError("pdf: zlib: compressing a page's content stream failed");
    return kept_deflate(raw);
}

void deflate_stream_now(HPDF_Dict dict, std::string_view what) {
    if (!dict) return;
    if (dict->write_fn == write_flate_filter) {  // compressed already: libharu may have marked it again
        dict->filter = HPDF_STREAM_FILTER_NONE;
        return;
    }
    if (dict->filter == HPDF_STREAM_FILTER_NONE) return;
    if (dict->filter != HPDF_STREAM_FILTER_FLATE_DECODE || dict->write_fn)
        throw RenderError(fmt::format("pdf: {} is not a stream libharu compresses as lerbrief does", what));
    std::string raw = memory_stream_bytes(dict->stream, what);
    raw.resize(std::min<std::size_t>(raw.size(), dict->stream->size));
    if (raw.empty()) {  // libharu writes an empty stream as it is, under its filter
        dict->filter = HPDF_STREAM_FILTER_NONE;
        dict->write_fn = write_flate_filter;
        return;
    }
    put_deflated(dict, std::make_shared<const std::string>(kept_deflate(raw)), what);
}

void put_deflated(HPDF_Dict dict, std::shared_ptr<const std::string> z, std::string_view what) {
    if (dict->write_fn) throw RenderError(fmt::format("pdf: libharu gave {} a writer of its own", what));
    if (!z) throw RenderError(fmt::format("pdf: no bytes for {}", what));
    HPDF_Stream fresh = bytes_stream(dict->mmgr, std::move(z));
    if (!fresh) throw RenderError(fmt::format("pdf: no memory for {}", what));
    HPDF_Stream_Free(dict->stream);
    dict->stream = fresh;
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = write_flate_filter;  // "/Filter [ /FlateDecode ]" where libharu writes it
}

namespace {

// A libharu list's block of item pointers cut to the items it holds: it
// grows by 20 pointers at a time, and a page's finished content stream (its
// dictionary holds only /Length, its memory stream one buffer) keeps two such
// blocks until the save: 1.3 MB for a booklet of 4,186 pages. libharu grows
// the block again should anything be added.
void fit_list(HpdfDoc& doc, HPDF_List list) {
    if (list->count == 0 || list->block_siz <= list->count) return;
    auto** items = static_cast<void**>(
        doc.need(HPDF_GetMem(list->mmgr, list->count * sizeof(void*)), "a page's content stream"));
    std::copy(list->obj, list->obj + list->count, items);
    HPDF_FreeMem(list->mmgr, list->obj);
    list->obj = items;
    list->block_siz = list->count;
}

}  // namespace

std::string deflate_bytes(std::string_view raw) {
    std::string out = zlib_deflate(raw, Deflate::standard);
    if (out.empty()) throw RenderError("pdf: zlib: compressing a stream failed");
    return out;
}

struct PieceDeflater::Zlib {
    Deflater d;
};

PieceDeflater::PieceDeflater() : z_(std::make_unique<Zlib>()) {}
PieceDeflater::~PieceDeflater() = default;

void PieceDeflater::add(std::string_view raw) {
    z_stream& z = z_->d.get();
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
    z.avail_in = static_cast<uInt>(raw.size());
    char buf[16384];
    do {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        if (deflate(&z, Z_NO_FLUSH) == Z_STREAM_ERROR) throw RenderError("pdf: zlib: compressing a stream failed");
        out_.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_in > 0 || z.avail_out == 0);
}

std::string PieceDeflater::finish() {
    z_stream& z = z_->d.get();
    z.next_in = nullptr;
    z.avail_in = 0;
    char buf[16384];
    int st = Z_OK;
    while (st == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        st = deflate(&z, Z_FINISH);
        if (st != Z_OK && st != Z_STREAM_END) throw RenderError("pdf: zlib: compressing a stream failed");
        out_.append(buf, sizeof buf - z.avail_out);
    }
    return std::move(out_);
}

HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
    return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

HPDF_Stream page_stream_to_deflate(HPDF_Page page) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Dict contents = attr->contents;
    if (!(contents->filter & HPDF_STREAM_FILTER_FLATE_DECODE)) return nullptr;
    if (attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION || (attr->gstate && attr->gstate->prev))
        throw RenderError("pdf: a page was left inside a text or path object or a saved graphics state");
    HPDF_Stream old = contents->stream;
    if (!old || old != attr->stream || old->type != HPDF_STREAM_MEMORY || contents->write_fn ||
        contents->filter != HPDF_STREAM_FILTER_FLATE_DECODE)
        throw RenderError("pdf: a page's content stream is not the plain memory stream libharu makes");
    return old->size == 0 ? nullptr : old;
}

void attach_deflated(HpdfDoc& doc, HPDF_Page page, PageSpool& spool, HPDF_Stream stream, std::string_view z) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Dict contents = attr->contents;
    if (contents->stream != stream || attr->stream != stream)
        throw RenderError("pdf: a page's content stream changed while it was compressed");
    HPDF_Stream fresh = spool.stream(doc, page->mmgr, z);
    HPDF_Stream_Free(stream);
    contents->stream = attr->stream = fresh;
    contents->filter = HPDF_STREAM_FILTER_NONE;
    contents->write_fn = write_flate_filter;
    fit_list(doc, contents->list);
    if (fresh->type == HPDF_STREAM_MEMORY) fit_list(doc, static_cast<HPDF_MemStreamAttr>(fresh->attr)->buf);
}

void deflate_page(HpdfDoc& doc, HPDF_Page page, PageSpool& spool) {
    if (HPDF_Stream s = page_stream_to_deflate(page)) attach_deflated(doc, page, spool, s, deflate_page_stream(s));
}

}  // namespace lerbrief::render
