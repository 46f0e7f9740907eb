#pragma once
// A read-only libharu stream over bytes lerbrief holds, shared, not copied:
// a font's file, which libharu parses and lerbrief subsets
// (render/font_stream.h), and a stream lerbrief compressed whose bytes are
// kept anyway (an image's, render/pdf_images.h), written from there when the
// document is saved.
#include <hpdf.h>

#include <memory>
#include <string>

namespace lerbrief::render {

// A stream reading `bytes` as libharu reads a file (a short read fills the
// rest with zeros and says HPDF_STREAM_EOF); it holds them until libharu
// frees it. Null when there is no memory.
HPDF_Stream bytes_stream(HPDF_MMgr mmgr, std::shared_ptr<const std::string> bytes);

// The bytes `stream` reads when bytes_stream made it, else null.
const std::shared_ptr<const std::string>* stream_bytes(HPDF_Stream stream);

}  // namespace lerbrief::render
