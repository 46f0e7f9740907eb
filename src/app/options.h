#pragma once
// What one run of lerbrief is asked to do; filled by src/cli from argv.
#include <string>
#include <vector>

namespace lerbrief {

enum class Mode { all, booklet, stakeholders, kit, check, list, diagram, init, import_site };

struct Options {
    Mode mode = Mode::all;
    std::string data_dir;     // empty: the bundled content
    std::string layout;       // a name in layouts/ or a file; empty: "letter"
    std::string output;       // empty: output/ler-briefing.pdf (all), output/factsheets/<id>.pdf
    std::vector<std::string> stakeholders;
    std::string diagram_path;  // --diagram FILE.svg|.png|.pdf
    std::string diagram_size;  // --size: "slide" (16:9, default), "square", "letter", "a4" or "WxH" lengths
    int dpi = 200;             // --dpi: PNG resolution
    std::string event, date, place;  // event line
    std::string event_file;          // --event-file: YAML with title, date, place, agenda, attendees
    std::string attendees_file;      // --attendees-file: CSV name,organization,group (the badges)
    std::string base_url;
    std::string language;  // --language: the edition's language (BCP 47); empty: document.yaml's
    // Print production (src/press): empty strings and zeros mean "not asked".
    std::string imposition;  // --imposition: "booklet" (saddle stitch) or "none"
    std::string creep;       // --creep LENGTH: innermost sheet's shift toward the fold
    std::string bleed;       // --bleed LENGTH: bleed, crop marks, TrimBox/BleedBox
    bool grayscale = false;  // --grayscale: the photocopy edition
    int attendees = 0;       // --attendees N: copies in the print manifest
    int tables = 0;          // --tables M
    bool strict = false;   // --strict: content lint warnings are errors (load/lint.h); with --preflight, its thresholds too
    bool preflight = false;  // --preflight: write nothing, report the typography of each document (app/preflight.h)
    bool timings = false;
    bool dump = false;  // --dump-layout: text dump of laid-out pages on stdout
    bool watch = false;  // --watch: build, then build again whenever an input file is saved
    bool open = false;   // --open: open what was written in the desktop's viewer
    std::string init_dir;  // --init DIR: write the starter content folder there
    std::string import_dir;  // --import SITE_DIR: convert a copy of the map website into --data DIR
    bool color = false;    // colour diagnostics (stderr is a terminal, NO_COLOR unset)
};

}  // namespace lerbrief
