// YAML slips get hints (issue 13, item 5), and the pre-scan counts nesting
// only where YAML nests.
#include <catch2/catch.hpp>

#include "load/yaml_tree.h"
#include "load/yaml_tree_scan.h"

using namespace lerbrief;
using namespace lerbrief::load;

namespace {

std::string messages(const std::string& yaml) {
    Diagnostics d;
    (void)read_yaml(yaml, "f.yaml", d);
    std::string out;
    for (const auto& item : d.items()) out += format(item) + "\n";
    return out;
}

std::string brackets(int n) { return std::string(n, '[') + std::string(n, ']'); }

}  // namespace

TEST_CASE("yaml slips: a tab in the indentation is named, at the tab") {
    CHECK(messages("a: 1\nm:\n  b: 2\n  \tc: 3\n") ==
          "f.yaml:4:3: error: invalid YAML: a tab in the indentation\n"
          "hint: YAML indents with spaces only; replace the tab with spaces\n");
    CHECK(messages("list:\n\t- a\n").rfind("f.yaml:2:1: error: invalid YAML: a tab in the indentation", 0) == 0);
    // a tab inside a value is text
    CHECK(messages("a: x\ty\n").empty());
}

TEST_CASE("yaml slips: a value starting with an indicator gets a hint to quote it") {
    CHECK(messages("name: **bold** text\n") ==
          "f.yaml:1:7: error: invalid YAML: '*' at the start of a value makes it an alias\n"
          "hint: put the value in quotes: name: \"**bold** text\"\n");
    CHECK(messages("- *x # note\n") ==
          "f.yaml:1:3: error: invalid YAML: '*' at the start of a value makes it an alias\n"
          "hint: put the value in quotes: - \"*x\"\n");
    CHECK(messages("a: [Draft] b\n").find("'[' at the start of a value starts a list\n"
                                          "hint: put the value in quotes: a: \"[Draft] b\"") != std::string::npos);
    // an error inside a list that starts the value is not taken for one
    CHECK(messages("a: [b, *c]\n").find("the referenced anchor is not defined") != std::string::npos);
    CHECK(messages("a: ['x]', c] d\n").find("put the value in quotes: a: \"['x]', c] d\"") != std::string::npos);
    CHECK(messages("a: {x} b\n").find("'{' at the start of a value starts a mapping") != std::string::npos);
    CHECK(messages("a: > b\n").find("f.yaml:1:4: error: invalid YAML: '>' at the start of a value starts a block") == 0);
    for (const char* c : {"%", "@", "`"})
        CHECK(messages(std::string("a: ") + c + "b\n") ==
              std::string("f.yaml:1:4: error: invalid YAML: '") + c + "' at the start of a value is reserved\n" +
                  "hint: put the value in quotes: a: \"" + c + "b\"\n");
    // the example is quoted with what the value does not contain
    CHECK(messages("a: *say \"hi\"\n").find("a: '*say \"hi\"'") != std::string::npos);
    // and long values are shortened
    CHECK(messages("a: *" + std::string(100, 'x') + "\n").find("a: \"*" + std::string(47, 'x') + "…\"") !=
          std::string::npos);
}

TEST_CASE("yaml slips: anchors and tags on values would drop text: refused with a hint") {
    CHECK(messages("name: &amp; Co\n") ==
          "f.yaml:1:7: error: invalid YAML: '&' at the start of a value makes the word after it an anchor name, "
          "not text\nhint: put the value in quotes: name: \"&amp; Co\"\n");
    CHECK(messages("name: &nbsp;\nb: c\n").rfind("f.yaml:1:7: error: invalid YAML: '&'", 0) == 0);
    CHECK(messages("name: !important note\n") ==
          "f.yaml:1:7: error: invalid YAML: '!' at the start of a value makes the word after it a tag, not text\n"
          "hint: put the value in quotes: name: \"!important note\"\n");
    // YAML's own tags are fine, and an anchor used by an alias gets the alias message only
    CHECK(messages("a: !!str 3\n").empty());
    CHECK(messages("a: &e x\nb: *e\n") ==
          "f.yaml:2:4: error: YAML aliases (*name) are not supported\n"
          "hint: write the value out again instead of referring to it\n");
}

TEST_CASE("yaml slips: ': ' inside a value") {
    CHECK(messages("name: Note: text\n") ==
          "f.yaml:1:11: error: invalid YAML: ': ' inside a value starts another key\n"
          "hint: put the value in quotes: name: \"Note: text\"\n");
    CHECK(messages("- a: b: c\n").find("hint: put the value in quotes: a: \"b: c\"") != std::string::npos);
}

