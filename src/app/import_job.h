#pragma once
// `lerbrief --import SITE_DIR --data DIR`: a copy of the LER Ecosystem Map
// website converted into our schema in DIR (src/import/ makes the files;
// this writes them as a set, with the atomic writer, and reports what
// changed, one line a file). Never throws for what the user gave it.
#include <iosfwd>

#include "app/exit_status.h"
#include "app/options.h"

namespace lerbrief {

ExitStatus import_job(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace lerbrief
