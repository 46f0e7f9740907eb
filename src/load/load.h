#pragma once
// Loading content: our schema (data/, docs/CONTENT.md) or a copy of the LER
// Ecosystem Map website (a folder holding _data/stakeholders-list.yml),
// detected from what the folder holds. Both produce the same model.
// Problems go to `diags`; the returned content is whatever could be read
// (callers must check diags.has_errors() before using it for output).
#include <string>

#include "load/lint.h"
#include "model/content.h"
#include "model/diagnostic.h"
#include "model/strings.h"

namespace lerbrief::load {

enum class Detected { ours, website, none };
Detected detect(const std::string& dir);

// detect + load + check (and the lint, as warnings or, at LintLevel::strict, errors)
Content load_content(const std::string& dir, Diagnostics& diags, LintLevel lint_level = LintLevel::off);

// The two loaders, without the cross-checks (see check.h).
Content load_ours(const std::string& dir, Diagnostics& diags);
Content load_website(const std::string& dir, Diagnostics& diags);

// What a website copy does not say about itself, named in the edition's
// language: the booklet's title, subtitle, subject and keywords, the credit's
// authors, changes and licence name, "Step N" for an untitled step and a
// picture with no useful alternative text. Nothing for our schema.
void name_website(Content& c, const Strings& s);

// Reads <dir>/intro.yaml of our schema into c.intro. The website keeps its
// introduction in HTML pages, so the job fills it from the bundled content.
void load_intro(const std::string& dir, Content& c, Diagnostics& diags);

}  // namespace lerbrief::load
