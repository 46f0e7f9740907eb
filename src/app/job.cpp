#include "app/job.h"


#include <exception>
#include <optional>
#include <ostream>

#include "app/content_loader.h"
#include "app/command_line.h"
#include "app/import_job.h"
#include "app/init.h"
#include "app/open_viewer.h"
#include "app/paths.h"
#include "app/produce.h"
#include "app/watch.h"
#include "diagram/icon_cache.h"
#include "messages/preflight.h"
#include "messages/report.h"
#include "messages/summary.h"
#include "messages/watch.h"
#include "model/cache_epoch.h"

namespace lerbrief {

namespace {

void print(std::ostream& err, const Diagnostics& diags, bool color) {
    err << format_all(diags, color);
}

ExitStatus list(const Content& c, std::ostream& out) {
    out << msg::content_list(c, layout_names());
    return ExitStatus::success;
}

// One build (or --check, --list): the command line's values, the content,
// then the mode's work. Never throws.
ExitStatus build(const Options& options, std::ostream& out, std::ostream& err) {
    start_cache_epoch();  // --watch: files read by an earlier build may have changed since
    try {
        if (auto refused = check_command_line(options, err)) return *refused;
        Diagnostics diags;
        Timings timings;
        Content content = load_for_job(options, diags, timings);
        if (diags.has_errors()) {
            print(err, diags, options.color);
            err << msg::nothing_written(diags) << '\n';
            return ExitStatus::content_error;
        }
        switch (options.mode) {
            case Mode::list:
                print(err, diags, options.color);
                return list(content, out);
            default:
                return produce(options, content, diags, timings, out, err);
        }
    } catch (const std::exception& e) {
        err << msg::internal_error(e.what()) << '\n';
        return ExitStatus::internal_error;
    }
}

// --watch and --open go with a mode that writes files; the option refused, if any.
std::optional<ExitStatus> refuse_watch_or_open(const Options& o, std::ostream& err) {
    const char* mode = o.mode == Mode::check         ? "--check"
                       : o.mode == Mode::list        ? "--list"
                       : o.mode == Mode::init        ? "--init"
                       : o.mode == Mode::import_site ? "--import"
                       : o.preflight                 ? "--preflight"
                                                     : nullptr;
    if (!mode || (!o.watch && !o.open)) return std::nullopt;
    Diagnostics diags;
    msg::option_needs_build(diags, o.watch ? "--watch" : "--open", mode);
    print(err, diags, o.color);
    return ExitStatus::usage_error;
}

// --preflight goes with the modes that make documents; refused with the others.
std::optional<ExitStatus> refuse_preflight(const Options& o, std::ostream& err) {
    if (!o.preflight) return std::nullopt;
    const char* mode = o.mode == Mode::list          ? "--list"
                       : o.mode == Mode::init        ? "--init"
                       : o.mode == Mode::import_site ? "--import"
                       : o.mode == Mode::diagram     ? "--diagram"
                                                     : nullptr;
    if (!mode) return std::nullopt;
    Diagnostics diags;
    msg::preflight_needs_documents(diags, mode);
    print(err, diags, o.color);
    return ExitStatus::usage_error;
}

}  // namespace

ExitStatus run_job(const Options& options, std::ostream& out, std::ostream& err) {
    try {
        if (auto refused = refuse_preflight(options, err)) return *refused;
        if (auto refused = refuse_watch_or_open(options, err)) return *refused;
        diagram::use_icon_cache(icon_cache_dir());
        if (options.mode == Mode::init) return init_folder(options.init_dir, options.language, options.color, out, err);
        if (options.mode == Mode::import_site) return import_job(options, out, err);
        // --open: the main file, after the first build that succeeds (not again at each rebuild).
        bool opened = !options.open;
        auto build_and_open = [&](std::ostream& o, std::ostream& e) {
            const ExitStatus status = build(options, o, e);
            if (status == ExitStatus::success && !opened) {
                o.flush();
                open_in_viewer(main_output(options), e);
                opened = true;
            }
            return status;
        };
        if (options.watch) return watch(options, out, err, build_and_open);
        return build_and_open(out, err);
    } catch (const std::exception& e) {
        err << msg::internal_error(e.what()) << '\n';
        return ExitStatus::internal_error;
    }
}

}  // namespace lerbrief
