#include "app/produce.h"

#include <fmt/format.h>

#include <cmath>
#include <ctime>
#include <filesystem>
#include <optional>
#include <ostream>

#include "app/atomic_file.h"
#include "app/diagram_options.h"
#include "app/glyph_cover.h"
#include "app/build_documents.h"
#include "app/output_check.h"
#include "app/page_limit.h"
#include "app/paths.h"
#include "app/print_plan.h"
#include "app/stale_output.h"
#include "compose/compose.h"
#include "compose/figures.h"
#include "diagram/paint.h"
#include "load/event_file.h"
#include "load/fields.h"
#include "load/layout_file.h"
#include "load/text_check.h"
#include "messages/cli.h"
#include "messages/messages.h"
#include "messages/output.h"
#include "messages/report.h"
#include "messages/setup.h"
#include "model/limits.h"
#include "model/markup.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultBooklet = "output/ler-briefing.pdf";
// Room left around the diagram on its page or slide.
constexpr double kDiagramMargin = 24;

// The build date: SOURCE_DATE_EPOCH (reproducible builds), else the content's
// date, else none. The clock is never read.
std::string build_date(const Content& c) {
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
        char* end = nullptr;
        long long v = std::strtoll(e, &end, 10);
        if (end && *end == '\0' && v >= 0) {
            std::time_t t = static_cast<std::time_t>(v);
            std::tm tm{};
            gmtime_r(&t, &tm);
            char buf[16];
            std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
            return buf;
        }
    }
    return c.meta.date;
}

void print_all(std::ostream& err, const Diagnostics& d, bool color) {
    for (const auto& x : d.items()) err << format(x, color) << '\n';
}

// A file could not be written: what is true of the earlier files.
ExitStatus io_fail(std::ostream& err, const Diagnostics& d, const WriteError& why,
                   const std::vector<std::string>& replaced, bool color) {
    print_all(err, d, color);
    Diagnostics failed;
    msg::write_failed(failed, why.message, why.hint);
    print_all(err, failed, color);
    std::vector<std::string> names;
    for (const auto& p : replaced) names.push_back(display_path(p));
    err << msg::after_failed_write(names) << '\n';
    return ExitStatus::io_error;
}

ExitStatus fail(std::ostream& err, const Diagnostics& d, bool color) {
    print_all(err, d, color);
    err << msg::nothing_written(d) << '\n';
    return ExitStatus::content_error;
}

}  // namespace

