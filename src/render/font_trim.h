#pragma once
// Trims what libharu 2.3.0 writes for every font to the characters drawn.
//
// With the UTF-8 encoder libharu's CIDFont has a /W array listing the width
// of every character the font maps (about 10 KB, uncompressed, per face) and a
// CIDToGIDMap for all 65,536 codes (128 KB before compression). Only the
// codes drawn are ever looked up, so both are rewritten for those alone:
// the widths libharu computed, and each code's glyph by its number in the
// file embedded (embed_lean_font_file). About a quarter of a face's cost in
// a small document.
#include <hpdf.h>

#include <set>

#include "render/hpdf_handle.h"

namespace lerbrief::render {

// `used` holds the codes drawn with `font` (≤ U+FFFF). Throws RenderError.
void trim_font_tables(HpdfDoc& doc, HPDF_Font font, const std::set<char32_t>& used);

// libharu writes the embedded TrueType file (FontFile2) while the document is
// saved, in the font's before-write function: the whole file copied through
// its streams byte by byte, twelve tables whole and only `glyf` subset. This
// wraps that function: libharu makes the font's descriptor only, and the
// file embedded is subset_sfnt's (sfnt_tables.h): the glyphs drawn,
// renumbered in the order of their number in the font (the CIDToGIDMap
// trim_font_tables writes maps to those numbers), and the tables a viewer
// reads, compressed by lerbrief (kept_deflate.h: a subset an earlier run
// compressed is read back) with the bytes libharu's compression gives. When the font is not as expected the save fails (libharu error
// HPDF_INVALID_FONTDEF_DATA), so no broken font is ever written. Call once
// per font, after trim_font_tables and before saving.
void embed_lean_font_file(HPDF_Font font);

}  // namespace lerbrief::render
