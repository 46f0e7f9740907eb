// lerbrief(1): docs/lerbrief.1 renders without a warning, documents exactly
// the options --help lists, every exit status and environment variable, and
// the version the binary reports.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "support/support.h"

namespace t = lerbrief::test;

namespace {

std::string manpage() { return (t::source_dir() / "docs/lerbrief.1").string(); }

// The options at the start of the lines that match `line` (one capture group
// holding the option names), between the lines `from` and `to`.
std::set<std::string> options_in(const std::string& text, const std::regex& line, const std::string& from = {},
                                 const std::string& to = {}) {
    std::set<std::string> found;
    std::istringstream in(text);
    bool on = from.empty();
    static const std::regex name("--?[a-z][a-z-]*");
    for (std::string s; std::getline(in, s);) {
        if (!from.empty() && s == from) on = true;
        if (!to.empty() && s == to) on = false;
        std::smatch m;
        if (!on || !std::regex_search(s, m, line)) continue;
        const std::string names = m[1];
        for (auto it = std::sregex_iterator(names.begin(), names.end(), name); it != std::sregex_iterator(); ++it)
            found.insert(it->str());
    }
    return found;
}

std::string rendered() {
    auto r = t::run_program({"man", "-l", manpage()}, {}, {"MANWIDTH=80", "MAN_KEEP_FORMATTING=", "MANPAGER=cat", "PAGER=cat"});
    REQUIRE(r.status == 0);
    return r.out;
}

}  // namespace

TEST_CASE("manpage: man ./docs/lerbrief.1 renders, without a groff warning") {
    auto g = t::run_program({"groff", "-man", "-Tutf8", "-ww", "-z", manpage()});
    CHECK(g.status == 0);
    CHECK(g.err.empty());
    const std::string page = rendered();
    CHECK(page.find("LERBRIEF(1)") != std::string::npos);
    for (const char* section : {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "FILES"})
        CHECK(page.find(std::string("\n") + section + "\n") != std::string::npos);
    for (const char* env : {"SOURCE_DATE_EPOCH", "NO_COLOR", "LERBRIEF_HOME"})
        CHECK(page.find(std::string("\n       ") + env + "\n") != std::string::npos);
    for (int status = 0; status <= 4; ++status)
        CHECK(page.find("\n       " + std::to_string(status) + "      ") != std::string::npos);
    // The version in the footer is the binary's.
    const std::string version = t::run_lerbrief({"--version"}).out;  // "lerbrief 0.1.0\nlibharu …"
    CHECK(page.find("\n" + version.substr(0, version.find('\n')) + " ") != std::string::npos);
}

TEST_CASE("manpage: the man page and --help list the same options") {
    const auto help = t::run_lerbrief({"--help"});
    REQUIRE(help.status == 0);
    const auto in_help = options_in(help.out, std::regex("^ +((-h,)?--[a-z][a-z-]*)"));
    const auto in_man = options_in(rendered(), std::regex("^       ((-h, )?--[a-z][a-z-]*)"), "OPTIONS", "EXIT STATUS");
    CHECK(in_help.size() >= 20);
    CHECK(in_help.count("--init") == 1);
    CHECK(in_man == in_help);
}
