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

// The canonical path of `path` (a path under `root`, joined already) when
// it exists and lies inside `root`'s canonical path; else "" and `why`:
// "no such file", "too many levels of symbolic links", "the path leaves the
// content folder (through a symbolic link)", or that a path cannot be
// resolved. Shared by icons (check.cpp) and content files.
std::string resolve_inside(const std::string& root, const std::string& path, std::string& why);

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
