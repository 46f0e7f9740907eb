// Text the fonts cannot draw, anywhere (#13 item 2): a hostile string in
// every class of field prints with warnings, never an internal error; control
// characters are refused with positions or as usage errors.
#include <catch2/catch.hpp>

#include <string>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

// An emoji, a Chinese and an Arabic letter, a pasted line separator and a
// zero-width space.
const std::string kHostile = "X\U0001F600\u4E2D\u0639\u2028Y\u200B";

void replace(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = t::read_file(file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    t::write_file(file, text);
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("text: a hostile string in every kind of field is built with warnings and printed as white squares") {
    t::TempDir dir;
    t::copy_tree(t::source_dir() / "data", dir / "content");
    const fs::path c = dir / "content";
    const std::string h = "\"" + kHostile + "\"";
    replace(c / "document.yaml", "title: LER Ecosystem Briefing", "title: " + h);
    replace(c / "document.yaml", "author: LER Ecosystem Map", "author: " + h);
    replace(c / "document.yaml", "  - stakeholders", "  - " + h);
    replace(c / "document.yaml", "  name: LER Ecosystem Map", "  name: " + h);
    replace(c / "intro.yaml", "imagine-title: Imagine a world where…", "imagine-title: " + h);
    replace(c / "phases.yaml", "    title: Issuing", "    title: " + h);
    replace(c / "action-areas.yaml", "    title: Promoting Adoption", "    title: " + h);
    replace(c / "stakeholders/supporting-systems.yaml", "name: Supporting Systems", "name: " + h);
    replace(c / "stakeholders/supporting-systems.yaml",
            "definition: Entities or networks promoting livelihoods and economic mobility", "definition: " + h);
    t::write_file(c / "glossary.yaml", "terms:\n  - term: " + h + "\n    definition: " + h + "\n");
    t::write_file(c / "resources.yaml", "resources:\n  - name: " + h + "\n    items:\n      - title: " + h +
                                            "\n        author: " + h + "\n");
    auto r = t::run_lerbrief({"--all", "--data", "content", "--event", kHostile, "--place", "Denver \u4E2D",
                              "--output", "out/b.pdf"},
                             dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("internal error") == std::string::npos);
    // each field names the emoji once, with its position
    for (const std::string where : {"content/document.yaml:2:8: warning: title: character '\U0001F600' (U+1F600)",
                                    "content/phases.yaml:", "content/action-areas.yaml:",
                                    "content/stakeholders/supporting-systems.yaml:6:7: warning: name:",
                                    "content/glossary.yaml:2:11: warning: term:",
                                    "content/resources.yaml:2:11: warning: resource group name:",
                                    "lerbrief: warning: --event: character '\U0001F600' (U+1F600)",
                                    "lerbrief: warning: --place: character '\u4E2D' (U+4E2D) is not in the font"})
        CHECK(r.err.find(where) != std::string::npos);
    CHECK(r.err.find("author: character '\U0001F600' (U+1F600) is above U+FFFF, which the PDF metadata cannot hold; "
                     "it is written as U+FFFD") != std::string::npos);
    CHECK(r.err.find("Arabic text ('\u0639', U+0639) is right-to-left") != std::string::npos);
    // one warning per character and field: the booklet and the fact sheet set the name twice
    CHECK(count(r.err, "supporting-systems.yaml:6:7: warning: name: character '\U0001F600'") == 1);
    // the substitute is printed, in the booklet and in the fact sheet
    auto booklet = t::run_program({"pdftotext", (dir / "out/b.pdf").string(), "-"});
    CHECK(booklet.out.find("X\u25A1\u25A1\u25A1 Y") != std::string::npos);
    auto sheet = t::run_program({"pdftotext", (dir / "out/factsheets/supporting-systems.pdf").string(), "-"});
    CHECK(sheet.out.find("X\u25A1\u25A1\u25A1") != std::string::npos);
    auto info = t::run_program({"pdfinfo", (dir / "out/b.pdf").string()});
    CHECK(info.out.find("X\uFFFD\u4E2D\u0639 Y") != std::string::npos);  // the author: only the emoji replaced
}

TEST_CASE("text: a control character in --event, --date or --place is a usage error naming the option") {
    t::TempDir dir;
    auto r = t::run_lerbrief({"--booklet", "--event", "Conv \x1b[31m 2026", "--output", (dir / "b.pdf").string()});
    CHECK(r.status == 2);
    CHECK(r.err == "lerbrief: error: --event: control character U+001B cannot be printed\n"
                   "hint: remove it from the value\n");
    auto nl = t::run_lerbrief({"--booklet", "--place", "Austin\nTX", "--output", (dir / "b.pdf").string()});
    CHECK(nl.status == 2);
    CHECK(nl.err.find("--place: control character U+000A") != std::string::npos);
    auto bad = t::run_lerbrief({"--booklet", "--date", "3 \xff April", "--output", (dir / "b.pdf").string()});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("lerbrief: error: --date: the value is not UTF-8 text") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "b.pdf"));
}

TEST_CASE("text: messages never put a raw control byte on the terminal") {
    t::TempDir dir;
    t::copy_tree(t::source_dir() / "data", dir / "content");
    replace(dir / "content/stakeholders/funders.yaml", "name: Funders", "name: \"Funders \\e[2J\\x07\"");
    auto r = t::run_lerbrief({"--check", "--data", "content"}, dir.path());
    CHECK(r.status == 1);
    CHECK(r.err.find("name: control character U+001B cannot be printed") != std::string::npos);
    for (char ch : r.err) CHECK((static_cast<unsigned char>(ch) >= 0x20 || ch == '\n'));
}
