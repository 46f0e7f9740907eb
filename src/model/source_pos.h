#pragma once
// Where a value came from: a file and a 1-based line and column.
// A position with line 0 means "the whole file" (or no file at all).
#include <string>

namespace lerbrief {

struct SourcePos {
    std::string file;  // path as the user gave it (relative to the working directory)
    int line = 0;      // 1-based; 0 = unknown / whole file
    int col = 0;       // 1-based; 0 = unknown

    bool known() const { return line > 0; }
};

}  // namespace lerbrief
