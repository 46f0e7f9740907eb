#pragma once
// Where a value came from: a file and a 1-based line and column.
// A position with line 0 means "the whole file" (or no file at all).
#include <iosfwd>
#include <string>

namespace lerbrief {

// A file's path, interned: every position in a file points at one shared copy
// of the path, so a position costs a pointer, not a copy of the path (a YAML
// file of a million values read through a 200-character path cost 850 MB).
// Interned paths live until the process ends; interning is thread-safe.
// Reads like a const std::string.
class SourceFile {
public:
    SourceFile();                   // the empty path
    SourceFile(const std::string& path);  // NOLINT: implicit, so `SourcePos{path, 1, 1}` reads naturally
    SourceFile(const char* path);   // NOLINT

    const std::string& str() const { return *path_; }
    operator const std::string&() const { return *path_; }  // NOLINT
    bool empty() const { return path_->empty(); }
    const char* c_str() const { return path_->c_str(); }

    friend bool operator==(const SourceFile& a, const SourceFile& b) { return a.path_ == b.path_; }
    friend bool operator==(const SourceFile& a, const std::string& b) { return *a.path_ == b; }
    friend std::ostream& operator<<(std::ostream& os, const SourceFile& f);

private:
    const std::string* path_;  // never null; owned by the intern table
};

struct SourcePos {
    SourceFile file;  // path as the user gave it (relative to the working directory)
    int line = 0;     // 1-based; 0 = unknown / whole file
    int col = 0;      // 1-based; 0 = unknown

    bool known() const { return line > 0; }
};

}  // namespace lerbrief
