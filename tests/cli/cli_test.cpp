// The command line, run as a user runs it: the built binary, its exit
// status, what it prints, and what it writes (or does not).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <map>
#include <sstream>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

TEST_CASE("cli: --version and --help") {
    auto v = t::run_lerbrief({"--version"});
    CHECK(v.status == 0);
    CHECK(v.out.rfind("lerbrief 0.1.0\nlibharu 2.", 0) == 0);  // then the libraries it runs with
    for (const char* lib : {", Cairo 1.", ", librsvg 2.", ", yaml-cpp 0.", ", libhyphen 2."})
        CHECK(v.out.find(lib) != std::string::npos);
#if LERBRIEF_WITH_JEMALLOC
    // the executable runs on jemalloc (a booklet of 5,000 groups: 373 -> 352 MiB
    // at its peak); sanitizer and fuzz builds, and -DLERBRIEF_JEMALLOC=OFF, link none
    CHECK(v.out.find(", jemalloc 5.") != std::string::npos);
#endif
    auto h = t::run_lerbrief({"--help"});
    CHECK(h.status == 0);
    for (const char* opt : {"--all", "--stakeholder", "--check", "--list", "--diagram", "--data", "--layout",
                            "--output", "--event", "--date", "--place", "--base-url", "--timings", "--version"})
        CHECK(h.out.find(opt) != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2 and say so") {
    auto r = t::run_lerbrief({"--no-such-option"});
    CHECK(r.status == 2);
    CHECK(r.err.rfind("lerbrief: error: ", 0) == 0);
    auto both = t::run_lerbrief({"--check", "--list"});
    CHECK(both.status == 2);
}

TEST_CASE("cli: --check on the bundled content and the website data") {
    auto r = t::run_lerbrief({"--check"});
    CHECK(r.status == 0);
    CHECK(r.out.find("ok — 10 stakeholder groups, 4 action areas") != std::string::npos);
    LERBRIEF_REQUIRE_WEBSITE(site);
    auto w = t::run_lerbrief({"--check", "--data", site.string()});
    CHECK(w.status == 0);
    // the published map's known slips (its SOURCE.md), found by the lint, and nothing else
    INFO(w.err);
    CHECK(w.out.find(", 3 warnings\n") != std::string::npos);
    CHECK(w.err.find("stakeholders-list.yml:103:13: warning: roles.bullets: 'LERsImplement' looks like two words run together\n") != std::string::npos);
    CHECK(w.err.find("warning: resource 'Building a Skills-Based Talent Marketplace Verifiable Credentials Wallets for Learning and Employment' has no URL\n") != std::string::npos);
    CHECK(w.err.find("warning: resource 'Going digital: How learning and employment records shape access to quality education and jobs' has the URL of 'Credentialing Everything: ") != std::string::npos);
    auto strict = t::run_lerbrief({"--check", "--strict", "--data", site.string()});
    CHECK(strict.status == 1);
    CHECK(strict.err.find("lerbrief: 3 errors, 0 warnings; nothing written\n") != std::string::npos);
}

TEST_CASE("cli: --list shows the website's ten groups and four action areas with ids") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    auto r = t::run_lerbrief({"--list", "--data", site.string()});
    CHECK(r.status == 0);
    CHECK(r.out.find("stakeholder groups (10):") != std::string::npos);
    CHECK(r.out.find("action areas (4):") != std::string::npos);
    for (const char* id : {"career-navigators", "credentialing-organizations", "data-standards-organizations",
                           "employers", "funders", "governance", "hr-systems", "learners-earners",
                           "ler-technology-providers", "supporting-systems", "promoting", "building", "gathering",
                           "supporting"})
        CHECK(r.out.find(std::string("  ") + id + " ") != std::string::npos);
}

