// Fuzz target: the whole pipeline minus writing, as `lerbrief --check` runs
// it since #13: load, check, the layout file, the layout of the booklet and
// every fact sheet, the diagram and matrix, QR codes, file names and
// rendering each PDF to memory. The input is one stakeholder file of a copy
// of the bundled content (data/), made once: it replaces the group its `id:`
// line names (employers when it names none), so a mutated group is laid out
// and drawn with the others. An internal error (exit 4: a bug in lerbrief,
// never an answer to content) is a finding: the target aborts.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "app/exit_status.h"
#include "app/job.h"
#include "app/options.h"
#include "fuzz_support.h"
#include "load/fields.h"

namespace fs = std::filesystem;
using namespace lerbrief;

namespace {

struct Folder {
    std::string root = fuzz::scratch_dir() + "/content";
    Folder() { fuzz::copy_tree(fuzz::source_dir() + "/data", root); }
};

// The id the input's top-level `id:` line gives, when it is one a file can be
// named after (lowercase letters, digits, '-'); else "employers".
std::string id_of(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t nl = text.find('\n', at);
        std::string_view line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
        at = nl == std::string_view::npos ? text.size() : nl + 1;
        if (line.rfind("id:", 0) != 0) continue;
        line.remove_prefix(3);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        if (line.size() <= 64 && load::valid_id(line)) return std::string(line);
        break;
    }
    return "employers";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Folder folder;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string path = folder.root + "/stakeholders/" + id_of(text) + ".yaml";
    const fs::path bundled = fs::path(fuzz::source_dir()) / "data" / "stakeholders" / fs::path(path).filename();
    fuzz::write_file(path, text);

    Options o;
    o.mode = Mode::check;
    o.data_dir = folder.root;
    std::ostringstream out, err;
    const ExitStatus status = run_job(o, out, err);

    // put the folder back as it was
    std::error_code ec;
    if (fs::exists(bundled, ec)) fs::copy_file(bundled, path, fs::copy_options::overwrite_existing, ec);
    else fs::remove(path, ec);
    if (status == ExitStatus::internal_error) {
        std::cerr << err.str();
        std::abort();
    }
    return 0;
}
