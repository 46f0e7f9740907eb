// Saving: the file goes through a callback stream straight into the caller's
// sink (a temporary file beside the target, app/atomic_file.h), so a large
// PDF is never held in memory. Its form, object streams and a
// cross-reference stream, is render/object_streams.h.
#include <hpdf_doc.h>
#include <hpdf_error.h>
#include <hpdf_streams.h>

#include <exception>
#include <string_view>

#include "render/document_parts.h"
#include "render/object_streams.h"
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
    SinkState state{&sink, nullptr};
    const StreamPtr out(  // freed before `state`, which it points at
        doc.need(HPDF_CallbackWriter_New(pdf->mmgr, write_to_sink, &state), "HPDF_CallbackWriter_New"));
    try {
        write_compact_file(doc, out.get());
    } catch (...) {
        if (state.thrown) std::rethrow_exception(state.thrown);  // the sink's own failure, not libharu's
        throw;
    }
    if (state.thrown) std::rethrow_exception(state.thrown);
}

}  // namespace lerbrief::render
