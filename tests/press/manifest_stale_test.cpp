// The manifest's list of files beside the run's that it did not write
// (app/stale_output.h): in the text and the JSON, and absent when empty.
#include <catch2/catch.hpp>

#include "press/manifest.h"
#include "press_strings.h"

using namespace lerbrief;

TEST_CASE("manifest: files not from this run are listed, text and JSON", "[press]") {
    press::Manifest m;
    m.title = "Briefing";
    m.files.push_back({"b.pdf", press::Role::booklet, "", 612, 792, 612, 792, 16, false, -1, {}});
    CHECK_THAT(press::manifest_text(m, test::english()), !Catch::Contains("Not from this run"));
    CHECK_THAT(press::manifest_json(m, test::english()), !Catch::Contains("not_from_this_run"));
    CHECK_THAT(press::manifest_json(m, test::english()), Catch::EndsWith("\n  ]\n}\n"));
    m.not_from_this_run = {"factsheets/old-group.pdf", "factsheets/say \"hi\".pdf"};
    CHECK_THAT(press::manifest_text(m, test::english()),
               Catch::EndsWith("\nNot from this run (left by an earlier run: do not print; lerbrief never deletes them):\n"
                               "  factsheets/old-group.pdf\n  factsheets/say \"hi\".pdf\n"));
    CHECK_THAT(press::manifest_json(m, test::english()),
               Catch::EndsWith("\n  ],\n  \"not_from_this_run\": [\"factsheets/old-group.pdf\", "
                               "\"factsheets/say \\\"hi\\\".pdf\"]\n}\n"));
}