TEST_CASE("cli: a broken file writes nothing and leaves the previous output intact") {
    t::TempDir dir;
    t::copy_tree(t::source_dir() / "data", dir / "content");
    auto ok = t::run_lerbrief({"--all", "--data", "content"}, dir.path());
    REQUIRE(ok.status == 0);
    const fs::path booklet = dir / "output/ler-briefing.pdf";
    REQUIRE(fs::exists(booklet));
    const std::string before = t::read_file(booklet);
    CHECK(before.rfind("%PDF-", 0) == 0);

    t::write_file(dir / "content/stakeholders/employers.yaml", "id: employers\nname: [Employers\n");
    auto bad = t::run_lerbrief({"--all", "--data", "content"}, dir.path());
    CHECK(bad.status == 1);
    CHECK(bad.err ==
          "content/stakeholders/employers.yaml:3:1: error: invalid YAML: end of sequence flow not found\n"
          "lerbrief: 1 error, 0 warnings; nothing written\n");
    CHECK(t::read_file(booklet) == before);
    std::size_t files = 0;
    for (auto it = fs::recursive_directory_iterator(dir / "output"); it != fs::recursive_directory_iterator(); ++it)
        files += it->is_regular_file();
    CHECK(files == 13);  // the booklet, ten fact sheets, the print manifest (text, JSON); no temporary files
}

TEST_CASE("cli: --all writes the booklet and every fact sheet, --stakeholder one") {
    t::TempDir dir;
    auto r = t::run_lerbrief({"--all", "--output", (dir / "out/brief.pdf").string()});
    REQUIRE(r.status == 0);
    CHECK(fs::exists(dir / "out/brief.pdf"));
    // the whole map: every group has its fact sheet
    for (const char* id : {"career-navigators", "credentialing-organizations", "data-standards-organizations",
                           "employers", "funders", "governance", "hr-systems", "learners-earners",
                           "ler-technology-providers", "supporting-systems"})
        CHECK(fs::exists(dir / "out/factsheets" / (std::string(id) + ".pdf")));
    CHECK(fs::exists(dir / "out/print-manifest.txt"));
    CHECK(fs::exists(dir / "out/print-manifest.json"));
    CHECK(r.out.find("13 files, ") != std::string::npos);
    CHECK(r.out.find(", 0 warnings") != std::string::npos);

    auto one = t::run_lerbrief({"--stakeholder", "learners-earners", "--output", (dir / "le.pdf").string()});
    CHECK(one.status == 0);
    CHECK(fs::exists(dir / "le.pdf"));
    auto info = t::run_program({"pdfinfo", (dir / "le.pdf").string()});
    CHECK(info.out.find("Pages:           2\n") != std::string::npos);

    // a group the content only names has no fact sheet to write
    t::copy_tree(t::source_dir() / "data", dir / "content");
    t::write_file(dir / "content/stakeholders/employers.yaml", "id: employers\nname: Employers\n");
    auto nameonly = t::run_lerbrief({"--stakeholder", "employers", "--data", (dir / "content").string(), "--output",
                                     (dir / "e.pdf").string()});
    CHECK(nameonly.status == 1);
    CHECK(nameonly.err.find("stakeholder 'employers' has no definition, so it has no fact sheet") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "e.pdf"));
}

