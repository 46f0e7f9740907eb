#include "messages/setup.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace lerbrief::msg {

void not_a_bundled_font(Diagnostics& d, const SourcePos& at, std::string_view face, std::string_view file) {
    d.error(at, fmt::format("fonts.{}: '{}' is not one of the bundled fonts", face, file),
            "the bundled fonts are listed in fonts/README.md");
}

void extends_too_deep(Diagnostics& d, const SourcePos& at) {
    d.error(at, "extends: expected the name of another layout (at most 4 deep)");
}

void margins_too_small(Diagnostics& d, const SourcePos& at) {
    d.error(at, "the margins leave less than 1 in by 2 in for the text", "make the page larger or the margins smaller");
}

void missing_face(Diagnostics& d, const SourcePos& at, std::string_view face) {
    d.error(at, fmt::format("fonts: missing required face '{}'", face));
}

void font_unusable(Diagnostics& d, const SourcePos& at, std::string_view why) {
    d.error(at, fmt::format("cannot use a font of this layout: {}", why));
}

void no_hyphenation_dictionary(Diagnostics& d, const SourcePos& at, std::string_view file) {
    d.warning(at, fmt::format("no hyphenation dictionary {} found: text is set without hyphenation", file),
              file == "hyph_en_US.dic" ? std::string("install the hyphen-en-us package")
                                       : fmt::format("install the Debian hyphen-* package that has {}", file));
}

void no_collation_library(Diagnostics& d, std::string_view library) {
    d.warning({}, fmt::format("ICU's collation ({}) could not be loaded: the glossary is in code point order, "
                              "not the language's alphabetical order", library),
              "install the libicu package that has it");
}

void character_left_out(Diagnostics& d, const SourcePos& at, std::string_view shown, std::string_view code,
                        std::string_view font) {
    d.warning(at, fmt::format("character '{}' ({}) is not in the font {}; it is left out", shown, code, font),
              "replace it, or choose a layout whose fonts have it");
}

void init_not_a_folder_name(Diagnostics& d, std::string_view dir) {
    d.error({}, fmt::format("--init: '{}' is not a folder name", dir));
}

void init_exists_not_a_folder(Diagnostics& d, std::string_view dir) {
    d.error({}, fmt::format("--init: '{}' exists and is not a folder", dir));
}

void init_not_empty(Diagnostics& d, std::string_view dir) {
    d.error({}, fmt::format("--init: '{}' is not empty; nothing written", dir),
            "give a new or empty folder: --init never overwrites files");
}

void init_starter_missing(Diagnostics& d, std::string_view starter) {
    d.error({}, fmt::format("--init: the starter content is missing ({})", starter),
            "reinstall lerbrief, or set LERBRIEF_HOME to the folder holding starter/");
}

void init_no_starter_in(Diagnostics& d, std::string_view language, const std::vector<std::string>& languages) {
    d.error({}, fmt::format("--init: there is no starter content in '{}'", language),
            fmt::format("starters exist in: {} (--language); or leave --language out for English",
                        fmt::join(languages, ", ")));
}

void init_cannot_write(Diagnostics& d, std::string_view path, std::string_view why) {
    d.error({}, fmt::format("--init: cannot write {}: {}", path, why));
}

}  // namespace lerbrief::msg
