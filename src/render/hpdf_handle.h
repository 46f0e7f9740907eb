#pragma once
// RAII owner of one libharu document, and the edge where libharu's C error
// reporting becomes C++ exceptions.
//
// libharu reports errors through a C callback. Ours only records the code
// and detail (it never throws: unwinding through C frames is undefined);
// check() is called after each libharu call and throws RenderError when an
// error was recorded. After any error libharu refuses further calls, so the
// document is unusable once check() has thrown: let the HpdfDoc go.
//
// Threads: one HpdfDoc per thread. libharu objects (pages, fonts, images)
// belong to their document and are freed with it; never share them. One
// exception: a finished page's memory stream may be read on another thread
// (page_compressor.h), handed over under a lock, while nothing else touches
// that stream (reading it calls no allocator and sets no error).
#include <hpdf.h>

#include <memory>
#include <string>
#include <string_view>

namespace lerbrief::render {

class HpdfDoc {
public:
    HpdfDoc();  // throws RenderError when libharu cannot create a document
    ~HpdfDoc();
    HpdfDoc(const HpdfDoc&) = delete;
    HpdfDoc& operator=(const HpdfDoc&) = delete;

    HPDF_Doc get() const { return doc_; }

    // Throws RenderError naming `what` (the libharu function) when libharu
    // recorded an error or `status` is not HPDF_OK.
    void check(std::string_view what, HPDF_STATUS status = HPDF_OK);
    // For calls that return a handle: also throws when `handle` is null.
    template <class T>
    T need(T handle, std::string_view what) {
        check(what, handle ? HPDF_OK : HPDF_INVALID_OBJECT);
        return handle;
    }

private:
    struct Recorded {
        HPDF_STATUS code = HPDF_OK, detail = 0;
    };
    static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) noexcept;

    std::unique_ptr<Recorded> recorded_;  // stable address for the callback
    HPDF_Doc doc_ = nullptr;
};

// A libharu stream of our own (a callback writer), freed however we leave.
struct StreamFree {
    void operator()(HPDF_Stream s) const { HPDF_Stream_Free(s); }
};
using StreamPtr = std::unique_ptr<HPDF_Stream_Rec, StreamFree>;

// The libharu lerbrief runs with ("2.3.0"), for --version.
std::string libharu_version();

}  // namespace lerbrief::render
