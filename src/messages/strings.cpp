#include "messages/strings.h"

#include <fmt/format.h>

#include "messages/messages.h"

namespace lerbrief::msg {

void english_strings_missing(Diagnostics& d, std::string_view path) {
    d.error({std::string(path), 0, 0}, "lerbrief's English strings file is missing or unreadable",
            "reinstall lerbrief, or set LERBRIEF_HOME to the folder holding strings/");
}

void english_string_missing(Diagnostics& d, const SourcePos& at, std::string_view key) {
    d.error(at, fmt::format("'{}' is missing: every key must have its English text here", key));
}

void no_strings_for_language(Diagnostics& d, const SourcePos& at, std::string_view language, std::string_view folder) {
    d.warning(at, fmt::format("no strings file for the language '{}': lerbrief's own words are printed in English, "
                              "and the text is not hyphenated", language),
              fmt::format("add {}/{}.yaml (docs/CONTENT.md, \"Editions in other languages\")", folder, language));
}

void string_missing(Diagnostics& d, const SourcePos& at, std::string_view key, std::string_view language) {
    d.warning(at, fmt::format("'{}' has no {} text: it is printed in English", key, language),
              "add it, translated from strings/en.yaml");
}

void unknown_string_key(Diagnostics& d, const SourcePos& at, std::string_view key, const std::vector<std::string>& known) {
    const std::string near = did_you_mean(key, known);
    d.warning(at, fmt::format("unknown key '{}' is ignored", key),
              near.empty() ? std::string("the keys are those of strings/en.yaml") : fmt::format("did you mean '{}'?", near));
}

void string_placeholders_differ(Diagnostics& d, const SourcePos& at, std::string_view key, std::string_view english) {
    d.warning(at, fmt::format("'{}' must use the placeholders of its English text \"{}\": it is printed in English",
                              key, english));
}

void string_not_text(Diagnostics& d, const SourcePos& at, std::string_view key, std::string_view found) {
    d.warning(at, fmt::format("'{}': expected a string, found {}; it is printed in English", key, found));
}

void strings_wrong_language(Diagnostics& d, const SourcePos& at, std::string_view file_language, std::string_view file) {
    d.warning(at, fmt::format("language: '{}' does not match the file's name {}", file_language, file));
}

void bad_typography(Diagnostics& d, const SourcePos& at, std::string_view field, std::string_view expected) {
    d.warning(at, fmt::format("typography.{}: expected {}; the English setting is used", field, expected));
}

void not_a_language_tag(Diagnostics& d, const SourcePos& at, std::string_view field, std::string_view value) {
    d.error(at, fmt::format("{}: '{}' is not a language tag", field, value),
            "write a BCP 47 tag such as en-US, es or es-MX");
}

void strings_not_a_mapping(Diagnostics& d, const SourcePos& at, std::string_view found) {
    d.error(at, fmt::format("a strings file must be a mapping of sections to strings, found {}", found),
            "copy strings/en.yaml and translate its values");
}

}  // namespace lerbrief::msg