TEST_CASE("cli: two runs give byte-identical PDFs, with icons, pictures, YAML and compressed streams kept between runs or not") {
    t::TempDir dir;
    const std::string cache = "LERBRIEF_CACHE_DIR=" + (dir / "cache").string();
    // the kit: the documents for reading and, for the masked icons, rasters at two sizes
    auto run = [&](const std::string& out, const std::string& cache_env) {
        return t::run_lerbrief({"--kit", "--output", (dir / out / "b.pdf").string()}, {},
                               {"SOURCE_DATE_EPOCH=1700000000", cache_env});
    };
    REQUIRE(run("cold", cache).status == 0);  // every icon loaded by librsvg and every picture decoded, and kept
    std::size_t icons = 0, pictures = 0, icon_entries = 0, picture_entries = 0, yaml_entries = 0, deflated_entries = 0;
    for (const auto& e : fs::directory_iterator(t::source_dir() / "data" / "icons")) icons += e.path().extension() == ".svg";
    for (const auto& e : fs::directory_iterator(t::source_dir() / "data" / "pictures")) pictures += e.path().extension() == ".png";
    for (const auto& e : fs::directory_iterator(dir / "cache")) {
        icon_entries += e.path().extension() == ".icon";
        picture_entries += e.path().extension() == ".picture";
        yaml_entries += e.path().extension() == ".yaml";
        deflated_entries += e.path().extension() == ".deflated";
    }
    CHECK(icon_entries == icons);
    CHECK(yaml_entries >= 15);  // the content's files, the strings, the layout
    CHECK(picture_entries == pictures);  // one a picture at its printed size, in the booklet
    CHECK(deflated_entries >= 4 * 5);    // pages and font files: four documents of five faces at least
    REQUIRE(pictures > 0);
    // entries as if written a day before: reading one sets its time (the folder keeps what is used);
    // storing one again would make a new file (written aside, renamed over it)
    const auto day_before = fs::file_time_type::clock::now() - std::chrono::hours(24);
    std::map<std::string, ino_t> inodes;
    for (const auto& e : fs::directory_iterator(dir / "cache")) {
        fs::last_write_time(e.path(), day_before);
        struct stat st{};
        REQUIRE(::stat(e.path().c_str(), &st) == 0);
        inodes[e.path().filename().string()] = st.st_ino;
    }
    REQUIRE(run("warm", cache).status == 0);  // every icon, picture and compressed stream read back
    std::size_t deflated_after = 0, deflated_read = 0;
    for (const auto& e : fs::directory_iterator(dir / "cache"))
        if (e.path().extension() == ".deflated") {
            ++deflated_after;
            struct stat st{};
            REQUIRE(::stat(e.path().c_str(), &st) == 0);
            const auto was = inodes.find(e.path().filename().string());
            deflated_read += was != inodes.end() && was->second == st.st_ino &&
                             fs::last_write_time(e.path()) > day_before + std::chrono::hours(1);
        }
    CHECK(deflated_after == deflated_entries);  // none compressed again and stored
    CHECK(deflated_read == deflated_entries);   // each read back, none written again
    REQUIRE(run("none", "LERBRIEF_CACHE_DIR=").status == 0);  // no cache
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir / "cold"))
        if (e.is_regular_file()) files.push_back(fs::relative(e.path(), dir / "cold").string());
    CHECK(files.size() == 15);  // the booklet, ten fact sheets, worksheets, table tents, the manifests
    for (const auto& f : files) {
        INFO(f);
        const std::string cold = t::read_file(dir / "cold" / f);
        CHECK(t::read_file(dir / "warm" / f) == cold);
        CHECK(t::read_file(dir / "none" / f) == cold);
    }
}

TEST_CASE("cli: librsvg is loaded only to parse an icon the cache does not hold") {
    t::TempDir dir;
    const std::string cache = "LERBRIEF_CACHE_DIR=" + (dir / "cache").string();
    // the dynamic loader names each library it loads on standard error
    auto loads_librsvg = [&](std::vector<std::string> args, const std::string& cache_env) {
        auto r = t::run_lerbrief(args, {}, {"LD_DEBUG=files", cache_env});
        REQUIRE(r.status == 0);
        return r.err.find("librsvg-2.so") != std::string::npos;
    };
    const std::vector<std::string> sheet{"--stakeholder", "employers", "--output", (dir / "e.pdf").string()};
    CHECK_FALSE(loads_librsvg({"--help"}, cache));
    CHECK(loads_librsvg(sheet, cache));         // cold: every icon parsed, and kept
    CHECK_FALSE(loads_librsvg(sheet, cache));   // warm: none parsed
    CHECK(loads_librsvg(sheet, "LERBRIEF_CACHE_DIR="));  // no cache
    // the kit draws the masked icons at 72 pt too: kept beside the diagram's size
    const std::vector<std::string> kit{"--kit", "--output", (dir / "kit" / "b.pdf").string()};
    loads_librsvg(kit, cache);
    CHECK_FALSE(loads_librsvg(kit, cache));
    CHECK(loads_librsvg({"--version"}, cache));  // it names librsvg's version
}

TEST_CASE("cli: page breaks come from the layout") {
    t::TempDir dir;
    t::write_file(dir / "tight.yaml",
                  "extends: letter\nbreaks: {ecosystem: none, action-area: none, matrix: none, glossary: none, "
                  "resources: none, colophon: none}\n");
    auto normal = t::run_lerbrief({"--all", "--output", (dir / "a/b.pdf").string()});
    auto tight = t::run_lerbrief({"--all", "--layout", (dir / "tight.yaml").string(), "--output", (dir / "t/b.pdf").string()});
    REQUIRE(normal.status == 0);
    REQUIRE(tight.status == 0);
    auto pages = [](const fs::path& p) {
        auto info = t::run_program({"pdfinfo", p.string()});
        auto at = info.out.find("Pages:");
        return std::stoi(info.out.substr(at + 6));
    };
    CHECK(pages(dir / "t/b.pdf") <= pages(dir / "a/b.pdf") - 3);
}

