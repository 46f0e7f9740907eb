#pragma once
// Checks across the loaded content: ids unique, references resolve, markup
// balanced, icon paths stay inside the content folder. Appends to diags and
// drops what cannot be used (an unusable icon) so later stages can trust the
// model.
#include "load/lint.h"
#include "model/content.h"
#include "model/diagnostic.h"

namespace lerbrief::load {

// Then, when there is no error and `lint_level` is not off, the content lint
// (lint.h): warnings, or errors at LintLevel::strict (--strict).
void check(Content& content, Diagnostics& diags, LintLevel lint_level = LintLevel::off);

// Resolves an icon path against the content folder. Returns the absolute
// path, or an empty string and a reason when the icon cannot be used:
// a URL, an absolute path, a path leaving the folder (also through a
// symlink), a missing file, a directory, a file over the size limit.
std::string resolve_icon(const std::string& root, const std::string& path, std::string& why);
// The same for a picture of "LERs explained", which must also be a .png or
// .svg file, within limits::kMaxPictureBytes.
std::string resolve_picture(const std::string& root, const std::string& path, std::string& why);

}  // namespace lerbrief::load
