#pragma once
// lerbrief --init DIR: writes the starter content folder (starter/ among
// lerbrief's resources: two groups, one action area, a comment on every
// field) into DIR, which must be absent or empty. The files are copied into a
// temporary folder beside DIR and renamed to DIR when complete, so a failure
// leaves nothing half-written. Each YAML file's first line points editors at
// the installed JSON Schema (docs/schema).
#include <iosfwd>
#include <string>

#include "app/exit_status.h"

namespace lerbrief {

ExitStatus init_folder(const std::string& dir, bool color, std::ostream& out, std::ostream& err);

}  // namespace lerbrief
