// The Debian package, as a user gets it: CPack builds the .deb from this
// build tree, dpkg-deb extracts it into a temporary root, and the extracted
// binary runs from there with LERBRIEF_HOME unset, finding its fonts, layouts
// and content in ../share/lerbrief beside itself. The package's fonts are
// links to fonts-liberation2's files (cmake/deb-layout.cmake), so the root
// gets those as the dependency would put them. lintian checks the .deb when
// it is installed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

const char* const kFonts[] = {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                              "LiberationSerif-Italic.ttf",  "LiberationSerif-BoldItalic.ttf",
                              "LiberationSans-Regular.ttf",  "LiberationSans-Bold.ttf"};

// Builds the .deb with CPack into dir/pkg and returns its path.
fs::path build_deb(const t::TempDir& tmp) {
    auto pack = t::run_program({"cpack", "-G", "DEB", "--config", std::string(LERBRIEF_BUILD_DIR) + "/CPackConfig.cmake",
                                "-B", (tmp / "pkg").string()},
                               LERBRIEF_BUILD_DIR);
    INFO(pack.out << pack.err);
    REQUIRE(pack.status == 0);
    fs::path deb;
    for (const auto& e : fs::directory_iterator(tmp / "pkg"))
        if (e.path().extension() == ".deb") deb = e.path();
    REQUIRE(!deb.empty());
    return deb;
}

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "");
    std::error_code ec;
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && fs::exists(fs::path(dir) / program, ec)) return true;
    return false;
}

// The lines of `text` that start with `prefix`.
std::string lines_starting(const std::string& text, const std::string& prefix) {
    std::stringstream in(text), out;
    for (std::string line; std::getline(in, line);)
        if (line.rfind(prefix, 0) == 0) out << line << '\n';
    return out.str();
}

}  // namespace

