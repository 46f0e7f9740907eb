// The hyphenation patterns a job sets text with (app/produce.cpp: loaded on a
// thread of their own while the fonts and checks run): a layout that does not
// hyphenate and a language whose dictionary is not installed both set the
// same text without hyphenation, the second with a warning; by default the
// text is hyphenated.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;
namespace fs = std::filesystem;

TEST_CASE("cli: without a layout's hyphenation or without its dictionary, the same text is set unhyphenated") {
    t::TempDir dir;
    // lerbrief's own files, its English strings naming patterns no system has
    const fs::path home = dir / "home";
    fs::create_directories(home / "strings");
    for (const char* part : {"fonts", "layouts"}) fs::create_directory_symlink(t::source_dir() / part, home / part);
    for (const auto& e : fs::directory_iterator(t::source_dir() / "strings")) fs::copy_file(e.path(), home / "strings" / e.path().filename());
    std::string en = t::read_file(home / "strings" / "en.yaml");
    const auto at = en.find("hyph_en_US.dic");
    REQUIRE(at != std::string::npos);
    en.replace(at, 14, "hyph_xx_XX.dic");
    t::write_file(home / "strings" / "en.yaml", en);
    const fs::path layout = dir / "plain.yaml";
    t::write_file(layout, "extends: letter\ntext:\n  hyphenate: false\n");

    const std::string data = (t::source_dir() / "data").string();
    auto sheet = [&](const std::string& name, std::vector<std::string> more, std::vector<std::string> env) {
        std::vector<std::string> args{"--stakeholder", "employers", "--data", data, "--output", (dir / name).string()};
        args.insert(args.end(), more.begin(), more.end());
        env.push_back("SOURCE_DATE_EPOCH=1700000000");
        return t::run_lerbrief(args, {}, env);
    };
    const auto hyphenated = sheet("default.pdf", {}, {});
    REQUIRE(hyphenated.status == 0);
    const auto no_layout = sheet("layout.pdf", {"--layout", layout.string()}, {});
    REQUIRE(no_layout.status == 0);
    CHECK(no_layout.err.find("hyphenation") == std::string::npos);
    const auto no_dictionary = sheet("dictionary.pdf", {}, {"LERBRIEF_HOME=" + home.string()});
    REQUIRE(no_dictionary.status == 0);
    CHECK(no_dictionary.err.find("warning: no hyphenation dictionary hyph_xx_XX.dic found: text is set without "
                                 "hyphenation") != std::string::npos);
    const std::string unhyphenated = t::read_file(dir / "layout.pdf");
    CHECK(t::read_file(dir / "dictionary.pdf") == unhyphenated);
    CHECK(t::read_file(dir / "default.pdf") != unhyphenated);
}