TEST_CASE("cli: --diagram writes the diagram alone, at the size asked for") {
    t::TempDir dir;
    auto svg = t::run_lerbrief({"--diagram", (dir / "d.svg").string()});
    REQUIRE(svg.status == 0);
    CHECK(t::read_file(dir / "d.svg").find("<svg") != std::string::npos);
    auto pdf = t::run_lerbrief({"--diagram", (dir / "d.pdf").string(), "--size", "letter"});
    REQUIRE(pdf.status == 0);
    auto info = t::run_program({"pdfinfo", (dir / "d.pdf").string()});
    CHECK(info.out.find("792 x 612 pts") != std::string::npos);
    auto text = t::run_program({"pdftotext", (dir / "d.pdf").string(), "-"});
    CHECK(text.out.find("Developing") != std::string::npos);
    auto png = t::run_lerbrief({"--diagram", (dir / "d.png").string(), "--size", "4inx2.25in", "--dpi", "100"});
    REQUIRE(png.status == 0);
    const std::string bytes = t::read_file(dir / "d.png");
    REQUIRE(bytes.size() > 24);
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
               (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
    };
    CHECK(be32(16) == 400);  // 4 in at 100 dpi
    CHECK(be32(20) == 225);
    auto bad = t::run_lerbrief({"--diagram", (dir / "x.png").string(), "--size", "huge"});
    CHECK(bad.status == 2);
    CHECK(bad.err.rfind("lerbrief: error: --size 'huge' is not a size\n", 0) == 0);
    CHECK_FALSE(fs::exists(dir / "x.png"));
    // missing folders are made, as for --output
    auto deep = t::run_lerbrief({"--diagram", (dir / "new" / "dir" / "d.svg").string()});
    CHECK(deep.status == 0);
    CHECK(t::read_file(dir / "new" / "dir" / "d.svg").find("<svg") != std::string::npos);
    // a file that cannot be written is an I/O error (3), not an internal one
    t::write_file(dir / "a-file", "not a folder\n");
    auto nowhere = t::run_lerbrief({"--diagram", (dir / "a-file" / "d.svg").string()});
    CHECK(nowhere.status == 3);
    CHECK(nowhere.err.rfind("lerbrief: error: cannot create folder " + (dir / "a-file").string() + ": ", 0) == 0);
    // an unknown format is a usage error (2), found before any work
    auto jpg = t::run_lerbrief({"--diagram", (dir / "d.jpg").string()});
    CHECK(jpg.status == 2);
    CHECK(jpg.err.rfind("lerbrief: error: --diagram '" + (dir / "d.jpg").string() + "': unknown diagram format\n", 0) == 0);
    CHECK_FALSE(fs::exists(dir / "d.jpg"));
}

TEST_CASE("cli: a group named twice is one fact sheet, written where --output says") {
    t::TempDir dir;
    auto r = t::run_lerbrief({"--stakeholder", "learners-earners", "--stakeholder", "learners-earners", "--output",
                              (dir / "e.pdf").string()});
    REQUIRE(r.status == 0);
    CHECK(fs::is_regular_file(dir / "e.pdf"));
    CHECK(t::read_file(dir / "e.pdf").rfind("%PDF-", 0) == 0);
    CHECK(r.out.find("1 file,") != std::string::npos);
}

TEST_CASE("cli: files the command line names that cannot be read are exit 3") {
    t::TempDir dir;
    auto layout = t::run_lerbrief({"--check", "--layout", "/nonexistent.yaml"});
    CHECK(layout.status == 3);
    CHECK(layout.err.rfind("/nonexistent.yaml: error: cannot read file: no such file\n", 0) == 0);
    fs::create_directories(dir / "event.yaml");
    auto event = t::run_lerbrief({"--booklet", "--event-file", (dir / "event.yaml").string(), "--output",
                                  (dir / "b.pdf").string()});
    CHECK(event.status == 3);
    CHECK(event.err.find("event.yaml: error: expected a file, found a directory\n") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "b.pdf"));
    auto missing = t::run_lerbrief({"--check", "--event-file", (dir / "none.yaml").string()});
    CHECK(missing.status == 3);
}

