// Golden renders of each kind of page: the built binary writes the booklet
// (bundled content, and the map website's when ../shared is present), poppler
// renders chosen pages at 30 dpi in gray (`pdftoppm -r 30 -gray`, binary PGM)
// and each is compared with tests/fixtures/pages/NAME.pgm within a tolerance.
// Before comparing, pdftotext checks that the page carries the lines we expect
// (its heading), so a page-number shift is reported as such, not as a blur of
// differing pixels. See tests/fixtures/pages/README.md. After a deliberate
// change, update with
//   LERBRIEF_UPDATE_GOLDENS=1 ./tests/tests_compose "pages*"
// (in the build folder), look at the pages and review `git status tests/fixtures/pages`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

// A pixel differs when its gray level moves by more than this (of 255); a page
// matches when at most kMaxDiffering of its pixels differ. Anti-aliasing and
// poppler versions move edges by a pixel; a moved line or block changes more.
constexpr int kLevelTolerance = 40;
constexpr double kMaxDiffering = 0.005;

const std::vector<std::string> kEvent = {"--event", "Regional LER Convening", "--date", "1 December 2026",
                                         "--place", "Denver, CO"};

struct Gray {
    int width = 0, height = 0;
    std::vector<std::uint8_t> px;
};

// Reads a binary PGM (P5, maxval 255): "P5", width, height, maxval separated
// by whitespace (with # comments), one whitespace byte, then width*height bytes.
std::optional<Gray> parse_pgm(const std::string& data, std::string& why) {
    std::size_t pos = 0;
    auto skip_space = [&] {
        while (pos < data.size()) {
            if (std::isspace(static_cast<unsigned char>(data[pos]))) {
                ++pos;
            } else if (data[pos] == '#') {
                while (pos < data.size() && data[pos] != '\n') ++pos;
            } else {
                break;
            }
        }
    };
    auto number = [&]() -> long {
        skip_space();
        long v = 0;
        std::size_t start = pos;
        while (pos < data.size() && std::isdigit(static_cast<unsigned char>(data[pos])) && v < 1000000)
            v = v * 10 + (data[pos++] - '0');
        return pos == start ? -1 : v;
    };
    if (data.compare(0, 2, "P5") != 0) {
        why = "not a binary PGM (no P5 header)";
        return std::nullopt;
    }
    pos = 2;
    long w = number(), h = number(), maxval = number();
    if (w <= 0 || h <= 0 || maxval != 255 || pos >= data.size() ||
        !std::isspace(static_cast<unsigned char>(data[pos]))) {
        why = "bad PGM header (want P5, positive size, maxval 255)";
        return std::nullopt;
    }
    ++pos;
    const auto n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    if (data.size() - pos != n) {
        why = "PGM has " + std::to_string(data.size() - pos) + " pixel bytes, header says " + std::to_string(n);
        return std::nullopt;
    }
    Gray g;
    g.width = static_cast<int>(w);
    g.height = static_cast<int>(h);
    g.px.assign(data.begin() + static_cast<std::ptrdiff_t>(pos), data.end());
    return g;
}

std::string to_pgm(const Gray& g) {
    std::string s = "P5\n" + std::to_string(g.width) + " " + std::to_string(g.height) + "\n255\n";
    s.append(g.px.begin(), g.px.end());
    return s;
}

struct Diff {
    bool same_size = false;
    long differing = 0;
    double fraction = 0;
    int x0 = 0, y0 = 0, x1 = -1, y1 = -1;  // bounding box of differing pixels
};

Diff compare(const Gray& a, const Gray& b) {
    Diff d;
    d.same_size = a.width == b.width && a.height == b.height;
    if (!d.same_size) return d;
    d.x0 = a.width;
    d.y0 = a.height;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) {
            const auto i = static_cast<std::size_t>(y) * static_cast<std::size_t>(a.width) + static_cast<std::size_t>(x);
            if (std::abs(int(a.px[i]) - int(b.px[i])) > kLevelTolerance) {
                ++d.differing;
                d.x0 = std::min(d.x0, x);
                d.y0 = std::min(d.y0, y);
                d.x1 = std::max(d.x1, x);
                d.y1 = std::max(d.y1, y);
            }
        }
    d.fraction = double(d.differing) / (double(a.width) * double(a.height));
    return d;
}

