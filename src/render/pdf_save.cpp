// Saving through libharu's memory stream (the caller writes the file, so it
// can write to a temporary name and rename on success).
#include <hpdf_doc.h>

#include "render/document_parts.h"
#include "render/render_error.h"

namespace lerbrief::render {

std::string save_to_string(HpdfDoc& doc) {
    HPDF_Doc pdf = doc.get();
    // Soft masks and /Lang are PDF 1.4; libharu writes 1.3 unless told.
    if (pdf->pdf_version < HPDF_VER_14) pdf->pdf_version = HPDF_VER_14;
    doc.check("HPDF_SaveToStream", HPDF_SaveToStream(pdf));
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    doc.check("HPDF_ResetStream", HPDF_ResetStream(pdf));
    std::string out(size, '\0');
    HPDF_UINT32 got = size;
    HPDF_STATUS st = HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &got);
    if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != size)
        throw RenderError("pdf: cannot read the saved document back from libharu's memory stream");
    return out;
}

}  // namespace lerbrief::render
