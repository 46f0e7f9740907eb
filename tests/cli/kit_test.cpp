// The convening kit (--kit, #19) as an organiser runs it: every file beside
// the booklet with its page count, the print manifest's entries and copies,
// the booklet and fact sheets byte for byte what --all writes (they moved
// onto the document plan unchanged), and the print options on every file.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <string>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kDate = {"SOURCE_DATE_EPOCH=1700000000"};

// An event file with an agenda of `items` and `people` attendees spread over
// `groups` (ids), one in twelve of an unknown group.
std::string event_file(int items, int people, const std::vector<std::string>& groups) {
    std::string s = "title: Regional LER Convening\ndate: 1 December 2026\nplace: Denver, CO\nagenda:\n";
    for (int i = 0; i < items; ++i)
        s += "  - time: \"" + std::to_string(9 + i / 2) + (i % 2 ? ":30" : ":00") + "\"\n    title: Session " +
             std::to_string(i + 1) + "\n    room: Room " + std::to_string(100 + i) + "\n";
    s += "attendees:\n";
    for (int i = 0; i < people; ++i)
        s += "  - name: Attendee " + std::to_string(i + 1) + "\n    organization: Org " + std::to_string(i % 7) +
             "\n    group: " + groups[static_cast<std::size_t>(i) % groups.size()] + "\n";
    return s;
}

// "wrote PATH (N pages)" lines of a run: file name → pages.
std::map<std::string, int> written(const std::string& out) {
    std::map<std::string, int> files;
    for (std::size_t at = 0; (at = out.find("wrote ", at)) != std::string::npos;) {
        const std::size_t nl = out.find('\n', at);
        const std::string line = out.substr(at + 6, nl - at - 6);
        const std::size_t paren = line.find(" (");
        const std::string path = line.substr(0, paren);
        files[fs::path(path).filename().string()] =
            paren == std::string::npos ? 0 : std::stoi(line.substr(paren + 2));
        at = nl;
    }
    return files;
}

std::vector<std::string> group_ids(const fs::path& content) {
    std::vector<std::string> ids;
    for (const auto& e : fs::directory_iterator(content / "stakeholders"))
        if (e.path().extension() == ".yaml") ids.push_back(e.path().stem().string());
    return ids;
}

}  // namespace

TEST_CASE("kit: the map website with an agenda and 30 attendees writes every file with the right pages") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::TempDir dir;
    const std::vector<std::string> groups = group_ids(t::source_dir() / "data");  // the bundled data is the map's import
    REQUIRE(groups.size() == 10);
    t::write_file(dir / "event.yaml", event_file(8, 30, groups));
    auto r = t::run_lerbrief({"--kit", "--data", site.string(), "--event-file", (dir / "event.yaml").string(),
                              "--output", (dir / "out" / "ler-briefing.pdf").string()},
                             {}, kDate);
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto files = written(r.out);
    CHECK(files.at("agenda.pdf") == 1);
    CHECK(files.at("worksheets.pdf") == 4);
    CHECK(files.at("table-tents.pdf") == 10);
    CHECK(files.at("badges.pdf") == 5);
    CHECK(files.count("ler-briefing.pdf") == 1);
    CHECK(files.count("print-manifest.json") == 1);
    int sheets = 0;
    for (const auto& [name, pages] : files) {
        if (!fs::exists(dir / "out" / "factsheets" / name)) continue;
        ++sheets;
        CHECK(pages == 2);
    }
    CHECK(sheets == 10);

    const std::string json = t::read_file(dir / "out" / "print-manifest.json");
    CHECK(json.find(R"("attendees": 30)") != std::string::npos);
    CHECK(json.find(R"("path": "agenda.pdf", "role": "agenda")") != std::string::npos);
    CHECK(json.find(R"("path": "worksheets.pdf", "role": "worksheets")") != std::string::npos);
    CHECK(json.find(R"("path": "table-tents.pdf", "role": "table-tents")") != std::string::npos);
    CHECK(json.find(R"("path": "badges.pdf", "role": "badges")") != std::string::npos);
    // copies: an agenda each, worksheets a table (30 people, 8 a table: 4), tents one a table of their group
    auto entry = [&](const std::string& path) {
        const auto at = json.find("\"path\": \"" + path + "\"");
        REQUIRE(at != std::string::npos);
        return json.substr(at, json.find('}', json.find("\"copies\"", at)) - at);
    };
    CHECK(entry("agenda.pdf").find("\"copies\": 30") != std::string::npos);
    CHECK(entry("worksheets.pdf").find("\"copies\": 4") != std::string::npos);
    CHECK(entry("worksheets.pdf").find("\"duplex\": \"one-sided\"") != std::string::npos);
    CHECK(entry("badges.pdf").find("\"copies\": 1") != std::string::npos);
    CHECK(entry("table-tents.pdf").find("\"stock\": \"card stock") != std::string::npos);
    // three people a group: one table each
    CHECK(entry("table-tents.pdf").find("\"copies_per_page\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]") != std::string::npos);
    const std::string text = t::read_file(dir / "out" / "print-manifest.txt");
    CHECK(text.find("what:         name badges, 4 x 3 in, six a sheet: cut on the marks") != std::string::npos);
}

