// lerbrief's command line: parse argv into Options and run the job. Nothing
// else happens here (see src/app/job.h).
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/job.h"

using namespace lerbrief;

int main(int argc, char** argv) {
    Options o;
    CLI::App app{"lerbrief — print-ready briefing booklets and fact sheets about the LER ecosystem", "lerbrief"};
    app.set_version_flag("--version", std::string("lerbrief ") + LERBRIEF_VERSION);
    app.footer(
        "Exit status: 0 success, 1 content or layout errors (nothing written), 2 usage error, "
        "3 file could not be read or written (previous output intact), 4 internal error.");

    bool all = false, booklet = false, check = false, list = false;  // --all is the default; the flag is for clarity
    auto* g = app.add_option_group("what to do (one of)");
    g->add_flag("--all", all, "write the booklet and every fact sheet (default)");
    g->add_flag("--booklet", booklet, "write the booklet only, no separate fact sheets");
    g->add_option("--stakeholder", o.stakeholders, "write the fact sheet of group ID (repeatable)")
        ->type_name("ID");
    g->add_flag("--check", check, "check the content, report every problem, write nothing");
    g->add_flag("--list", list, "list stakeholder groups, action areas and phases with their ids");
    g->add_option("--diagram", o.diagram_path, "write the ecosystem diagram alone (.pdf, .svg or .png)")
        ->type_name("FILE");
    g->require_option(0, 1);

    app.add_option("--data", o.data_dir, "content folder: ours (data/) or a copy of the LER Ecosystem Map website")
        ->type_name("DIR");
    app.add_option("--layout", o.layout, "layout name in layouts/ (letter, a4) or a layout file")
        ->type_name("NAME|FILE");
    app.add_option("--output", o.output, "output file (the booklet, or the one fact sheet) or folder")
        ->type_name("PATH");
    app.add_option("--size", o.diagram_size,
                   "with --diagram: slide (16:9, default), square, letter, a4, or WIDTHxHEIGHT like 10inx5.625in")
        ->type_name("SIZE");
    app.add_option("--dpi", o.dpi, "with --diagram and a .png file: pixels per inch (default 200)")
        ->check(CLI::Range(36, 1200));
    app.add_option("--event-file", o.event_file, "a YAML file with the event's title, date and place")
        ->type_name("FILE");
    app.add_option("--event", o.event, "event title for the cover and footers")->type_name("TEXT");
    app.add_option("--date", o.date, "event date for the cover and footers")->type_name("TEXT");
    app.add_option("--place", o.place, "event place for the cover and footers")->type_name("TEXT");
    app.add_option("--base-url", o.base_url, "URL prefix of a group's page on the online map")->type_name("URL");
    app.add_flag("--timings", o.timings, "print the time each stage took on stderr");
    app.add_flag("--dump-layout", o.dump, "print a text dump of the laid-out pages on stdout");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        std::cerr << "lerbrief: error: " << e.what() << "\nhint: see lerbrief --help\n";
        return code(ExitStatus::usage_error);
    }
    if (check) o.mode = Mode::check;
    else if (list) o.mode = Mode::list;
    else if (booklet) o.mode = Mode::booklet;
    else if (!o.stakeholders.empty()) o.mode = Mode::stakeholders;
    else if (!o.diagram_path.empty()) o.mode = Mode::diagram;
    else o.mode = Mode::all;
    return code(run_job(o, std::cout, std::cerr));
}
