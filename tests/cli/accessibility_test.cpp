// Accessible PDF (#17): every file lerbrief writes for reading is tagged
// PDF/UA-1, as tests/support/pdfua_check.py (the Matterhorn Protocol's
// machine-checkable conditions) and Poppler's pdfinfo see it; the imposed
// printer spreads are not. First the checker itself, on hand-made PDFs
// (tests/support/pdfua/make_fixtures.py): a good tagged page passes and each
// page with one fault fails naming that fault's rule. Then lerbrief's files:
// the bundled content with the kit, the website content, the grayscale and
// bleed editions and A4.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <sstream>

#include "load/collate.h"
#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPython = "/usr/bin/python3";

fs::path checker() { return t::source_dir() / "tests" / "support" / "pdfua_check.py"; }

t::RunResult check_pdf(const fs::path& pdf, const std::string& lang = "en-US") {
    return t::run_program({kPython, checker().string(), pdf.string(), "--expect-lang", lang});
}

// The PDFs under `dir` a reader gets: all but the imposed printer spreads.
std::vector<fs::path> reading_pdfs(const fs::path& dir) {
    std::vector<fs::path> pdfs;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const auto name = e.path().filename().string();
        if (e.is_regular_file() && e.path().extension() == ".pdf" && name.find("-imposed") == std::string::npos)
            pdfs.push_back(e.path());
    }
    std::sort(pdfs.begin(), pdfs.end());
    return pdfs;
}

std::string pdfinfo(const std::vector<std::string>& args) {
    std::vector<std::string> argv{"pdfinfo"};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = t::run_program(argv);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return r.out;
}

// Every reading PDF under `dir` passes the checker and pdfinfo calls it tagged.
// Returns how many were checked.
std::size_t require_accessible(const fs::path& dir, const std::string& lang = "en-US") {
    const auto pdfs = reading_pdfs(dir);
    for (const auto& pdf : pdfs) {
        INFO(pdf.string());
        const auto r = check_pdf(pdf, lang);
        INFO(r.out);
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(r.out.rfind("ok: ", 0) == 0);
        CHECK(std::regex_search(pdfinfo({pdf.string()}), std::regex("\nTagged: +yes\n")));
    }
    return pdfs.size();
}

std::string collapse_space(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// The glossary in English alphabetical order (the booklet's): each term,
// then its definition's first four words (enough to find it, and short of a
// hyphenated line end).
std::vector<std::string> glossary_sequence(const fs::path& file) {
    std::istringstream in(t::read_file(file));
    std::vector<std::pair<std::string, std::string>> entries;  // term, opening
    std::vector<std::string> out;
    std::string line;
    const std::string term = "  - term: ", key = "    definition: ";
    while (std::getline(in, line)) {
        if (line.rfind(term, 0) == 0) {
            entries.push_back({collapse_space(line.substr(term.size())), {}});
            continue;
        }
        if (line.rfind(key, 0) != 0) continue;
        std::string value = line.substr(key.size());
        if (!value.empty() && value[0] == '|')  // a block: its first line
            while (std::getline(in, value) && collapse_space(value).empty()) {}
        value = collapse_space(value);
        if (!value.empty() && (value[0] == '"' || value[0] == '\'')) value = value.substr(1);
        std::istringstream words(value);
        std::string w, opening;
        for (int i = 0; i < 4 && words >> w; ++i) opening += (i ? " " : "") + w;
        if (!entries.empty()) entries.back().second = opening;
    }
    const lerbrief::load::Collator english("en");
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const auto& a, const auto& b) { return english.less(a.first, b.first); });
    for (auto& [term_text, opening] : entries) out.push_back(term_text), out.push_back(opening);
    return out;
}