ExitStatus produce(const Options& o, Content& content, Diagnostics& diags, Timings& timings, std::ostream& out,
                   std::ostream& err) {
    // --check is --all that stops where the files would be written: the same
    // layout, event file, print options, documents, diagram, QR codes, file
    // names and rendering, so whatever the build refuses --check refuses first.
    const bool dry_run = o.mode == Mode::check;
    const Mode mode = dry_run ? Mode::all : o.mode;
    Options built = o;  // the print options are checked against the mode the build runs in
    built.mode = mode;
    Diagnostics usage;  // check_command_line() refused these before the content was loaded
    const std::optional<PrintPlan> plan = print_plan(built, usage);
    if (!plan) {
        print_all(err, usage, o.color);
        return ExitStatus::usage_error;
    }
    LayoutSpec spec = load::load_layout(o.layout, layouts_dir(), fonts_dir(), diags);
    if (diags.has_errors()) return fail(err, diags, o.color);

    std::unique_ptr<layout::FontSet> fonts;
    try {
        fonts = std::make_unique<layout::FontSet>(spec.fonts);
    } catch (const layout::FontError& e) {
        msg::font_unusable(diags, spec.pos, e.what());
        return fail(err, diags, o.color);
    }
    std::unique_ptr<layout::Hyphenator> hyphenator;
    if (spec.hyphenate) {
        const auto dict = layout::default_hyphen_dictionary();
        if (dict.empty())
            msg::no_hyphenation_dictionary(diags, spec.pos);
        else
            hyphenator = std::make_unique<layout::Hyphenator>(dict);
    }
    compose::Input in;
    in.content = &content;
    in.tools = {&spec, fonts.get(), hyphenator.get(), &diags};
    in.event.title = o.event, in.event.date = o.date, in.event.place = o.place;
    load::EventPositions event_at;
    if (!o.event_file.empty()) {
        // --event-file gives the event line; --event/--date/--place override its parts
        if (auto ev = load::read_event_file(o.event_file, diags)) {
            if (ev->title && o.event.empty()) in.event.title = *ev->title;
            if (ev->date && o.date.empty()) in.event.date = *ev->date;
            if (ev->place && o.place.empty()) in.event.place = *ev->place;
            in.event.agenda = std::move(ev->agenda);
            in.event.attendees = std::move(ev->attendees);
            event_at = ev->positions;  // checked with the rest in cover_glyphs
        }
        if (diags.has_errors()) return fail(err, diags, o.color);
    }
    if (!o.attendees_file.empty()) {  // replaces the event file's list, as --event replaces its title
        if (auto people = load::read_attendees_csv(o.attendees_file, diags)) in.event.attendees = std::move(*people);
        if (diags.has_errors()) return fail(err, diags, o.color);
    }
    load::resolve_attendee_groups(in.event.attendees, content, diags);
    cover_glyphs(content, in.event, event_at, spec, o, *fonts, diags);  // text coverage (#13 item 2)
    if (diags.has_errors()) return fail(err, diags, o.color);
    in.build_date = build_date(content);
    in.version = LERBRIEF_VERSION;
    in.pad_pages_to = plan->impose ? 4 : 1;
    if (mode != Mode::diagram) {  // fact sheets alone are never imposed
        PrintPlan sheets_plan = *plan;
        sheets_plan.impose = plan->impose && mode != Mode::stakeholders;
        check_sheet_size(spec, sheets_plan, diags);
    }
    if (plan->gray) warn_gray_clashes(content, spec, diags);
    timings.mark("check");

    std::vector<Output> outputs;
    std::vector<std::string> dumps;
    std::vector<std::string> stale;  // fact sheets of an earlier run in the folder (--all)
    const std::string booklet_path = o.output.empty() ? kDefaultBooklet : o.output;
    try {
        if (mode == Mode::diagram) {
            auto size = parse_diagram_size(o.diagram_size);
            if (!size) {  // check_command_line() refused it before the content was loaded
                Diagnostics usage;
                msg::bad_diagram_size(usage, o.diagram_size);
                print_all(err, usage, o.color);
                return ExitStatus::usage_error;
            }
            if (!compose::diagram_fits(content))
                msg::too_many_groups_for_diagram(diags, {content.root, 0, 0}, content.stakeholders.size(),
                                                 limits::kMaxGroups);
            if (diags.has_errors()) return fail(err, diags, o.color);
            auto frame = compose::ecosystem_diagram(content, in.tools, size->first - 2 * kDiagramMargin,
                                                    size->second - 2 * kDiagramMargin);
            std::vector<std::string> paths;
            for (const auto& f : fonts->specs()) paths.push_back(f.path);
            timings.mark("diagram");
            if (diags.has_errors()) return fail(err, diags, o.color);
            const layout::Frame page = diagram::fit_frame(*frame, size->first, size->second, kDiagramMargin);
            if (WriteError why = make_parent_folder(o.diagram_path); why.failed())  // as --output's are made
                return io_fail(err, diags, why, {}, o.color);
            if (WriteError why = check_target(o.diagram_path); why.failed()) return io_fail(err, diags, why, {}, o.color);
            remove_stale_temps(o.diagram_path);  // write_standalone names its temporary files as atomic_file.cpp does
            try {
                diagram::write_standalone(page, o.diagram_path, diagram::FontFiles::from_paths(paths), 1, o.dpi,
                                          in.build_date.empty() ? "" : in.build_date + "T00:00:00");
            } catch (const diagram::PaintError& e) {  // the file could not be written: an earlier one is intact
                return io_fail(err, diags, {e.what(), {}}, {}, o.color);
            }
            timings.mark("write");
            print_all(err, diags, o.color);
            out << fmt::format("wrote {}\n", o.diagram_path);
            if (o.timings) err << timings.report();
            return ExitStatus::success;
        }
        const fs::path sheets_dir = (mode == Mode::all ? fs::path(booklet_path).parent_path() : fs::path("output")) / "factsheets";
        std::vector<const Stakeholder*> sheets;
        if (mode == Mode::all) {
            for (const auto& s : content.stakeholders)
                if (s.has_content()) sheets.push_back(&s);
        } else {
            std::vector<std::string> ids;
            for (const auto& s : content.stakeholders) ids.push_back(s.id);
            for (const auto& id : o.stakeholders) {
                const Stakeholder* s = content.find_stakeholder(id);
                if (!s) {
                    Diagnostics usage;
                    msg::unknown_stakeholder(usage, id, ids);
                    print_all(err, usage, o.color);
                    return ExitStatus::usage_error;
                }
                if (!s->has_content()) msg::no_fact_sheet(diags, s->pos, id);
                sheets.push_back(s);
            }
            if (diags.has_errors()) return fail(err, diags, o.color);
        }
        std::vector<SheetJob> jobs;
        for (const Stakeholder* s : sheets) {
            std::string path = (sheets_dir / (s->id + ".pdf")).string();
            if (mode == Mode::stakeholders && !o.output.empty())
                path = sheets.size() == 1 ? o.output : (fs::path(o.output) / (s->id + ".pdf")).string();
            jobs.push_back({s, path});
        }
        check_sheet_names(jobs, diags);
        if (mode == Mode::all) {  // never deleted: warned about, and listed in the manifest
            stale = stale_sheets(sheets_dir.string(), jobs);
            warn_stale_sheets(sheets_dir.string(), stale, diags);
        }
        check_qr_links(content, o, diags);
        if (diags.has_errors()) return fail(err, diags, o.color);
        std::optional<compose::Composed> book;
        if (mode == Mode::all || mode == Mode::booklet) {
            const long long diagram_ns = in.figures->diagram_ns.load();
            book = compose::booklet(in);
            timings.mark("layout");
            timings.add("diagram", static_cast<double>(in.figures->diagram_ns.load() - diagram_ns) / 1e6, "layout");
            if (!within_page_limit(book->doc, "the booklet", {content.root, 0, 0}, diags)) return fail(err, diags, o.color);
        }
        for (auto& d : build_documents(in, book ? &*book : nullptr, booklet_path, jobs, in.build_date, *plan, o.dump,
                                       timings)) {
            dumps.insert(dumps.end(), d.dump.begin(), d.dump.end());
            for (auto& f : d.files) outputs.push_back(std::move(f));
        }
    } catch (const compose::FitError& e) {
        msg::fact_sheet_does_not_fit(diags, e.pos, e.group, e.page, e.overflow_pt, spec.fit_min_scale);
        return fail(err, diags, o.color);
    }
    if (diags.has_errors()) return fail(err, diags, o.color);
    if (mode == Mode::all) add_manifest(outputs, booklet_path, content, in.build_date, *plan, stale);

    // Everything is in memory: only now is anything written, as one set.
    if (dry_run) {
        for (const auto& w : outputs)
            if (WriteError why = check_target(w.path); why.failed()) return io_fail(err, diags, why, {}, o.color);
        print_all(err, diags, o.color);
        out << fmt::format("{}: ok — {} stakeholder groups, {} action areas, {} glossary terms, {} warning{}\n",
                           content.root, content.stakeholders.size(), content.action_areas.size(),
                           content.glossary.size(), diags.warning_count(), msg::plural(diags.warning_count()));
        if (o.timings) err << timings.report();
        return ExitStatus::success;
    }
    std::vector<FileToWrite> files;
    std::size_t pages = 0;
    for (const auto& w : outputs) {
        files.push_back({w.path, w.bytes});
        pages += w.pages;
    }
    if (SetWritten w = write_set_atomically(files); w.error.failed())
        return io_fail(err, diags, w.error, w.replaced, o.color);
    timings.mark("write");
    print_all(err, diags, o.color);
    for (const auto& d : dumps) out << d << '\n';
    for (const auto& w : outputs)
        out << (w.pages ? fmt::format("wrote {} ({} page{})\n", display_path(w.path), w.pages, msg::plural(w.pages))
                        : fmt::format("wrote {}\n", display_path(w.path)));
    out << fmt::format("{} file{}, {} pages, {} warning{}\n", outputs.size(), msg::plural(outputs.size()), pages,
                       diags.warning_count(), msg::plural(diags.warning_count()));
    if (o.timings) err << timings.report();
    return ExitStatus::success;
}

}  // namespace lerbrief
