#pragma once
// lerbrief --init DIR: writes the starter content folder (starter/ among
// lerbrief's resources: two groups, one action area, a comment on every
// field) into DIR, which must be absent or empty. The files are copied into a
// temporary folder beside DIR and renamed to DIR when complete, so a failure
// leaves nothing half-written. Each YAML file's first line points editors at
// the installed JSON Schema (docs/schema).
//
// `language` (--language, BCP 47) picks the starter written in that language
// (paths.h, starter_dir): empty or English gives starter/, "es" starter-es/.
// A language with no starter is a usage error naming those there are.
#include <iosfwd>
#include <string>

#include "app/exit_status.h"

namespace lerbrief {

ExitStatus init_folder(const std::string& dir, const std::string& language, bool color, std::ostream& out, std::ostream& err);

}  // namespace lerbrief
