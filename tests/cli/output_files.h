#pragma once
// Helpers of the output tests (output_faults_test.cpp, output_set_test.cpp,
// output_targets_test.cpp): the files a run leaves in a folder. Test-only.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/support.h"

namespace lerbrief::test {

// Every name under `dir`, relative, sorted ("b.pdf", "factsheets", "factsheets/x.pdf").
std::set<std::string> listing(const fs::path& dir);

// The bundled content in `dir`/`name`, optionally with another title (so
// its booklet has other bytes).
void content_copy(const TempDir& dir, const std::string& name, const std::string& title = {});

// What a complete `--all` run writes, by relative name, for content `data`.
std::map<std::string, std::string> reference_output(const TempDir& dir, const std::string& data);

// Every regular file under `dir` by relative name.
std::map<std::string, std::string> files_under(const fs::path& dir);

// Whether a program runs and exits 0 here (for skips).
bool tool_works(const std::vector<std::string>& argv);

}  // namespace lerbrief::test
