// Stale output (issue 15, item 6): `--all` notices fact sheets in its
// fact-sheet folder that it did not write this time (a group renamed or
// removed since the last run). It warns once, lists them in the print
// manifest (text and JSON) as not from this run, and never deletes them.
// --check, the build's dry run, gives the same warning.
#include <catch2/catch.hpp>

#include <string>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The bundled content with the learners' group renamed: its id and file.
void rename_group(const fs::path& content) {
    const fs::path old_file = content / "stakeholders" / "learners-earners.yaml";
    std::string yaml = t::read_file(old_file);
    const std::string from = "id: learners-earners";
    REQUIRE(has(yaml, from));
    yaml.replace(yaml.find(from), from.size(), "id: learners-and-earners");
    fs::remove(old_file);
    t::write_file(content / "stakeholders" / "learners-and-earners.yaml", yaml);
}

}  // namespace

TEST_CASE("stale output: a renamed group's old fact sheet is warned about, listed in the manifest, and kept") {
    t::TempDir dir;
    t::copy_tree(t::source_dir() / "data", dir / "content");
    const std::string booklet = (dir / "out" / "b.pdf").string();
    auto first = t::run_lerbrief({"--all", "--data", (dir / "content").string(), "--output", booklet});
    REQUIRE(first.status == 0);
    CHECK_FALSE(has(first.err, "not from this run"));
    CHECK_FALSE(has(t::read_file(dir / "out" / "print-manifest.txt"), "Not from this run"));
    CHECK_FALSE(has(t::read_file(dir / "out" / "print-manifest.json"), "not_from_this_run"));
    const fs::path old_sheet = dir / "out" / "factsheets" / "learners-earners.pdf";
    REQUIRE(fs::exists(old_sheet));
    const std::string old_bytes = t::read_file(old_sheet);

    rename_group(dir / "content");
    const std::string warning = (dir / "out" / "factsheets").string() +
                                ": warning: 1 file in the fact-sheet folder is not from this run: learners-earners.pdf\n";
    // --check reports what the build will: the output folder is known
    auto check = t::run_lerbrief({"--check", "--data", (dir / "content").string(), "--output", booklet});
    CHECK(check.status == 0);
    CHECK(has(check.err, warning));
    auto second = t::run_lerbrief({"--all", "--data", (dir / "content").string(), "--output", booklet});
    CHECK(second.status == 0);
    CHECK(has(second.err, warning));
    CHECK(check.err == second.err);
    CHECK(fs::exists(dir / "out" / "factsheets" / "learners-and-earners.pdf"));
    // never deleted, never touched
    REQUIRE(fs::exists(old_sheet));
    CHECK(t::read_file(old_sheet) == old_bytes);
    const std::string txt = t::read_file(dir / "out" / "print-manifest.txt");
    CHECK(has(txt, "\nNot from this run (left by an earlier run: do not print; lerbrief never deletes them):\n"
                   "  factsheets/learners-earners.pdf\n"));
    CHECK(has(txt, "\nfactsheets/learners-and-earners.pdf\n"));
    const std::string json = t::read_file(dir / "out" / "print-manifest.json");
    CHECK(has(json, ",\n  \"not_from_this_run\": [\"factsheets/learners-earners.pdf\"]\n}\n"));
}

TEST_CASE("stale output: only PDF files count, and --booklet does not look") {
    t::TempDir dir;
    t::copy_tree(t::source_dir() / "data", dir / "content");
    t::write_file(dir / "out" / "factsheets" / "notes.txt", "mine\n");
    t::write_file(dir / "out" / "factsheets" / "old-group.pdf", "%PDF-1.4 an earlier run's\n");
    fs::create_directories(dir / "out" / "factsheets" / "folder.pdf");
    // what a Mac leaves on a USB drive beside each file: hidden, never counted
    t::write_file(dir / "out" / "factsheets" / "._learners-earners.pdf", "resource fork\n");
    const std::string booklet = (dir / "out" / "b.pdf").string();
    auto b = t::run_lerbrief({"--booklet", "--data", (dir / "content").string(), "--output", booklet});
    CHECK(b.status == 0);
    CHECK_FALSE(has(b.err, "not from this run"));
    auto a = t::run_lerbrief({"--all", "--data", (dir / "content").string(), "--output", booklet});
    CHECK(a.status == 0);
    CHECK(has(a.err, ": warning: 1 file in the fact-sheet folder is not from this run: old-group.pdf\n"));
    CHECK(t::read_file(dir / "out" / "factsheets" / "notes.txt") == "mine\n");
    CHECK(t::read_file(dir / "out" / "factsheets" / "old-group.pdf") == "%PDF-1.4 an earlier run's\n");
}