// Each one-line glossary definition's last four words: after any line end
// a hyphen split a word at, so a reader that lost the text after a hyphen
// (a marked-content span nested wrongly) misses them.
std::vector<std::string> glossary_endings(const fs::path& file) {
    std::istringstream in(t::read_file(file));
    std::vector<std::string> out;
    std::string line;
    const std::string key = "    definition: ";
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) != 0) continue;
        std::string value = collapse_space(line.substr(key.size()));
        if (value.empty() || value[0] == '|' || value[0] == '>' || value[0] == '"' || value[0] == '\'') continue;
        std::istringstream words(value);
        std::vector<std::string> all;
        for (std::string w; words >> w;) all.push_back(w);
        std::string ending;
        for (std::size_t i = all.size() > 4 ? all.size() - 4 : 0; i < all.size(); ++i) ending += all[i];
        out.push_back(ending);
    }
    return out;
}

// The letters of every string pdfinfo -struct-text quotes, run together:
// no spaces, quotes or hyphens, so a word a line end split reads whole.
std::string struct_letters(const std::string& text) {
    std::string out;
    bool in_quote = false;
    for (char c : text) {
        if (c == '"') {
            in_quote = !in_quote;
            continue;
        }
        if (in_quote && c != ' ' && c != '-' && c != '\n') out += c;
    }
    return out;
}

std::vector<std::string> event_args(const t::TempDir& dir) {
    t::write_file(dir / "event.yaml",
                  "title: Regional LER Convening\ndate: 1 December 2026\nplace: Denver, CO\nagenda:\n"
                  "  - time: \"9:00\"\n    title: Welcome\n    room: Room 101\n"
                  "  - time: \"9:30\"\n    title: The four phases\n    room: Room 102\n"
                  "attendees:\n"
                  "  - name: Ada Example\n    organization: Front Range Learners\n    group: learners-earners\n"
                  "  - name: Ben Example\n    organization: Denver Works\n    group: employers\n");
    return {"--event-file", (dir / "event.yaml").string()};
}

}  // namespace

TEST_CASE("accessibility checker: a good tagged page passes, and each page with one fault fails naming its rule") {
    t::TempDir dir;
    const auto made =
        t::run_program({kPython, (t::source_dir() / "tests/support/pdfua/make_fixtures.py").string(), dir.path().string()});
    INFO(made.err);
    REQUIRE(made.status == 0);

    const auto good = check_pdf(dir / "good.pdf");
    INFO(good.out);
    CHECK(good.status == 0);
    CHECK(good.out == "ok: 1 pages, 16 elements\n");
    CHECK(check_pdf(dir / "good.pdf", "de-DE").out == "document: 11-001: /Lang is en-US, expected de-DE\n");

    std::size_t faults = 0;
    for (const auto& e : fs::directory_iterator(dir.path())) {
        const auto name = e.path().filename().string();
        if (name == "good.pdf") continue;
        std::smatch m;  // "28-011b-link-parent-tree-not-link.pdf": rule 28-011
        REQUIRE(std::regex_search(name, m, std::regex("^([0-9A-Z]{2}-[0-9]{2,3})b?-")));
        const std::string rule = m[1];
        const auto r = check_pdf(e.path());
        INFO(name);
        INFO(r.out);
        CHECK(r.status == 1);
        CHECK_FALSE(r.out.empty());
        // every line names the rule, and only that rule: the fault is found and nothing else is reported
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);)
            CHECK(line.find(": " + rule + ": ") != std::string::npos);
        ++faults;
    }
    CHECK(faults >= 19);
}

TEST_CASE("accessibility checker: a file that is not a PDF is exit 2, not a pass") {
    t::TempDir dir;
    t::write_file(dir / "x.pdf", "not a pdf\n");
    const auto r = check_pdf(dir / "x.pdf");
    CHECK(r.status == 2);
    CHECK(r.err.find("cannot read") != std::string::npos);
}

