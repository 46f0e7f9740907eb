#pragma once
// A valid ToUnicode CMap for libharu's UTF-8 fonts.
//
// libharu 2.3.0 gives each Type0 font its *encoding* CMap as ToUnicode: it
// uses `begincidrange`, which a ToUnicode CMap may not (poppler warns
// "Invalid 'begincidrange' operator in ToUnicode CMap"; some viewers copy
// garbage). With the UTF-8 encoder and Identity-H, each character code is
// the character's UTF-16 code unit (BMP only), so the right map sends every
// code drawn to itself; it is written with bfrange/bfchar (PDF 32000-1
// §9.10.3).
#include <hpdf.h>

#include <set>
#include <string>

#include "render/hpdf_handle.h"

namespace lerbrief::render {

// The CMap program mapping each code in `codes` (all ≤ U+FFFF) to itself.
std::string tounicode_cmap(const std::set<char32_t>& codes);

// Replaces the content of `font`'s ToUnicode stream with `cmap` (through
// libharu's internal headers). Throws RenderError.
void install_tounicode(HpdfDoc& doc, HPDF_Font font, const std::string& cmap);

}  // namespace lerbrief::render
