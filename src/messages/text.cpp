#include "messages/text.h"
#include "messages/messages.h"

#include <fmt/format.h>

#include <string>

#include "model/utf8.h"

namespace lerbrief::msg {

namespace {

std::string shown(char32_t cp) {
    std::string s;
    utf8::append(s, cp);
    return s;
}

}  // namespace

void control_in_text(Diagnostics& d, const SourcePos& p, std::string_view field, char32_t cp) {
    d.error(p, fmt::format("{}: control character {} cannot be printed", field, utf8::code_point_name(cp)),
            "remove it; YAML escapes like \"\\e\" and HTML entities like &#27; make such characters");
}

void right_to_left(Diagnostics& d, const SourcePos& p, std::string_view field, char32_t cp,
                   std::string_view script) {
    d.warning(p,
              fmt::format("{}: {} text ('{}', {}) is right-to-left, but lerbrief sets text left to right: it will "
                          "print in the wrong order",
                          field, script, shown(cp), utf8::code_point_name(cp)),
              "write it in Latin letters, or leave it out, until lerbrief sets right-to-left text");
}

void more_right_to_left(Diagnostics& d, const SourcePos& p, std::size_t values) {
    d.warning(p, fmt::format("{} more value{} right-to-left text, which will print in the wrong order", values,
                             values == 1 ? " holds" : "s hold"));
}

void glyph_missing(Diagnostics& d, const SourcePos& p, std::string_view field, char32_t cp, std::string_view font,
                   std::string_view substitute) {
    if (cp > 0xFFFF)
        d.warning(p,
                  fmt::format("{}: character '{}' ({}) is above U+FFFF, which the PDF writer cannot draw; it prints "
                              "as '{}'",
                              field, shown(cp), utf8::code_point_name(cp), substitute),
                  "replace it (emoji cannot be printed)");
    else
        d.warning(p,
                  fmt::format("{}: character '{}' ({}) is not in the font {}; it prints as '{}'", field, shown(cp),
                              utf8::code_point_name(cp), font, substitute),
                  "replace it, or choose a layout whose fonts have it");
}

void more_glyphs_missing(Diagnostics& d, const SourcePos& p, std::string_view field, std::size_t count,
                         std::string_view substitute) {
    d.warning(p, fmt::format("{}: {} more character{} the fonts do not have; each prints as '{}'", field, count,
                             plural(count), substitute));
}

void glyph_warnings_capped(Diagnostics& d, std::size_t shown_count) {
    d.warning({}, fmt::format("more characters are missing from the fonts than the {} named above; the rest are not "
                              "listed",
                              shown_count));
}

void metadata_above_bmp(Diagnostics& d, const SourcePos& p, std::string_view field, char32_t cp) {
    d.warning(p,
              fmt::format("{}: character '{}' ({}) is above U+FFFF, which the PDF metadata cannot hold; it is written "
                          "as U+FFFD",
                          field, shown(cp), utf8::code_point_name(cp)));
}

void option_not_utf8(Diagnostics& d, std::string_view option) {
    d.error({}, fmt::format("{}: the value is not UTF-8 text", option),
            "set a UTF-8 locale in the terminal, or write the value again");
}

void option_control(Diagnostics& d, std::string_view option, char32_t cp) {
    d.error({}, fmt::format("{}: control character {} cannot be printed", option, utf8::code_point_name(cp)),
            "remove it from the value");
}

}  // namespace lerbrief::msg
