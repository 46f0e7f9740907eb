#include <catch2/catch.hpp>

#include "model/markup.h"
#include "model/utf8.h"

using namespace lerbrief;

TEST_CASE("markup: bold, italic and links become spans") {
    auto ps = parse_markup("plain **bold** and *it* [map](https://x.org/a) end");
    REQUIRE(ps.size() == 1);
    const auto& s = ps[0].spans;
    REQUIRE(s.size() == 7);
    CHECK(s[0] == Span{"plain ", false, false, ""});
    CHECK(s[1] == Span{"bold", true, false, ""});
    CHECK(s[3] == Span{"it", false, true, ""});
    CHECK(s[5] == Span{"map", false, false, "https://x.org/a"});
    CHECK(s[6].text == " end");
}

TEST_CASE("markup: blank lines split paragraphs, single newlines are spaces") {
    auto ps = parse_markup("one\ntwo\n\n  three  ");
    REQUIRE(ps.size() == 2);
    CHECK(ps[0].spans[0].text == "one two");
    CHECK(ps[1].spans[0].text == "three");
}

TEST_CASE("markup: escapes are literal and unbalanced markers are reported") {
    std::vector<MarkupError> errors;
    auto ps = parse_markup("5 \\* 3 and \\[x\\]", &errors);
    CHECK(errors.empty());
    CHECK(plain_text("5 \\* 3 and \\[x\\]") == "5 * 3 and [x]");
    parse_markup("an *open marker", &errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].what == "unclosed '*' (italic)");
    CHECK(errors[0].offset == 3);
    errors.clear();
    parse_markup("see [the map] later", &errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].what == "'[' without a matching '](url)'");
}

TEST_CASE("markup: italic inside bold") {
    auto ps = parse_markup("**a *b* c**");
    REQUIRE(ps[0].spans.size() == 3);
    CHECK(ps[0].spans[1] == Span{"b", true, true, ""});
}

TEST_CASE("utf8: validation finds the first bad byte and its line and column") {
    std::string s = "ok\nné\xff";
    auto bad = utf8::first_invalid(s);
    REQUIRE(bad);
    CHECK(*bad == 6);
    auto lc = utf8::line_col(s, *bad);
    CHECK(lc.line == 2);
    CHECK(lc.col == 3);
    CHECK_FALSE(utf8::first_invalid("ok — “quoted” …"));
    CHECK(utf8::first_invalid(std::string("\xc0\xaf")));  // overlong '/'
    CHECK(utf8::first_invalid(std::string("\xed\xa0\x80")));  // surrogate
    CHECK(utf8::code_point_name(0x2014) == "U+2014");
}
