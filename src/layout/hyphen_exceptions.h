#pragma once
// Hyphenation exceptions: words the patterns break badly, written the way
// TeX's \hyphenation{} takes them. "re-search-er" means the word breaks only
// at its hyphens; a word without hyphens ("career") is never broken. Entries
// are lower case; a Hyphenator matches them against the lower-cased word
// (without surrounding punctuation, and without an "’s" ending).
//
// One table per language; only "en" has one for now (issue #18 moves
// languages to files).
#include <span>
#include <string_view>

namespace lerbrief::layout {

// The exceptions for `language` ("en"); empty for a language without a table.
std::span<const std::string_view> hyphen_exceptions(std::string_view language);

}  // namespace lerbrief::layout
