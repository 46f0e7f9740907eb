#include <catch2/catch.hpp>

#include "load/yaml_tree.h"

using namespace lerbrief;
using namespace lerbrief::load;

namespace {
std::string first_message(const std::string& yaml) {
    Diagnostics d;
    auto n = read_yaml(yaml, "f.yaml", d);
    REQUIRE_FALSE(n);
    REQUIRE_FALSE(d.items().empty());
    return format(d.items()[0]);
}
}  // namespace

TEST_CASE("yaml: nodes keep 1-based positions") {
    Diagnostics d;
    auto n = read_yaml("a: 1\nlist:\n  - x\n  - y\n", "f.yaml", d);
    REQUIRE(n);
    REQUIRE(n->is_map());
    const YNode* list = n->get("list");
    REQUIRE(list);
    REQUIRE(list->items.size() == 2);
    CHECK(list->items[1].pos.line == 4);
    CHECK(list->items[1].pos.col == 5);
    CHECK(n->get("a")->scalar == "1");
    CHECK(d.empty());
}

TEST_CASE("yaml: aliases are refused, with their position") {
    CHECK(first_message("a: &x {b: 1}\nc: *x\n") ==
          "f.yaml:2:4: error: YAML aliases (*name) are not supported\n"
          "hint: write the value out again instead of referring to it");
    // the self-referencing alias that makes yaml-cpp build a cycle
    CHECK(first_message("a: &x {b: *x}\n").find("aliases") != std::string::npos);
}

TEST_CASE("yaml: duplicate keys are errors naming the first one") {
    CHECK(first_message("name: a\nother: b\nname: c\n") ==
          "f.yaml:3:1: error: duplicate key 'name'\nhint: the first 'name' is on line 1");
}

TEST_CASE("yaml: compact nested sequences are refused before parsing") {
    std::string line;
    for (int i = 0; i < 20000; ++i) line += "- ";
    line += "x\n";
    CHECK(first_message(line) == "f.yaml:1:1: error: nesting deeper than the limit of 32 levels");
    CHECK(first_message(std::string(100000, '[')) == "f.yaml:1:33: error: nesting deeper than the limit of 32 levels");
}

TEST_CASE("yaml: invalid UTF-8 and control characters are reported where they are") {
    CHECK(first_message("a: b\nc: d\xff\n") ==
          "f.yaml:2:5: error: invalid UTF-8 (byte 0xff)\nhint: save the file as UTF-8");
    CHECK(first_message(std::string("a: b\0c", 6)).rfind("f.yaml:1:5: error: control character 0x00", 0) == 0);
}

TEST_CASE("yaml: empty files, syntax errors and second documents") {
    CHECK(first_message("") == "f.yaml: error: file is empty\nhint: see docs/CONTENT.md for what this file holds");
    CHECK(first_message("# only a comment\n") == "f.yaml: error: file is empty\nhint: see docs/CONTENT.md for what this file holds");
    CHECK(first_message("a: [1, 2\n").rfind("f.yaml:", 0) == 0);
    CHECK(first_message("a: 1\n---\nb: 2\n") ==
          "f.yaml:3:1: error: more than one YAML document in the file\n"
          "hint: remove the '---' line and what follows, or merge it");
}

TEST_CASE("yaml: a BOM and CRLF line ends are accepted") {
    Diagnostics d;
    auto n = read_yaml("\xEF\xBB\xBFtitle: x\r\nb: y\r\n", "f.yaml", d);
    REQUIRE(n);
    CHECK(n->get("title")->scalar == "x");
    CHECK(n->get("b")->pos.line == 2);
}

TEST_CASE("yaml: null scalars are null, quoted 'null' is a string") {
    Diagnostics d;
    auto n = read_yaml("a:\nb: ~\nc: 'null'\n", "f.yaml", d);
    REQUIRE(n);
    CHECK(n->get("a")->is_null());
    CHECK(n->get("b")->is_null());
    CHECK(n->get("c")->scalar == "null");
}

TEST_CASE("yaml: the nodes of a file share one copy of its path") {
    // A copy in each node made a 2 MiB file read through a 200-character path
    // take 850 MB (issue 14).
    Diagnostics d;
    const std::string path = std::string(200, 'd') + "/f.yaml";
    auto n = read_yaml("list: [x, y]\n", path, d);
    REQUIRE(n);
    const YNode& list = *n->get("list");
    const std::string& a = list.items[0].pos.file;
    const std::string& b = list.items[1].pos.file;
    CHECK(a == path);
    CHECK(&a == &b);
    CHECK(sizeof(SourcePos) <= 16);  // was 40, and a node 136 (now 104)
    CHECK(sizeof(YNode) <= 104);
}

TEST_CASE("yaml: more values than the limit in one file are refused") {
    std::string yaml = "a:\n";
    std::string list = "  - [x";
    for (int i = 1; i < 5'000; ++i) list += ",x";
    list += "]\n";
    for (int i = 0; i < 41; ++i) yaml += list;  // 205,000 values
    const std::string m = first_message(yaml);
    CHECK(m.find("error: more than the limit of 200000 values in one file\n"
                 "hint: split the content into several files") != std::string::npos);
}
