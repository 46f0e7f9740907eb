// The text pass over the loaded model (load/text_check.cpp).
#include <catch2/catch.hpp>

#include "load/load.h"
#include "load/text_check.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

TEST_CASE("text pass: pasted spaces and separators are cleaned up by the kind of field") {
    Diagnostics d;
    std::string line = "A\u2028B\u2029C\u3000D\u2003E\u202FF\u00ADG\u200BH\uFEFFI\tJ\u00A0K";
    REQUIRE(load::check_value(line, {"f.yaml", 1, 1}, "name", TextKind::line, d));
    CHECK(line == "A B C D E\u00A0FGHI J\u00A0K");
    std::string para = "One\u2028Two\u2029Three";
    REQUIRE(load::check_value(para, {"f.yaml", 1, 1}, "definition", TextKind::paragraph, d));
    CHECK(para == "One\n\nTwo\n\nThree");
    std::string title = "A\nB\n\nC\n";  // a block scalar's line breaks in a one-line value
    REQUIRE(load::check_value(title, {"f.yaml", 1, 1}, "title", TextKind::line, d));
    CHECK(title == "A B C");
    std::string nbsp = "a\xA0" "b";  // yaml-cpp's "\_": a bare Latin-1 byte
    REQUIRE(load::check_value(nbsp, {"f.yaml", 1, 1}, "name", TextKind::line, d));
    CHECK(nbsp == "a\u00A0b");
    CHECK(d.empty());
}

TEST_CASE("text pass: control characters are refused, right-to-left text is warned about once") {
    Diagnostics d;
    std::string v = "a\x1b b";
    CHECK_FALSE(load::check_value(v, {"f.yaml", 4, 7}, "name", TextKind::line, d));
    REQUIRE(d.items().size() == 1);
    CHECK(format(d.items()[0]) ==
          "f.yaml:4:7: error: name: control character U+001B cannot be printed\n"
          "hint: remove it; YAML escapes like \"\\e\" and HTML entities like &#27; make such characters");
    Diagnostics c1;
    std::string nel = "a\u0085b";
    CHECK_FALSE(load::check_value(nel, {"f.yaml", 1, 1}, "title", TextKind::line, c1));
    Diagnostics r;
    std::string rtl = "\u05E9\u05DC\u05D5\u05DD \u0639";
    CHECK(load::check_value(rtl, {"f.yaml", 2, 3}, "title", TextKind::line, r));
    REQUIRE(r.items().size() == 1);
    CHECK(r.items()[0].severity == Severity::warning);
    CHECK(r.items()[0].message.find("Hebrew text ('\u05E9', U+05E9) is right-to-left") != std::string::npos);
}

TEST_CASE("text pass: an HTML entity that makes a control character in the website's data is refused") {
    t::TempDir dir;
    t::write_file(dir / "_data/stakeholders-list.yml",
                  "stakeholders:\n  - name: A\n    url: a\n    definition: Ends here &#27;[31m\n");
    t::write_file(dir / "_data/action-items-content.yml", "actions:\n  - name: promoting\n    title: P\n");
    Diagnostics d;
    load::load_content(dir.path().string(), d);
    std::string all;
    for (const auto& x : d.items()) all += format(x) + "\n";
    INFO(all);
    CHECK(all.find("_data/stakeholders-list.yml:4:17: error: definition: control character U+001B cannot be "
                   "printed") != std::string::npos);
}

TEST_CASE("text pass: right-to-left text in many values is named ten times, then counted") {
    t::TempDir dir;
    std::string list = "stakeholders:\n";
    for (int i = 0; i < 13; ++i)
        list += "  - name: \u05E9 " + std::to_string(i) + "\n    url: a" + std::to_string(i) + "\n    definition: d\n";
    t::write_file(dir / "_data/stakeholders-list.yml", list);
    t::write_file(dir / "_data/action-items-content.yml", "actions:\n  - name: promoting\n    title: P\n");
    Diagnostics d;
    load::load_content(dir.path().string(), d);
    std::size_t named = 0;
    std::string last;
    for (const auto& x : d.items()) {
        if (x.message.find("is right-to-left") != std::string::npos) ++named;
        last = x.message;
    }
    CHECK(named == 10);
    CHECK(last == "3 more values hold right-to-left text, which will print in the wrong order");
}