TEST_CASE("kit: without an agenda or attendees there is no agenda or badges file, and the booklet and sheets are --all's") {
    t::TempDir dir;
    auto all = t::run_lerbrief({"--all", "--output", (dir / "all" / "b.pdf").string()}, {}, kDate);
    auto kit = t::run_lerbrief({"--kit", "--output", (dir / "kit" / "b.pdf").string()}, {}, kDate);
    INFO(kit.err);
    REQUIRE(all.status == 0);
    REQUIRE(kit.status == 0);
    const auto files = written(kit.out);
    CHECK(files.count("agenda.pdf") == 0);
    CHECK(files.count("badges.pdf") == 0);
    CHECK(files.at("worksheets.pdf") == 4);
    CHECK(files.at("table-tents.pdf") == static_cast<int>(group_ids(t::source_dir() / "data").size()));
    CHECK(t::read_file(dir / "all" / "b.pdf") == t::read_file(dir / "kit" / "b.pdf"));
    for (const auto& id : group_ids(t::source_dir() / "data"))
        CHECK(t::read_file(dir / "all" / "factsheets" / (id + ".pdf")) ==
              t::read_file(dir / "kit" / "factsheets" / (id + ".pdf")));
}

TEST_CASE("kit: --grayscale and --bleed reach every kit file") {
    t::TempDir dir;
    t::write_file(dir / "event.yaml", event_file(3, 7, group_ids(t::source_dir() / "data")));
    auto r = t::run_lerbrief({"--kit", "--grayscale", "--bleed", "3mm", "--event-file", (dir / "event.yaml").string(),
                              "--output", (dir / "out" / "b.pdf").string()},
                             {}, kDate);
    INFO(r.err);
    REQUIRE(r.status == 0);
    for (const char* f : {"agenda.pdf", "worksheets.pdf", "table-tents.pdf", "badges.pdf"}) {
        INFO(f);
        auto info = t::run_program({"pdfinfo", "-box", (dir / "out" / f).string()});
        REQUIRE(info.status == 0);
        CHECK(info.out.find("TrimBox:") != std::string::npos);
        CHECK(info.out.find("BleedBox:") != std::string::npos);
        // no RGB colour operator in any page's content stream, no RGB image
        auto q = t::run_program({"qpdf", "--qdf", "--object-streams=disable", (dir / "out" / f).string(),
                                 (dir / "q.pdf").string()});
        REQUIRE(q.status == 0);
        const std::string pdf = t::read_file(dir / "q.pdf");
        static const std::regex colour_op(R"((^|\s)(rg|RG|k|K|sc|SC|scn|SCN)(\s|$))");
        std::size_t streams = 0;
        for (auto p = pdf.find("%% Contents for page"); p != std::string::npos; p = pdf.find("%% Contents for page", p + 1)) {
            const auto b = pdf.find("stream\n", p) + 7, e = pdf.find("endstream", b);
            ++streams;
            CHECK_FALSE(std::regex_search(pdf.substr(b, e - b), colour_op));
        }
        CHECK(streams > 0);
        CHECK(pdf.find("/DeviceRGB") == std::string::npos);
    }
}

TEST_CASE("kit: --output naming the booklet as a kit file is a usage error for --kit, not for --all or --check") {
    t::TempDir dir;
    const std::string out = (dir / "out" / "worksheets.pdf").string();
    auto kit = t::run_lerbrief({"--kit", "--output", out});
    CHECK(kit.status == 2);
    CHECK(kit.err.find("--output '" + out + "' names the booklet as the file --kit writes the worksheets to") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out"));
    CHECK(t::run_lerbrief({"--check", "--output", out}).status == 0);
}

TEST_CASE("kit: --tables takes its attendees from the event file's list, with nobody listed it is a usage error") {
    t::TempDir dir;
    t::write_file(dir / "event.yaml", event_file(2, 20, group_ids(t::source_dir() / "data")));
    auto r = t::run_lerbrief({"--kit", "--tables", "5", "--event-file", (dir / "event.yaml").string(), "--output",
                              (dir / "out" / "b.pdf").string()},
                             {}, kDate);
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string json = t::read_file(dir / "out" / "print-manifest.json");
    CHECK(json.find("\"attendees\": 20,\n  \"tables\": 5,") != std::string::npos);
    t::write_file(dir / "nobody.yaml", "title: A convening\n");
    auto none = t::run_lerbrief({"--kit", "--tables", "5", "--event-file", (dir / "nobody.yaml").string(),
                                 "--output", (dir / "none" / "b.pdf").string()});
    CHECK(none.status == 2);
    CHECK(none.err.find("error: --tables needs --attendees") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "none"));
}
