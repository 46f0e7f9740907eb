#pragma once
// A guarded YAML reader. yaml-cpp 0.7 is used only through its event parser
// (never YAML::Load/LoadAll) so that, before and while parsing, we can:
//   - cap the file size and refuse `- - - …` / `[[[…` runs (quadratic memory),
//   - validate UTF-8 and refuse control characters, with positions,
//   - refuse aliases (a self-referencing alias makes a cycle; many aliases make
//     "billion laughs" walks explode),
//   - cap nesting depth and scalar length,
//   - detect duplicate keys (yaml-cpp keeps the first silently),
//   - keep every node's 1-based file:line:col.
// Problems are appended to Diagnostics; read_yaml returns nullopt on any error.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostic.h"

namespace lerbrief::load {

struct YNode {
    enum class Kind : unsigned char { null, scalar, sequence, map };
    // Special members are defined in yaml_tree.cpp, where YNode is complete:
    // clang with libstdc++ cannot check std::pair<YNode, YNode> inside the
    // class otherwise (the fuzz build, docs/FUZZING.md, uses clang).
    YNode();
    YNode(const YNode&);
    YNode(YNode&&) noexcept;
    YNode& operator=(const YNode&);
    YNode& operator=(YNode&&) noexcept;
    ~YNode();

    // A node's size is most of the reader's memory (a 2 MiB file holds up to a
    // million values): the position shares its file's path (SourceFile).
    Kind kind = Kind::null;
    bool plain = true;   // scalar written without quotes
    SourcePos pos;
    std::string scalar;  // for scalars
    std::vector<YNode> items;                          // sequence
    std::vector<std::pair<YNode, YNode>> entries;      // map: key (scalar) → value

    bool is_null() const { return kind == Kind::null; }
    bool is_scalar() const { return kind == Kind::scalar; }
    bool is_seq() const { return kind == Kind::sequence; }
    bool is_map() const { return kind == Kind::map; }
    // Value of a key in a map; nullptr when absent (or not a map).
    const YNode* get(std::string_view key) const;
};

// Human name of a node's kind for messages: "a string", "a list", …
const char* kind_name(const YNode& n);

// Parses `bytes` (the content of `display_path`). The first document only.
std::optional<YNode> read_yaml(std::string_view bytes, const std::string& display_path, Diagnostics& diags);

// Reads and parses a file; a missing or unreadable file, a directory, or one
// over kMaxFileBytes is an error at the file.
std::optional<YNode> read_yaml_file(const std::string& path, Diagnostics& diags);
// A regular file's bytes, read up to one byte over `max` (what reads them
// refuses the excess of a file that grew meanwhile); `too_large` words the
// error when its size is over `max` before reading. nullopt after an error.
std::optional<std::string> read_capped(const std::string& path, std::size_t max, Diagnostics& diags,
                                       void (*too_large)(Diagnostics&, const SourcePos&, std::size_t));
// Whether `path` is a regular file; else an error at it: missing, a folder, or
// a device or pipe (which would block the run). read_yaml_file checks this first.
bool is_regular_file(const std::string& path, Diagnostics& diags);

}  // namespace lerbrief::load
