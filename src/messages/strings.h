#pragma once
// Messages about the strings files (strings/<language>.yaml, load/strings_file.cpp)
// and the edition's language.
#include <string_view>
#include <vector>
#include <string>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// strings/en.yaml is part of lerbrief: without it nothing can be printed.
void english_strings_missing(Diagnostics&, std::string_view path);
void english_string_missing(Diagnostics&, const SourcePos&, std::string_view key);
void no_strings_for_language(Diagnostics&, const SourcePos&, std::string_view language, std::string_view folder);
void string_missing(Diagnostics&, const SourcePos&, std::string_view key, std::string_view language);
void unknown_string_key(Diagnostics&, const SourcePos&, std::string_view key, const std::vector<std::string>& known);
void string_placeholders_differ(Diagnostics&, const SourcePos&, std::string_view key, std::string_view english);
void strings_not_a_mapping(Diagnostics&, const SourcePos&, std::string_view found);
void string_not_text(Diagnostics&, const SourcePos&, std::string_view key, std::string_view found);
void strings_wrong_language(Diagnostics&, const SourcePos&, std::string_view file_language, std::string_view file);
void bad_typography(Diagnostics&, const SourcePos&, std::string_view field, std::string_view expected);
void not_a_language_tag(Diagnostics&, const SourcePos&, std::string_view field, std::string_view value);

}  // namespace lerbrief::msg
