// lerbrief --import SITE_DIR --data DIR, run as a user runs it: the website
// copy converted into our schema builds the same briefing as the copy
// itself, hand-written files and fields are kept, corrections are applied
// and listed, and a second run changes nothing.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <set>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The text of every PDF `--all` writes for `data`, file by file.
std::string built_text(const std::string& data, const fs::path& work) {
    auto r = t::run_lerbrief({"--all", "--data", data}, work);
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::vector<fs::path> pdfs;
    for (auto it = fs::recursive_directory_iterator(work / "output"); it != fs::recursive_directory_iterator(); ++it)
        if (it->path().extension() == ".pdf") pdfs.push_back(it->path());
    std::sort(pdfs.begin(), pdfs.end());
    std::string text;
    for (const auto& p : pdfs)
        text += "== " + fs::relative(p, work).string() + "\n" + t::run_program({"pdftotext", p.string(), "-"}).out;
    return text;
}

// What each warning says, without where: "warning: " to the end of its line.
std::set<std::string> warning_texts(const std::string& err) {
    std::set<std::string> out;
    for (std::size_t at = err.find("warning: "); at != std::string::npos; at = err.find("warning: ", at + 1))
        out.insert(err.substr(at, err.find('\n', at) - at));
    return out;
}

// The website copy's own slips, which lint finds there (its SOURCE.md lists
// them) and the import reports as it reads the copy.
constexpr int kSiteSlips = 3;

t::RunResult import(const fs::path& site, const fs::path& dir) {
    return t::run_lerbrief({"--import", site.string(), "--data", dir.string()});
}

}  // namespace

TEST_CASE("import: the website copy imported builds the same text as the copy itself") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir tmp;
    auto r = import(site, tmp / "content");
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    // the copy's slips are reported as it is read; what was written loads
    // back with no warning of its own
    CHECK(!has(r.err, "error:"));
    CHECK(!has(r.err, (tmp / "content").string()));
    CHECK(has(r.err, "'LERsImplement' looks like two words run together"));
    CHECK(has(r.out, "new        stakeholders/employers.yaml\n"));
    CHECK(has(r.out, "new        icons/employers.svg\n"));
    CHECK(has(r.out, "new        intro.yaml\n"));
    CHECK(has(r.out, fmt::format("; {} warnings\n", kSiteSlips)));
    fs::create_directories(tmp / "from-site");
    fs::create_directories(tmp / "from-import");
    const std::string direct = built_text(site.string(), tmp / "from-site");
    const std::string imported = built_text((tmp / "content").string(), tmp / "from-import");
    CHECK(has(direct, "== output/ler-briefing.pdf"));
    CHECK(has(direct, "== output/factsheets/employers.pdf"));
    CHECK(direct == imported);
}

TEST_CASE("import: hand-written files and fields are kept, a second run changes nothing") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir tmp;
    const fs::path dir = tmp / "content";
    REQUIRE(import(site, dir).status == 0);
    // Hand-written: an area's lead and bullets, a group's short-name, intro.yaml.
    std::string areas = t::read_file(dir / "action-areas.yaml");
    const std::string id_line = "  - id: building\n";
    REQUIRE(has(areas, id_line));
    areas.insert(areas.find(id_line) + id_line.size(), "    lead: Our own lead sentence.\n    bullets:\n      - Our own bullet.\n");
    t::write_file(dir / "action-areas.yaml", areas);
    std::string funders = t::read_file(dir / "stakeholders/funders.yaml");
    funders.insert(funders.find("name: Funders\n") + 14, "short-name: Funds\n");
    t::write_file(dir / "stakeholders/funders.yaml", funders);
    const std::string intro = t::read_file(dir / "intro.yaml") + "# our own note\n";
    t::write_file(dir / "intro.yaml", intro);

    auto r = import(site, dir);
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "unchanged  stakeholders/funders.yaml\n"));
    CHECK(has(r.out, "kept       intro.yaml (hand-written)\n"));
    CHECK(has(r.out, "kept       document.yaml (hand-written)\n"));
    CHECK(has(t::read_file(dir / "action-areas.yaml"), "lead: Our own lead sentence.\n"));
    CHECK(has(t::read_file(dir / "action-areas.yaml"), "      - Our own bullet.\n"));
    CHECK(has(t::read_file(dir / "stakeholders/funders.yaml"), "short-name: Funds\n"));
    CHECK(t::read_file(dir / "intro.yaml") == intro);
    // The import writes the area's fields in its own order; then nothing changes.
    CHECK(has(r.out, "changed    action-areas.yaml\n"));
    auto again = import(site, dir);
    INFO(again.out << again.err);
    CHECK(again.status == 0);
    CHECK(!has("\n" + again.out, "\nnew "));
    CHECK(!has("\n" + again.out, "\nchanged "));
    CHECK(has(again.out, "unchanged  action-areas.yaml\n"));
    CHECK(has(again.out, fmt::format(": 0 new, 0 changed, 25 unchanged, 3 kept, 0 left; 0 corrections applied; {} warnings\n", kSiteSlips)));
}

