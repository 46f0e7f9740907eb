// What a print shop and a reader check on the files we write: fonts embedded
// and subset with Unicode maps, text that extracts with no warning and
// contains every sentence of the content, a valid file structure, bookmarks,
// metadata, QR codes that decode to the group's URL, vector diagrams.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <sstream>

#include <regex>

#include "load/load.h"
#include "model/markup.h"
#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

// Whitespace folded, soft hyphens at line ends undone: the text a reader
// would search for.
std::string normalise(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '-' && i + 1 < s.size() && s[i + 1] == '\n') {  // "hyphen-\nated" → "hyphenated"
            ++i;
            continue;
        }
        if (c == '\n' || c == '\t' || c == '\f' || c == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += c;
    }
    return out;
}

struct Built {
    t::TempDir dir;
    t::RunResult run;
    fs::path booklet() const { return dir / "out/ler-briefing.pdf"; }
};

const Built& bundled() {
    static Built b;
    static bool done = false;
    if (!done) {
        b.run = t::run_lerbrief({"--all", "--output", (b.dir / "out/ler-briefing.pdf").string(), "--event", "Convening"});
        done = true;
    }
    return b;
}

}  // namespace

TEST_CASE("pdf: fonts are embedded, subset and mapped to Unicode") {
    const Built& b = bundled();
    REQUIRE(b.run.status == 0);
    auto r = t::run_program({"pdffonts", b.booklet().string()});
    REQUIRE(r.status == 0);
    int fonts = 0;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find("TrueType") == std::string::npos) continue;
        ++fonts;
        INFO(line);
        CHECK(std::regex_search(line, std::regex(R"(yes\s+yes\s+yes)")));
    }
    CHECK(fonts >= 4);
}

TEST_CASE("pdf: qpdf accepts the files and poppler extracts the text without a warning") {
    const Built& b = bundled();
    REQUIRE(b.run.status == 0);
    std::vector<fs::path> files{b.booklet()};
    for (const auto& e : fs::directory_iterator(b.dir / "out/factsheets")) files.push_back(e.path());
    for (const auto& f : files) {
        INFO(f);
        auto q = t::run_program({"qpdf", "--check", f.string()});
        CHECK(q.status == 0);
        auto txt = t::run_program({"pdftotext", f.string(), "-"});
        CHECK(txt.status == 0);
        CHECK(txt.err.empty());
    }
}

TEST_CASE("pdf: every sentence of the bundled content is in the booklet's text") {
    const Built& b = bundled();
    REQUIRE(b.run.status == 0);
    // Hyphens and spaces are dropped on both sides: a line may break at a
    // hyphenation point (an added hyphen) or after an explicit one.
    auto squash = [](const std::string& s) {
        std::string out;
        for (char c : normalise(s))
            if (c != '-' && c != ' ') out += c;
        return out;
    };
    // In drawing order (-raw): the order the booklet is read in, column by
    // column; poppler's own reading order may put the foot of a fact
    // sheet's first column after the second when both end high on the page.
    const std::string text = squash(t::run_program({"pdftotext", "-raw", b.booklet().string(), "-"}).out);
    lerbrief::Diagnostics d;
    lerbrief::Content c = lerbrief::load::load_content((t::source_dir() / "data").string(), d);
    std::vector<const lerbrief::Text*> texts{&c.intro.lers_intro, &c.intro.ecosystem, &c.intro.action_areas_intro};
    for (const auto& x : c.intro.imagine) texts.push_back(&x);
    for (const auto& x : c.intro.lers_are) texts.push_back(&x.text);
    for (const auto& a : c.action_areas) {
        texts.push_back(&a.summary);
        for (const auto& x : a.bullets) texts.push_back(&x);
    }
    for (const auto& s : c.stakeholders) {
        texts.push_back(&s.definition);
        texts.push_back(&s.examples);
        if (s.quote) texts.push_back(&s.quote->text);
        for (const auto* cases : {&s.business_case, &s.social_case})
            for (const auto& x : *cases) texts.push_back(&x.description);
    }
    int sentences = 0;
    for (const auto* tx : texts) {
        const std::string plain = lerbrief::plain_text(tx->value);
        // sentences: split after ". " (a full stop and a space)
        std::size_t from = 0;
        while (from < plain.size()) {
            std::size_t end = plain.find(". ", from);
            std::string s = plain.substr(from, end == std::string::npos ? std::string::npos : end - from);
            from = end == std::string::npos ? plain.size() : end + 2;
            if (std::count(s.begin(), s.end(), ' ') < 5) continue;
            INFO(tx->pos.file << ":" << tx->pos.line << ": " << s);
            CHECK(text.find(squash(s)) != std::string::npos);
            ++sentences;
        }
    }
    CHECK(sentences >= 40);
}

