#include "app/import_job.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "app/atomic_file.h"
#include "app/content_loader.h"
#include "app/paths.h"
#include "import/import.h"
#include "load/load.h"
#include "load/yaml_tree.h"
#include "messages/import.h"
#include "messages/messages.h"
#include "messages/report.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

void print(std::ostream& err, const Diagnostics& d, bool color) {
    err << format_all(d, color);
}

ExitStatus refuse(std::ostream& err, const Diagnostics& d, bool color, ExitStatus status) {
    print(err, d, color);
    if (status != ExitStatus::usage_error) err << msg::nothing_written(d) << '\n';
    return status;
}

// The bytes of a regular file, or nullopt.
std::optional<std::string> read_bytes(const fs::path& p) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return std::nullopt;
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The command line: --data names the folder to write, never the bundled or
// starter content by name, never the website copy itself.
bool usage_ok(const Options& o, Diagnostics& d) {
    if (o.data_dir.empty()) return msg::import_needs_data(d), false;
    std::error_code ec;
    const auto& names = data_names();
    if (std::find(names.begin(), names.end(), o.data_dir) != names.end() && !fs::is_directory(o.data_dir, ec))
        return msg::import_not_into_bundled(d, o.data_dir), false;
    if (fs::exists(o.data_dir, ec) && fs::exists(o.import_dir, ec) && fs::equivalent(o.data_dir, o.import_dir, ec))
        return msg::import_into_site(d), false;
    return true;
}

// The website's content as a build with --data SITE_DIR sees it (with the
// bundled introduction), or nothing after errors.
std::optional<Content> load_site(const Options& o, Diagnostics& d) {
    const std::string dir = resolve_data_dir(o.import_dir);
    std::error_code ec;
    if (fs::is_directory(dir, ec) && load::detect(dir) == load::Detected::ours) {
        msg::import_not_a_site(d, {dir, 0, 0});
        return std::nullopt;
    }
    Options site = o;
    site.data_dir = o.import_dir;
    site.base_url.clear();
    Timings timings;
    Content c = load_for_job(site, d, timings);
    if (d.has_errors()) return std::nullopt;
    return c;
}

struct Target {
    std::optional<Content> ours;
    import::Existing existing;
};

// What DIR holds already: our schema (its hand-written parts are kept).
bool read_target(const std::string& dir, Target& t, Diagnostics& d) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return true;
    if (load::detect(dir) == load::Detected::ours) {
        t.ours = load::load_ours(dir, d);
        if (d.has_errors()) return false;
    }
    for (const auto& name : import::hand_written_files())
        if (fs::exists(fs::path(dir) / name, ec)) t.existing.hand_written.push_back(name);
    t.existing.ours = t.ours ? &*t.ours : nullptr;
    return true;
}

struct Staged {
    std::string path;  // relative to DIR
    std::string bytes;
    msg::ImportState state;
};

msg::ImportState compare(const fs::path& target, const std::string& bytes) {
    auto before = read_bytes(target);
    if (!before) return msg::ImportState::fresh;
    return *before == bytes ? msg::ImportState::unchanged : msg::ImportState::changed;
}

// The files of the plan with their state; false (after an error) when a
// file to copy cannot be read.
bool stage(const std::string& dir, const import::Plan& plan, std::vector<Staged>& out, Diagnostics& d) {
    for (const auto& f : plan.files) out.push_back({f.path, f.text, compare(fs::path(dir) / f.path, f.text)});
    for (const auto& c : plan.copies) {
        auto bytes = read_bytes(c.from);
        if (!bytes) {
            msg::cannot_read(d, {c.from, 0, 0}, "not a readable file");
            return false;
        }
        if (std::any_of(out.begin(), out.end(), [&](const Staged& s) { return s.path == c.to; })) continue;
        out.push_back({c.to, *bytes, compare(fs::path(dir) / c.to, *bytes)});
    }
    return true;
}

