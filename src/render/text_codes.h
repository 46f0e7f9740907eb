#pragma once
// Checks text before it reaches libharu, which silently drops invalid UTF-8,
// cuts strings at 65,535 bytes and draws code points above U+FFFF as nothing.
// A last guard, a bug when reached: content never gets here with a control
// character or a character above U+FFFF (load/text_check.cpp refuses the
// first, app/glyph_cover.cpp replaces the second before layout).
#include <string>
#include <string_view>
#include <vector>

#include "model/limits.h"

namespace lerbrief::render {

// libharu's longest string (HPDF_LIMIT_MAX_STRING_LEN).
inline constexpr std::size_t kMaxPdfStringBytes = limits::kMaxPdfStringBytes;

// The code points of `utf8`. Throws RenderError "pdf: WHERE: …" when the text
// is not valid UTF-8, is longer than kMaxPdfStringBytes, or holds a control
// character or a code point above U+FFFF.
std::vector<char32_t> pdf_code_points(std::string_view utf8, std::string_view where);

}  // namespace lerbrief::render
