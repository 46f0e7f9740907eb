#pragma once
// Compressed page streams kept in a temporary file until the save.
//
// libharu writes a document only when it saves it, so every page's content
// stream is held until then: compressed, about 2 KB a page, 8.3 MB for a
// booklet of 4,186 pages. Past kPageSpoolAfterBytes of them (src/model/
// limits.h) a document's pages go to an unnamed temporary file instead
// (O_TMPFILE in $TMPDIR, else /tmp), and libharu reads each back as it
// writes the page: its content stream becomes a reader over the file's piece.
// The saved bytes do not change.
//
// The spool is a saving of memory, never a condition of the build: when the
// file cannot be made or written (no $TMPDIR, a full disk), the page and every
// later one stay in memory. Reading back is the one failure it reports:
// rethrow_if_failed() throws TempFileError after a save that failed on it.
#include <hpdf.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "render/hpdf_handle.h"

namespace lerbrief::render {

class PageSpool {
public:
    // `keep_in_memory`: the bytes of compressed streams held in memory before
    // the spool opens its file.
    explicit PageSpool(std::size_t keep_in_memory);
    ~PageSpool();
    PageSpool(const PageSpool&) = delete;
    PageSpool& operator=(const PageSpool&) = delete;

    // A stream of `bytes` for libharu to write as they are: a reader over the
    // temporary file, or a memory stream when the bytes stay in memory.
    HPDF_Stream stream(HpdfDoc& doc, HPDF_MMgr mmgr, std::string_view bytes);

    // Throws TempFileError when reading the file back failed.
    void rethrow_if_failed() const;

    std::size_t spooled_pages() const { return pieces_.size(); }

    struct Piece {  // one stream's bytes in the file, and where libharu reads
        PageSpool* spool;
        std::uint64_t offset;
        std::uint32_t length, at;
    };
    // For the reader's callbacks: reads up to `size` bytes at the piece's
    // position; false (and the error kept) when the file fails.
    bool read(Piece& p, unsigned char* out, std::uint32_t& size);

private:
    bool append(std::string_view bytes);  // false: the bytes stay in memory
    void open();

    std::size_t keep_in_memory_, held_ = 0;
    int fd_ = -1;
    bool given_up_ = false;  // could not make or write the file
    std::uint64_t size_ = 0;
    std::deque<Piece> pieces_;  // stable: each is a reader's attr
    std::string read_error_;
};

}  // namespace lerbrief::render
