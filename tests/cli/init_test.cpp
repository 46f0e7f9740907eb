// lerbrief --init DIR and the content names of --data: the starter folder
// builds as is, --init never overwrites, `bundled` and `starter` name the
// content lerbrief ships.
#include <catch2/catch.hpp>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> v;
    for (const auto& e : fs::directory_iterator(dir)) v.push_back(e.path().filename().string());
    std::sort(v.begin(), v.end());
    return v;
}

std::string first_line(const fs::path& p) {
    std::string s = t::read_file(p);
    return s.substr(0, s.find('\n'));
}

}  // namespace

TEST_CASE("init: --init writes a content folder that builds as is: booklet and two fact sheets") {
    t::TempDir dir;
    auto r = t::run_lerbrief({"--init", "mystate"}, dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out ==
          "wrote mystate/ (content to start from; its comments explain every field)\n"
          "next: lerbrief --all --data mystate\n");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"mystate"});  // no temporary folder left
    CHECK(names_in(dir / "mystate/stakeholders") == std::vector<std::string>{"colleges.yaml", "employers.yaml"});
    // Editors find the schema: the first line names the installed (here: source) schema file.
    CHECK(first_line(dir / "mystate/stakeholders/colleges.yaml") ==
          "# yaml-language-server: $schema=" + (t::source_dir() / "docs/schema/stakeholder.schema.json").string());
    CHECK(t::read_file(dir / "mystate/document.yaml").find("# title (markup, required)") != std::string::npos);

    auto b = t::run_lerbrief({"--all", "--data", "mystate"}, dir.path());
    INFO(b.err);
    REQUIRE(b.status == 0);
    CHECK(b.err.empty());  // not even a warning
    CHECK(b.out.find("5 files, ") != std::string::npos);  // booklet, two fact sheets, the print manifest (text, JSON)
    CHECK(names_in(dir / "output/factsheets") == std::vector<std::string>{"colleges.pdf", "employers.pdf"});
    auto text = t::run_program({"pdftotext", (dir / "output/ler-briefing.pdf").string(), "-"});
    CHECK(text.out.find("Our State") != std::string::npos);
    CHECK(text.out.find("Running Pilots Together") != std::string::npos);
}

TEST_CASE("init: --init refuses a folder that is not empty and writes nothing") {
    t::TempDir dir;
    t::write_file(dir / "x/notes.txt", "mine\n");
    auto r = t::run_lerbrief({"--init", "x"}, dir.path());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "lerbrief: error: --init: 'x' is not empty; nothing written\n"
          "hint: give a new or empty folder: --init never overwrites files\n");
    CHECK(names_in(dir / "x") == std::vector<std::string>{"notes.txt"});
    CHECK(t::read_file(dir / "x/notes.txt") == "mine\n");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"x"});

    auto file = t::run_lerbrief({"--init", "x/notes.txt"}, dir.path());
    CHECK(file.status == 2);
    CHECK(file.err == "lerbrief: error: --init: 'x/notes.txt' exists and is not a folder\n");

    fs::create_directory(dir / "empty");  // an empty folder is fine
    CHECK(t::run_lerbrief({"--init", "empty"}, dir.path()).status == 0);
    CHECK(fs::exists(dir / "empty/document.yaml"));
    CHECK(t::run_lerbrief({"--init", "new/deeper/"}, dir.path()).status == 0);  // parents made, slash allowed
    CHECK(names_in(dir / "new") == std::vector<std::string>{"deeper"});
    CHECK(fs::exists(dir / "new/deeper/stakeholders/employers.yaml"));
    CHECK(t::run_lerbrief({"--init", "x", "--check"}, dir.path()).status == 2);  // one thing at a time
}

TEST_CASE("init: --data takes a name of the content lerbrief ships, or a folder") {
    t::TempDir dir;
    auto s = t::run_lerbrief({"--check", "--data", "starter"}, dir.path());
    INFO(s.err);
    CHECK(s.status == 0);
    CHECK(s.out.find(": ok — 2 stakeholder groups, 1 action areas") != std::string::npos);
    auto b = t::run_lerbrief({"--check", "--data", "bundled"}, dir.path());
    CHECK(b.status == 0);
    CHECK(b.out.find(": ok — 10 stakeholder groups, 4 action areas") != std::string::npos);
    // A folder of that name in the working directory wins over the name.
    t::copy_tree(t::source_dir() / "starter", dir / "bundled");
    auto f = t::run_lerbrief({"--check", "--data", "bundled"}, dir.path());
    CHECK(f.out.rfind("bundled: ok — 2 stakeholder groups", 0) == 0);
    auto l = t::run_lerbrief({"--list"}, dir.path());
    CHECK(l.out.find("layouts (2):\n  a4\n  letter\n") != std::string::npos);
}

TEST_CASE("init: --init DIR --language es writes the Spanish starter, English is the default") {
    t::TempDir dir;
    auto r = t::run_lerbrief({"--init", "estado", "--language", "es"}, dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(names_in(dir.path()) == std::vector<std::string>{"estado"});
    // The same files as the English starter, in Spanish.
    for (const char* sub : {"", "stakeholders"})
        CHECK(names_in(dir / "estado" / sub) == names_in(t::source_dir() / "starter" / sub));
    const std::string doc = t::read_file(dir / "estado/document.yaml");
    CHECK(doc.find("\nlanguage: es\n") != std::string::npos);
    CHECK(doc.find("title: El ecosistema de LER de nuestro estado") != std::string::npos);
    CHECK(first_line(dir / "estado/phases.yaml") ==
          "# yaml-language-server: $schema=" + (t::source_dir() / "docs/schema/phases.schema.json").string());
    auto c = t::run_lerbrief({"--check", "--data", "estado"}, dir.path());
    INFO(c.err);
    CHECK(c.status == 0);
    CHECK(c.err.empty());  // not even a warning: every Spanish string is there
    CHECK(c.out.find(": ok — 2 stakeholder groups, 1 action areas") != std::string::npos);

    // A region of Spanish is Spanish; English in any region is the English starter.
    REQUIRE(t::run_lerbrief({"--init", "mx", "--language", "es-MX"}, dir.path()).status == 0);
    CHECK(t::read_file(dir / "mx/document.yaml") == doc);
    REQUIRE(t::run_lerbrief({"--init", "gb", "--language", "en-GB"}, dir.path()).status == 0);
    CHECK(t::read_file(dir / "gb/document.yaml").find("\nlanguage: en-US\n") != std::string::npos);
}

TEST_CASE("init: --init with a language that has no starter is a usage error naming those that have one") {
    t::TempDir dir;
    auto r = t::run_lerbrief({"--init", "x", "--language", "fr"}, dir.path());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "lerbrief: error: --init: there is no starter content in 'fr'\n"
          "hint: starters exist in: en, es (--language); or leave --language out for English\n");
    CHECK(names_in(dir.path()).empty());  // nothing written
    auto bad = t::run_lerbrief({"--init", "x", "--language", "not a tag"}, dir.path());
    CHECK(bad.status == 2);
    CHECK(bad.err.find("'not a tag' is not a language tag") != std::string::npos);
    CHECK(names_in(dir.path()).empty());
}