TEST_CASE("import: corrections are applied and listed in SOURCE.md, a stale one warns") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir tmp;
    const fs::path dir = tmp / "content";
    fs::create_directories(dir);
    t::write_file(dir / "corrections.yaml",
                  "source:\n  name: LER Ecosystem Map\n  repository: https://github.com/digitalcredentials/ler-ecosystem-map-v2\n"
                  "  commit: 5b775e9\n  date: 2025-03-18\n  license: content CC BY 4.0, repository CC0 1.0\n"
                  "corrections:\n"
                  "  - file: stakeholders/employers.yaml\n    find: pays for work\n    replace: pays for work done\n"
                  "    why: a test of the corrections\n"
                  "  - file: glossary.yaml\n    find: words the site never had\n    replace: anything\n"
                  "    why: a stale one\n");
    auto r = import(site, dir);
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    CHECK(has(t::read_file(dir / "stakeholders/employers.yaml"), "pays for work done."));
    CHECK(has(r.err, "corrections.yaml:12:5: warning: correction no longer matches: 'words the site never had' is not in "
                     "glossary.yaml: fixed upstream?\n"));
    CHECK(has(r.out, fmt::format("1 correction applied; {} warnings\n", kSiteSlips + 1)));
    const std::string source = t::read_file(dir / "SOURCE.md");
    CHECK(has(source, "| `stakeholders/employers.yaml` | pays for work | pays for work done | a test of the corrections | applied |"));
    CHECK(has(source, "| `glossary.yaml` | words the site never had | anything | a stale one | no longer matches |"));
    CHECK(has(source, "at commit 5b775e9 (2025-03-18)"));
    CHECK(has(source, "content CC BY 4.0, repository CC0 1.0"));
}

TEST_CASE("import: a group the website no longer has keeps its file, and the run says so") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir tmp;
    const fs::path dir = tmp / "content";
    REQUIRE(import(site, dir).status == 0);
    t::write_file(dir / "stakeholders/retired-group.yaml", "id: retired-group\nname: Retired Group\n");
    auto r = import(site, dir);
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(fs::exists(dir / "stakeholders/retired-group.yaml"));
    CHECK(has(r.out, "left       stakeholders/retired-group.yaml (not in the website)\n"));
    CHECK(has(r.err, "retired-group.yaml: warning: the website has no group 'retired-group' any more; its file is left in place\n"));
}

