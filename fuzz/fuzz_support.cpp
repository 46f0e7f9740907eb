#include "fuzz_support.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "load/load.h"

namespace lerbrief::fuzz {

namespace fs = std::filesystem;

std::string source_dir() { return LERBRIEF_SOURCE_DIR; }

namespace {

struct Scratch {
    std::string path;
    Scratch() {
        const char* tmp = std::getenv("TMPDIR");
        std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/lerbrief-fuzz-XXXXXX";
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("cannot make a scratch folder");
        path = tmpl;
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

const std::string& scratch_dir() {
    static Scratch s;
    return s.path;
}

void write_file(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
}

void copy_tree(const std::string& from, const std::string& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::size_t load_and_format(const std::string& root) {
    Diagnostics diags;
    Content c = load::load_content(root, diags);
    std::size_t chars = 0;
    for (const auto& d : diags.items()) chars += format(d).size();
    return chars;
}

}  // namespace lerbrief::fuzz
