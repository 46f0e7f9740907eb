#pragma once
// Content lint: slips a reader would notice in print, which do not stop the
// content from being set. Warnings (errors with --strict), run from
// load::check on content that loaded without errors, when the job asks for
// it (every run of lerbrief does), so --check and the build report the same:
//   - words run together ("LERsImplement", see run_together());
//   - placeholder text: "TBD", "TBA", "TODO", "FIXME", "XXX" as a word,
//     "lorem" (ipsum) anywhere, or a title with no letter or digit;
//   - a resource without a URL, two resources with one URL;
//   - a glossary term defined twice (case-insensitive);
//   - groups with no content (no definition, so no fact sheet): one warning
//     naming them all and saying where the full map is.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/content.h"
#include "model/diagnostic.h"

namespace lerbrief::load {

// off: no lint (a library caller: tests, the import); the job asks for warn,
// or strict with --strict (app/content_loader.cpp).
enum class LintLevel { off, warn, strict };

void lint(Content& content, Diagnostics& diags, LintLevel level);

// A word that reads as two run together: "LERsImplement" → "LERs" + "Implement".
struct RunTogether {
    std::string word, left, right;
};
// The words of plain text `text` run together. A word (letters and digits,
// in a run of text with no URL, path, e-mail address or file name in it) is
// flagged when it has exactly one lowercase letter followed by an uppercase
// one, its right part is one capitalised word (an uppercase letter, then
// lowercase letters), and its left part is either
//   - the plural of an all-caps acronym ("LERs", "APIs"), or
//   - a lowercase word of 3 letters or more, and the right part has 4 or more
//     ("learnersImplement").
// Names in CamelCase are never flagged: their left part starts with a capital
// or is short (JavaScript, LinkedIn, YouTube, McDonald, DeVry, WorkingNation,
// iPhone, eBay, wikiHow) or their right part is not a capitalised word
// (OpenAI, macOS, 1EdTech). The price: a capitalised word run into another
// ("EmployersImplement") reads like such a name and is not flagged.
std::vector<RunTogether> run_together(std::string_view text);

// The first placeholder in plain text `text`, as written; nullopt if none.
std::optional<std::string> placeholder(std::string_view text);

}  // namespace lerbrief::load
