#include "app/init.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "app/paths.h"
#include "messages/setup.h"
#include "messages/strings.h"
#include "messages/summary.h"
#include "model/diagnostic.h"
#include "model/strings.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSchemaPlaceholder = "@SCHEMA_DIR@";

// Prints the one message `say` adds and returns `status`.
template <class Say>
ExitStatus refuse(std::ostream& err, bool color, ExitStatus status, Say say) {
    Diagnostics d;
    say(d);
    err << format_all(d, color);
    return status;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in && !in.eof()) throw fs::filesystem_error("read", p, std::make_error_code(std::errc::io_error));
    return ss.str();
}

// Copies the starter folder into `to`, pointing the schema lines at `schemas`.
void copy_starter(const fs::path& from, const fs::path& to, const std::string& schemas) {
    for (auto it = fs::recursive_directory_iterator(from); it != fs::recursive_directory_iterator(); ++it) {
        const fs::path target = to / fs::relative(it->path(), from);
        if (it->is_directory()) {
            fs::create_directory(target);
            continue;
        }
        std::string text = read_all(it->path());
        for (auto at = text.find(kSchemaPlaceholder); at != std::string::npos; at = text.find(kSchemaPlaceholder))
            text.replace(at, kSchemaPlaceholder.size(), schemas);
        std::ofstream out(target, std::ios::binary);
        out << text;
        out.close();
        if (!out) throw fs::filesystem_error("write", target, std::make_error_code(std::errc::io_error));
    }
}

}  // namespace

ExitStatus init_folder(const std::string& dir, const std::string& language, bool color, std::ostream& out,
                       std::ostream& err) {
    std::error_code ec;
    fs::path target = fs::absolute(dir, ec).lexically_normal();
    if (!ec && target.filename().empty()) target = target.parent_path();  // "x/"
    if (ec || dir.empty() || target == target.root_path()) return refuse(err, color, ExitStatus::usage_error, [&](Diagnostics& d) { msg::init_not_a_folder_name(d, dir); });
    if (fs::exists(target, ec)) {
        if (!fs::is_directory(target, ec))
            return refuse(err, color, ExitStatus::usage_error, [&](Diagnostics& d) { msg::init_exists_not_a_folder(d, dir); });
        if (!fs::is_empty(target, ec))
            return refuse(err, color, ExitStatus::usage_error, [&](Diagnostics& d) { msg::init_not_empty(d, dir); });
    }
    if (!language.empty() && !is_language_tag(language))
        return refuse(err, color, ExitStatus::usage_error,
                      [&](Diagnostics& d) { msg::not_a_language_tag(d, {}, "--language", language); });
    const fs::path starter = starter_dir(language);
    if (starter != fs::path(starter_dir()) && !fs::is_directory(starter, ec))
        return refuse(err, color, ExitStatus::usage_error,
                      [&](Diagnostics& d) { msg::init_no_starter_in(d, language, starter_languages()); });
    if (!fs::is_directory(starter, ec))
        return refuse(err, color, ExitStatus::io_error,
                      [&](Diagnostics& d) { msg::init_starter_missing(d, starter.string()); });

    const fs::path parent = target.parent_path();
    fs::path tmp;
    try {
        fs::create_directories(parent);
        std::string tmpl = (parent / ("." + target.filename().string() + ".init-XXXXXX")).string();
        if (!::mkdtemp(tmpl.data())) throw fs::filesystem_error("mkdtemp", parent, std::error_code(errno, std::generic_category()));
        tmp = tmpl;
        fs::permissions(tmp, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
        copy_starter(starter, tmp, fs::absolute(schema_dir()).lexically_normal().string());
        fs::rename(tmp, target);  // replaces an empty folder
    } catch (const fs::filesystem_error& e) {  // its what() (the failing call's name) is not shown: the code and path are
        if (!tmp.empty()) fs::remove_all(tmp, ec);
        std::string why = e.code().message();
        return refuse(err, color, ExitStatus::io_error,
                      [&](Diagnostics& d) { msg::init_cannot_write(d, display_path(e.path1().string()), why); });
    }
    out << msg::init_done(display_path(target.string()), dir);
    return ExitStatus::success;
}

}  // namespace lerbrief
