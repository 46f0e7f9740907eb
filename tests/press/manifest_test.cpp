#include <catch2/catch.hpp>

#include "press/manifest.h"
#include "press_strings.h"

using namespace lerbrief;
using press::Role;

namespace {

press::Manifest sample(int attendees, int tables) {
    press::Manifest m;
    m.title = "LER Ecosystem Briefing";
    m.date = "2026-12-02";
    m.audience = {attendees, tables};
    m.files.push_back({"output/ler-briefing.pdf", Role::booklet_for_screen, "", 612, 792, 612, 792, 36, false, -1, {}});
    m.files.push_back({"output/ler-briefing-imposed.pdf", Role::printer_spreads, "", 612, 792, 1224, 792, 18, false, -1, {}});
    m.files.push_back({"output/factsheets/employers.pdf", Role::factsheet, "Employers", 612, 792, 612, 792, 2, false, -1, {}});
    return m;
}

}  // namespace

TEST_CASE("manifest: paper names, sheets and copies", "[press]") {
    CHECK(press::paper_name(612, 792) == "Letter");
    CHECK(press::paper_name(1224, 792) == "Tabloid");
    CHECK(press::paper_name(841.89, 1190.55) == "A3");
    CHECK(press::paper_name(700, 900) == "9.72 x 12.50 in");
    auto m = sample(40, 0);
    CHECK(press::tables(m.audience) == 5);  // eight a table when not given
    CHECK(press::sheets_per_copy(m.files[0]) == 18);
    CHECK(press::sheets_per_copy(m.files[1]) == 9);   // 36 pages, four a sheet
    CHECK(press::copies(m, m.files[0]) == 0);         // the spreads are printed instead
    CHECK(press::copies(m, m.files[1]) == 40);
    CHECK(press::copies(m, m.files[2]) == 5);
    m.audience.tables = 7;
    CHECK(press::copies(m, m.files[2]) == 7);
}

TEST_CASE("manifest: text and JSON say the same", "[press]") {
    auto m = sample(40, 6);
    const std::string text = press::manifest_text(m, test::english());
    CHECK_THAT(text, Catch::Contains("For 40 attendees at 6 tables"));
    CHECK_THAT(text, Catch::Contains("output/ler-briefing-imposed.pdf\n  what:         booklet, printer spreads (saddle stitch)\n"
                                     "  trim size:    Letter (215.9 x 279.4 mm)\n  sheet size:   Tabloid (431.8 x 279.4 mm)\n"));
    CHECK_THAT(text, Catch::Contains("  duplex:       short edge; fold the stack in half and staple on the fold\n"));
    CHECK_THAT(text, Catch::Contains("  copies:       40 (360 sheets)\n"));
    CHECK_THAT(text, Catch::Contains("  copies:       6 (6 sheets)\n"));
    CHECK_THAT(text, Catch::Contains("Sheets of paper in all: 366\n"));
    const std::string json = press::manifest_json(m, test::english());
    CHECK_THAT(json, Catch::Contains(R"("attendees": 40,)"));
    CHECK_THAT(json, Catch::Contains(R"("path": "output/ler-briefing-imposed.pdf", "role": "printer-spreads")"));
    CHECK_THAT(json, Catch::Contains(R"("pages": 18, "sheets_per_copy": 9, "duplex": "short edge", "ink": "colour", "copies": 40})"));
    CHECK_THAT(json, Catch::Contains(R"("group": "Employers")"));
    // without attendees no copies are counted
    CHECK_THAT(press::manifest_text(sample(0, 0), test::english()), !Catch::Contains("copies"));
}
