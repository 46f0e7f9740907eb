// Every historical shape of the map website's data (tests/fixtures/
// website-history/) builds, and --check agrees: exit 0, and what the site
// printed is in the PDF.
#include <catch2/catch.hpp>

#include "support/support.h"

namespace t = lerbrief::test;

namespace {
std::string pdf_text(const std::filesystem::path& pdf) {
    return t::run_program({"pdftotext", pdf.string(), "-"}).out;
}
}  // namespace

TEST_CASE("website history: every older shape of the site's data checks and builds") {
    for (const char* name : {"short-ids", "renamed-areas", "quotes-list", "flat-resources"}) {
        INFO(name);
        const std::string site = (t::fixtures_dir() / "website-history" / name).string();
        t::TempDir dir;
        auto check = t::run_lerbrief({"--check", "--data", site});
        INFO(check.err);
        CHECK(check.status == 0);
        auto build = t::run_lerbrief({"--all", "--data", site, "--output", (dir / "b.pdf").string()});
        INFO(build.err);
        REQUIRE(build.status == 0);
        const std::string text = pdf_text(dir / "b.pdf");
        if (std::string(name) == "short-ids") {
            // the action areas of that time, under the groups that named them
            CHECK(text.find("Shifting to a Skills-Based System") != std::string::npos);
            CHECK(build.err.find("icon URLs are never fetched") != std::string::npos);
        } else if (std::string(name) == "renamed-areas") {
            CHECK(build.err.find("action area 'shifting' is read as 'supporting'") != std::string::npos);
            CHECK(text.find("Support Degree and Skills Based Systems") != std::string::npos);
        } else if (std::string(name) == "quotes-list") {
            // quotes: [{text, description}] and quote: "…" print as quotes
            CHECK(text.find("\u201CLearner Employment Records (LERs) often focus") != std::string::npos);
            CHECK(text.find("Dr. Krystal Rawls") != std::string::npos);
            CHECK(text.find("\u201CLERs are so important to students") != std::string::npos);
            CHECK(text.find("Improved Quality of Life for Individuals") !=
                  std::string::npos);  // "social case"
        } else {
            // a flat resources list: its entries, their descriptions
            CHECK(text.find("Tear the Paper Ceiling") != std::string::npos);
            CHECK(text.find("A campaign for skills-based hiring") != std::string::npos);
        }
    }
}

TEST_CASE("website: the newest copy of the map builds, its quotes not doubled, its quotes typographic") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir dir;
    auto build = t::run_lerbrief({"--stakeholder", "ler-technology-providers", "--data", site.string(), "--output",
                                  (dir / "tp.pdf").string()});
    INFO(build.err);
    REQUIRE(build.status == 0);
    const std::string text = pdf_text(dir / "tp.pdf");
    // the data wraps this quote in “…”: printed once, as the sheet sets it
    CHECK(text.find("\u201CWe [Participate]") != std::string::npos);
    CHECK(text.find("\u201C\u201C") == std::string::npos);
    CHECK(text.find("\u201D\u201D") == std::string::npos);
    CHECK(text.find("\u2018Aha\u2019") != std::string::npos);
}
