// What the benchmark's work changed that a user sees: --booklet, content
// with more groups than the diagram shows, and fact sheets that are the same
// bytes whether built alone or with --all (fitted once, on several threads).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

TEST_CASE("cli: --booklet writes the booklet alone") {
    t::TempDir dir;
    auto r = t::run_lerbrief({"--booklet", "--output", (dir / "b.pdf").string()});
    REQUIRE(r.status == 0);
    CHECK(t::read_file(dir / "b.pdf").rfind("%PDF-", 0) == 0);
    CHECK_FALSE(fs::exists(dir / "factsheets"));
    CHECK(r.out.find("1 file,") != std::string::npos);
}

TEST_CASE("cli: more groups than the diagram shows are set without it, with one warning") {
    t::TempDir dir;
    t::copy_tree(t::source_dir() / "data", dir / "content");
    for (int i = 0; i < 60; ++i)
        t::write_file(dir / "content" / "stakeholders" / fmt::format("zz-extra-{:02d}.yaml", i),
                      fmt::format("id: zz-extra-{:02d}\nname: Extra group {}\n", i, i));
    auto r = t::run_lerbrief({"--all", "--data", "content"}, dir.path());
    REQUIRE(r.status == 0);
    CHECK(r.err.find("content: warning: 70 stakeholder groups are more than the ecosystem diagram shows (64): the "
                     "booklet and fact sheets are set without it\n") != std::string::npos);
    // the groups without content (the extras, and any the bundled content only names): one lint warning,
    // naming the first 12
    const std::string bare = " stakeholder groups have no content (no definition), so no fact sheet: ";
    CHECK(r.err.find(bare) != std::string::npos);
    CHECK(r.err.find(bare) == r.err.rfind(bare));
    CHECK(r.err.find(" more\nhint: the full map is") != std::string::npos);
    CHECK(r.err.find("zz-extra-59") == std::string::npos);
    CHECK(fs::exists(dir / "output/ler-briefing.pdf"));
    auto d = t::run_lerbrief({"--diagram", "d.svg", "--data", "content"}, dir.path());
    CHECK(d.status == 1);
    CHECK_FALSE(fs::exists(dir / "d.svg"));
}

TEST_CASE("cli: a fact sheet is the same bytes alone and from --all") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir dir;
    auto all = t::run_lerbrief({"--all", "--data", site.string(), "--output", (dir / "all/b.pdf").string()});
    REQUIRE(all.status == 0);
    auto one = t::run_lerbrief({"--stakeholder", "employers", "--data", site.string(), "--output",
                                (dir / "employers.pdf").string()});
    REQUIRE(one.status == 0);
    CHECK(t::read_file(dir / "all/factsheets/employers.pdf") == t::read_file(dir / "employers.pdf"));
}
