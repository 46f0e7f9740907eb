// lerbrief --preflight (#16 item 12), run as a user runs it: one block a
// document the run would write, a summary, nothing written; exit 0, or 1
// with --strict when a threshold is crossed. And the thresholds held on the
// bundled and the website content, in Letter and A4.
#include <catch2/catch.hpp>

#include <regex>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
    return n;
}

// A copy of the letter layout whose body is set at `size` pt.
fs::path layout_with_body(const t::TempDir& dir, double size) {
    std::string text = t::read_file(t::source_dir() / "layouts" / "letter.yaml");
    const auto at = text.find("\n  body: {");
    REQUIRE(at != std::string::npos);
    const auto end = text.find('\n', at + 1);
    text.replace(at, end - at,
                 "\n  body: {font: body, size: " + std::to_string(size) + ", leading: " + std::to_string(size * 1.35) +
                     ", space-after: 6}");
    const fs::path file = dir / "big.yaml";
    t::write_file(file, text);
    return file;
}

void require_passes(const std::vector<std::string>& args) {
    const auto r = t::run_lerbrief(args);
    INFO(r.out);
    INFO(r.err);
    CHECK(r.out.find("CROSSED") == std::string::npos);
    CHECK(r.status == 0);
}

}  // namespace

TEST_CASE("preflight: a block for each document the run would write, a summary line, nothing written") {
    t::TempDir dir;
    const auto r = t::run_lerbrief({"--data", "starter", "--preflight", "--output", (dir / "out" / "ler-briefing.pdf").string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(fs::is_empty(dir.path()));
    // the booklet and the starter's two fact sheets
    CHECK(r.out.find("ler-briefing.pdf — ") != std::string::npos);
    CHECK(r.out.find("factsheets/colleges.pdf — ") != std::string::npos);
    CHECK(r.out.find("factsheets/employers.pdf — ") != std::string::npos);
    CHECK(count(r.out, ", fact sheet\n") == 2);
    for (const char* measure : {"loose lines (word space over 1.5×)", "hyphens in a row",
                                "paragraphs ending in a split word", "nearly empty pages (under 25 %)",
                                "images", "body size", "fact sheets' body size",
                                "characters missing from the fonts"})
        CHECK(r.out.find(measure) != std::string::npos);
    CHECK(std::regex_search(r.out, std::regex("\npreflight: 3 documents, [0-9]+ thresholds? crossed\n$")));
    // deterministic: the documents come in the order the run names them, whatever the threads
    CHECK(t::run_lerbrief({"--data", "starter", "--preflight", "--output", (dir / "out" / "ler-briefing.pdf").string()}).out == r.out);
}

TEST_CASE("preflight: with --booklet, --stakeholder or --kit, the documents those select") {
    const auto booklet = t::run_lerbrief({"--data", "starter", "--preflight", "--booklet"});
    CHECK(booklet.status == 0);
    CHECK(booklet.out.find("preflight: 1 document,") != std::string::npos);
    CHECK(booklet.out.find(", fact sheet\n") == std::string::npos);
    const auto sheet = t::run_lerbrief({"--data", "starter", "--preflight", "--stakeholder", "colleges"});
    CHECK(sheet.status == 0);
    CHECK(sheet.out.find("colleges.pdf — 2 pages, fact sheet\n") != std::string::npos);
    CHECK(sheet.out.find("preflight: 1 document,") != std::string::npos);
    const auto kit = t::run_lerbrief({"--data", "starter", "--preflight", "--kit"});
    CHECK(kit.status == 0);
    CHECK(kit.out.find("worksheets.pdf — ") != std::string::npos);
    CHECK(kit.out.find("table-tents.pdf — ") != std::string::npos);
}

TEST_CASE("preflight: --strict exits 1 when a threshold is crossed, 0 without --strict") {
    t::TempDir dir;
    const fs::path big = layout_with_body(dir, 22);  // about 53 characters a line
    const std::vector<std::string> args = {"--data", "starter", "--booklet", "--layout", big.string(), "--preflight"};
    const auto plain = t::run_lerbrief(args);
    INFO(plain.err);
    CHECK(plain.status == 0);
    CHECK(std::regex_search(plain.out, std::regex("characters a line, body +median [0-5][0-9],.*median 60–80 +CROSSED")));
    auto strict_args = args;
    strict_args.push_back("--strict");
    const auto strict = t::run_lerbrief(strict_args);
    CHECK(strict.status == 1);
    CHECK(strict.out == plain.out);
    CHECK(strict.err.find("--strict: ") != std::string::npos);
    CHECK(strict.err.find("preflight threshold") != std::string::npos);
}

TEST_CASE("preflight: refused with what makes no documents, and with --watch or --open") {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"--preflight", "--list"}, {"--preflight", "--diagram", "d.svg"}, {"--preflight", "--watch"},
             {"--preflight", "--open"}}) {
        const auto r = t::run_lerbrief(args);
        INFO(args[1]);
        CHECK(r.status == 2);
        CHECK(r.err.find("--preflight") != std::string::npos);
        CHECK(r.out.empty());
    }
}

// The thresholds of #16, held on the content lerbrief ships and on the map
// website, in both layouts. They fail until the typography of #16 is in.
TEST_CASE("preflight: the bundled content passes --preflight --strict in Letter and A4", "[preflight-thresholds]") {
    for (const char* layout : {"letter", "a4"}) {
        INFO(layout);
        require_passes({"--preflight", "--strict", "--layout", layout});
    }
}

TEST_CASE("preflight: the website content crosses no threshold in Letter and A4", "[preflight-thresholds]") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    // Without --strict: the site's copy has three lint slips (a run-together
    // word, a shared URL, a resource without one) that --strict refuses and
    // data/corrections.yaml mends in the bundled copy; they are not typography.
    for (const char* layout : {"letter", "a4"}) {
        INFO(layout);
        const auto r = t::run_lerbrief({"--data", site.string(), "--preflight", "--layout", layout});
        INFO(r.out);
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(r.out.find("CROSSED") == std::string::npos);
        CHECK(r.out.find(", 0 thresholds crossed") != std::string::npos);
    }
}
