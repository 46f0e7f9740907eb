#pragma once
// Messages about the characters of text: control characters, characters the
// fonts cannot draw, right-to-left text (load/text_check.cpp,
// app/glyph_cover.cpp). `field` names the value ("name", "--event").
#include <string_view>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// A control character in a value (made by a YAML escape, an HTML entity, …).
void control_in_text(Diagnostics&, const SourcePos&, std::string_view field, char32_t cp);
// Right-to-left text, which is set left to right for now.
void right_to_left(Diagnostics&, const SourcePos&, std::string_view field, char32_t cp, std::string_view script);
// More values with right-to-left text, after the first few were named.
void more_right_to_left(Diagnostics&, const SourcePos&, std::size_t values);
// A character no font of the layout has (or above U+FFFF): printed as `substitute`.
void glyph_missing(Diagnostics&, const SourcePos&, std::string_view field, char32_t cp, std::string_view font,
                   std::string_view substitute);
// More characters of one field missing, after the first few were named.
void more_glyphs_missing(Diagnostics&, const SourcePos&, std::string_view field, std::size_t count,
                         std::string_view substitute);
// Characters missing from the fonts beyond the job's cap: named no more.
void glyph_warnings_capped(Diagnostics&, std::size_t shown);
// A character above U+FFFF in a value only the PDF's metadata holds.
void metadata_above_bmp(Diagnostics&, const SourcePos&, std::string_view field, char32_t cp);
// --event, --date, --place: not UTF-8, or holding a control character (usage errors).
void option_not_utf8(Diagnostics&, std::string_view option);
void option_control(Diagnostics&, std::string_view option, char32_t cp);

}  // namespace lerbrief::msg
