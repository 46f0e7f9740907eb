#pragma once
// Helpers shared by the libFuzzer targets (docs/FUZZING.md): a scratch folder
// made once per process and removed at exit, and file writes into it. The
// loaders read folders, so each target writes the fuzzer's bytes into one
// file of a small content folder and loads the whole folder.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lerbrief::fuzz {

// The repository (bundled data/, layouts/, fonts/), from the build.
std::string source_dir();

// A fresh folder under $TMPDIR (or /tmp), removed when the process exits.
const std::string& scratch_dir();

void write_file(const std::string& path, std::string_view bytes);
void copy_tree(const std::string& from, const std::string& to);

// Loads and checks the content folder `root` and formats every message, as
// lerbrief would print them; the count of characters keeps the work from
// being optimised away.
std::size_t load_and_format(const std::string& root);


}  // namespace lerbrief::fuzz
