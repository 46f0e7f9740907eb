#pragma once
// Helpers shared by the tests: paths, running the built binary, temporary
// folders, reading files. Test-only.
#include <filesystem>
#include <string>
#include <vector>

namespace lerbrief::test {

namespace fs = std::filesystem;

fs::path source_dir();    // the repository
fs::path fixtures_dir();  // tests/fixtures
fs::path binary();        // the built lerbrief
// ../shared/ler-ecosystem-map-site, or empty when this clone has no ../shared
// (then the test says it is skipped and returns).
fs::path website_dir();

struct RunResult {
    int status = -1;  // exit status; 128+signal when killed
    std::string out;
    std::string err;
    long max_rss_kib = 0;  // the child's peak resident memory (ru_maxrss from wait4)
};

// Runs `lerbrief args...` (no shell) with the working directory `cwd`
// (default: the repository) and extra environment entries "NAME=value".
RunResult run_lerbrief(const std::vector<std::string>& args, const fs::path& cwd = {},
                       const std::vector<std::string>& env = {});
// Runs any program found on PATH.
RunResult run_program(const std::vector<std::string>& argv, const fs::path& cwd = {},
                      const std::vector<std::string>& env = {});

// A fresh empty directory, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

// The folder of what is kept between runs (model/disk_cache.h) on, in a
// fresh folder, for one test, as a new build (whose first YAML files and
// streams use it); off again after it.
struct DiskCacheIn {
    TempDir dir;
    fs::path folder = dir / "cache";
    DiskCacheIn();
    ~DiskCacheIn();
    // the folder's files whose names end with `ending` (all: "")
    std::vector<fs::path> entries(const std::string& ending = "") const;
};

std::string read_file(const fs::path& p);
void write_file(const fs::path& p, const std::string& text);
// Copies a folder tree (files and folders only).
void copy_tree(const fs::path& from, const fs::path& to);

}  // namespace lerbrief::test

// Skips the rest of a test, saying why, when ../shared is absent.
#define LERBRIEF_REQUIRE_WEBSITE(var)                                                        \
    const auto var = ::lerbrief::test::website_dir();                                      \
    if (var.empty()) {                                                                     \
        WARN("skipped: ../shared/ler-ecosystem-map-site is absent in this clone");         \
        return;                                                                            \
    }
