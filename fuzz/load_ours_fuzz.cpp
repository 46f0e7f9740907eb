// Fuzz target: our content loader (load_content over a folder of our schema).
// The first byte picks which file of a small content folder the rest
// replaces; the folder is then loaded, checked and every message formatted.
// The folder also holds an icon and a symbolic link out of it, so icon paths
// found by the fuzzer meet both.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"

namespace fs = std::filesystem;
using namespace lerbrief;

namespace {

const char* const kFiles[] = {
    "document.yaml",    "intro.yaml",    "phases.yaml",   "action-areas.yaml", "stakeholders/employers.yaml",
    "stakeholders/funders.yaml", "glossary.yaml", "resources.yaml",
};
constexpr std::size_t kFileCount = sizeof kFiles / sizeof kFiles[0];

struct Folder {
    std::string root = fuzz::scratch_dir() + "/content";
    std::vector<std::string> originals;  // "" = absent
    Folder() {
        const std::string data = fuzz::source_dir() + "/data";
        fs::create_directories(root + "/stakeholders");
        fs::create_directories(root + "/icons");
        for (const char* f : {"document.yaml", "intro.yaml", "phases.yaml", "action-areas.yaml",
                              "stakeholders/employers.yaml", "stakeholders/funders.yaml"})
            fs::copy_file(data + "/" + f, root + "/" + f);
        fuzz::write_file(root + "/icons/a.svg",
                         "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><path d='M0 0H10V10Z'/></svg>");
        fs::create_directory_symlink("/etc", root + "/icons/out");
        for (const char* f : kFiles) {
            std::error_code ec;
            originals.push_back(fs::exists(root + "/" + f, ec) ? read(root + "/" + f) : std::string());
        }
    }
    static std::string read(const std::string& p) {
        std::string s;
        if (FILE* fp = std::fopen(p.c_str(), "rb")) {
            char buf[4096];
            for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, fp)) > 0;) s.append(buf, n);
            std::fclose(fp);
        }
        return s;
    }
    void restore(std::size_t i) {
        const std::string p = root + "/" + kFiles[i];
        if (originals[i].empty()) fs::remove(p);
        else fuzz::write_file(p, originals[i]);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Folder folder;
    if (size < 1) return 0;
    const std::size_t which = data[0] % kFileCount;
    fuzz::write_file(folder.root + "/" + kFiles[which],
                     std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    const std::size_t chars = fuzz::load_and_format(folder.root);
    folder.restore(which);
    return chars == static_cast<std::size_t>(-1);
}
