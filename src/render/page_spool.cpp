#include "render/page_spool.h"

#include <fcntl.h>
#include <hpdf_error.h>
#include <hpdf_streams.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "render/render_error.h"

namespace lerbrief::render {

namespace {

PageSpool::Piece& piece_of(HPDF_Stream s) { return *static_cast<PageSpool::Piece*>(s->attr); }

HPDF_STATUS read_piece(HPDF_Stream s, HPDF_BYTE* out, HPDF_UINT* size) {
    PageSpool::Piece& p = piece_of(s);
    std::uint32_t n = *size;
    if (!p.spool->read(p, out, n)) {
        *size = 0;
        return HPDF_SetError(s->error, HPDF_FILE_IO_ERROR, 0);
    }
    *size = n;
    return p.at == p.length ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seek_piece(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode) {
    PageSpool::Piece& p = piece_of(s);
    const long long base = mode == HPDF_SEEK_CUR ? p.at : mode == HPDF_SEEK_END ? p.length : 0;
    const long long to = base + pos;
    if (to < 0 || to > p.length) return HPDF_SetError(s->error, HPDF_STREAM_EOF, 0);
    p.at = static_cast<std::uint32_t>(to);
    return HPDF_OK;
}

HPDF_INT32 tell_piece(HPDF_Stream s) { return static_cast<HPDF_INT32>(piece_of(s).at); }

HPDF_UINT32 size_of_piece(HPDF_Stream s) { return piece_of(s).length; }

// An unnamed file in `dir`, or a named one unlinked at once where the file
// system has no unnamed files; -1 when neither can be made.
int open_unnamed(const std::filesystem::path& dir) {
#ifdef O_TMPFILE
    int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
#endif
    std::string name = (dir / ".lerbrief-pages-XXXXXX").string();
    int named = ::mkostemp(name.data(), O_CLOEXEC);
    if (named < 0) return -1;
    ::unlink(name.c_str());
    return named;
}

}  // namespace

PageSpool::PageSpool(std::size_t keep_in_memory) : keep_in_memory_(keep_in_memory) {}

PageSpool::~PageSpool() {
    if (fd_ >= 0) ::close(fd_);
}

void PageSpool::open() {
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    fd_ = ec ? -1 : open_unnamed(dir);
    if (fd_ < 0) given_up_ = true;
}

bool PageSpool::append(std::string_view bytes) {
    if (given_up_ || bytes.size() > UINT32_MAX) return false;
    if (held_ + bytes.size() <= keep_in_memory_) return false;
    if (fd_ < 0) open();
    if (given_up_) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(size_ + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {  // a full disk: this page and the rest stay in memory
            given_up_ = true;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    pieces_.push_back(Piece{this, size_, static_cast<std::uint32_t>(bytes.size()), 0});
    size_ += bytes.size();
    return true;
}

HPDF_Stream PageSpool::stream(HpdfDoc& doc, HPDF_MMgr mmgr, std::string_view bytes) {
    if (append(bytes)) {
        HPDF_Stream s = doc.need(
            HPDF_CallbackReader_New(mmgr, read_piece, seek_piece, tell_piece, size_of_piece, &pieces_.back()),
            "HPDF_CallbackReader_New");
        s->size = pieces_.back().length;
        return s;
    }
    // Sized exactly: one buffer of the bytes.
    HPDF_Stream fresh = doc.need(HPDF_MemStream_New(mmgr, static_cast<HPDF_UINT>(bytes.size())), "HPDF_MemStream_New");
    HPDF_STATUS st =
        HPDF_Stream_Write(fresh, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
    if (st != HPDF_OK) HPDF_Stream_Free(fresh);
    doc.check("writing a page's compressed content stream", st);
    held_ += bytes.size();
    return fresh;
}

bool PageSpool::read(Piece& p, unsigned char* out, std::uint32_t& size) {
    const std::uint32_t want = std::min(size, p.length - p.at);
    std::uint32_t got = 0;
    while (got < want) {
        const ssize_t n = ::pread(fd_, out + got, want - got, static_cast<off_t>(p.offset + p.at + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            read_error_ = n < 0 ? std::strerror(errno) : "the file is shorter than was written";
            return false;
        }
        got += static_cast<std::uint32_t>(n);
    }
    p.at += got;
    size = got;
    return true;
}

void PageSpool::rethrow_if_failed() const {
    if (!read_error_.empty())
        throw TempFileError("its pages kept in a temporary file cannot be read back: " + read_error_);
}

}  // namespace lerbrief::render