// stakeholders/*.yaml of DIR that the import does not write: left in place.
std::vector<std::string> left_groups(const std::string& dir, const std::vector<Staged>& staged, Diagnostics& d) {
    std::vector<std::string> left;
    std::error_code ec;
    const fs::path folder = fs::path(dir) / "stakeholders";
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const auto ext = it->path().extension();
        if (ext != ".yaml" && ext != ".yml") continue;
        const std::string rel = "stakeholders/" + it->path().filename().string();
        if (std::any_of(staged.begin(), staged.end(), [&](const Staged& s) { return s.path == rel; })) continue;
        left.push_back(rel);
    }
    std::sort(left.begin(), left.end());
    for (const auto& rel : left)
        msg::group_not_in_site(d, {(fs::path(dir) / rel).string(), 0, 0}, fs::path(rel).stem().string());
    return left;
}

ExitStatus write_and_report(const Options& o, const import::Plan& plan, std::vector<Staged>& staged,
                            Diagnostics& d, std::ostream& out, std::ostream& err) {
    const std::string dir = o.data_dir;
    const auto left = left_groups(dir, staged, d);
    std::vector<FileToWrite> files;
    for (const auto& s : staged)
        if (s.state != msg::ImportState::unchanged) files.push_back({(fs::path(dir) / s.path).string(), s.bytes});
    // Every YAML file is read back before anything is written: a correction
    // that broke one (a duplicate key, a quote left open) leaves DIR as it was.
    Diagnostics staged_check;
    for (const auto& s : staged)
        if (fs::path(s.path).extension() == ".yaml") load::read_yaml(s.bytes, (fs::path(dir) / s.path).string(), staged_check);
    if (staged_check.has_errors()) {
        d.append(staged_check);
        print(err, d, o.color);
        err << msg::nothing_written(d) << '\n';
        return ExitStatus::content_error;
    }
    if (SetWritten w = write_set_atomically(files); w.error.failed()) {
        print(err, d, o.color);
        Diagnostics failed;
        msg::write_failed(failed, w.error.message, w.error.hint);
        print(err, failed, o.color);
        std::vector<std::string> names;
        for (const auto& p : w.replaced) names.push_back(display_path(p));
        err << msg::after_failed_write(names) << '\n';
        return ExitStatus::io_error;
    }
    msg::ImportCounts n;
    for (const auto& s : staged) {
        out << msg::import_line(s.state, s.path) << '\n';
        (s.state == msg::ImportState::fresh ? n.fresh : s.state == msg::ImportState::changed ? n.changed : n.unchanged)++;
    }
    for (const auto& k : plan.kept) out << msg::import_line(msg::ImportState::kept, k) << '\n', ++n.kept;
    for (const auto& l : left) out << msg::import_line(msg::ImportState::left, l) << '\n', ++n.left;
    for (const auto& a : plan.corrections) n.corrections += a.count > 0 ? 1 : 0;
    // What was written loads as the build will load it.
    load::load_content(dir, d);
    print(err, d, o.color);
    out << msg::import_summary(display_path(dir), n, d) << '\n';
    return d.has_errors() ? ExitStatus::content_error : ExitStatus::success;
}

}  // namespace

ExitStatus import_job(const Options& o, std::ostream& out, std::ostream& err) {
    Diagnostics d;
    if (!usage_ok(o, d)) return refuse(err, d, o.color, ExitStatus::usage_error);
    auto site = load_site(o, d);
    if (!site) return refuse(err, d, o.color, ExitStatus::content_error);
    Target target;
    if (!read_target(o.data_dir, target, d)) return refuse(err, d, o.color, ExitStatus::content_error);
    const import::Corrections corrections = import::read_corrections(o.data_dir, d);
    if (d.has_errors()) return refuse(err, d, o.color, ExitStatus::content_error);
    const import::Plan plan = import::import_site(*site, target.existing, corrections, display_path(o.import_dir), d);
    std::vector<Staged> staged;
    if (!stage(o.data_dir, plan, staged, d)) return refuse(err, d, o.color, ExitStatus::io_error);
    return write_and_report(o, plan, staged, d, out, err);
}

}  // namespace lerbrief
