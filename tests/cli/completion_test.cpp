// Bash completion (completions/lerbrief.bash), run as bash runs it: the
// function is called with COMP_WORDS as typed, and the built binary answers
// (--help for options, --list for stakeholder ids and layout names).
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "support/support.h"

namespace t = lerbrief::test;

namespace {

// The completions offered for the words typed so far (the last one is the
// word being completed), one a line, sorted.
std::set<std::string> complete(const std::vector<std::string>& words, const t::TempDir& cwd) {
    std::string script = "source '" + (t::source_dir() / "completions/lerbrief.bash").string() + "'\nCOMP_WORDS=('" +
                         t::binary().string() + "'";
    for (const auto& w : words) script += " '" + w + "'";
    script += ")\nCOMP_CWORD=" + std::to_string(words.size()) + "\n_lerbrief\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
    auto r = t::run_program({"bash", "--norc", "--noprofile", "-c", script}, cwd.path());
    REQUIRE(r.status == 0);
    std::set<std::string> out;
    std::istringstream in(r.out);
    for (std::string s; std::getline(in, s);)
        if (!s.empty()) out.insert(s);
    return out;
}

}  // namespace

TEST_CASE("completion: stakeholder ids from --list, also of the --data on the line") {
    t::TempDir cwd;
    const auto ids = complete({"--stakeholder", ""}, cwd);
    CHECK(ids.size() == 10);
    CHECK(ids.count("learners-earners") == 1);
    CHECK(complete({"--stakeholder", "cre"}, cwd) == std::set<std::string>{"credentialing-organizations"});
    CHECK(complete({"--data", "starter", "--stakeholder", ""}, cwd) == std::set<std::string>{"colleges", "employers"});
}

TEST_CASE("completion: layout names, data names, and every option of --help") {
    t::TempDir cwd;
    CHECK(complete({"--layout", ""}, cwd) == std::set<std::string>{"a4", "letter"});
    CHECK(complete({"--data", ""}, cwd) == std::set<std::string>{"bundled", "starter"});
    CHECK(complete({"--la"}, cwd) == std::set<std::string>{"--language", "--layout"});
    CHECK(complete({"--lay"}, cwd) == std::set<std::string>{"--layout"});
    const auto options = complete({"--"}, cwd);
    std::set<std::string> help;
    const std::string h = t::run_lerbrief({"--help"}).out;
    static const std::regex opt("--[a-z][a-z-]*");
    for (auto it = std::sregex_iterator(h.begin(), h.end(), opt); it != std::sregex_iterator(); ++it) help.insert(it->str());
    CHECK(options.size() >= 20);
    CHECK(options == help);
}
