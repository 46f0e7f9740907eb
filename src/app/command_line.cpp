#include "app/command_line.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "app/diagram_options.h"
#include "app/paths.h"
#include "app/print_plan.h"
#include "messages/report.h"
#include "load/contained.h"
#include "messages/cli.h"
#include "messages/messages.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

// Whether `path` can be opened as a regular file; else an error at it, in
// the words load::read_yaml_file uses.
bool readable_file(const std::string& path, Diagnostics& diags) {
    if (!load::not_a_loop(path, diags)) return false;
    const SourcePos whole{path, 0, 0};
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        msg::cannot_read(diags, whole, "no such file");
        return false;
    }
    if (fs::is_directory(st)) {
        msg::not_a_file(diags, whole);
        return false;
    }
    if (!fs::is_regular_file(st)) {
        msg::special_file(diags, whole);
        return false;
    }
    if (!std::ifstream(path, std::ios::binary)) {
        msg::cannot_read(diags, whole, "permission denied or unreadable");
        return false;
    }
    return true;
}

bool usage_ok(const Options& o, Diagnostics& diags) {
    if (o.mode == Mode::init || o.mode == Mode::list) return true;
    if (!check_diagram_options(o, diags)) return false;
    if (!print_plan(o, diags)) return false;
    if (!o.layout.empty() && !names_a_layout_file(o.layout)) {
        const auto names = layout_names();
        if (std::find(names.begin(), names.end(), o.layout) == names.end()) {
            msg::unknown_layout(diags, o.layout, names);
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<ExitStatus> check_command_line(const Options& o, std::ostream& err) {
    Diagnostics diags;
    auto print = [&] {
        for (const auto& d : diags.items()) err << format(d, o.color) << '\n';
    };
    if (!usage_ok(o, diags)) {
        print();
        return ExitStatus::usage_error;
    }
    if (o.mode == Mode::init || o.mode == Mode::list) return std::nullopt;
    bool ok = true;
    if (!o.layout.empty() && names_a_layout_file(o.layout)) ok = readable_file(o.layout, diags) && ok;
    if (!o.event_file.empty()) ok = readable_file(o.event_file, diags) && ok;
    if (ok) return std::nullopt;
    print();
    err << msg::nothing_written(diags) << '\n';
    return ExitStatus::io_error;
}

}  // namespace lerbrief
