#pragma once
// Typographic quotation marks for text in our markup, as both loaders read it
// (load/fields.cpp: every printed text value goes through Fields::text or
// Fields::texts). docs/CONTENT.md, "Characters", says what the reader sees:
//   "word"      → “word”       opening after the start, a space, ( [ { a dash
//   'word'      → ‘word’       or another opening mark; closing otherwise
//   don't, Lees' → don’t, Lees’ an apostrophe in or at the end of a word
//   '90s        → ’90s         an apostrophe before digits
//   12" 5'10"   → 12″ 5′10″    after a digit, with no quotation open: inch and
//                              foot marks (primes)
// Left as written: a character after a backslash (\" prints a straight
// quote), the URL of a link [label](url), a bare http(s):// address, and a
// run between backquotes (`code`). Paragraphs ("\n\n") close any open mark.
// Applying it twice changes nothing.
#include <array>
#include <string>
#include <string_view>

namespace lerbrief {
struct Content;
struct Typography;
}  // namespace lerbrief

namespace lerbrief::load {

std::string smart_quotes(std::string_view markup);

// A quotation's text without the quotation marks around all of it ("…", “…”,
// ‘…’): the fact sheet sets its own “ ”, so a quotation inside one in double
// marks (“… the “Aha” moment …”) becomes ‘Aha’. Text that only starts or
// ends with a mark, or holds more than one quotation (“a” and “b”), is
// returned as is. Expects smart_quotes' output (straight marks too).
std::string without_outer_quotes(std::string_view markup);

// Smartened text (smart_quotes' “ ” ‘ ’) in another language's marks:
// `quotes` = outer open, outer close, inner open, inner close (Typography::
// quotes; Spanish « » “ ”). “ and ” become the outer marks, ‘ the inner
// opening one; a ’ closes an open ‘ when no letter or digit follows it, and
// is otherwise an apostrophe and stays ("don’t", "’90s", "‘rock’n’roll’").
// Left as written, as smart_quotes leaves them: a character after a
// backslash, a link's URL, a bare http(s):// address and `code`. Paragraphs
// ("\n\n") close any open mark.
std::string language_quotes(std::string_view markup, const std::array<std::string, 4>& quotes);

// Every printed text of `content` (model/text_fields.h; URLs aside) in the
// language's marks, once the edition's language is known: run after loading,
// once. Does nothing when the marks are English's “ ” ‘ ’.
void set_language_quotes(Content& content, const Typography& typography);

}  // namespace lerbrief::load
