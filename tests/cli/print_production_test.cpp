// Print production as a print shop receives it: the imposed booklet in
// saddle-stitch order (checked on the text of each half-sheet and by folding
// the rendered sheets back into the reader's pages), MediaBox/TrimBox/
// BleedBox read back with qpdf, a grayscale edition without one RGB colour
// operator, and the manifest.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <regex>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

// The bundled content cut down to nine pages (no fact sheets, three action
// areas, no LERs explained, glossary or resources): an odd count that the
// booklet must pad to twelve with notes pages.
fs::path nine_page_content(const t::TempDir& dir) {
    const fs::path d = dir / "nine";
    t::copy_tree(t::source_dir() / "data", d);
    std::string areas = t::read_file(d / "action-areas.yaml");
    areas = areas.substr(0, areas.find("  - id: gathering"));  // two areas: nine pages at the booklet's measure
    t::write_file(d / "action-areas.yaml", areas);
    for (const auto& e : fs::directory_iterator(d / "stakeholders")) {  // every group by name only
        std::string text = t::read_file(e.path()), keep;
        for (const char* key : {"id: ", "name: "}) {
            auto at = text.find(std::string("\n") + key);
            keep += text.substr(at + 1, text.find('\n', at + 1) - at) ;
        }
        t::write_file(e.path(), keep);
    }
    for (const char* f : {"lers-explained.yaml", "glossary.yaml", "resources.yaml"}) fs::remove(d / f);
    return d;
}

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}

// pdftotext of page `page` (1-based), or of the part x..x+w of it.
std::string text_of(const fs::path& pdf, int page, int x = -1, int w = 0, int h = 0) {
    std::vector<std::string> argv{"pdftotext", "-f", std::to_string(page), "-l", std::to_string(page)};
    if (x >= 0) argv.insert(argv.end(), {"-x", std::to_string(x), "-y", "0", "-W", std::to_string(w), "-H", std::to_string(h)});
    argv.insert(argv.end(), {pdf.string(), "-"});
    auto r = t::run_program(argv);
    REQUIRE(r.status == 0);
    return squeeze(r.out);
}

struct Gray {
    int w = 0, h = 0;
    std::vector<unsigned char> px;
    int at(int x, int y) const { return px[static_cast<std::size_t>(y) * w + x]; }
};

// Page `page` rendered gray at `dpi` by pdftoppm (a binary PGM).
Gray render(const fs::path& pdf, int page, int dpi, const t::TempDir& dir) {
    const fs::path stem = dir / ("r" + std::to_string(std::rand()));
    auto r = t::run_program({"pdftoppm", "-gray", "-r", std::to_string(dpi), "-f", std::to_string(page), "-l",
                             std::to_string(page), "-singlefile", pdf.string(), stem.string()});
    REQUIRE(r.status == 0);
    std::ifstream in(stem.string() + ".pgm", std::ios::binary);
    std::string magic;
    int maxval = 0;
    Gray g;
    in >> magic >> g.w >> g.h >> maxval;
    in.get();
    REQUIRE(magic == "P5");
    g.px.resize(static_cast<std::size_t>(g.w) * g.h);
    in.read(reinterpret_cast<char*>(g.px.data()), static_cast<std::streamsize>(g.px.size()));
    return g;
}

// The numbers of every `"/Name": [a, b, c, d]` in qpdf's JSON, in order.
std::vector<std::vector<double>> boxes(const std::string& json, const std::string& name) {
    std::vector<std::vector<double>> out;
    const std::string key = "\"/" + name + "\": [";
    for (auto p = json.find(key); p != std::string::npos; p = json.find(key, p + 1)) {
        const char* c = json.c_str() + p + key.size();
        std::vector<double> v;
        for (int k = 0; k < 4; ++k) {
            while (*c && !(std::isdigit(static_cast<unsigned char>(*c)) || *c == '-')) ++c;
            char* end = nullptr;
            v.push_back(std::strtod(c, &end));
            c = end;
        }
        out.push_back(v);
    }
    return out;
}

}  // namespace

