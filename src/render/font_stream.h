#pragma once
// A TrueType font handed to libharu from the bytes layout::FontMetrics
// checked, not from the file.
//
// HPDF_LoadTTFontFromFile reads the file through libharu's file stream, which
// clears every buffer before each fread: the ~8,700 small reads that parse a
// face, then the whole file again when it is subset at save, cost ~4 M
// instructions a face and document (215 M of the website's `--all`, eleven
// documents of five faces). Here libharu reads from the bytes in memory, read
// once a process; the subset (font_trim.h) reads them where they are; and
// libharu parses exactly the bytes lerbrief's own parse passed, even should
// the file change on disk meanwhile.
#include <hpdf.h>

#include <memory>
#include <string>
#include <string_view>

#include "render/hpdf_handle.h"

namespace lerbrief::render {

// Loads the face whose file holds `bytes` into `doc` for embedding, as
// HPDF_LoadTTFontFromFile loads a file it has not loaded (the same font
// definition, tag and name): libharu's name for it, or null after a libharu
// error (doc.need reports it). Each face once a document.
const char* load_font_bytes(HpdfDoc& doc, std::shared_ptr<const std::string> bytes);

// The bytes a font definition's stream holds when load_font_bytes made it;
// empty for any other stream.
std::string_view font_bytes(HPDF_Stream stream);

}  // namespace lerbrief::render