TEST_CASE("package: the .deb declares its Debian dependencies, extracts, and runs --version and --all") {
    t::TempDir tmp;
    const fs::path deb = build_deb(tmp);
    CHECK(deb.filename().string().rfind("lerbrief_0.1.0_", 0) == 0);

    // Depends: the runtime libraries (from dpkg-shlibdeps), the hyphenation
    // patterns, and the fonts.
    auto depends = t::run_program({"dpkg-deb", "-f", deb.string(), "Depends"});
    INFO(depends.out);
    // librsvg is loaded with dlopen: named by cmake/install.cmake, with the version whose calls lerbrief makes
    for (const char* pkg : {"libhpdf-2.3.0", "libcairo2", "libyaml-cpp0.7", "librsvg2-2 (>= 2.46)", "libqrencode4", "libhyphen0",
                            "libfreetype6", "libicu", "hyphen-en-us", "fonts-liberation2 (>= 2.1.5)"})
        CHECK(depends.out.find(pkg) != std::string::npos);
#if LERBRIEF_WITH_JEMALLOC
    CHECK(depends.out.find("libjemalloc2") != std::string::npos);  // the executable's allocator, when linked
#endif
    CHECK(depends.out.find("-dev") == std::string::npos);
    // Recommends: the Spanish patterns (strings/es.yaml); other languages' are not required
    auto recommends = t::run_program({"dpkg-deb", "-f", deb.string(), "Recommends"});
    INFO(recommends.out);
    CHECK(recommends.out.find("hyphen-es") != std::string::npos);
    CHECK(depends.out.find("hyphen-es") == std::string::npos);

    const fs::path root = tmp / "root";
    REQUIRE(t::run_program({"dpkg-deb", "-x", deb.string(), root.string()}).status == 0);
    for (const char* f : {"usr/bin/lerbrief", "usr/share/lerbrief/layouts/letter.yaml",
                          "usr/share/lerbrief/data/document.yaml", "usr/share/lerbrief/starter/document.yaml",
                          "usr/share/lerbrief/starter-es/document.yaml", "usr/share/lerbrief/strings/en.yaml",
                          "usr/share/lerbrief/strings/es.yaml",
                          "usr/share/lerbrief/schema/stakeholder.schema.json", "usr/share/man/man1/lerbrief.1.gz",
                          "usr/share/bash-completion/completions/lerbrief", "usr/share/doc/lerbrief/README.md",
                          "usr/share/doc/lerbrief/copyright", "usr/share/doc/lerbrief/changelog.gz",
                          "usr/share/doc/lerbrief/LICENSE.fonts"})
        CHECK(fs::is_regular_file(root / f));
    CHECK_FALSE(fs::exists(root / "usr/share/man/man1/lerbrief.1"));
    CHECK(t::read_file(root / "usr/share/doc/lerbrief/copyright")
              .rfind("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n", 0) == 0);
    auto changelog = t::run_program({"gzip", "-dc", (root / "usr/share/doc/lerbrief/changelog.gz").string()});
    // CHANGELOG.md's releases, in Debian's changelog format (lintian reads it).
    CHECK(changelog.out.rfind("lerbrief (0.1.0) unstable; urgency=medium\n\n  * ", 0) == 0);
    CHECK(changelog.out.find("--kit") != std::string::npos);
    CHECK(changelog.out.find("\n -- ") != std::string::npos);

    // No copy of the fonts: links to fonts-liberation2's files.
    for (const char* f : kFonts) {
        const fs::path link = root / "usr/share/lerbrief/fonts" / f;
        CHECK(fs::is_symlink(link));
        CHECK(fs::read_symlink(link) == fs::path("../../fonts/truetype/liberation2") / f);
    }
    // The dependency's files, as dpkg would put them: the system's when
    // fonts-liberation2 is installed, else the source tree's identical copies.
    const fs::path liberation2 = root / "usr/share/fonts/truetype/liberation2";
    fs::create_directories(liberation2);
    for (const char* f : kFonts) {
        const fs::path system = fs::path("/usr/share/fonts/truetype/liberation2") / f;
        if (fs::is_regular_file(system))
            fs::create_symlink(system, liberation2 / f);
        else
            fs::copy_file(t::source_dir() / "fonts" / f, liberation2 / f);
    }

    // No path of the build machine in the binary. A sanitizer build keeps its
    // source files' paths for its reports (UBSan's source locations): a
    // packaged build never has sanitizers, so the check is for the others.
#if defined(__SANITIZE_ADDRESS__)
    WARN("sanitizer build: the check for build paths in the binary is skipped (UBSan keeps source paths)");
#else
    const std::string binary = t::read_file(root / "usr/bin/lerbrief");
    CHECK(binary.find(t::source_dir().string()) == std::string::npos);
    CHECK(binary.find(LERBRIEF_BUILD_DIR) == std::string::npos);
#endif

    const std::string bin = (root / "usr/bin/lerbrief").string();
    const std::vector<std::string> env{"LERBRIEF_HOME="};
    auto v = t::run_program({bin, "--version"}, tmp.path(), env);
    CHECK(v.status == 0);
    CHECK(v.out.rfind("lerbrief 0.1.0\n", 0) == 0);

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
    // The faces came through the links, embedded.
    auto fonts = t::run_program({"pdffonts", (tmp / "work/output/ler-briefing.pdf").string()});
    CHECK(fonts.out.find("LiberationSerif") != std::string::npos);
    CHECK(fonts.out.find("LiberationSans-Bold") != std::string::npos);

    // --init from the package, and the folder it writes points at the package's schemas.
    auto init = t::run_program({bin, "--init", "mine"}, tmp / "work", env);
    REQUIRE(init.status == 0);
    CHECK(t::read_file(tmp / "work/mine/document.yaml")
              .rfind("# yaml-language-server: $schema=" + (root / "usr/share/lerbrief/schema/document.schema.json").string(), 0) == 0);
    CHECK(t::run_program({bin, "--all", "--data", "mine", "--output", "mine.pdf"}, tmp / "work", env).status == 0);

    // Without the dependency's files, the missing font is named.
    for (const char* f : kFonts) fs::remove(liberation2 / f);
    auto nofonts = t::run_program({bin, "--all"}, tmp / "work", env);
    CHECK(nofonts.status != 0);
    CHECK(nofonts.err.find("LiberationSerif-Regular.ttf") != std::string::npos);
}

TEST_CASE("package: lintian finds no error and no warning in the .deb") {
    if (!on_path("lintian")) {
        WARN("skipped: lintian is not installed (bash .ci/deps installs it)");
        return;
    }
    t::TempDir tmp;
    const fs::path deb = build_deb(tmp);
    auto lint = t::run_program({"lintian", "--no-tag-display-limit", deb.string()}, tmp.path());
    INFO(lint.out << lint.err);
    CHECK(lines_starting(lint.out, "E: ").empty());
    CHECK(lines_starting(lint.out, "W: ").empty());
    CHECK(lint.err.find("E: ") == std::string::npos);
}
