#include "load/contained.h"

#include <filesystem>
#include <system_error>

#include "load/fields.h"
#include "messages/messages.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

const char* Resolved::why() const {
    switch (problem) {
    case Problem::none: return "";
    case Problem::root_unresolved: return "the content folder cannot be resolved";
    case Problem::missing: return "no such file";
    case Problem::loop: return "too many levels of symbolic links";
    case Problem::unresolved: return "the path cannot be resolved";
    case Problem::outside: return "the path leaves the content folder (through a symbolic link)";
    }
    return "";
}

Resolved resolve_inside(const std::string& root, const std::string& path) {
    std::error_code ec;
    const fs::path base = fs::canonical(root, ec);
    if (ec) return {{}, Resolved::Problem::root_unresolved};
    const fs::path real = fs::canonical(path, ec);
    if (ec == std::errc::too_many_symbolic_link_levels) return {{}, Resolved::Problem::loop};
    if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory)
        return {{}, Resolved::Problem::missing};
    if (ec) return {{}, Resolved::Problem::unresolved};
    const fs::path rel = real.lexically_relative(base);
    if (rel.empty() || *rel.begin() == "..") return {{}, Resolved::Problem::outside};
    return {real.string(), Resolved::Problem::none};
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
    // A missing file and a loop are read_mapping_file()'s to report.
    if (has_entry(path)) {
        const Resolved r = resolve_inside(root, path);
        if (r.problem != Resolved::Problem::none && r.problem != Resolved::Problem::missing &&
            r.problem != Resolved::Problem::loop) {
            msg::outside_content_folder(diags, {path, 0, 0}, r.why());
            return std::nullopt;
        }
    }
    return read_mapping_file(path, what, diags);
}

bool has_entry(const std::string& path) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

}  // namespace lerbrief::load
