#pragma once
// Messages about what a run is set up with: the layout file and its fonts,
// the hyphenation dictionary, and --init's starter folder.
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// Layout files (src/load/layout_file.cpp)
void not_a_bundled_font(Diagnostics&, const SourcePos&, std::string_view face, std::string_view file);
void extends_too_deep(Diagnostics&, const SourcePos&);
void margins_too_small(Diagnostics&, const SourcePos&);
void missing_face(Diagnostics&, const SourcePos&, std::string_view face);
// The layout's font files could not be read as TrueType (src/app/produce.cpp).
void font_unusable(Diagnostics&, const SourcePos&, std::string_view why);
// `file`: the patterns the language's strings file names (hyph_es_ES.dic).
void no_hyphenation_dictionary(Diagnostics&, const SourcePos&, std::string_view file);
// ICU's collation library (`library`, loaded when a glossary needs it,
// load/collate.cpp) could not be loaded: no position, "lerbrief: warning: …".
void no_collation_library(Diagnostics&, std::string_view library);

// Text set in a paragraph with a character its font lacks (src/layout/paragraph.cpp;
// content's own characters are replaced before layout, src/app/glyph_cover.cpp).
void character_left_out(Diagnostics&, const SourcePos&, std::string_view shown, std::string_view code,
                        std::string_view font);

// --init DIR (src/app/init.cpp): no position, "lerbrief: error: …".
void init_not_a_folder_name(Diagnostics&, std::string_view dir);
void init_exists_not_a_folder(Diagnostics&, std::string_view dir);
void init_not_empty(Diagnostics&, std::string_view dir);
void init_starter_missing(Diagnostics&, std::string_view starter);
void init_no_starter_in(Diagnostics&, std::string_view language, const std::vector<std::string>& languages);
void init_cannot_write(Diagnostics&, std::string_view path, std::string_view why);

}  // namespace lerbrief::msg
