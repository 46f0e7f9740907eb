#pragma once
// What one run of lerbrief is asked to do; filled by src/cli from argv.
#include <string>
#include <vector>

namespace lerbrief {

enum class Mode { all, booklet, stakeholders, check, list, diagram };

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
    std::string event_file;          // --event-file: YAML with title, date, place
    std::string base_url;
    bool timings = false;
    bool dump = false;  // --dump-layout: text dump of laid-out pages on stdout
};

}  // namespace lerbrief
