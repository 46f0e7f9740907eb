#include "render/bytes_stream.h"

#include <hpdf_streams.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace lerbrief::render {

namespace {

// What the stream reads: the shared bytes and a position (past their end
// after a seek there, as a file's may be).
struct Held {
    std::shared_ptr<const std::string> bytes;
    std::size_t pos = 0;
};

Held* held(HPDF_Stream s) { return static_cast<Held*>(s->attr); }

// As libharu's file reader: a short read fills the rest with zeros and says
// HPDF_STREAM_EOF, with the count read.
HPDF_STATUS read_bytes(HPDF_Stream s, HPDF_BYTE* out, HPDF_UINT* size) {
    const Held& h = *held(s);
    const std::size_t left = h.pos < h.bytes->size() ? h.bytes->size() - h.pos : 0;
    const std::size_t n = std::min<std::size_t>(*size, left);
    if (n) std::memcpy(out, h.bytes->data() + h.pos, n);
    held(s)->pos += n;
    if (n == *size) return HPDF_OK;
    std::memset(out + n, 0, *size - n);
    *size = static_cast<HPDF_UINT>(n);
    return HPDF_STREAM_EOF;
}

// As fseek: from the start, the position or the end; never before the start.
HPDF_STATUS seek_bytes(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode) {
    Held& h = *held(s);
    long long base = 0;
    if (mode == HPDF_SEEK_CUR) base = static_cast<long long>(h.pos);
    if (mode == HPDF_SEEK_END) base = static_cast<long long>(h.bytes->size());
    const long long to = base + pos;
    if (to < 0) return HPDF_SetError(s->error, HPDF_FILE_IO_ERROR, 0);
    h.pos = static_cast<std::size_t>(to);
    return HPDF_OK;
}

HPDF_INT32 tell_bytes(HPDF_Stream s) { return static_cast<HPDF_INT32>(held(s)->pos); }

HPDF_UINT32 size_of_bytes(HPDF_Stream s) { return static_cast<HPDF_UINT32>(held(s)->bytes->size()); }

void free_bytes(HPDF_Stream s) {
    delete held(s);
    s->attr = nullptr;
}

}  // namespace

HPDF_Stream bytes_stream(HPDF_MMgr mmgr, std::shared_ptr<const std::string> bytes) {
    auto* h = new (std::nothrow) Held{std::move(bytes), 0};
    if (!h) return nullptr;
    auto s = static_cast<HPDF_Stream>(HPDF_GetMem(mmgr, sizeof(HPDF_Stream_Rec)));
    if (!s) {
        delete h;
        return nullptr;
    }
    std::memset(s, 0, sizeof(HPDF_Stream_Rec));
    s->sig_bytes = HPDF_STREAM_SIG_BYTES;
    s->type = HPDF_STREAM_CALLBACK;
    s->error = mmgr->error;
    s->mmgr = mmgr;
    s->read_fn = read_bytes;
    s->seek_fn = seek_bytes;
    s->tell_fn = tell_bytes;
    s->size_fn = size_of_bytes;
    s->free_fn = free_bytes;
    s->attr = h;
    return s;
}

const std::shared_ptr<const std::string>* stream_bytes(HPDF_Stream stream) {
    if (!stream || stream->read_fn != read_bytes || !stream->attr) return nullptr;
    return &held(stream)->bytes;
}

}  // namespace lerbrief::render
