#pragma once
// Finds the YAML slips people make when typing content (issue 13): a tab in
// the indentation, a value starting with `*` or `[`, `key: Note: text`, a
// value emptied by ` #`. Used by yaml_tree.cpp to turn yaml-cpp's bare error
// (or its silent reading) into a message that says what to write.
#include <cstddef>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace lerbrief::load::yaml_slips {

// Position of text[at] in `file` (1-based line, column in code points).
SourcePos pos_at(const SourceFile& file, std::string_view text, std::size_t at);

// pos_at for many offsets in increasing order, in time linear in the text
// (a file may hold a hundred thousand slips).
class Locator {
public:
    Locator(const SourceFile& file, std::string_view text) : file_(file), text_(text) {}
    SourcePos at(std::size_t offset);

private:
    SourceFile file_;
    std::string_view text_;
    std::size_t offset_ = 0;
    int line_ = 1, col_ = 1;
};

// The text of the value that starts at text[at], as written: to the end of
// its line or a ` #` comment, without trailing blanks.
std::string_view value_text(std::string_view text, std::size_t at);

// Adds a message explaining yaml-cpp's error at text[at] when the line there
// shows a known slip; false (nothing added) otherwise.
bool explain_error(std::string_view text, const SourceFile& file, std::size_t at, Diagnostics& diags);

// For a value YAML read as empty: the `#` of a comment that follows the key
// starting at text[key_at] (`text: #1 in the state`), or, for a list item
// whose null event is at text[null_at], the item's `- #1 …`; npos when
// there is none, or when the comment starts with a blank (`key: # note`
// reads as a deliberate comment).
std::size_t comment_after_key(std::string_view text, std::size_t key_at);
std::size_t comment_after_dash(std::string_view text, std::size_t null_at);

// Where the value of the key starting at text[key_at] starts (after `key: `),
// or npos when the line has nothing after the colon.
std::size_t value_after_key(std::string_view text, std::size_t key_at);

}  // namespace lerbrief::load::yaml_slips
