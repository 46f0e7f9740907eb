#include "app/job.h"

#include <fmt/format.h>

#include <exception>
#include <ostream>

#include "app/content_loader.h"
#include "app/command_line.h"
#include "app/import_job.h"
#include "app/init.h"
#include "app/paths.h"
#include "app/produce.h"
#include "messages/report.h"
#include "model/markup.h"

namespace lerbrief {

namespace {

void print(std::ostream& err, const Diagnostics& diags, bool color) {
    for (const auto& d : diags.items()) err << format(d, color) << '\n';
}

ExitStatus list(const Content& c, std::ostream& out) {
    out << "stakeholder groups (" << c.stakeholders.size() << "):\n";
    for (const auto& s : c.stakeholders)
        out << fmt::format("  {:<32} {}{}\n", s.id, plain_text(s.name.value), s.has_content() ? "" : "  (name only)");
    out << "action areas (" << c.action_areas.size() << "):\n";
    for (const auto& a : c.action_areas) out << fmt::format("  {:<32} {}\n", a.id, plain_text(a.title.value));
    out << "phases (" << c.phases.size() << "):\n";
    for (const auto& p : c.phases) out << fmt::format("  {:<32} {}\n", p.id, plain_text(p.title.value));
    const auto layouts = layout_names();
    out << "layouts (" << layouts.size() << "):\n";
    for (const auto& l : layouts) out << "  " << l << '\n';
    return ExitStatus::success;
}

}  // namespace

ExitStatus run_job(const Options& options, std::ostream& out, std::ostream& err) {
    try {
        if (options.mode == Mode::init) return init_folder(options.init_dir, options.color, out, err);
        if (options.mode == Mode::import_site) return import_job(options, out, err);
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

}  // namespace lerbrief
