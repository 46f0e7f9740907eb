#pragma once
// A deterministic generator of synthetic content in our schema
// (docs/CONTENT.md), for the benchmark: N stakeholder groups with text of
// realistic lengths (the website's groups: definitions of 20–40 words, four
// roles, two or three action areas, two business and two social cases, a
// quote), the bundled introduction, phases and action areas, a glossary and
// resources that grow with N. The same N and seed give the same bytes.
#include <cstdint>
#include <filesystem>

namespace lerbrief::bench {

struct SyntheticSize {
    int groups = 10;
    std::uint64_t seed = 1;
    // Small groups: an id, a name and a one-sentence definition each (a
    // two-page fact sheet with little on it), and the starter's glossary
    // size; for the many-groups scenario (issue 14: memory per group).
    bool small = false;
};

// Writes the content folder `dir` (created; files in it are replaced).
// `bundled` is lerbrief's data/ folder (its intro, phases and action areas
// are copied). Throws std::runtime_error when a file cannot be written.
void write_synthetic_content(const std::filesystem::path& dir, const std::filesystem::path& bundled,
                             const SyntheticSize& size);

}  // namespace lerbrief::bench
