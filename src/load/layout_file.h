#pragma once
// Reads a layout file (layouts/*.yaml, docs/LAYOUTS.md) with the same guards
// and positioned messages as content. `extends: NAME` starts from another
// layout in the same folder. A layout that cannot be used (no page size,
// negative margins, a missing font) is an error.
#include <string>

#include "model/diagnostic.h"
#include "model/layout_spec.h"

namespace lerbrief::load {

// `name_or_path`: a name in `layouts_dir` ("letter", "a4") or a path to a file.
LayoutSpec load_layout(const std::string& name_or_path, const std::string& layouts_dir,
                       const std::string& fonts_dir, Diagnostics& diags);

}  // namespace lerbrief::load
