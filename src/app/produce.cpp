#include "app/produce.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <future>
#include <map>
#include <optional>
#include <ostream>
#include <system_error>

#include "app/atomic_file.h"
#include "app/build_documents.h"
#include "app/diagram_options.h"
#include "app/document_plan.h"
#include "app/glyph_cover.h"
#include "app/output_check.h"
#include "app/page_limit.h"
#include "app/paths.h"
#include "app/print_plan.h"
#include "compose/compose.h"
#include "compose/figures.h"
#include "diagram/paint.h"
#include "load/event_file.h"
#include "load/collate.h"
#include "load/layout_file.h"
#include "load/strings_file.h"
#include "load/typography.h"
#include "messages/cli.h"
#include "messages/messages.h"
#include "messages/output.h"
#include "messages/preflight.h"
#include "messages/report.h"
#include "messages/setup.h"
#include "messages/summary.h"
#include "model/cores.h"
#include "model/limits.h"
#include "model/memory.h"
#include "model/preflight.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

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
    err << format_all(d, color);
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

ExitStatus usage_fail(std::ostream& err, const Diagnostics& usage, bool color) {
    print_all(err, usage, color);
    return ExitStatus::usage_error;
}

// What every document of a job is set with: the layout, its fonts and the
// hyphenation dictionary. Empty `fonts` after an error in `diags`.
//
// The dictionary's patterns are loaded on a thread of their own while the
// fonts and the checks that follow are read and run (libhyphen parsing them
// is ~30 M instructions, before anything else can run on two cores), and
// taken by hyphenator() once the checks are done; on one core, loaded then.
// Patterns that cannot be read (a dictionary file that vanished or cannot be
// opened: an internal error, never content's) are found there, after the
// checks: a content error found by them is said first.
struct Setting {
    LayoutSpec spec;
    std::unique_ptr<layout::FontSet> fonts;
    Strings strings;  // the edition language's fixed text and typography

    // The dictionary, once loaded (rethrows what loading it threw); null when
    // the layout or the language does not hyphenate.
    const layout::Hyphenator* hyphenator() {
        if (patterns.valid()) hyphenator_ = patterns.get();
        return hyphenator_.get();
    }
    std::future<std::unique_ptr<layout::Hyphenator>> patterns;  // while they load

private:
    std::unique_ptr<layout::Hyphenator> hyphenator_;
};

// The edition's language: --language, else the content's (document.yaml).
Setting load_setting(const Options& o, const Content& content, Diagnostics& diags) {
    Setting s;
    const std::string language = o.language.empty() ? content.meta.language : o.language;
    s.strings = load::load_strings(strings_dir(), language, {content.root, 0, 0}, diags);
    if (diags.has_errors()) return s;
    s.spec = load::load_layout(o.layout, layouts_dir(), fonts_dir(), diags);
    if (diags.has_errors()) return s;
    const bool hyphenate = s.spec.hyphenate && !s.strings.typography.hyphenation.empty();
    const auto dict =
        hyphenate ? layout::default_hyphen_dictionary(s.strings.typography.hyphenation) : std::filesystem::path();
    std::future<std::unique_ptr<layout::Hyphenator>> patterns;  // the language's, while the fonts load
    if (!dict.empty()) {
        auto load = [dict, exceptions = s.strings.typography.hyphen_exceptions] {
            return std::make_unique<layout::Hyphenator>(dict, exceptions);
        };
        try {  // on one core (model/cores.h), or without a thread, when they are taken
            patterns = std::async(usable_cores() > 1 ? std::launch::async : std::launch::deferred, load);
        } catch (const std::system_error&) {
            patterns = std::async(std::launch::deferred, load);
        }
    }
    try {
        s.fonts = std::make_unique<layout::FontSet>(s.spec.fonts);
    } catch (const layout::FontError& e) {
        msg::font_unusable(diags, s.spec.pos, e.what());
        return s;
    }
    if (hyphenate && dict.empty()) msg::no_hyphenation_dictionary(diags, s.spec.pos, s.strings.typography.hyphenation);
    s.patterns = std::move(patterns);
    return s;
}

