// The Debian package, as a user gets it: CPack builds the .deb from this
// build tree, dpkg-deb extracts it into a temporary root, and the extracted
// binary runs from there with LERBRIEF_HOME unset, finding its fonts, layouts
// and content in ../share/lerbrief beside itself.
#include <catch2/catch.hpp>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

TEST_CASE("package: the .deb declares its Debian dependencies, extracts, and runs --version and --all") {
    t::TempDir tmp;
    auto pack = t::run_program({"cpack", "-G", "DEB", "--config", std::string(LERBRIEF_BUILD_DIR) + "/CPackConfig.cmake",
                                "-B", (tmp / "pkg").string()},
                               LERBRIEF_BUILD_DIR);
    INFO(pack.out << pack.err);
    REQUIRE(pack.status == 0);
    fs::path deb;
    for (const auto& e : fs::directory_iterator(tmp / "pkg"))
        if (e.path().extension() == ".deb") deb = e.path();
    REQUIRE(!deb.empty());
    CHECK(deb.filename().string().rfind("lerbrief_0.1.0_", 0) == 0);

    // Depends: the runtime libraries (from dpkg-shlibdeps) and the hyphenation patterns.
    auto depends = t::run_program({"dpkg-deb", "-f", deb.string(), "Depends"});
    INFO(depends.out);
    for (const char* pkg : {"libhpdf-2.3.0", "libcairo2", "libyaml-cpp0.7", "librsvg2-2", "libqrencode4", "libhyphen0",
                            "libfreetype6", "hyphen-en-us"})
        CHECK(depends.out.find(pkg) != std::string::npos);
    CHECK(depends.out.find("-dev") == std::string::npos);

    const fs::path root = tmp / "root";
    REQUIRE(t::run_program({"dpkg-deb", "-x", deb.string(), root.string()}).status == 0);
    for (const char* f : {"usr/bin/lerbrief", "usr/share/lerbrief/fonts/LiberationSerif-Regular.ttf",
                          "usr/share/lerbrief/layouts/letter.yaml", "usr/share/lerbrief/data/document.yaml",
                          "usr/share/lerbrief/starter/document.yaml", "usr/share/lerbrief/schema/stakeholder.schema.json",
                          "usr/share/man/man1/lerbrief.1", "usr/share/bash-completion/completions/lerbrief",
                          "usr/share/doc/lerbrief/README.md", "usr/share/doc/lerbrief/LICENSE.fonts"})
        CHECK(fs::is_regular_file(root / f));

    const std::string bin = (root / "usr/bin/lerbrief").string();
    const std::vector<std::string> env{"LERBRIEF_HOME="};
    auto v = t::run_program({bin, "--version"}, tmp.path(), env);
    CHECK(v.status == 0);
    CHECK(v.out == "lerbrief 0.1.0\n");

    // A layout that exists only in the extracted tree proves which share/ the
    // binary reads (not the source tree it was built from).
    t::write_file(root / "usr/share/lerbrief/layouts/extracted.yaml", "extends: a4\nname: extracted\n");
    fs::create_directory(tmp / "work");
    auto all = t::run_program({bin, "--all", "--layout", "extracted"}, tmp / "work", env);
    INFO(all.err);
    REQUIRE(all.status == 0);
    CHECK(fs::exists(tmp / "work/output/ler-briefing.pdf"));
    for (const char* id : {"credentialing-organizations", "learners-earners", "supporting-systems"})
        CHECK(fs::exists(tmp / "work/output/factsheets" / (std::string(id) + ".pdf")));
    auto info = t::run_program({"pdfinfo", (tmp / "work/output/ler-briefing.pdf").string()});
    CHECK(info.out.find("595.276 x 841.89 pts (A4)") != std::string::npos);

    // --init from the package, and the folder it writes points at the package's schemas.
    auto init = t::run_program({bin, "--init", "mine"}, tmp / "work", env);
    REQUIRE(init.status == 0);
    CHECK(t::read_file(tmp / "work/mine/document.yaml")
              .rfind("# yaml-language-server: $schema=" + (root / "usr/share/lerbrief/schema/document.schema.json").string(), 0) == 0);
    CHECK(t::run_program({bin, "--all", "--data", "mine", "--output", "mine.pdf"}, tmp / "work", env).status == 0);
}
