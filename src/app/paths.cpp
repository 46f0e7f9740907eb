#include "app/paths.h"

#include <filesystem>

namespace lerbrief {

namespace fs = std::filesystem;

std::string resource_dir() {
    static const std::string dir = [] {
        std::error_code ec;
        if (const char* env = std::getenv("LERBRIEF_HOME"); env && *env) return std::string(env);
        fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (!ec) {
            fs::path installed = exe.parent_path().parent_path() / "share" / "lerbrief";
            if (fs::is_directory(installed / "fonts", ec)) return installed.string();
        }
        return std::string(LERBRIEF_SOURCE_DIR);
    }();
    return dir;
}

std::string bundled_data_dir() { return display_path((fs::path(resource_dir()) / "data").string()); }
std::string fonts_dir() { return (fs::path(resource_dir()) / "fonts").string(); }
std::string layouts_dir() { return (fs::path(resource_dir()) / "layouts").string(); }

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
