#pragma once
// Stale output: the fact-sheet folder of an --all run may hold PDF files an
// earlier run wrote for a group since renamed or removed. lerbrief never
// deletes them: it warns once (msg::stale_output), in --check as in the
// build, and lists them in the print manifest as not from this run.
#include <string>
#include <vector>

#include "app/document_plan.h"
#include "model/diagnostic.h"

namespace lerbrief {

// The *.pdf files in `sheets_dir` that are none of `jobs`' paths, sorted;
// empty when the folder does not exist (yet).
std::vector<std::string> stale_sheets(const std::string& sheets_dir, const std::vector<PlannedDocument>& jobs);

// Warns about `stale` (the paths stale_sheets() found), naming their files.
void warn_stale_sheets(const std::string& sheets_dir, const std::vector<std::string>& stale, Diagnostics& diags);

}  // namespace lerbrief
