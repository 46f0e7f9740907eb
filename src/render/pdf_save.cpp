// Saving: libharu writes the file through a callback stream straight into
// the caller's sink (a temporary file beside the target, app/atomic_file.h),
// so a large PDF is never held in memory, neither in libharu's memory stream
// nor in a copy of it.
#include <hpdf_doc.h>
#include <hpdf_error.h>
#include <hpdf_streams.h>

#include <exception>
#include <string_view>

#include "render/document_parts.h"
#include "render/pdf_writer.h"
#include "render/render_error.h"

namespace lerbrief::render {

namespace {

struct SinkState {
    PdfSink* sink = nullptr;
    std::exception_ptr thrown;  // carried past libharu's C frames
};

HPDF_STATUS write_to_sink(HPDF_Stream stream, const HPDF_BYTE* ptr, HPDF_UINT size) {
    auto* state = static_cast<SinkState*>(stream->attr);
    if (state->thrown) return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
    try {
        state->sink->write(std::string_view(reinterpret_cast<const char*>(ptr), size));
        return HPDF_OK;
    } catch (...) {
        state->thrown = std::current_exception();
        // Recorded in the document's error too: libharu's save reports
        // only what was recorded there.
        return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
    }
}

}  // namespace

void save_to_sink(HpdfDoc& doc, PdfSink& sink) {
    HPDF_Doc pdf = doc.get();
    // Soft masks and /Lang are PDF 1.4; libharu writes 1.3 unless told.
    if (pdf->pdf_version < HPDF_VER_14) pdf->pdf_version = HPDF_VER_14;
    SinkState state{&sink, nullptr};
    // HPDF_SaveToStream writes into the document's stream, and makes a
    // memory stream only when it has none.
    if (pdf->stream) {
        HPDF_Stream_Free(pdf->stream);
        pdf->stream = nullptr;
    }
    pdf->stream = doc.need(HPDF_CallbackWriter_New(pdf->mmgr, write_to_sink, &state), "HPDF_CallbackWriter_New");
    const HPDF_STATUS st = HPDF_SaveToStream(pdf);
    HPDF_Stream_Free(pdf->stream);  // it points at `state`
    pdf->stream = nullptr;
    if (state.thrown) std::rethrow_exception(state.thrown);
    doc.check("HPDF_SaveToStream", st);
}

}  // namespace lerbrief::render
