#include "load/contained.h"

#include <filesystem>
#include <system_error>

#include "load/fields.h"
#include "load/messages.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

std::string resolve_inside(const std::string& root, const std::string& path, std::string& why) {
    std::error_code ec;
    const fs::path base = fs::canonical(root, ec);
    if (ec) {
        why = "the content folder cannot be resolved";
        return {};
    }
    const fs::path real = fs::canonical(path, ec);
    if (ec == std::errc::too_many_symbolic_link_levels) {
        why = "too many levels of symbolic links";
        return {};
    }
    if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
        why = "no such file";
        return {};
    }
    if (ec) {
        why = "the path cannot be resolved";
        return {};
    }
    const fs::path rel = real.lexically_relative(base);
    if (rel.empty() || *rel.begin() == "..") {
        why = "the path leaves the content folder (through a symbolic link)";
        return {};
    }
    return real.string();
}

bool not_a_loop(const std::string& path, Diagnostics& diags) {
    std::error_code ec;
    (void)fs::status(path, ec);
    if (ec != std::errc::too_many_symbolic_link_levels) return true;
    msg::symlink_loop(diags, {path, 0, 0});
    return false;
}

std::optional<YNode> read_content_file(const std::string& root, const std::string& path, const std::string& what,
                                       Diagnostics& diags) {
    if (!not_a_loop(path, diags)) return std::nullopt;
    std::string why;
    if (has_entry(path) && resolve_inside(root, path, why).empty() && why != "no such file") {
        msg::outside_content_folder(diags, {path, 0, 0}, why);
        return std::nullopt;
    }
    return read_mapping_file(path, what, diags);
}

bool has_entry(const std::string& path) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

}  // namespace lerbrief::load
