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
#include <string>
#include <string_view>

namespace lerbrief::load {

std::string smart_quotes(std::string_view markup);

// A quotation's text without the quotation marks around all of it ("…", “…”,
// ‘…’): the fact sheet sets its own “ ”, so a quotation inside one in double
// marks (“… the “Aha” moment …”) becomes ‘Aha’. Text that only starts or
// ends with a mark, or holds more than one quotation (“a” and “b”), is
// returned as is. Expects smart_quotes' output (straight marks too).
std::string without_outer_quotes(std::string_view markup);

}  // namespace lerbrief::load