std::string percent(double f) {
    std::ostringstream s;
    s.precision(3);
    s << std::fixed << f * 100 << "%";
    return s.str();
}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\f\v");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\f\v");
    return s.substr(b, e - b + 1);
}

// One page to check: the golden's name, the PDF (relative to the output
// folder), the 1-based page, and lines the page must carry (each a whole line
// of `pdftotext`, trimmed): the first is its heading.
struct PageCase {
    std::string name;
    std::string pdf;
    int page;
    std::vector<std::string> lines;
};

// Writes the booklet and every fact sheet into `out` (ler-briefing.pdf,
// factsheets/<id>.pdf), and with --kit the kit beside them.
void build(const fs::path& out, const std::vector<std::string>& extra, const std::string& mode = "--all") {
    std::vector<std::string> args{mode};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), kEvent.begin(), kEvent.end());
    args.push_back("--output");
    args.push_back((out / "ler-briefing.pdf").string());
    auto r = t::run_lerbrief(args, {}, {"SOURCE_DATE_EPOCH=1700000000"});
    INFO("lerbrief stderr:\n" << r.err);
    REQUIRE(r.status == 0);
}

// The page is the one we mean: every expected line is a line of its text.
void check_page_text(const fs::path& pdf, const PageCase& pc) {
    const auto n = std::to_string(pc.page);
    auto r = t::run_program({"pdftotext", "-f", n, "-l", n, "-enc", "UTF-8", pdf.string(), "-"});
    REQUIRE(r.status == 0);
    std::vector<std::string> have;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) have.push_back(trim(line));
    for (const auto& want : pc.lines) {
        INFO(pc.name << ": page " << pc.page << " of " << pc.pdf << " has no line \"" << want
                     << "\" — did the pages shift? Its text begins:\n"
                     << r.out.substr(0, 400));
        CHECK(std::find(have.begin(), have.end(), want) != have.end());
    }
}

// Renders one page with poppler at 30 dpi in gray.
Gray render(const fs::path& out, const PageCase& pc) {
    const auto n = std::to_string(pc.page);
    const fs::path prefix = out / ("render-" + pc.name);
    auto r = t::run_program({"pdftoppm", "-r", "30", "-gray", "-f", n, "-l", n, "-singlefile",
                             (out / pc.pdf).string(), prefix.string()});
    INFO("pdftoppm stderr:\n" << r.err);
    REQUIRE(r.status == 0);
    std::string why;
    auto g = parse_pgm(t::read_file(prefix.string() + ".pgm"), why);
    INFO(pc.name << ": render of page " << pc.page << " of " << pc.pdf << ": " << why);
    REQUIRE(g);
    return *g;
}

void check_page(const fs::path& out, const PageCase& pc) {
    check_page_text(out / pc.pdf, pc);
    const auto actual = std::make_optional(render(out, pc));

    const fs::path golden_path = t::fixtures_dir() / "pages" / (pc.name + ".pgm");
    const fs::path actual_path = fs::current_path() / "pages-actual" / (pc.name + ".pgm");
    std::optional<Gray> golden;
    std::string golden_why = "missing";
    if (fs::exists(golden_path)) golden = parse_pgm(t::read_file(golden_path), golden_why);
    const Diff d = golden ? compare(*actual, *golden) : Diff{};
    const bool matches = golden && d.same_size && d.fraction <= kMaxDiffering;

    if (std::getenv("LERBRIEF_UPDATE_GOLDENS")) {
        // Rewrite only what no longer matches: a poppler upgrade that moves
        // a few edges does not churn every golden.
        if (!matches) {
            t::write_file(golden_path, to_pgm(*actual));
            WARN("pages: rewrote " << golden_path.string());
        }
        return;
    }
    std::error_code ec;
    if (matches) {
        fs::remove(actual_path, ec);  // a stale render from an earlier failure
        return;
    }
    t::write_file(actual_path, to_pgm(*actual));
    std::ostringstream msg;
    msg << pc.name << " (page " << pc.page << " of " << pc.pdf << ") does not match its golden\n  golden: "
        << golden_path.string() << "\n  actual: " << actual_path.string() << "\n  ";
    if (!golden)
        msg << "golden unreadable: " << golden_why
            << " (LERBRIEF_UPDATE_GOLDENS=1 ./tests/tests_compose \"pages*\" writes it)";
    else if (!d.same_size)
        msg << "size " << actual->width << "x" << actual->height << ", golden " << golden->width << "x"
            << golden->height;
    else
        msg << percent(d.fraction) << " of pixels differ by more than " << kLevelTolerance << "/255 (at most "
            << percent(kMaxDiffering) << " allowed: " << d.differing << " of " << actual->px.size()
            << "), within x " << d.x0 << ".." << d.x1 << ", y " << d.y0 << ".." << d.y1 << " (30 dpi pixels)";
    FAIL_CHECK(msg.str());
}

}  // namespace