// The event: --event-file's title, date, place, agenda and attendees, with
// --event/--date/--place over its parts and --attendees-file over its
// attendees, each attendee's group resolved. False after an error.
bool read_event(const Options& o, const Content& content, compose::Event& event, load::EventPositions& at,
                Diagnostics& diags) {
    event.title = o.event, event.date = o.date, event.place = o.place;
    if (!o.event_file.empty()) {
        if (auto ev = load::read_event_file(o.event_file, diags)) {
            if (ev->title && o.event.empty()) event.title = *ev->title;
            if (ev->date && o.date.empty()) event.date = *ev->date;
            if (ev->place && o.place.empty()) event.place = *ev->place;
            event.agenda = std::move(ev->agenda);
            event.attendees = std::move(ev->attendees);
            at = ev->positions;  // checked with the rest in cover_glyphs
        }
        if (diags.has_errors()) return false;
    }
    if (!o.attendees_file.empty()) {  // replaces the event file's list, as --event replaces its title
        if (auto people = load::read_attendees_csv(o.attendees_file, diags)) event.attendees = std::move(*people);
        if (diags.has_errors()) return false;
    }
    load::resolve_attendee_groups(event.attendees, content, diags);
    return !diags.has_errors();
}

// --diagram FILE: the ecosystem diagram alone, as PDF, SVG or PNG.
ExitStatus produce_diagram(const Options& o, const compose::Input& in, const Setting& set, Diagnostics& diags,
                           Timings& timings, std::ostream& out, std::ostream& err) {
    const Content& content = *in.content;
    auto size = parse_diagram_size(o.diagram_size);
    if (!size) {  // check_command_line() refused it before the content was loaded
        Diagnostics usage;
        msg::bad_diagram_size(usage, o.diagram_size);
        return usage_fail(err, usage, o.color);
    }
    if (!compose::diagram_fits(content))
        msg::too_many_groups_for_diagram(diags, {content.root, 0, 0}, content.stakeholders.size(), limits::kMaxGroups);
    if (diags.has_errors()) return fail(err, diags, o.color);
    auto frame = compose::ecosystem_diagram(content, in.tools, size->first - 2 * kDiagramMargin,
                                            size->second - 2 * kDiagramMargin);
    std::vector<std::string> paths;
    for (const auto& f : set.fonts->specs()) paths.push_back(f.path);
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
    out << msg::wrote(o.diagram_path);
    if (o.timings) err << timings.report();
    return ExitStatus::success;
}

// Table tents: each group's page once for each table of that group, when the
// attendees say which group each person belongs to.
void count_tent_tables(std::vector<Output>& outputs, const Content& content, const compose::Event& event) {
    std::map<std::string, int> people;
    for (const auto& a : event.attendees)
        if (!a.group.empty()) ++people[a.group];
    if (people.empty()) return;
    for (auto& w : outputs) {
        if (w.print.role != press::Role::table_tents) continue;
        for (const auto& s : content.stakeholders)
            if (s.has_content())
                w.print.copies_per_page.push_back(
                    std::max(1, (people[s.id] + press::kSeatsPerTable - 1) / press::kSeatsPerTable));
    }
}

// --preflight: the measures of every document, in plan order; with --strict,
// a threshold crossed is an error.
ExitStatus report_preflight(const preflight::Report& r, const Options& o, Timings& timings, std::ostream& out,
                            std::ostream& err) {
    out << msg::preflight_report(r);
    if (o.timings) err << timings.report();
    if (!o.strict || r.crossings() == 0) return ExitStatus::success;
    Diagnostics crossed;
    msg::preflight_thresholds_crossed(crossed, r.crossings());
    print_all(err, crossed, o.color);
    return ExitStatus::content_error;
}

}  // namespace

