// lerbrief's command line: parse argv into Options and run the job. Nothing
// else happens here (see src/app/job.h).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <functional>
#include <iostream>

#include "app/job.h"
#include "app/terminal.h"
#include "app/versions.h"
#include "messages/cli.h"
#include "model/diagnostic.h"

using namespace lerbrief;

// jemalloc's options when it is the allocator (CMakeLists.txt links it into
// this executable; any other allocator never reads this name; MALLOC_CONF in
// the environment still overrides it). One arena for both document threads,
// not one a thread and CPU, and blocks over 1 KB not cached per thread: the
// map's --all peaked at 1.4 MiB more without them, and took no less time
// (docs/PERFORMANCE.md, "Pixels, streams and arenas").
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "narenas:1,lg_tcache_max:10";  // 2^10: 1 KB (jemalloc 5.2 knows no tcache_max)
}

namespace {

// Every long option, "--all" …, of the app and its option groups.
std::vector<std::string> long_options(CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* opt : app.get_options())
        for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
    for (CLI::App* group : app.get_subcommands([](CLI::App*) { return true; }))
        for (auto& n : long_options(*group)) names.push_back(std::move(n));
    return names;
}

// What the parser left over: an unknown option first ("--stakehodler",
// with a "did you mean"), else a stray argument.
void report_extras(CLI::App& app, const std::vector<std::string>& extras, Diagnostics& diags) {
    for (const auto& arg : extras)
        if (arg.size() > 1 && arg[0] == '-' && arg != "--")
            return msg::unknown_option(diags, arg.substr(0, arg.find('=')), long_options(app));
    msg::unexpected_argument(diags, extras.front());
}