TEST_CASE("pages: the bundled booklet's pages match their golden renders") {
    t::TempDir out;
    build(out.path(), {});
    const std::string booklet = "ler-briefing.pdf";
    const std::vector<PageCase> pages = {
        {"bundled-cover", booklet, 1, {"LER Ecosystem", "Regional LER Convening · 1 December 2026 · Denver, CO"}},
        {"bundled-contents", booklet, 2, {"Contents"}},
        {"bundled-introduction", booklet, 3, {"Imagine a world where…", "What makes an LER different"}},
        {"bundled-explainer", booklet, 5, {"LERs explained", "What are LERs?"}},
        {"bundled-explainer-steps", booklet, 6, {"Issuer issues credential"}},
        {"bundled-ecosystem", booklet, 8, {"The LER ecosystem", "Stakeholder groups"}},
        {"bundled-action-area", booklet, 9, {"Promoting Adoption", "ACTION AREA 1"}},
        {"bundled-participation", booklet, 17, {"Who takes part where"}},
        {"bundled-factsheet-front", booklet, 20, {"Credentialing Organizations", "STAKEHOLDER GROUP", "DEFINITION"}},
        {"bundled-factsheet-back", booklet, 21, {"Action areas", "Business case", "Social case", "ON THE ONLINE MAP"}},
        {"bundled-glossary", booklet, 38, {"Glossary", "Assertion"}},
        {"bundled-colophon", booklet, 44, {"Colophon"}},
    };
    for (const auto& pc : pages) {
        INFO("page " << pc.name);
        check_page(out.path(), pc);
    }
}

TEST_CASE("pages: the map website's pages match their golden renders") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir out;
    build(out.path(), {"--data", site.string()});
    const std::string booklet = "ler-briefing.pdf", employers = "factsheets/employers.pdf";
    const std::vector<PageCase> pages = {
        {"website-cover", booklet, 1, {"LER Ecosystem", "Learning and Employment Records:"}},
        {"website-factsheet-front", employers, 1, {"Employers", "STAKEHOLDER GROUP", "DEFINITION"}},
        {"website-factsheet-back", employers, 2, {"Action areas", "Business case", "ON THE ONLINE MAP"}},
        {"website-explainer", booklet, 5, {"LERs explained", "What are LERs?"}},
        {"website-glossary", booklet, 38, {"Glossary", "Assertion"}},
        {"website-resources", booklet, 41, {"Resources", "General Information About LERs"}},
    };
    for (const auto& pc : pages) {
        INFO("page " << pc.name);
        check_page(out.path(), pc);
    }
}

TEST_CASE("pages: the convening kit's pages match their golden renders") {
    t::TempDir out;
    build(out.path(), {"--event-file", (t::fixtures_dir() / "kit" / "event.yaml").string()}, "--kit");
    const std::vector<PageCase> pages = {
        {"kit-agenda", "agenda.pdf", 1, {"Regional LER Convening", "Registration and breakfast"}},
        {"kit-worksheet", "worksheets.pdf", 1, {"Promoting Adoption", "Our organisation will…", "What we need"}},
        {"kit-tent", "table-tents.pdf", 4, {"Employers"}},
        {"kit-badges", "badges.pdf", 5, {"Nora Lindqvist", "Fernández de la Cruz"}},
    };
    for (const auto& pc : pages) {
        INFO("page " << pc.name);
        check_page(out.path(), pc);
    }
}