ExitStatus produce(const Options& o, Content& content, Diagnostics& diags, Timings& timings, std::ostream& out,
                   std::ostream& err) {
    // --check is --kit that stops where the files would be written: the same
    // layout, event file, print options, documents, diagram, QR codes, file
    // names and rendering, so whatever a build refuses --check refuses first.
    // --preflight is a dry run of its mode that measures each document's typography.
    const bool dry_run = o.mode == Mode::check || o.preflight;
    const Mode mode = o.mode == Mode::check ? Mode::kit : o.mode;
    Options built = o;  // the print options are checked against the mode the build runs in
    built.mode = mode;
    Diagnostics usage;  // check_command_line() refused these before the content was loaded
    std::optional<PrintPlan> print = print_plan(built, usage);
    if (!print) return usage_fail(err, usage, o.color);
    Setting set = load_setting(o, content, diags);
    if (diags.has_errors()) return fail(err, diags, o.color);
    load::set_language_quotes(content, set.strings.typography);  // « » for Spanish, once the language is known
    load::sort_glossary(content.glossary, set.strings, diags);   // in the language's alphabetical order
    print->strings = &set.strings;
    print->keep_files = !dry_run;

    compose::Input in;
    in.content = &content;
    in.tools = {&set.spec, set.fonts.get(), nullptr, &diags, &set.strings};  // the hyphenator once the checks are done
    content.meta.language = set.strings.language;  // the PDF's /Lang
    load::EventPositions event_at;
    if (!read_event(o, content, in.event, event_at, diags)) return fail(err, diags, o.color);
    preflight::Report measured;
    const std::size_t warned = diags.warning_count();
    cover_glyphs(content, in.event, event_at, set.spec, o, *set.fonts, diags);  // text coverage (#13 item 2)
    measured.missing_characters = diags.warning_count() - warned;  // a warning a character and field
    if (diags.has_errors()) return fail(err, diags, o.color);
    in.build_date = build_date(content);
    in.version = LERBRIEF_VERSION;
    in.pad_pages_to = print->impose ? 4 : 1;
    in.bleed = print->bleed.has_value();
    in.tools.line_records = o.dump || o.preflight;
    if (print->audience.attendees <= 0 && !in.event.attendees.empty())  // the badges' list counts the copies
        print->audience.attendees = static_cast<int>(std::min<std::size_t>(in.event.attendees.size(), 100000));
    if (print->audience.tables > 0 && print->audience.attendees <= 0) {  // --tables with an event file of nobody
        Diagnostics none;
        msg::tables_need_attendees(none);
        return usage_fail(err, none, o.color);
    }
    if (mode != Mode::diagram) {  // fact sheets alone are never imposed
        PrintPlan sheets_plan = *print;
        sheets_plan.impose = print->impose && mode != Mode::stakeholders;
        check_sheet_size(set.spec, sheets_plan, diags);
    }
    if (print->gray) warn_gray_clashes(content, set.spec, diags);
    in.tools.hyphenator = set.hyphenator();
    timings.mark("check");
    if (mode == Mode::diagram) return produce_diagram(o, in, set, diags, timings, out, err);

    const std::optional<DocumentPlan> plan = plan_documents(o, mode, content, in.event, usage, diags);
    if (!plan) return usage_fail(err, usage, o.color);
    if (diags.has_errors()) return fail(err, diags, o.color);
    check_qr_links(content, o, diags);
    if (diags.has_errors()) return fail(err, diags, o.color);

    std::vector<Output> outputs;
    std::vector<std::string> dumps;
    try {
        // The booklet is laid out on one thread (its passes find the pages of
        // its references) while the other documents are made on the others.
        if (!dry_run) allow_open_files(2 * plan->documents.size() + 2);  // a reader's file and spreads each, the manifest
        for (auto& d : build_documents(in, *plan, in.build_date, *print, o.dump, timings, o.preflight)) {
            dumps.insert(dumps.end(), d.dump.begin(), d.dump.end());
            if (d.preflight) measured.documents.push_back(std::move(*d.preflight));
            for (auto& f : d.files) outputs.push_back(std::move(f));
        }
        for (const auto& [path, why] : compose::raster_icons()) timings.note(msg::timing_raster_icon(display_path(path), why));
    } catch (const compose::FitError& e) {
        msg::fact_sheet_does_not_fit(diags, e.pos, e.group, e.page, e.overflow_pt, set.spec.fit_min_scale);
        return fail(err, diags, o.color);
    } catch (const OverPageLimit&) {  // said in diags
        return fail(err, diags, o.color);
    } catch (const WriteFailed& e) {  // a PDF could not be saved into its temporary file: none renamed
        return io_fail(err, diags, e.why, {}, o.color);
    }
    if (diags.has_errors()) return fail(err, diags, o.color);
    count_tent_tables(outputs, content, in.event);
    if (plan->manifest) add_manifest(outputs, plan->booklet_path, content, in.build_date, *print, plan->stale);

    // Everything is in memory: only now is anything written, as one set.
    if (dry_run) {
        for (const auto& w : outputs)
            if (WriteError why = check_target(w.path); why.failed()) return io_fail(err, diags, why, {}, o.color);
        print_all(err, diags, o.color);
        if (o.preflight) return report_preflight(measured, o, timings, out, err);
        out << msg::check_ok(content.root, content.stakeholders.size(), content.action_areas.size(),
                             content.glossary.size(), diags.warning_count());
        if (o.timings) err << timings.report();
        return ExitStatus::success;
    }
    std::vector<FileToWrite> files;
    std::size_t pages = 0;
    for (const auto& w : outputs) {
        files.push_back({w.path, w.bytes, w.staged.get()});
        pages += w.pages;
    }
    if (SetWritten w = write_set_atomically(files); w.error.failed())
        return io_fail(err, diags, w.error, w.replaced, o.color);
    timings.mark("write");
    print_all(err, diags, o.color);
    for (const auto& d : dumps) out << d << '\n';
    for (const auto& w : outputs) out << msg::wrote(display_path(w.path), w.pages);
    out << msg::files_written(outputs.size(), pages, diags.warning_count());
    if (o.timings) err << timings.report();
    return ExitStatus::success;
}

}  // namespace lerbrief