int usage_error(const Diagnostics& diags) {
    std::cerr << format_all(diags, color_for_stderr());
    return code(ExitStatus::usage_error);
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    CLI::App app{"lerbrief — print-ready briefing booklets and fact sheets about the LER ecosystem", "lerbrief"};
    app.allow_extras();  // left over after parsing: reported below, with a "did you mean"
    app.set_version_flag("--version", std::function<std::string()>(version_text), "print lerbrief's version and the libraries' versions, and exit");
    app.footer(
        "Exit status: 0 success, 1 content or layout errors (nothing written), 2 usage error, "
        "3 file could not be read or written, or an output path is not a regular file (previous output intact), "
        "4 internal error.");

    bool all = false, booklet = false, kit = false, check = false, list = false;  // --all is the default; the flag is for clarity
    auto* g = app.add_option_group("what to do (one of)");
    g->add_flag("--all", all,
               "write the booklet and every fact sheet (default); a PDF in factsheets/ it did not write is "
               "warned about and listed in the manifest, never deleted");
    g->add_flag("--booklet", booklet, "write the booklet only, no separate fact sheets");
    g->add_flag("--kit", kit,
               "the convening kit: what --all writes, and beside the booklet worksheets.pdf, table-tents.pdf, "
               "agenda.pdf (an agenda in --event-file) and badges.pdf (attendees)");
    g->add_option("--stakeholder", o.stakeholders, "write the fact sheet of group ID (repeatable)")
        ->type_name("ID");
    g->add_flag("--check", check, "run everything --all would, report every problem, write nothing");
    g->add_flag("--list", list, "list stakeholder groups, action areas and phases with their ids, and the layouts");
    g->add_option("--diagram", o.diagram_path, "write the ecosystem diagram alone (.pdf, .svg or .png)")
        ->type_name("FILE");
    auto* init = g->add_option("--init", o.init_dir, "write a small content folder to start from into DIR (new or empty)")
        ->type_name("DIR");
    auto* import = g->add_option("--import", o.import_dir,
                                 "convert a copy of the LER Ecosystem Map website into our schema in --data DIR, "
                                 "keeping its hand-written files, and report what changed")
        ->type_name("SITE_DIR");
    g->require_option(0, 1);

    app.add_option("--data", o.data_dir, "content folder (ours, or a copy of the LER Ecosystem Map website), or bundled, starter")
        ->type_name("NAME|DIR");
    app.add_option("--layout", o.layout, "layout name in layouts/ (letter, a4) or a layout file")
        ->type_name("NAME|FILE");
    app.add_option("--output", o.output, "output file (the booklet, or the one fact sheet) or folder")
        ->type_name("PATH");
    app.add_option("--size", o.diagram_size,
                   "with --diagram: slide (16:9, default), square, letter, a4, or WIDTHxHEIGHT like 10inx5.625in")
        ->type_name("SIZE");
    app.add_option("--dpi", o.dpi, "with --diagram and a .png file: pixels per inch (default 200)")
        ->check(CLI::Range(36, 1200));
    app.add_option("--event-file", o.event_file,
                   "a YAML file with the event's title, date and place, and its agenda and attendees for --kit")
        ->type_name("FILE");
    app.add_option("--attendees-file", o.attendees_file,
                   "a CSV file of attendees (header name,organization,group) for the kit's name badges")
        ->type_name("FILE");
    app.add_option("--event", o.event, "event title for the cover and footers")->type_name("TEXT");
    app.add_option("--date", o.date, "event date for the cover and footers")->type_name("TEXT");
    app.add_option("--place", o.place, "event place for the cover and footers")->type_name("TEXT");
    app.add_option("--language", o.language,
                   "the edition's language (BCP 47, like es or en-US) for lerbrief's own words and the typography; "
                   "default: document.yaml's language")
        ->type_name("CODE");
    app.add_option("--base-url", o.base_url, "URL prefix of a group's page on the online map")->type_name("URL");
    auto* press = app.add_option_group("print production");
    press->add_option("--imposition", o.imposition,
                      "booklet: also write printer spreads for saddle stitching (padded with notes pages)")
        ->type_name("booklet|none")
        ->check(CLI::IsMember({"booklet", "none"}));
    press->add_option("--creep", o.creep, "with --imposition booklet: move the innermost pages this far toward the fold")
        ->type_name("LENGTH");
    press->add_option("--bleed", o.bleed, "bleed like 3mm or 0.125in: colour runs past the trim, crop marks, TrimBox")
        ->type_name("LENGTH");
    press->add_flag("--grayscale", o.grayscale, "the photocopy edition: gray by luminance, text in pure black");
    press->add_option("--attendees", o.attendees, "count copies for N attendees in the print manifest")
        ->type_name("N")
        ->check(CLI::Range(1, 100000));
    press->add_option("--tables", o.tables, "with --attendees: M tables, one set of fact sheets each (default: N/8)")
        ->type_name("M")
        ->check(CLI::Range(1, 100000));
    app.add_flag("--strict", o.strict, "treat content lint warnings (run-together words, placeholders, resources "
                 "without or sharing a URL, terms defined twice, groups with no content) as errors; with "
                 "--preflight, exit 1 when a threshold is crossed");
    app.add_flag("--preflight", o.preflight,
                 "write nothing; report each document's typography (loose lines, hyphens, split words, nearly empty "
                 "pages, characters a line, fact-sheet body sizes, missing characters, image resolution) against "
                 "its thresholds; with --booklet, --stakeholder or --kit, of those documents");
    app.add_flag("--watch", o.watch, "build, then build again each time a content, layout or event file is saved");
    app.add_flag("--open", o.open, "open what was written with the desktop's PDF viewer, when there is one");
    app.add_flag("--timings", o.timings, "print the time each stage took on stderr");
    app.add_flag("--dump-layout", o.dump, "print a text dump of the laid-out pages on stdout");

    Diagnostics usage;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        msg::usage_error(usage, e.what());
        return usage_error(usage);
    }
    auto extras = app.remaining(true);
    extras.erase(std::remove(extras.begin(), extras.end(), "--"), extras.end());  // "--" alone ends the options
    if (!extras.empty()) {
        report_extras(app, extras, usage);
        return usage_error(usage);
    }
    // A group named twice is one fact sheet (and --output then names its file).
    for (auto it = o.stakeholders.begin(); it != o.stakeholders.end();)
        it = std::find(o.stakeholders.begin(), it, *it) != it ? o.stakeholders.erase(it) : it + 1;
    o.color = color_for_stderr();
    if (check) o.mode = Mode::check;
    else if (list) o.mode = Mode::list;
    else if (booklet) o.mode = Mode::booklet;
    else if (kit) o.mode = Mode::kit;
    else if (!o.stakeholders.empty()) o.mode = Mode::stakeholders;
    else if (!o.diagram_path.empty()) o.mode = Mode::diagram;
    else if (init->count() > 0) o.mode = Mode::init;
    else if (import->count() > 0) o.mode = Mode::import_site;
    else o.mode = Mode::all;
    return code(run_job(o, std::cout, std::cerr));
}