TEST_CASE("cli: misspellings get a did you mean, lengths need units") {
    auto opt = t::run_lerbrief({"--stakehodler", "employers"});
    CHECK(opt.status == 2);
    CHECK(opt.err == "lerbrief: error: unknown option '--stakehodler'\nhint: did you mean '--stakeholder'?\n");
    auto eq = t::run_lerbrief({"--layuot=a4"});
    CHECK(eq.status == 2);
    CHECK(eq.err == "lerbrief: error: unknown option '--layuot'\nhint: did you mean '--layout'?\n");
    auto stray = t::run_lerbrief({"--check", "--", "employers"});
    CHECK(stray.status == 2);
    CHECK(stray.err.rfind("lerbrief: error: unexpected argument 'employers'\n", 0) == 0);
    CHECK(t::run_lerbrief({"--check", "--"}).status == 0);  // "--" alone ends the options
    auto layout = t::run_lerbrief({"--check", "--layout", "leter"});
    CHECK(layout.status == 2);
    CHECK(layout.err == "lerbrief: error: unknown layout 'leter'\nhint: did you mean 'letter'?\n");
    auto bleed = t::run_lerbrief({"--check", "--bleed", "3"});
    CHECK(bleed.status == 2);
    CHECK(bleed.err == "lerbrief: error: --bleed '3' has no unit\nhint: write it like 3mm, 0.125in or 9pt\n");
    auto ok = t::run_lerbrief({"--check", "--bleed", "3mm", "--layout", "a4"});
    CHECK(ok.status == 0);
    auto zero = t::run_lerbrief({"--check", "--bleed", "0"});  // zero is zero in any unit
    CHECK(zero.status == 0);
}

TEST_CASE("cli: the event line comes from --event-file, options override its parts") {
    t::TempDir dir;
    t::write_file(dir / "event.yaml", "title: Spring Convening\ndate: 3 April 2027\nplace: Austin, TX\n");
    auto r = t::run_lerbrief({"--stakeholder", "learners-earners", "--event-file", (dir / "event.yaml").string(),
                              "--place", "Dallas", "--output", (dir / "le.pdf").string()});
    REQUIRE(r.status == 0);
    auto text = t::run_program({"pdftotext", (dir / "le.pdf").string(), "-"});
    CHECK(text.out.find("Spring Convening \u00B7 3 April 2027 \u00B7 Dallas") != std::string::npos);
    t::write_file(dir / "bad.yaml", "title: Spring\nvenue: Austin\n");
    auto w = t::run_lerbrief({"--stakeholder", "learners-earners", "--event-file", (dir / "bad.yaml").string(),
                              "--output", (dir / "le2.pdf").string()});
    CHECK(w.status == 0);
    CHECK(w.err.find("bad.yaml:2:1: warning: unknown field 'venue' is ignored") != std::string::npos);
}

TEST_CASE("cli: --timings names each stage, and each icon drawn as a raster instead of art") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir dir;
    auto r = t::run_lerbrief({"--stakeholder", "employers", "--timings", "--data", site.string(), "--output",
                              (dir / "e.pdf").string()});
    REQUIRE(r.status == 0);
    // in the pipeline's order, for one sheet and for --all (documents on several threads)
    auto in_order = [](const std::string& err) {
        std::size_t at = 0;
        for (const char* stage : {"timing: load ", "timing: check ", "timing: layout ", "timing: diagram ",
                                  "timing: render ", "timing: write ", "timing: total "}) {
            const std::size_t found = err.find(stage);
            INFO(stage);
            CHECK(found != std::string::npos);
            CHECK(found >= at);
            at = found == std::string::npos ? at : found;
        }
    };
    in_order(r.err);
    auto all = t::run_lerbrief({"--all", "--timings", "--data", site.string(), "--output", (dir / "all" / "b.pdf").string()});
    REQUIRE(all.status == 0);
    in_order(all.err);
    // the map's two illustrations with a mask; the other eight are paths
    std::vector<std::string> notes;
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("timing: icon as a raster: ", 0) == 0) notes.push_back(line);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].find("credentialing-organizations.svg: a drawing on a surface of its own") != std::string::npos);
    CHECK(notes[1].find("data-standards-bodies.svg: ") != std::string::npos);
    // without --timings nothing is said
    auto quiet = t::run_lerbrief({"--stakeholder", "employers", "--data", site.string(), "--output",
                                  (dir / "q.pdf").string()});
    CHECK(quiet.err.find("timing:") == std::string::npos);
}