TEST_CASE("accessibility: the imposed printer spreads are untagged, and the checker says so") {
    t::TempDir dir;
    const auto run = t::run_lerbrief({"--booklet", "--imposition", "booklet", "--output", (dir / "b.pdf").string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
    const fs::path spreads = dir / "b-imposed.pdf";
    REQUIRE(fs::exists(spreads));
    CHECK(std::regex_search(pdfinfo({spreads.string()}), std::regex("\nTagged: +no\n")));
    const auto r = check_pdf(spreads);
    INFO(r.out);
    CHECK(r.status == 1);
    CHECK(r.out.find("page 1: 01-005: ") != std::string::npos);
    CHECK(r.out.find("document: ST-00: no StructTreeRoot in the catalog\n") != std::string::npos);
}

TEST_CASE("accessibility: every file of the bundled content's kit is tagged PDF/UA-1, the glossary read in order",
          "[accessibility]") {
    t::TempDir dir;
    auto args = event_args(dir);
    args.insert(args.end(), {"--kit", "--imposition", "booklet", "--output", (dir / "out" / "b.pdf").string()});
    const auto run = t::run_lerbrief(args);
    INFO(run.err);
    REQUIRE(run.status == 0);
    // the booklet, a fact sheet a group, the agenda, badges, worksheets, table tents
    CHECK(require_accessible(dir / "out") >= 6);
    CHECK(fs::exists(dir / "out" / "b-imposed.pdf"));  // left out: for the print shop

    // Poppler reads the glossary out of the structure tree in the glossary's order: each
    // definition after its term, before the next term
    const std::string text = collapse_space(pdfinfo({"-struct-text", (dir / "out" / "b.pdf").string()}));
    const auto sequence = glossary_sequence(t::source_dir() / "data" / "glossary.yaml");
    REQUIRE(sequence.size() >= 20);
    const auto no_space = [](std::string s) {
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        return s;
    };
    const std::string letters = no_space(text);
    std::size_t at = 0;
    for (const auto& o : sequence) {
        INFO(o);
        const auto found = letters.find(no_space(o), at);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
    }
    // and every definition to its end, past the words a line end hyphenated
    {
        const std::string raw = pdfinfo({"-struct-text", (dir / "out" / "b.pdf").string()});
        const std::string all = struct_letters(raw);
        const auto endings = glossary_endings(t::source_dir() / "data" / "glossary.yaml");
        REQUIRE(endings.size() >= 20);
        for (const auto& e : endings) {
            std::string letters;
            for (char c : e)
                if (c != '-') letters += c;
            INFO(letters);
            CHECK(all.find(letters) != std::string::npos);
        }
    }
    // and with its words apart: text drawn word by word reads as one run-on word unless the
    // spaces are in the content (or in ActualText)
    for (const auto& o : sequence) {
        INFO(o);
        CHECK(text.find(o) != std::string::npos);
    }
}

TEST_CASE("accessibility: the website content's files are tagged PDF/UA-1", "[accessibility]") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir dir;
    const auto run = t::run_lerbrief({"--all", "--data", site.string(), "--output", (dir / "b.pdf").string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(require_accessible(dir.path()) >= 2);
}

TEST_CASE("accessibility: the grayscale edition is tagged PDF/UA-1", "[accessibility]") {
    t::TempDir dir;
    std::vector<std::string> args{"--all", "--grayscale", "--output", (dir / "b.pdf").string()};
    if (const auto site = t::website_dir(); !site.empty()) args.insert(args.end(), {"--data", site.string()});  // icons
    else WARN("../shared absent: the grayscale edition is checked on the bundled content, without icons");
    const auto run = t::run_lerbrief(args);
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(require_accessible(dir.path()) >= 2);
}

TEST_CASE("accessibility: the bleed edition (bleed, crop marks) is tagged PDF/UA-1, its marks artifacts",
          "[accessibility]") {
    t::TempDir dir;
    const auto run = t::run_lerbrief({"--all", "--bleed", "3mm", "--output", (dir / "b.pdf").string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(require_accessible(dir.path()) >= 2);
}

TEST_CASE("accessibility: the A4 layout's files are tagged PDF/UA-1", "[accessibility]") {
    t::TempDir dir;
    const auto run = t::run_lerbrief({"--all", "--layout", "a4", "--output", (dir / "b.pdf").string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(require_accessible(dir.path()) >= 2);
}
