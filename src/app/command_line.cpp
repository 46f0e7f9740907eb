#include "app/command_line.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "app/diagram_options.h"
#include "app/paths.h"
#include "messages/strings.h"
#include "model/strings.h"
#include "app/print_plan.h"
#include "messages/report.h"
#include "load/contained.h"
#include "load/yaml_tree.h"
#include "messages/cli.h"
#include "messages/messages.h"
#include "messages/text.h"
#include "model/utf8.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

// Whether `path` can be opened as a regular file; else an error at it, as
// load::read_yaml_file would say it.
bool readable_file(const std::string& path, Diagnostics& diags) {
    if (!load::not_a_loop(path, diags) || !load::is_regular_file(path, diags)) return false;
    if (!std::ifstream(path, std::ios::binary)) {
        msg::cannot_read(diags, {path, 0, 0}, "permission denied or unreadable");
        return false;
    }
    return true;
}

// --event, --date and --place: UTF-8 without control characters (a line
// break or tab included), else a usage error naming the option.
bool event_options_ok(const Options& o, Diagnostics& diags) {
    const std::pair<const char*, const std::string*> values[] = {
        {"--event", &o.event}, {"--date", &o.date}, {"--place", &o.place}};
    for (const auto& [option, value] : values) {
        if (utf8::first_invalid(*value)) {
            msg::option_not_utf8(diags, option);
            continue;
        }
        for (std::size_t i = 0; i < value->size();) {
            const char32_t cp = utf8::next(*value, i);
            if (utf8::is_control(cp) || cp == '\n' || cp == '\t') {
                msg::option_control(diags, option, cp);
                break;
            }
        }
    }
    return !diags.has_errors();
}

bool usage_ok(const Options& o, Diagnostics& diags) {
    if (!o.language.empty() && !is_language_tag(o.language)) {
        msg::not_a_language_tag(diags, {}, "--language", o.language);
        return false;
    }
    if (o.mode == Mode::init || o.mode == Mode::list) return true;
    if (!check_diagram_options(o, diags)) return false;
    if (!print_plan(o, diags)) return false;
    if (!event_options_ok(o, diags)) return false;
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
        err << format_all(diags, o.color);
    };
    if (!usage_ok(o, diags)) {
        print();
        return ExitStatus::usage_error;
    }
    if (o.mode == Mode::init || o.mode == Mode::list) return std::nullopt;
    bool ok = true;
    if (!o.layout.empty() && names_a_layout_file(o.layout)) ok = readable_file(o.layout, diags) && ok;
    if (!o.event_file.empty()) ok = readable_file(o.event_file, diags) && ok;
    if (!o.attendees_file.empty()) ok = readable_file(o.attendees_file, diags) && ok;
    if (ok) return std::nullopt;
    print();
    err << msg::nothing_written(diags) << '\n';
    return ExitStatus::io_error;
}

}  // namespace lerbrief
