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

namespace {

// `lerbrief --all --data content` on one processor (taskset: the documents,
// the set's type size, the booklet's sheets and the website's files made on
// one thread, model/cores.h) and on all: the same files, messages and bytes.
void same_on_one_core(const fs::path& dir, const std::string& content, std::size_t expect_files) {
    const std::vector<std::string> env{"SOURCE_DATE_EPOCH=1700000000", "LERBRIEF_CACHE_DIR="};  // icons and pictures made in the run
    auto many = t::run_lerbrief({"--all", "--data", content, "--output", "many/b.pdf"}, dir, env);
    std::vector<std::string> argv{"taskset", "-c", "0", t::binary().string(), "--all", "--data", content,
                                  "--output", "one/b.pdf"};
    auto one = t::run_program(argv, dir, env);
    REQUIRE(many.status == 0);
    REQUIRE(one.status == 0);
    CHECK(many.err.find("warning") != std::string::npos);
    auto same_words = [](std::string s) {  // the output folders' names differ
        for (std::size_t at; (at = s.find("many/")) != std::string::npos;) s.replace(at, 5, "one/");
        return s;
    };
    CHECK(same_words(many.err) == one.err);
    CHECK(same_words(many.out) == one.out);
    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir / "many")) {
        if (!e.is_regular_file()) continue;
        const fs::path rel = fs::relative(e.path(), dir / "many");
        INFO(rel.string());
        CHECK(t::read_file(dir / "one" / rel) == same_words(t::read_file(e.path())));
        ++files;
    }
    CHECK(files == expect_files);
}

bool taskset_works() { return t::run_program({"taskset", "-c", "0", "true"}).status == 0; }

}  // namespace

TEST_CASE("cli: the same files, messages and bytes on one core as on several") {
    if (!taskset_works()) {
        WARN("skipped: taskset cannot run a program on processor 0 here");
        return;
    }
    t::TempDir dir;
    // with a warning from the content
    t::copy_tree(t::source_dir() / "data", dir / "content");
    t::write_file(dir / "content" / "stakeholders" / "employers.yaml",
                  t::read_file(dir / "content" / "stakeholders" / "employers.yaml") + "\nunknown_key: 1\n");
    same_on_one_core(dir.path(), "content", 13);  // the booklet, ten fact sheets, the manifests
}

TEST_CASE("cli: the map's website gives the same files, messages and bytes on one core as on several") {
    const fs::path site = t::website_dir();
    if (site.empty() || !taskset_works()) {
        WARN("skipped: no ../shared/ler-ecosystem-map-site in this clone, or no taskset");
        return;
    }
    t::TempDir dir;
    same_on_one_core(dir.path(), site.string(), 13);  // its four data files read on two threads; three warnings
}
