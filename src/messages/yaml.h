#pragma once
// Messages for YAML slips: what YAML makes of common typing, and how to write
// it instead. `key` is the key of the value as written ("" for a list item),
// `value` the value's text as written; hints show the line with the value
// quoted.
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace lerbrief::msg {

void yaml_tab_indent(Diagnostics&, const SourcePos&);
// A plain value starting with `c`, one of * & ! [ { | > % @ and the backquote.
void yaml_value_start(Diagnostics&, const SourcePos&, char c, std::string_view key, std::string_view value);
// `key: Note: text`
void yaml_colon_in_value(Diagnostics&, const SourcePos&, std::string_view key, std::string_view value);
// `text: #1 in the state` reads as an empty value (a warning: YAML allows it).
void yaml_comment_empties_value(Diagnostics&, const SourcePos&, std::string_view key, std::string_view value);
// A quote that no later quote closes: yaml-cpp reads to the end of the file.
void yaml_unclosed_quote(Diagnostics&, const SourcePos&, char quote);
// A quote closed only on a later line, where the parse then failed.
void yaml_quote_closes_late(Diagnostics&, const SourcePos&, char quote, int close_line);

// `key: "value"` (or `- "value"`), quoted with what the value does not
// contain, long values shortened: for hints.
std::string yaml_quoted_example(std::string_view key, std::string_view value);

}  // namespace lerbrief::msg
