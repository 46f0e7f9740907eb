#pragma once
// Nothing is read that the user did not name. The user names a content
// folder; the files its YAML and icons come from are read only where they
// really are inside that folder, so a symbolic link in someone else's
// repository cannot make lerbrief (perhaps run as root) read /etc/shadow or
// quote it in a message. A loop of symbolic links is reported as a loop.
//
// The check is made just before the file is opened; content folders are not
// expected to change while lerbrief reads them.
#include <optional>
#include <string>

#include "load/yaml_tree.h"
#include "model/diagnostic.h"

namespace lerbrief::load {

// Where `path` (a path under `root`, joined already) really is: its
// canonical path when it exists and lies inside `root`'s canonical path;
// else the problem, which why() says in words for messages. Shared by icons
// (check.cpp) and content files.
struct Resolved {
    enum class Problem { none, root_unresolved, missing, loop, unresolved, outside };
    std::string real;  // empty unless problem == none
    Problem problem = Problem::none;
    bool inside() const { return problem == Problem::none; }
    const char* why() const;
};
Resolved resolve_inside(const std::string& root, const std::string& path);

// False, after an error at `path`, when `path` is a loop of symbolic links
// (ELOOP): for readers that would otherwise call it "no such file".
bool not_a_loop(const std::string& path, Diagnostics& diags);

// read_mapping_file() for a file of the content folder `root`: refused with
// an error when a symbolic link leads out of the folder or into a loop. A
// missing file is left to read_mapping_file() to report.
std::optional<YNode> read_content_file(const std::string& root, const std::string& path, const std::string& what,
                                       Diagnostics& diags);

// Whether `path` exists as a name in its folder (a dangling or looping link
// too), without throwing: std::filesystem::exists throws on a loop.
bool has_entry(const std::string& path);

}  // namespace lerbrief::load