TEST_CASE("print: an odd page count is padded with notes pages, and the sheets hold the pages in saddle-stitch order",
          "[print]") {
    t::TempDir dir;
    const fs::path data = nine_page_content(dir);
    auto plain = t::run_lerbrief({"--all", "--data", data.string(), "--output", (dir / "plain/b.pdf").string()});
    REQUIRE(plain.status == 0);
    CHECK_THAT(plain.out, Catch::Contains("b.pdf (9 pages)"));
    auto run = t::run_lerbrief({"--all", "--data", data.string(), "--imposition", "booklet", "--output",
                                (dir / "out/b.pdf").string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.out, Catch::Contains("b.pdf (12 pages)"));
    CHECK_THAT(run.out, Catch::Contains("b-imposed.pdf (6 pages)"));
    const fs::path reader = dir / "out/b.pdf", imposed = dir / "out/b-imposed.pdf";
    // pages 10-12 are notes pages, listed in the contents; nothing is a bare blank page
    for (int p = 10; p <= 12; ++p) CHECK_THAT(text_of(reader, p), Catch::Contains("Notes"));
    CHECK_THAT(text_of(reader, 2), Catch::Contains("Notes"));
    for (int p = 1; p <= 12; ++p) CHECK(!text_of(reader, p).empty());
    // each half of each sheet side carries the text of the page saddle stitching puts there
    const int order[6][2] = {{12, 1}, {2, 11}, {10, 3}, {4, 9}, {8, 5}, {6, 7}};
    for (int side = 0; side < 6; ++side) {
        INFO("sheet side " << side + 1);
        CHECK(text_of(imposed, side + 1, 0, 612, 792) == text_of(reader, order[side][0]));
        CHECK(text_of(imposed, side + 1, 612, 612, 792) == text_of(reader, order[side][1]));
    }
    auto labels = t::run_program({"qpdf", "--json", "--json-key=pages", imposed.string()});
    CHECK_THAT(labels.out, Catch::Contains("\"/P\": \"u:Sheet 1 front\""));
    CHECK_THAT(labels.out, Catch::Contains("\"/P\": \"u:Sheet 3 back\""));
}

TEST_CASE("print: folding the rendered sheets gives back the reader's pages", "[print]") {
    t::TempDir dir;
    auto run = t::run_lerbrief({"--all", "--imposition", "booklet", "--output", (dir / "b.pdf").string()});
    REQUIRE(run.status == 0);
    const fs::path reader = dir / "b.pdf", imposed = dir / "b-imposed.pdf";
    auto info = t::run_program({"pdfinfo", reader.string()});
    const int pages = std::stoi(info.out.substr(info.out.find("Pages:") + 6));
    REQUIRE(pages % 4 == 0);
    const int dpi = 24;  // Letter: 204 x 264 px a page, a whole number of pixels
    std::vector<Gray> folded(pages);
    for (int side = 0; side < pages / 2; ++side) {
        Gray sheet = render(imposed, side + 1, dpi, dir);
        REQUIRE(sheet.w == 408);
        REQUIRE(sheet.h == 264);
        // un-impose: sheet s front holds P-1-2s | 2s, its back 2s+1 | P-2-2s (0-based)
        const int s = side / 2;
        const bool back = side % 2 == 1;
        const int left = back ? 2 * s + 1 : pages - 1 - 2 * s, right = back ? pages - 2 - 2 * s : 2 * s;
        for (int half = 0; half < 2; ++half) {
            Gray& g = folded[half ? right : left];
            g.w = sheet.w / 2;
            g.h = sheet.h;
            g.px.resize(static_cast<std::size_t>(g.w) * g.h);
            for (int y = 0; y < g.h; ++y)
                for (int x = 0; x < g.w; ++x) g.px[static_cast<std::size_t>(y) * g.w + x] = static_cast<unsigned char>(sheet.at(x + half * g.w, y));
        }
    }
    for (int p = 0; p < pages; ++p) {
        INFO("reader page " << p + 1);
        Gray want = render(reader, p + 1, dpi, dir);
        REQUIRE(want.w == folded[p].w);
        REQUIRE(want.h == folded[p].h);
        long diff = 0, ink = 0;
        for (std::size_t i = 0; i < want.px.size(); ++i) {
            diff += std::abs(want.px[i] - folded[p].px[i]);
            ink += 255 - want.px[i];
        }
        CHECK(ink > 0);
        CHECK(diff <= ink / 100);  // the same picture, up to anti-aliasing
    }
}

TEST_CASE("print: bleed sets MediaBox, BleedBox and TrimBox, the cover band runs into the bleed", "[print]") {
    t::TempDir dir;
    auto run = t::run_lerbrief({"--all", "--bleed", "3mm", "--imposition", "booklet", "--output", (dir / "b.pdf").string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
    const double bleed = 3 * 72 / 25.4, slug = bleed + 3 + 18 + 4;
    for (const auto& [file, trim_w] : std::vector<std::pair<std::string, double>>{
             {"b.pdf", 612}, {"b-imposed.pdf", 1224}, {"factsheets/learners-earners.pdf", 612}}) {
        INFO(file);
        auto check = t::run_program({"qpdf", "--check", (dir / file).string()});
        CHECK(check.status == 0);
        CHECK(t::run_program({"pdftotext", (dir / file).string(), "/dev/null"}).err.empty());
        auto q = t::run_program({"qpdf", "--json=2", "--json-key=qpdf", (dir / file).string()});
        REQUIRE(q.status == 0);
        auto media = boxes(q.out, "MediaBox"), trim = boxes(q.out, "TrimBox"), bl = boxes(q.out, "BleedBox");
        REQUIRE(!trim.empty());
        CHECK(trim.size() == bl.size());
        CHECK(trim.size() == media.size());
        for (std::size_t i = 0; i < trim.size(); ++i) {
            CHECK(media[i][2] == Approx(trim_w + 2 * slug).margin(0.01));
            CHECK(media[i][3] == Approx(792 + 2 * slug).margin(0.01));
            CHECK(trim[i][0] == Approx(slug).margin(0.01));
            CHECK(trim[i][2] - trim[i][0] == Approx(trim_w).margin(0.01));
            CHECK(trim[i][3] - trim[i][1] == Approx(792).margin(0.01));
            CHECK(trim[i][0] - bl[i][0] == Approx(bleed).margin(0.01));
            CHECK(bl[i][3] - trim[i][3] == Approx(bleed).margin(0.01));
        }
    }
    // the cover's band: paint above the trim (in the bleed) and none in the slug beyond the bleed but the marks
    const int dpi = 72;
    Gray cover = render(dir / "b.pdf", 1, dpi, dir);
    const int in_bleed = static_cast<int>(slug - bleed / 2), beyond = static_cast<int>(slug - bleed - 2);
    const int mid = cover.w / 2;
    CHECK(cover.at(mid, in_bleed) < 128);  // the band, dark, past the top trim
    CHECK(cover.at(mid, beyond) == 255);   // white paper beyond the bleed
    CHECK(cover.at(mid, static_cast<int>(slug) + 5) < 128);  // the band inside the trim
}

TEST_CASE("print: the grayscale edition has no RGB colour at all", "[print]") {
    t::TempDir dir;
    std::vector<std::string> args{"--all", "--grayscale", "--output", (dir / "b.pdf").string()};
    if (const auto site = t::website_dir(); !site.empty()) args.insert(args.end(), {"--data", site.string()});  // with icons
    else WARN("../shared absent: the grayscale edition is checked on the bundled content, without icons");
    auto run = t::run_lerbrief(args);
    INFO(run.err);
    REQUIRE(run.status == 0);
    for (const char* file : {"b.pdf", "factsheets/learners-earners.pdf"}) {
        INFO(file);
        const fs::path q = dir / (std::string(file) + ".qdf");
        REQUIRE(t::run_program({"qpdf", "--qdf", "--object-streams=disable", (dir / file).string(), q.string()}).status == 0);
        const std::string pdf = t::read_file(q);
        // every content stream, uncompressed: no rg/RG/k/K/sc/scn colour operators, only g/G
        std::size_t streams = 0, gray_ops = 0;
        const std::regex colour_op(R"((^|\s)(rg|RG|k|K|sc|SC|scn|SCN|cs|CS)(\s|$))");
        const std::regex gray_op(R"((^|\s)(g|G)(\s|$))");
        for (auto p = pdf.find("%% Contents for page"); p != std::string::npos; p = pdf.find("%% Contents for page", p + 1)) {
            const auto b = pdf.find("stream\n", p) + 7, e = pdf.find("endstream", b);
            const std::string content = pdf.substr(b, e - b);
            ++streams;
            CHECK(!std::regex_search(content, colour_op));
            gray_ops += std::regex_search(content, gray_op);
        }
        CHECK(streams > 0);
        CHECK(gray_ops == streams);
        CHECK(pdf.find("/DeviceRGB") == std::string::npos);  // images are DeviceGray too
    }
    // and the colour edition does use RGB, so the check above can fail
    auto colour = t::run_lerbrief({"--all", "--output", (dir / "c/b.pdf").string()});
    REQUIRE(colour.status == 0);
    const fs::path q = dir / "c/b.qdf";
    REQUIRE(t::run_program({"qpdf", "--qdf", "--object-streams=disable", (dir / "c/b.pdf").string(), q.string()}).status == 0);
    CHECK(std::regex_search(t::read_file(q), std::regex(R"(\srg\s)")));
}

TEST_CASE("print: grayscale warns when two groups' fills would print as the same gray", "[print]") {
    t::TempDir dir;
    auto run = t::run_lerbrief({"--all", "--grayscale", "--layout", "tests/fixtures/press/close-palette.yaml", "--output",
                                (dir / "b.pdf").string()});
    REQUIRE(run.status == 0);
    CHECK_THAT(run.err, Catch::Contains("tests/fixtures/press/close-palette.yaml:5:22: warning: in grayscale, "
                                        "'career-navigators' and 'data-standards-organizations' look the same in the "
                                        "diagram (lightness 47 and 52)\nhint: give the layout's palette fills at least 10 "
                                        "apart in CIE L*\n"));
    auto colour = t::run_lerbrief({"--all", "--layout", "tests/fixtures/press/close-palette.yaml", "--output",
                                   (dir / "c.pdf").string()});
    CHECK_THAT(colour.err, !Catch::Contains("grayscale"));
    auto standard = t::run_lerbrief({"--all", "--grayscale", "--output", (dir / "s.pdf").string()});
    CHECK_THAT(standard.err, !Catch::Contains("look the same"));
}

TEST_CASE("print: the manifest lists every file with sizes, sheets, duplex edge and copies", "[print]") {
    t::TempDir dir;
    auto run = t::run_lerbrief({"--all", "--imposition", "booklet", "--grayscale", "--attendees", "30", "--tables", "4",
                                "--output", (dir / "out/b.pdf").string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
    const std::string text = t::read_file(dir / "out/print-manifest.txt");
    const std::string json = t::read_file(dir / "out/print-manifest.json");
    CHECK_THAT(text, Catch::Contains("For 30 attendees at 4 tables"));
    CHECK_THAT(text, Catch::Contains("\n\nb-imposed.pdf\n  what:         booklet, printer spreads (saddle stitch)\n"
                                     "  trim size:    Letter (215.9 x 279.4 mm)\n  sheet size:   Tabloid (431.8 x 279.4 mm)\n"
                                     "  pages:        22\n  sheets/copy:  11\n"));
    CHECK_THAT(text, Catch::Contains("  ink:          grayscale (black only)\n  copies:       30 (330 sheets)\n"));
    CHECK_THAT(text, Catch::Contains("\n\nfactsheets/learners-earners.pdf\n  what:         fact sheet: Learners & Earners\n"));
    CHECK_THAT(text, Catch::Contains("  copies:       4 (4 sheets)\n"));
    CHECK_THAT(text, Catch::Contains("Sheets of paper in all: 370\n"));  // 330 + 10 fact sheets × 4 tables
    CHECK_THAT(json, Catch::Contains(R"("attendees": 30,)"));
    CHECK_THAT(json, Catch::Contains(R"("role": "printer-spreads")"));
    CHECK_THAT(json, Catch::Contains(R"("duplex": "short edge", "ink": "gray", "copies": 30})"));
}

TEST_CASE("print: options that cannot go together are usage errors, and nothing is written", "[print]") {
    t::TempDir dir;
    const std::string out = (dir / "b.pdf").string();
    struct Case {
        std::vector<std::string> args;
        std::string err;
    } cases[] = {
        {{"--all", "--creep", "1mm"}, "lerbrief: error: --creep needs --imposition booklet\n"},
        {{"--all", "--bleed", "3 furlongs"},
         "lerbrief: error: --bleed '3 furlongs' is not a length from 0 to 12.7 mm\nhint: write it like 3mm, 0.125in or 9pt\n"},
        {{"--all", "--bleed", "2in"},
         "lerbrief: error: --bleed '2in' is not a length from 0 to 12.7 mm\nhint: write it like 3mm, 0.125in or 9pt\n"},
        {{"--all", "--tables", "3"},
         "lerbrief: error: --tables needs --attendees\nhint: or a list of attendees: the event file's attendees, or --attendees-file\n"},
        {{"--stakeholder", "learners-earners", "--imposition", "booklet"},
         "lerbrief: error: --imposition booklet imposes the booklet, which only --all, --booklet and --kit write\nhint: drop --stakeholder, or run --all\n"},
    };
    for (const auto& c : cases) {
        auto args = c.args;
        args.insert(args.end(), {"--output", out});
        auto r = t::run_lerbrief(args);
        INFO(c.args[1]);
        CHECK(r.status == 2);
        CHECK(r.err == c.err);
        CHECK(!fs::exists(out));
    }
    auto bad = t::run_lerbrief({"--all", "--imposition", "perfect", "--output", out});
    CHECK(bad.status == 2);
    CHECK_THAT(bad.err, Catch::Contains("--imposition"));
}
