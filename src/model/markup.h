#pragma once
// Our small inline markup (docs/CONTENT.md):
//   **bold**   *italic*   [label](https://url)   \* a literal asterisk
//   a blank line separates paragraphs; single newlines are spaces.
// parse_markup never fails: unbalanced markers are reported in `errors` and
// kept as literal characters.
#include <string>
#include <string_view>
#include <vector>

namespace lerbrief {

struct Span {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string link;  // URL when the span is a link
    bool operator==(const Span&) const = default;
};

struct Paragraph {
    std::vector<Span> spans;
};

struct MarkupError {
    std::size_t offset = 0;  // byte offset in the source string
    std::string what;
};

std::vector<Paragraph> parse_markup(std::string_view src, std::vector<MarkupError>* errors = nullptr);

// `text` as markup that reads back as exactly `text`: *, [, ] and \ escaped.
std::string escape_markup(std::string_view text);
bool is_markup_char(char32_t c);

// The text without markup, paragraphs joined by "\n\n".
std::string plain_text(std::string_view src);

}  // namespace lerbrief
