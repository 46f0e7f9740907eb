#pragma once
// The TrueType file a PDF embeds for a CIDFontType2 font, with only the
// tables a PDF viewer reads from it.
//
// libharu 2.3.0 subsets `glyf` but embeds twelve other tables whole,
// among them `cmap`, `name`, `post` and `OS/2`, which a CIDFontType2 never
// uses: the PDF maps codes to glyphs (CIDToGIDMap), gives the widths (/W)
// and the names and metrics (FontDescriptor). PDF 32000-1:2008, 9.9 lists
// what stays: glyf, loca, head, hhea, hmtx, maxp, and cvt , fpgm and prep
// (the hinting program) when the font has them. About 28 KB a Liberation face.
//
// Pure: bytes in, bytes out, no libharu.
#include <string>
#include <string_view>

namespace lerbrief::render {

// `sfnt` rewritten with the kept tables only, byte for byte as they were;
// the table directory rebuilt (tags sorted, tables 4-byte aligned and
// zero-padded, checksums, searchRange/entrySelector/rangeShift) and head's
// checkSumAdjustment set for the new file. Every offset and length is
// checked; throws RenderError on anything unexpected (truncated data, a
// table out of bounds or listed twice, a required table missing, a `loca`
// that does not match `maxp` and `head`), never returning a broken font.
std::string lean_sfnt(std::string_view sfnt);

}  // namespace lerbrief::render
