#pragma once
// The file in the compact form PDF 1.5 allows (ISO 32000-1, 7.5.7 and
// 7.5.8): every object that is not a stream goes into an object stream, a
// hundred to one, deflated; streams are written as they are; the
// cross-reference table is itself a deflated stream.
//
// libharu still writes each object's value, in its own order, and every
// hook lerbrief installs on an object (fonts embedded as they are written,
// pages read back from the spool) runs as when libharu saves. Only the
// file's frame is ours: the header, the object streams, the table and the
// file's /ID (the MD5 of the body: the same bytes every run). The structure
// (pages, tags, outline, text) is the same object for object; only objects
// made while saving (a font's descriptor and file) are numbered after the
// object streams reserved by then.
//
// Memory: one object stream's objects are held until it is full, and the
// table is kept in libharu's own cross-reference entries and compressed as
// it is written.
#include <hpdf.h>

#include "render/hpdf_handle.h"

namespace lerbrief::render {

// Writes the whole file into `out`, once per document. Throws RenderError:
// when `out` refuses bytes (the caller rethrows what its sink threw), when
// the file would pass 4 GiB (libharu's offsets are 32 bits), for an
// encrypted or already saved document, and should an object that must stay
// outside an object stream (a stream, or a stream's /Length written before
// its stream) be about to go into one.
void write_compact_file(HpdfDoc& doc, HPDF_Stream out);

}  // namespace lerbrief::render
