// Diagnostics are coloured only on a terminal, and never with NO_COLOR. The
// terminal is real: the binary runs under script(1), which gives it a pty.
#include <catch2/catch.hpp>

#include "support/support.h"

namespace t = lerbrief::test;

namespace {

// Runs lerbrief under a pseudo-terminal; stdout and stderr both arrive in out.
t::RunResult on_terminal(const std::string& args, const std::vector<std::string>& env) {
    return t::run_program({"script", "-qec", "'" + t::binary().string() + "' " + args, "/dev/null"}, {}, env);
}

}  // namespace

TEST_CASE("color: diagnostics on a terminal are coloured like a compiler's") {
    auto r = on_terminal("--check --data nowhere", {"TERM=xterm-256color", "NO_COLOR="});
    INFO(r.out << r.err);
    CHECK(r.status == 1);
    CHECK(r.out.find("\033[1mnowhere:\033[0m \033[1;31merror:\033[0m cannot read content folder: no such directory") !=
          std::string::npos);
    CHECK(r.out.find("\033[1;36mhint:\033[0m point --data") != std::string::npos);
}

TEST_CASE("color: NO_COLOR, TERM=dumb and a pipe get plain text") {
    auto no = on_terminal("--check --data nowhere", {"TERM=xterm-256color", "NO_COLOR=1"});
    CHECK(no.status == 1);
    CHECK(no.out.find("nowhere: error: cannot read content folder") != std::string::npos);
    CHECK(no.out.find('\033') == std::string::npos);
    auto dumb = on_terminal("--check --data nowhere", {"TERM=dumb", "NO_COLOR="});
    CHECK(dumb.out.find("nowhere: error:") != std::string::npos);
    CHECK(dumb.out.find('\033') == std::string::npos);
    auto pipe = t::run_lerbrief({"--check", "--data", "nowhere"}, {}, {"TERM=xterm-256color", "NO_COLOR="});
    CHECK(pipe.err.rfind("nowhere: error: cannot read content folder", 0) == 0);
    CHECK(pipe.err.find('\033') == std::string::npos);
}
