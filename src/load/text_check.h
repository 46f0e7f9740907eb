#pragma once
// The text pass over the loaded model (docs/CONTENT.md, "Characters"): every
// string that is printed or written into a PDF's metadata
// (model/text_fields.h) is
//  - refused when it holds a control character (a YAML escape like "\e" or an
//    HTML entity like &#27; makes them after the file's bytes were checked),
//    at the value's position;
//  - cleaned of what word processors paste: U+2028/U+2029 become a paragraph
//    break in running text and a space elsewhere, the Unicode spaces a space
//    (the no-break ones U+00A0), zero-width spaces, word joiners, byte order
//    marks and soft hyphens are dropped;
//  - warned about when it holds right-to-left text, which is set left to
//    right for now.
// Glyph coverage needs the layout's fonts and is app/glyph_cover.cpp.
#include <string>
#include <string_view>

#include "load/yaml_tree.h"
#include "model/content.h"
#include "model/diagnostic.h"
#include "model/text_fields.h"

namespace lerbrief::load {

void check_text(Content& c, Diagnostics& diags);

// The same for one value: an event file's, an option's. False when it holds a
// control character (reported at `pos`).
// `rtl_values` counts the values with right-to-left text; past
// limits::kMaxRtlWarnings they are counted, not warned about.
bool check_value(std::string& value, const SourcePos& pos, std::string_view field, TextKind kind, Diagnostics& diags,
                 std::size_t* rtl_values = nullptr);

// Where an event file (`root`) holds its title, date and place: the positions
// app/glyph_cover.cpp checks their text at.
struct EventPositions {
    SourcePos title, date, place;
};
EventPositions event_file_positions(const YNode& root);

}  // namespace lerbrief::load
