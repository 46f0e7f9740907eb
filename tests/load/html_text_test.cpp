#include <catch2/catch.hpp>

#include "load/fields.h"
#include "load/html_text.h"

using lerbrief::load::html_to_markup;

TEST_CASE("website text: entities become characters") {
    CHECK(html_to_markup("Last Mile&colon; Report") == "Last Mile: Report");
    CHECK(html_to_markup("Records&#x3b; The 7") == "Records; The 7");
    CHECK(html_to_markup("R&D and Learn & Work") == "R&D and Learn & Work");
    CHECK(html_to_markup("a &mdash; b &#8230;") == "a — b …");
}

TEST_CASE("website text: paragraph tags become paragraph breaks") {
    CHECK(html_to_markup("one.</p><p>Two.") == "one.\n\nTwo.");
    CHECK(html_to_markup("<p class=\"x\">one</p>") == "one");
    CHECK(html_to_markup("a<br/>b") == "a\n\nb");
}

TEST_CASE("website text: markup characters stay literal, inline tags become markup") {
    CHECK(html_to_markup("We [Participate] have *stars*") == "We \\[Participate\\] have \\*stars\\*");
    CHECK(html_to_markup("<strong>bold</strong> <a href=\"https://x.org\">x</a>") == "**bold** [x](https://x.org)");
}

TEST_CASE("website text: printed text is the markup with typographic quotes, link targets stay as written") {
    lerbrief::load::TextRules site;
    site.clean = [](std::string_view s) { return html_to_markup(s); };
    using lerbrief::load::printed;
    CHECK(printed("&quot;Hi,&quot; it&#39;s &ldquo;fine&rdquo;", site) == "“Hi,” it’s “fine”");
    CHECK(printed("<a href=\"https://x.org/?q='a'\">\"x\"</a>", site) == "[“x”](https://x.org/?q='a')");
    CHECK(printed("<i>'Aha'</i> 12\" screens", site) == "*‘Aha’* 12″ screens");
    // our schema: no cleaning, the same quotes
    CHECK(printed("\"Hi\" [a](u'b) \\\"", lerbrief::load::TextRules{}) == "“Hi” [a](u'b) \\\"");
}
