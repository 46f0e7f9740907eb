#include "render/hpdf_handle.h"

#include <fmt/format.h>

#include "render/render_error.h"

namespace lerbrief::render {

namespace {

// What the codes we can meet mean (hpdf_error.h); others print as numbers.
const char* describe(HPDF_STATUS code) {
    switch (code) {
        case HPDF_FAILD_TO_ALLOC_MEM:
            return "out of memory";
        case HPDF_FILE_IO_ERROR:
            return "cannot read a file";
        case HPDF_FILE_OPEN_ERROR:
            return "cannot open a file";
        case HPDF_FONT_EXISTS:
            return "a font with this name is already loaded";
        case HPDF_INVALID_DATE_TIME:
            return "invalid date";
        case HPDF_INVALID_FONTDEF_DATA:
            return "invalid font data";
        case HPDF_INVALID_OBJECT:
            return "no object returned";
        case HPDF_INVALID_PARAMETER:
            return "invalid parameter";
        case HPDF_PAGE_INVALID_GMODE:
            return "operator not allowed in this graphics mode";
        case HPDF_PAGE_INVALID_SIZE:
            return "page size out of range";
        case HPDF_REAL_OUT_OF_RANGE:
            return "number out of range";
        case HPDF_STRING_OUT_OF_RANGE:
            return "string too long";
        case HPDF_TTF_CANNOT_EMBEDDING_FONT:
            return "the font does not allow embedding";
        case HPDF_TTF_INVALID_CMAP:
            return "invalid font cmap";
        case HPDF_TTF_INVALID_FOMAT:
            return "invalid TrueType font";
        case HPDF_TTF_MISSING_TABLE:
            return "a TrueType table is missing";
        case HPDF_ZLIB_ERROR:
            return "compression failed";
        default:
            return "libharu error";
    }
}

}  // namespace

HpdfDoc::HpdfDoc() : recorded_(std::make_unique<Recorded>()) {
    doc_ = HPDF_New(&HpdfDoc::on_error, recorded_.get());
    if (!doc_) throw RenderError("pdf: libharu cannot create a document (out of memory)");
}

HpdfDoc::~HpdfDoc() { HPDF_Free(doc_); }

void HpdfDoc::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) noexcept {
    auto* r = static_cast<Recorded*>(user);
    if (r->code == HPDF_OK) *r = {code, detail};  // keep the first: later ones follow from it
}

void HpdfDoc::check(std::string_view what, HPDF_STATUS status) {
    HPDF_STATUS code = recorded_->code;
    HPDF_STATUS detail = recorded_->detail;
    if (code == HPDF_OK) code = HPDF_GetError(doc_), detail = HPDF_GetErrorDetail(doc_);
    if (code == HPDF_OK) code = status, detail = 0;
    if (code == HPDF_OK) return;
    throw RenderError(fmt::format("pdf: {} failed: {} (libharu error 0x{:04X}, detail {})", what,
                                  describe(code), static_cast<unsigned>(code),
                                  static_cast<unsigned>(detail)));
}

std::string libharu_version() { return HPDF_GetVersion(); }

}  // namespace lerbrief::render
