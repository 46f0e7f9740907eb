#include "output_files.h"

#include <catch2/catch.hpp>

namespace lerbrief::test {

std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> names;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        names.insert(fs::relative(it->path(), dir).string());
    return names;
}

void content_copy(const TempDir& dir, const std::string& name, const std::string& title) {
    copy_tree(source_dir() / "data", dir / name);
    if (title.empty()) return;
    std::string doc = read_file(dir / name / "document.yaml");
    auto at = doc.find("title:");
    REQUIRE(at != std::string::npos);
    doc.replace(at, doc.find('\n', at) - at, "title: " + title);
    write_file(dir / name / "document.yaml", doc);
}

std::map<std::string, std::string> files_under(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& name : listing(dir))
        if (fs::is_regular_file(dir / name)) files[name] = read_file(dir / name);
    return files;
}

std::map<std::string, std::string> reference_output(const TempDir& dir, const std::string& data) {
    const fs::path out = dir / ("ref-" + data);
    auto r = run_lerbrief({"--all", "--data", (dir / data).string(), "--output", (out / "b.pdf").string()});
    REQUIRE(r.status == 0);
    auto files = files_under(out);
    REQUIRE(files.count("b.pdf"));
    return files;
}

bool tool_works(const std::vector<std::string>& argv) {
    try {
        return run_program(argv).status == 0;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace lerbrief::test