TEST_CASE("yaml slips: a value emptied by ' #' gets a warning at the #") {
    Diagnostics d;
    auto n = read_yaml("text: #1 in the state\nother: x\n", "f.yaml", d);
    REQUIRE(n);
    CHECK(n->get("text")->is_null());
    CHECK(n->get("text")->pos.line == 1);
    CHECK(n->get("text")->pos.col == 7);
    REQUIRE(d.items().size() == 1);
    CHECK(format(d.items()[0]) ==
          "f.yaml:1:7: warning: 'text' is empty: ' #' starts a YAML comment\n"
          "hint: put the value in quotes: text: \"#1 in the state\"");
    CHECK(messages("list:\n  - a\n  - #1 thing\n\n  # a note\n  - b\n") ==
          "f.yaml:3:5: warning: list item is empty: ' #' starts a YAML comment\n"
          "hint: put the value in quotes: - \"#1 thing\"\n");
    // a comment that reads as one, an empty value without a comment, and nulls in flow stay quiet
    CHECK(messages("a: # to do\nb:\nc: ~\n").empty());
    CHECK(messages("a: {b, c: #d\n }\n").empty());
}

TEST_CASE("yaml slips: an unclosed quote is reported where it opens") {
    CHECK(messages("a: x\nname: \"Employers\nb: c\n") ==
          "f.yaml:2:7: error: invalid YAML: the quote \" opened here is never closed\n"
          "hint: end the value with \" (write \\\" for a quote inside it)\n");
    CHECK(messages("name: 'it''s\nb: c\n").rfind("f.yaml:1:7: error: invalid YAML: the quote ' opened here is never closed", 0) == 0);
    CHECK(messages("name: \"Employers\ndefinition: \"Employers hire.\"\n") ==
          "f.yaml:1:7: error: invalid YAML: the quote \" opened here is closed only on line 2\n"
          "hint: end the value with \" on its line (write \\\" for a quote inside it)\n");
    // a quoted value over several lines is YAML
    CHECK(messages("a: \"one\n  two\"\nb: 'it''s\n  fine'\n").empty());
}

TEST_CASE("yaml pre-scan: brackets in text never count as nesting") {
    const std::string b = brackets(40);
    CHECK(messages("a: '" + b + "'\n").empty());
    CHECK(messages("a: \"" + b + " \\\" " + b + "\"\n").empty());
    CHECK(messages("a: \"it's " + b + "\"\n").empty());
    CHECK(messages("- '" + b + "'\n- \"" + b + "\"\n").empty());
    CHECK(messages("a: text " + b + "\n").empty());           // a plain scalar
    CHECK(messages("a: x # " + b + "\n# " + b + "\n").empty());  // comments
    CHECK(messages("a: |\n  it's \"quoted\n  " + b + "\n  " + std::string(80, '-') + "\nb: c\n").empty());
    CHECK(messages("- text: >-\n    " + b + "\n  other: x\n").empty());
    CHECK(messages("a: ['" + b + "', \"" + b + "\"]\n").empty());
    CHECK(messages("a: {\"k\":\"" + b + "\"}\n").empty());
    std::string dashes = "a: |\n  ";
    for (int i = 0; i < 40; ++i) dashes += "- ";
    CHECK(messages(dashes + "x\n").empty());
}

TEST_CASE("yaml pre-scan: real deep nesting is still refused, wherever it follows text") {
    const std::string deep = std::string(40, '[');
    const std::string refused = "error: nesting deeper than the limit of 32 levels";
    CHECK(messages("a: " + deep + "\n").find("f.yaml:1:36: " + refused) == 0);
    // after a block scalar holding a quote, and after an unclosed quote
    CHECK(messages("a: |\n  it's \"quoted\nx: " + deep + "\n").find("f.yaml:3:36: " + refused) == 0);
    CHECK(messages("a: \"x\nb: " + deep + "\n").find(refused) != std::string::npos);
    // after a quote that only a later line closes, in a plain continuation
    CHECK(messages("a: b\n  \"x\nc: " + deep + "\n\"\n").find(refused) != std::string::npos);
    // a block scalar that names its indentation is not skipped: what follows it counts
    CHECK(messages("a: |2\n  text\nb: " + deep + "\n").find("f.yaml:3:36: " + refused) == 0);
    // flow after an anchor or a tag
    CHECK(messages("a: &x " + deep + "\n").find(refused) != std::string::npos);
    CHECK(messages("a: !t " + deep + "\n").find(refused) != std::string::npos);
}

TEST_CASE("yaml pre-scan: closing quotes follow YAML's escapes") {
    using yaml_scan::closing_quote;
    CHECK(closing_quote("\"a\\\"b\" c", 0) == 5);
    CHECK(closing_quote("'a''b' c", 0) == 5);
    CHECK(closing_quote("\"a\\\\\" c", 0) == 4);
    CHECK(closing_quote("'abc", 0) == yaml_scan::npos);
}