TEST_CASE("pdf: metadata, bookmarks and page labels are set") {
    const Built& b = bundled();
    REQUIRE(b.run.status == 0);
    auto info = t::run_program({"pdfinfo", b.booklet().string()});
    CHECK(info.out.find("Title:           LER Ecosystem Briefing") != std::string::npos);
    CHECK(info.out.find("Author:          LER Ecosystem Map") != std::string::npos);
    CHECK(info.out.find("Subject:") != std::string::npos);
    CHECK(info.out.find("Keywords:") != std::string::npos);
    CHECK(info.out.find("Creator:         lerbrief 0.1.0") != std::string::npos);
    auto outline = t::run_program({"mutool", "show", b.booklet().string(), "outline"});
    CHECK(outline.out.find("Contents") != std::string::npos);
    CHECK(outline.out.find("Fact sheets") != std::string::npos);
    CHECK(outline.out.find("Colophon") != std::string::npos);
    auto pages = t::run_program({"mutool", "show", b.booklet().string(), "trailer/Root/PageLabels"});
    CHECK(pages.out.find("/S /r") != std::string::npos);
    CHECK(pages.out.find("/S /D") != std::string::npos);
}

TEST_CASE("pdf: the diagram is vector, its labels are text") {
    const Built& b = bundled();
    REQUIRE(b.run.status == 0);
    // the diagram itself is never a picture, nor are the icons but the two
    // with a mask (200 px squares with their masks): eight are vector art,
    // each a form drawn once and placed by reference
    auto imgs = t::run_program({"pdfimages", "-list", "-f", "1", "-l", "1", b.booklet().string()});
    std::istringstream rows(imgs.out);
    std::string row;
    int images = 0, masks = 0;
    for (int n = 0; std::getline(rows, row); ++n) {
        if (n < 2) continue;  // the header
        std::istringstream f(row);
        std::string page, num, type;
        int width = 0, height = 0;
        f >> page >> num >> type >> width >> height;
        (type == "smask" ? masks : images) += 1;
        CHECK(width <= 400);
        CHECK(height <= 400);
    }
    CHECK(images == 2);
    CHECK(masks == 2);
    int forms = 0;
    for (int x = 1; x <= 12; ++x) {
        auto o = t::run_program({"mutool", "show", b.booklet().string(), fmt::format("pages/1/Resources/XObject/X{}", x)});
        if (o.out.find("/Subtype /Form") != std::string::npos) ++forms;
    }
    CHECK(forms == 8);
    auto cover = t::run_program({"pdftotext", "-f", "1", "-l", "1", b.booklet().string(), "-"});
    for (const char* label : {"Developing", "Issuing", "Using", "Adopting", "Employers", "Funders"})
        CHECK(cover.out.find(label) != std::string::npos);
}

TEST_CASE("pdf: every fact sheet's QR code decodes to the group's page on the online map") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir dir;
    auto r = t::run_lerbrief({"--all", "--data", site.string(), "--output", (dir / "ler-briefing.pdf").string()});
    REQUIRE(r.status == 0);
    int decoded = 0;
    for (const auto& e : fs::directory_iterator(dir / "factsheets")) {
        const std::string id = e.path().stem().string();
        auto png = t::run_program({"pdftoppm", "-r", "200", "-f", "2", "-l", "2", "-png", "-singlefile",
                                   e.path().string(), (dir / id).string()});
        REQUIRE(png.status == 0);
        auto z = t::run_program({"zbarimg", "--quiet", "--raw", (dir / (id + ".png")).string()});
        INFO(id << ": " << z.err);
        CHECK(z.out == "https://lermap.t3networkhub.org/stakeholder/" + id + "\n");
        auto info = t::run_program({"pdfinfo", e.path().string()});
        CHECK(info.out.find("Pages:           2\n") != std::string::npos);
        ++decoded;
    }
    CHECK(decoded == 10);
    // every group's definition is in its sheet and in the booklet
    const std::string booklet = normalise(t::run_program({"pdftotext", (dir / "ler-briefing.pdf").string(), "-"}).out);
    CHECK(booklet.find("An individual, company or organization that pays for work.") != std::string::npos);
    CHECK(booklet.find("Those who aim to financially support activities and initiatives pertaining to LERs") != std::string::npos);
}
