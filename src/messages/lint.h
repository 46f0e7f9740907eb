#pragma once
// Content lint (load/lint.cpp): slips a reader would notice in print, which
// the content can still be set with. Warnings; with --strict, errors (the
// message then ends in "[--strict]"), in --check and the build alike.
// Also the picture paths of "LERs explained", checked as icon paths are.
#include <cstddef>
#include <string_view>
#include <vector>
#include <string>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// Where lint findings go, and whether they are warnings or errors.
struct Lint {
    Diagnostics& diags;
    bool strict = false;
};

// "LERsImplement": `left` and `right` read as two words with a space missing.
void run_together(Lint&, const SourcePos&, std::string_view field, std::string_view word, std::string_view left,
                  std::string_view right);
// A placeholder left in the text: "TBD", "TODO", "lorem ipsum"… (`word` as written).
void placeholder(Lint&, const SourcePos&, std::string_view field, std::string_view word);
// A title (name, term) with no letter or digit in it: "-", "…", "**".
void empty_title(Lint&, const SourcePos&, std::string_view field);
void resource_without_url(Lint&, const SourcePos&, std::string_view title);
// Two resources with one URL: `title` here, `first_title` at `first`.
void duplicate_url(Lint&, const SourcePos&, std::string_view title, std::string_view first_title,
                   const SourcePos& first);
void duplicate_term(Lint&, const SourcePos&, std::string_view term, const SourcePos& first);
// Groups with no content (no definition): no fact sheet. Once, naming them
// (ids) and saying where the full map is. `total`: the groups in the content.
void groups_without_content(Lint&, const SourcePos&, const std::vector<std::string>& ids, std::size_t total);

// A step picture that cannot be used (`why` from load::resolve_picture): the
// step is printed without it.
void unsafe_picture_path(Diagnostics&, const SourcePos&, std::string_view path, std::string_view why);

// Files in the fact-sheet folder that this run did not write (a group renamed
// or removed since): listed in the print manifest, never deleted.
void stale_output(Diagnostics&, const SourcePos&, const std::vector<std::string>& names);

}  // namespace lerbrief::msg
