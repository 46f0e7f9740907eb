#include "app/paths.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

// A build tree names its source tree in a file CMake writes at its top
// (CMakeLists.txt): the binaries built there are in that folder or one or two
// below it (tests/, bench/, fuzz/). The path lives in the build tree, not in
// the binary, so an installed or packaged binary holds no build path.
std::string source_tree_beside(const fs::path& exe_dir) {
    constexpr int levels = 3;  // the binary's folder and two above it
    std::error_code ec;
    fs::path dir = exe_dir;
    for (int i = 0; i < levels && !dir.empty(); ++i, dir = dir.parent_path()) {
        std::ifstream in(dir / "lerbrief-source-tree");
        std::string line;
        if (in && std::getline(in, line) && !line.empty() && fs::is_directory(fs::path(line) / "fonts", ec))
            return line;
        if (dir == dir.root_path()) break;
    }
    return {};
}

}  // namespace

std::string resource_dir() {
    static const std::string dir = [] {
        std::error_code ec;
        if (const char* env = std::getenv("LERBRIEF_HOME"); env && *env) return std::string(env);
        fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (ec) return std::string("/usr/share/lerbrief");
        // Installed: <prefix>/bin/lerbrief beside <prefix>/share/lerbrief.
        const fs::path installed = exe.parent_path().parent_path() / "share" / "lerbrief";
        if (fs::is_directory(installed / "fonts", ec)) return installed.string();
        if (std::string src = source_tree_beside(exe.parent_path()); !src.empty()) return src;
        return installed.string();  // missing: the messages name where it was looked for
    }();
    return dir;
}

std::string icon_cache_dir() {
    // XDG's folder as given, made when missing; a home folder only when it exists (never made)
    auto absolute = [](const char* v) { return v && v[0] == '/'; };
    if (const char* own = std::getenv("LERBRIEF_CACHE_DIR")) return absolute(own) ? std::string(own) : std::string();
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); absolute(xdg)) return std::string(xdg) + "/lerbrief/icons";
    std::error_code ec;
    if (const char* home = std::getenv("HOME"); absolute(home) && fs::is_directory(home, ec))
        return std::string(home) + "/.cache/lerbrief/icons";
    return {};
}

std::string bundled_data_dir() { return display_path((fs::path(resource_dir()) / "data").string()); }
std::string fonts_dir() { return (fs::path(resource_dir()) / "fonts").string(); }
std::string layouts_dir() { return (fs::path(resource_dir()) / "layouts").string(); }
std::string strings_dir() { return (fs::path(resource_dir()) / "strings").string(); }
namespace {

// "es-MX" → "es", "EN" → "en".
std::string primary_subtag(const std::string& language) {
    std::string p = language.substr(0, language.find_first_of("-_"));
    for (char& ch : p) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return p;
}

}  // namespace

std::string starter_dir(const std::string& language) {
    const std::string primary = primary_subtag(language);
    const std::string name = primary.empty() || primary == "en" ? "starter" : "starter-" + primary;
    return (fs::path(resource_dir()) / name).string();
}

std::vector<std::string> starter_languages() {
    std::vector<std::string> found;
    std::error_code ec;
    for (auto it = fs::directory_iterator(resource_dir(), ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with("starter-") && name.size() > 8 && it->is_directory(ec)) found.push_back(name.substr(8));
    }
    std::sort(found.begin(), found.end());
    found.insert(found.begin(), "en");
    return found;
}

std::string schema_dir() {
    std::error_code ec;
    const fs::path installed = fs::path(resource_dir()) / "schema";
    if (fs::is_directory(installed, ec)) return installed.string();
    return (fs::path(resource_dir()) / "docs" / "schema").string();
}

const std::vector<std::string>& data_names() {
    static const std::vector<std::string> names{"bundled", "starter"};
    return names;
}

std::string resolve_data_dir(const std::string& name_or_dir) {
    std::error_code ec;
    if (name_or_dir.find('/') != std::string::npos || fs::is_directory(name_or_dir, ec)) return name_or_dir;
    if (name_or_dir == "bundled") return bundled_data_dir();
    if (name_or_dir == "starter") return display_path(starter_dir());
    return name_or_dir;
}

std::vector<std::string> layout_names() {
    std::vector<std::string> names;
    std::error_code ec;
    for (auto it = fs::directory_iterator(layouts_dir(), ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
        if (it->path().extension() == ".yaml" && it->is_regular_file(ec)) names.push_back(it->path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool names_a_layout_file(const std::string& name_or_path) {
    return name_or_path.find('/') != std::string::npos || name_or_path.ends_with(".yaml") ||
           name_or_path.ends_with(".yml");
}

std::string display_path(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::absolute(path, ec);
    if (ec) return path;
    fs::path cwd = fs::current_path(ec);
    if (ec) return path;
    fs::path rel = p.lexically_normal().lexically_relative(cwd);
    if (rel.empty() || *rel.begin() == "..") return path;
    return rel.string();
}

}  // namespace lerbrief
