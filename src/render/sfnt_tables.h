#pragma once
// The TrueType file a PDF embeds for a CIDFontType2 font: the glyphs drawn,
// renumbered, and only the tables a PDF viewer reads.
//
// A CIDFontType2 never reads `cmap`, `name`, `post` or `OS/2`: the PDF maps
// codes to glyphs (CIDToGIDMap), gives the widths (/W) and the names and
// metrics (FontDescriptor). PDF 32000-1:2008, 9.9 lists what stays: glyf,
// loca, head, hhea, hmtx, maxp, and cvt , fpgm and prep (the hinting
// program) when the font has them. The glyphs are renumbered 0, 1, 2, … in
// the order given, so `loca` and `hmtx` hold the glyphs embedded, not the
// font's 2,600 (each ~10 KB a Liberation face otherwise).
//
// Pure: bytes in, bytes out, no libharu.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lerbrief::render {

// `sfnt` (a TrueType font file) with the kept tables only, holding glyph
// `glyphs[i]` of the font as glyph i (glyphs[0] must be 0, .notdef), then the
// glyphs the composites among them are made of, when not listed, in the
// order they are first named; a composite's components are renumbered so.
// glyf, loca (long offsets), hmtx (a metric a glyph), and the glyph counts of
// maxp and hhea are rewritten; every other kept table is copied byte for
// byte. The table directory is rebuilt (tags sorted, tables 4-byte aligned
// and zero-padded, checksums, searchRange/entrySelector/rangeShift) and
// head's checkSumAdjustment set for the new file. Every offset and length is
// checked; throws RenderError on anything unexpected (truncated data, a
// table out of bounds or listed twice, a required table missing, a `loca`
// that does not match `maxp` and `head`, a glyph the font does not have),
// never returning a broken font.
std::string subset_sfnt(std::string_view sfnt, const std::vector<std::uint16_t>& glyphs);

}  // namespace lerbrief::render
