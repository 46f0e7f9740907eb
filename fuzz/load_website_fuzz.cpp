// Fuzz target: the LER Ecosystem Map website loader (load_content over a
// folder holding _data/). A small website folder is built once, its files
// written here (the real site data stays out of the repository); the first
// byte picks which file the rest replaces.
#include <filesystem>
#include <string>
#include <string_view>

#include "fuzz_support.h"

namespace fs = std::filesystem;
using namespace lerbrief;

namespace {

struct File {
    const char* name;
    const char* text;
};

const File kFiles[] = {
    {"_data/stakeholders-list.yml",
     "stakeholders:\n"
     "  - name: Employers\n"
     "    url: employers\n"
     "    icon: employers.svg\n"
     "    icon-alt: a building\n"
     "    action-areas:\n"
     "      - promoting\n"
     "      - title: developing\n"
     "        bullets: [\"<strong>Hire</strong> with LERs\"]\n"
     "    definition: <p>Organizations that <em>hire</em> &amp; train.</p>\n"
     "    examples: Small businesses\n"
     "    sections:\n"
     "      - title: Issuing\n"
     "        subheader: They issue\n"
     "        bullets: Record skills\n"
     "    quote-text: \"We hire for skills.\"\n"
     "    quote-description: An employer\n"
     "    business-case:\n"
     "      - title: Talent\n"
     "        description: Find people\n"
     "    social-case:\n"
     "      - title: Equity\n"},
    {"_data/action-items-content.yml",
     "actions:\n"
     "  - name: promoting\n"
     "    title: Promoting\n"
     "    description: Spread the word\n"
     "    bullets: [One, <a href=\"https://example.org\">Two</a>]\n"
     "  - name: developing\n"
     "    title: Developing\n"},
    {"_data/glossary-list.yml",
     "terms:\n"
     "  - term: LER\n"
     "    definition: Learning and Employment Record\n"
     "    list: [a, b]\n"},
    {"_data/resources-list.yml",
     "resources:\n"
     "  - name: Reading\n"
     "    sites:\n"
     "      - title: A report\n"
     "        author: Someone\n"
     "        url: https://example.org/report\n"},
    {"_config.yml", "collections:\n  stakeholders:\n    permalink: /stakeholder/:name\n"},
    {"CNAME", "lermap.example.org\n"},
};
constexpr std::size_t kFileCount = sizeof kFiles / sizeof kFiles[0];

struct Folder {
    std::string root = fuzz::scratch_dir() + "/site";
    Folder() {
        fs::create_directories(root + "/_data");
        fs::create_directories(root + "/images");
        fuzz::write_file(root + "/images/employers.svg",
                         "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><path d='M0 0H10V10Z'/></svg>");
        for (std::size_t i = 0; i < kFileCount; ++i) restore(i);
    }
    void restore(std::size_t i) { fuzz::write_file(root + "/" + kFiles[i].name, kFiles[i].text); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Folder folder;
    if (size < 1) return 0;
    const std::size_t which = data[0] % kFileCount;
    fuzz::write_file(folder.root + "/" + kFiles[which].name,
                     std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    const std::size_t chars = fuzz::load_and_format(folder.root);
    folder.restore(which);
    return chars == static_cast<std::size_t>(-1);
}