TEST_CASE("import: the command line") {
    t::TempDir tmp;
    auto no_data = t::run_lerbrief({"--import", (tmp / "site").string()});
    CHECK(no_data.status == 2);
    CHECK(has(no_data.err, "lerbrief: error: --import needs --data DIR, the folder to write the imported content into\n"));
    auto bundled = t::run_lerbrief({"--import", (tmp / "site").string(), "--data", "bundled"}, tmp.path());
    CHECK(bundled.status == 2);
    CHECK(has(bundled.err, "--import does not write into the bundled content"));
    // Not a website copy: as --data says it, exit 1.
    auto missing = t::run_lerbrief({"--import", (tmp / "nowhere").string(), "--data", (tmp / "out").string()});
    CHECK(missing.status == 1);
    CHECK(has(missing.err, "no such directory"));
    CHECK(!fs::exists(tmp / "out"));
    auto ours = t::run_lerbrief({"--import", (t::source_dir() / "data").string(), "--data", (tmp / "out").string()});
    CHECK(ours.status == 1);
    CHECK(has(ours.err, "not a copy of the LER Ecosystem Map website"));
    CHECK(!fs::exists(tmp / "out"));
}

TEST_CASE("import: every older shape of the site's data imports and builds the same booklet text") {
    for (const char* name : {"short-ids", "renamed-areas", "quotes-list", "flat-resources"}) {
        INFO(name);
        const fs::path site = t::fixtures_dir() / "website-history" / name;
        t::TempDir tmp;
        auto r = import(site, tmp / "content");
        INFO(r.out << r.err);
        REQUIRE(r.status == 0);
        auto direct = t::run_lerbrief({"--booklet", "--data", site.string(), "--output", (tmp / "a.pdf").string()});
        auto imported = t::run_lerbrief({"--booklet", "--data", (tmp / "content").string(), "--output",
                                         (tmp / "b.pdf").string()});
        INFO(imported.err);
        REQUIRE(direct.status == 0);
        REQUIRE(imported.status == 0);
        // what the site's shapes warned about is settled in our schema: only
        // the content's own findings (lint) are left, as the site has them
        for (const auto& w : warning_texts(imported.err)) {
            INFO(w);
            CHECK(warning_texts(direct.err).count(w) == 1);
        }
        CHECK(t::run_program({"pdftotext", (tmp / "a.pdf").string(), "-"}).out ==
              t::run_program({"pdftotext", (tmp / "b.pdf").string(), "-"}).out);
    }
}

TEST_CASE("import: a quote whose own text is in quotation marks prints the same from the copy and imported") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir tmp;
    t::copy_tree(site, tmp / "site");
    const fs::path list = tmp / "site/_data/stakeholders-list.yml";
    std::string yml = t::read_file(list);
    const auto at = yml.find("    quote-text: ");
    REQUIRE(at != std::string::npos);
    yml.replace(at, yml.find('\n', at) - at, "    quote-text: '\"\u201CLERs matter.\u201D\"'");
    t::write_file(list, yml);
    REQUIRE(import(tmp / "site", tmp / "content").status == 0);
    auto sheet = [&](const fs::path& data, const std::string& out) {
        auto r = t::run_lerbrief({"--stakeholder", "career-navigators", "--data", data.string(), "--output",
                                  (tmp / out).string()});
        REQUIRE(r.status == 0);
        return t::run_program({"pdftotext", (tmp / out).string(), "-"}).out;
    };
    const std::string direct = sheet(tmp / "site", "a.pdf"), imported = sheet(tmp / "content", "b.pdf");
    CHECK(has(direct, "LERs matter."));
    CHECK(direct == imported);
}

TEST_CASE("import: a correction that breaks a file's YAML writes nothing") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir tmp;
    const fs::path dir = tmp / "content";
    REQUIRE(import(site, dir).status == 0);
    const std::string before = t::read_file(dir / "stakeholders/employers.yaml");
    t::write_file(dir / "corrections.yaml",
                  "source:\n  name: LER Ecosystem Map\n"
                  "corrections:\n"
                  "  - file: stakeholders/employers.yaml\n    find: \"id: employers\\n\"\n"
                  "    replace: \"id: employers\\nid: employers\\n\"\n    why: a duplicate key\n");
    auto r = import(site, dir);
    INFO(r.out << r.err);
    CHECK(r.status == 1);
    CHECK(has(r.err, "nothing written"));
    CHECK(t::read_file(dir / "stakeholders/employers.yaml") == before);
}
