// Golden text dumps of the laid-out bundled booklet and one fact sheet: every
// line with its page, column, position, width and measure, and its text. A
// change in line breaking, pagination or spacing shows as a readable diff.
// After a deliberate change, update with
//   LERBRIEF_UPDATE_GOLDENS=1 build/test/tests/tests_compose "dump*"
// and review `git diff tests/fixtures/layout`.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "support/support.h"

namespace t = lerbrief::test;

namespace {

void compare(const std::vector<std::string>& args, const std::string& golden) {
    auto r = t::run_lerbrief(args, {}, {"SOURCE_DATE_EPOCH=1700000000"});
    REQUIRE(r.status == 0);
    // only the dump: drop the "wrote …" summary lines
    std::string dump;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("p", 0) == 0) dump += line + "\n";
    const auto path = t::fixtures_dir() / "layout" / golden;
    if (std::getenv("LERBRIEF_UPDATE_GOLDENS")) {
        t::write_file(path, dump);
        return;
    }
    const std::string want = t::read_file(path);
    // report the first differing line, not the whole file
    std::istringstream a(dump), b(want);
    std::string la, lb;
    int n = 0;
    while (true) {
        bool ga = static_cast<bool>(std::getline(a, la)), gb = static_cast<bool>(std::getline(b, lb));
        ++n;
        if (!ga && !gb) break;
        INFO(golden << " line " << n);
        REQUIRE(la == lb);
        if (!ga || !gb) break;
    }
}

}  // namespace

TEST_CASE("dump: the bundled booklet's layout matches its golden dump") {
    t::TempDir dir;
    compare({"--all", "--dump-layout", "--output", (dir / "b.pdf").string()}, "bundled-letter.dump");
}

TEST_CASE("dump: a fact sheet in A4 matches its golden dump") {
    t::TempDir dir;
    compare({"--stakeholder", "credentialing-organizations", "--layout", "a4", "--dump-layout", "--output",
             (dir / "s.pdf").string()},
            "credentialing-a4.dump");
}
